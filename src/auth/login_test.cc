#include "auth/login.h"

#include <gtest/gtest.h>
#include <sodium.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <limits>
#include <memory>
#include <stdexcept>
#include <string>

#include "auth/password.h"
#include "auth/tokens.h"
#include "store/sqlite_store.h"

namespace plenary::auth {
namespace {

using namespace std::string_literals;
using Outcome = LoginResult::Outcome;

constexpr char kNow[] = "2024-05-01T09:00:00Z";
constexpr char kPassword[] = "correct horse battery staple";

// A fresh store in a folder of its own under the system's temporary folder,
// removed afterwards. One password hash serves every test: each costs 64 MiB.
class Login : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { hash_ = new std::string(hash_password(kPassword)); }
  static void TearDownTestSuite() {
    delete hash_;
    hash_ = nullptr;
  }

  void SetUp() override {
    std::string pattern = std::filesystem::temp_directory_path() / "plenary-auth-XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    store_ = store::SqliteStore::open(dir_ / "plenary.sqlite", [] { return std::string(kNow); });
    alice_ = store_->create_user("alice", store::Role::editor, {"CTOC/COP/WG.7"}, *hash_);
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  LoginResult log_in_as(const std::string& name, std::string_view password, const std::string& now = kNow) {
    return log_in(*store_, name, password, now, policy_);
  }
  store::User stored_alice() { return *store_->user("alice"); }

  static std::string* hash_;
  std::filesystem::path dir_;
  std::unique_ptr<store::SqliteStore> store_;
  store::User alice_;
  LoginPolicy policy_{3, 600, 3600};  // short, so that the tests hash less
};

std::string* Login::hash_ = nullptr;

TEST_F(Login, RightPasswordOpensASession) {
  const LoginResult result = log_in_as("alice", kPassword);
  ASSERT_EQ(result.outcome, Outcome::ok);
  ASSERT_TRUE(result.user);
  EXPECT_EQ(result.user->name, "alice");
  EXPECT_EQ(result.user->id, alice_.id);
  EXPECT_EQ(result.session_token.size(), kTokenCharacters);
  EXPECT_EQ(result.session.token_digest, token_digest(result.session_token));
  EXPECT_EQ(result.session.user_id, alice_.id);
  EXPECT_EQ(result.session.csrf_token.size(), kTokenCharacters);
  EXPECT_NE(result.session.csrf_token, result.session_token);
  EXPECT_EQ(result.session.created_at, kNow);
  EXPECT_EQ(result.session.expires_at, "2024-05-01T10:00:00Z");
  EXPECT_TRUE(result.locked_until.empty());

  const auto user = user_for_session(*store_, result.session_token, kNow);
  ASSERT_TRUE(user);
  EXPECT_EQ(user->name, "alice");
  // The cookie's value opens the session; its digest, as a database copy holds it, does not.
  EXPECT_FALSE(user_for_session(*store_, result.session.token_digest, kNow));
  EXPECT_FALSE(user_for_session(*store_, "", kNow));
  EXPECT_FALSE(user_for_session(*store_, random_token(), kNow));
  EXPECT_FALSE(user_for_session(*store_, "\xff\0x"s, kNow));
}

TEST_F(Login, SessionsExpireAndLogOut) {
  const LoginResult result = log_in_as("alice", kPassword);
  ASSERT_EQ(result.outcome, Outcome::ok);
  EXPECT_TRUE(user_for_session(*store_, result.session_token, "2024-05-01T09:59:59Z"));
  EXPECT_FALSE(user_for_session(*store_, result.session_token, "2024-05-01T10:00:01Z"));
  EXPECT_FALSE(user_for_session(*store_, result.session_token, "2025-01-01T00:00:00Z"));

  log_out(*store_, result.session_token);
  EXPECT_FALSE(user_for_session(*store_, result.session_token, kNow));
  EXPECT_NO_THROW(log_out(*store_, result.session_token));  // twice
  EXPECT_NO_THROW(log_out(*store_, ""));
}

TEST_F(Login, EachLoginHasItsOwnSession) {
  const LoginResult first = log_in_as("alice", kPassword);
  const LoginResult second = log_in_as("alice", kPassword);
  ASSERT_EQ(first.outcome, Outcome::ok);
  ASSERT_EQ(second.outcome, Outcome::ok);
  EXPECT_NE(first.session_token, second.session_token);
  EXPECT_NE(first.session.csrf_token, second.session.csrf_token);
  log_out(*store_, first.session_token);
  EXPECT_FALSE(user_for_session(*store_, first.session_token, kNow));
  EXPECT_TRUE(user_for_session(*store_, second.session_token, kNow));
}

TEST_F(Login, WrongPasswordAndUnknownNameLookAlike) {
  policy_.max_failures = 10;  // five failures below, none of them locking
  const LoginResult wrong = log_in_as("alice", "correct horse battery stapler");
  const LoginResult unknown = log_in_as("bob", kPassword);
  for (const LoginResult* result : {&wrong, &unknown}) {
    EXPECT_EQ(result->outcome, Outcome::bad_credentials);
    EXPECT_FALSE(result->user);
    EXPECT_TRUE(result->session_token.empty());
    EXPECT_TRUE(result->session.token_digest.empty());
    EXPECT_TRUE(result->locked_until.empty());
  }
  EXPECT_EQ(stored_alice().failed_logins, 1);
  EXPECT_FALSE(store_->user("bob"));
  // Odd input is just more bad credentials.
  EXPECT_EQ(log_in_as("", "").outcome, Outcome::bad_credentials);
  EXPECT_EQ(log_in_as("alice", "").outcome, Outcome::bad_credentials);
  EXPECT_EQ(log_in_as("alice", "\xff\xfe\0"s).outcome, Outcome::bad_credentials);
}

TEST_F(Login, TheDummyHashIsRealAndCurrent) {
  // Were it malformed, an unknown name would be refused at once, and timing
  // would tell which names exist.
  ASSERT_GE(sodium_init(), 0);
  EXPECT_EQ(crypto_pwhash_str_needs_rehash(kDummyPasswordHash, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                           crypto_pwhash_MEMLIMIT_INTERACTIVE),
            0);
  EXPECT_EQ(std::string(kDummyPasswordHash).substr(0, 31), stored_alice().password_hash.substr(0, 31));
}

TEST_F(Login, FailuresLockTheAccountWithoutCheckingThePassword) {
  EXPECT_EQ(log_in_as("alice", "wrong password 1").outcome, Outcome::bad_credentials);
  EXPECT_EQ(log_in_as("alice", "wrong password 2").outcome, Outcome::bad_credentials);
  const LoginResult third = log_in_as("alice", "wrong password 3");
  EXPECT_EQ(third.outcome, Outcome::locked);
  EXPECT_EQ(third.locked_until, "2024-05-01T09:10:00Z");
  EXPECT_EQ(stored_alice().locked_until, "2024-05-01T09:10:00Z");
  EXPECT_EQ(stored_alice().failed_logins, 3);

  // During the lock even the right password is refused, and guesses are not counted.
  const LoginResult during = log_in_as("alice", kPassword, "2024-05-01T09:09:59Z");
  EXPECT_EQ(during.outcome, Outcome::locked);
  EXPECT_EQ(during.locked_until, "2024-05-01T09:10:00Z");
  EXPECT_TRUE(during.session_token.empty());
  EXPECT_FALSE(during.user);
  EXPECT_EQ(log_in_as("alice", "wrong password 4", "2024-05-01T09:05:00Z").outcome, Outcome::locked);
  EXPECT_EQ(stored_alice().failed_logins, 3);
  EXPECT_EQ(stored_alice().locked_until, "2024-05-01T09:10:00Z");
}

TEST_F(Login, TheLockExpiresAndSuccessClearsIt) {
  for (int i = 0; i < 3; ++i) log_in_as("alice", "wrong password");
  ASSERT_EQ(stored_alice().locked_until, "2024-05-01T09:10:00Z");
  const LoginResult after = log_in_as("alice", kPassword, "2024-05-01T09:10:00Z");
  ASSERT_EQ(after.outcome, Outcome::ok);
  EXPECT_EQ(after.user->failed_logins, 0);
  EXPECT_TRUE(after.user->locked_until.empty());
  EXPECT_EQ(stored_alice().failed_logins, 0);
  EXPECT_TRUE(stored_alice().locked_until.empty());
  EXPECT_EQ(after.session.expires_at, "2024-05-01T10:10:00Z");
}

TEST_F(Login, SuccessRestartsTheCount) {
  log_in_as("alice", "wrong password 1");
  log_in_as("alice", "wrong password 2");
  ASSERT_EQ(stored_alice().failed_logins, 2);
  ASSERT_EQ(log_in_as("alice", kPassword).outcome, Outcome::ok);
  EXPECT_EQ(stored_alice().failed_logins, 0);
  EXPECT_EQ(log_in_as("alice", "wrong password 3").outcome, Outcome::bad_credentials);
  EXPECT_EQ(log_in_as("alice", "wrong password 4").outcome, Outcome::bad_credentials);
  EXPECT_TRUE(stored_alice().locked_until.empty());
}

TEST_F(Login, AFailureAfterTheLockLocksAgain) {
  for (int i = 0; i < 3; ++i) log_in_as("alice", "wrong password");
  const LoginResult again = log_in_as("alice", "wrong password", "2024-05-01T09:10:00Z");
  EXPECT_EQ(again.outcome, Outcome::locked);
  EXPECT_EQ(again.locked_until, "2024-05-01T09:20:00Z");
  EXPECT_EQ(stored_alice().failed_logins, 4);
}

TEST_F(Login, AnUnreadableLockCountsAsALock) {
  // The store writes only well-formed locks; damage one behind its back.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir_ / "plenary.sqlite").c_str(), &db), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(db, "UPDATE users SET locked_until = 'next Tuesday'", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  ASSERT_EQ(stored_alice().locked_until, "next Tuesday");

  const LoginResult result = log_in_as("alice", kPassword);
  EXPECT_EQ(result.outcome, Outcome::locked);
  EXPECT_EQ(result.locked_until, "next Tuesday");
  store_->set_password("alice", *hash_);  // an administrator's reset unlocks
  EXPECT_EQ(log_in_as("alice", kPassword).outcome, Outcome::ok);
}

TEST_F(Login, MalformedTimeAndPolicyAreRefused) {
  EXPECT_THROW(log_in_as("alice", kPassword, ""), std::invalid_argument);
  EXPECT_THROW(log_in_as("alice", kPassword, "2024-05-01 09:00:00"), std::invalid_argument);
  policy_.max_failures = 0;
  EXPECT_THROW(log_in_as("alice", kPassword), std::invalid_argument);
  policy_ = LoginPolicy{};
  policy_.lock_seconds = -1;
  EXPECT_THROW(log_in_as("alice", kPassword), std::invalid_argument);
  policy_ = LoginPolicy{};
  policy_.session_seconds = 0;
  EXPECT_THROW(log_in_as("alice", kPassword), std::invalid_argument);
  EXPECT_EQ(stored_alice().failed_logins, 0);  // refused before anything was counted
}

TEST_F(Login, ApiTokensFindTheirAccount) {
  const std::string token = create_api_token(*store_, alice_.id, "nightly import");
  EXPECT_EQ(token.size(), kTokenCharacters);
  const auto user = user_for_api_token(*store_, token);
  ASSERT_TRUE(user);
  EXPECT_EQ(user->name, "alice");
  EXPECT_FALSE(user_for_api_token(*store_, token_digest(token)));
  EXPECT_FALSE(user_for_api_token(*store_, random_token()));
  EXPECT_FALSE(user_for_api_token(*store_, ""));
  EXPECT_NE(create_api_token(*store_, alice_.id, "nightly import"), token);
}

TEST(AddSeconds, AddsAcrossDaysMonthsAndLeapYears) {
  EXPECT_EQ(add_seconds("2024-05-01T09:00:00Z", 0), "2024-05-01T09:00:00Z");
  EXPECT_EQ(add_seconds("2024-05-01T09:00:00Z", 15 * 60), "2024-05-01T09:15:00Z");
  EXPECT_EQ(add_seconds("2024-05-01T20:00:00Z", 8 * 3600), "2024-05-02T04:00:00Z");
  EXPECT_EQ(add_seconds("2024-02-28T23:59:59Z", 1), "2024-02-29T00:00:00Z");
  EXPECT_EQ(add_seconds("2023-02-28T23:59:59Z", 1), "2023-03-01T00:00:00Z");
  EXPECT_EQ(add_seconds("2024-12-31T23:59:59Z", 1), "2025-01-01T00:00:00Z");
  EXPECT_EQ(add_seconds("2025-01-01T00:00:00Z", -1), "2024-12-31T23:59:59Z");
  EXPECT_EQ(add_seconds("1970-01-01T00:00:00Z", -1), "1969-12-31T23:59:59Z");
  EXPECT_EQ(add_seconds("2000-02-29T12:00:00Z", 365LL * 86400), "2001-02-28T12:00:00Z");
  EXPECT_EQ(add_seconds("0001-01-01T00:00:00Z", 0), "0001-01-01T00:00:00Z");
  EXPECT_EQ(add_seconds("9999-12-31T23:59:59Z", 0), "9999-12-31T23:59:59Z");
}

TEST(AddSeconds, RefusesMalformedTimes) {
  for (const std::string& bad :
       {""s, "2024-05-01"s, "2024-05-01T09:00:00"s, "2024-05-01 09:00:00Z"s, "2024-05-01T09:00:00+00:00"s,
        "2024-05-01T09:00:00.5Z"s, "2024-05-01T09:00:00Zx"s, " 2024-05-01T09:00:00Z"s, "2024-5-01T09:00:00Z"s,
        "2024-05-01t09:00:00z"s, "2024-13-01T00:00:00Z"s, "2024-00-01T00:00:00Z"s, "2024-04-31T00:00:00Z"s,
        "2023-02-29T00:00:00Z"s, "1900-02-29T00:00:00Z"s, "2024-05-00T00:00:00Z"s, "2024-05-01T24:00:00Z"s,
        "2024-05-01T09:60:00Z"s, "2024-05-01T09:00:60Z"s, "0000-01-01T00:00:00Z"s, "2024-05-01T09:00:0\0Z"s,
        "\xef\xbc\x92\x30\x32\x34-05-01T09:00:00Z"s, "-024-05-01T09:00:00Z"s, std::string(1 << 20, '2')}) {
    EXPECT_THROW(add_seconds(bad, 0), std::invalid_argument) << testing::PrintToString(bad.substr(0, 40));
  }
  EXPECT_NO_THROW(add_seconds("2000-02-29T00:00:00Z", 0));  // 2000 is a leap year
}

TEST(AddSeconds, RefusesResultsOutsideFourDigitYears) {
  EXPECT_THROW(add_seconds("9999-12-31T23:59:59Z", 1), std::out_of_range);
  EXPECT_THROW(add_seconds("0001-01-01T00:00:00Z", -1), std::out_of_range);
  EXPECT_THROW(add_seconds("2024-05-01T09:00:00Z", std::numeric_limits<int64_t>::max()), std::out_of_range);
  EXPECT_THROW(add_seconds("2024-05-01T09:00:00Z", std::numeric_limits<int64_t>::min()), std::out_of_range);
}

TEST(IsBefore, ComparesTimesNotText) {
  EXPECT_TRUE(is_before("2024-05-01T09:00:00Z", "2024-05-01T09:00:01Z"));
  EXPECT_FALSE(is_before("2024-05-01T09:00:01Z", "2024-05-01T09:00:00Z"));
  EXPECT_FALSE(is_before("2024-05-01T09:00:00Z", "2024-05-01T09:00:00Z"));
  EXPECT_TRUE(is_before("0999-12-31T23:59:59Z", "1000-01-01T00:00:00Z"));
  EXPECT_THROW(is_before("2024-05-01T09:00:00Z", "tomorrow"), std::invalid_argument);
}

}  // namespace
}  // namespace plenary::auth
