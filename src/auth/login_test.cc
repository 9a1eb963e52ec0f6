#include "auth/login.h"

#include <gtest/gtest.h>
#include <sodium.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
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
constexpr char kHere[] = "192.0.2.1";        // the user's address
constexpr char kElsewhere[] = "198.51.100.7";  // another client's

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

  LoginResult log_in_as(const std::string& name, std::string_view password, const std::string& now = kNow,
                        const std::string& address = kHere) {
    return log_in(*store_, {name, password, address}, now, policy_);
  }

  static std::string* hash_;
  std::filesystem::path dir_;
  std::unique_ptr<store::SqliteStore> store_;
  store::User alice_;
  // Short, so that the tests hash less.
  LoginPolicy policy_{.max_failures = 3, .max_address_failures = 6, .max_account_failures = 6,
                      .forget_seconds = 600, .session_seconds = 3600};
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
  EXPECT_TRUE(result.retry_after.empty());

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
  const LoginResult wrong = log_in_as("alice", "correct horse battery stapler");
  const LoginResult unknown = log_in_as("bob", kPassword);
  for (const LoginResult* result : {&wrong, &unknown}) {
    EXPECT_EQ(result->outcome, Outcome::bad_credentials);
    EXPECT_FALSE(result->user);
    EXPECT_TRUE(result->session_token.empty());
    EXPECT_TRUE(result->session.token_digest.empty());
    EXPECT_TRUE(result->retry_after.empty());
  }
  EXPECT_FALSE(store_->user("bob"));
  // Odd input is just more bad credentials.
  EXPECT_EQ(log_in_as("", "", kNow, kElsewhere).outcome, Outcome::bad_credentials);
  EXPECT_EQ(log_in_as("carol", "", kNow, kElsewhere).outcome, Outcome::bad_credentials);
  EXPECT_EQ(log_in_as("carol", "\xff\xfe\0"s, kNow, kElsewhere).outcome, Outcome::bad_credentials);
}

TEST_F(Login, TheDummyHashIsRealAndCurrent) {
  // Were it malformed, an unknown name would be refused at once, and timing
  // would tell which names exist.
  ASSERT_GE(sodium_init(), 0);
  EXPECT_EQ(crypto_pwhash_str_needs_rehash(kDummyPasswordHash, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                           crypto_pwhash_MEMLIMIT_INTERACTIVE),
            0);
  EXPECT_EQ(std::string(kDummyPasswordHash).substr(0, 31), alice_.password_hash.substr(0, 31));
}

// An unknown name costs a hash as a real one does: the quickest of three
// tries each, so that a busy machine only slows both.
TEST_F(Login, AnUnknownNameTakesAboutAsLongAsARealOne) {
  policy_.max_failures = policy_.max_address_failures = 10;
  auto quickest = [&](const std::string& name) {
    auto best = std::chrono::steady_clock::duration::max();
    for (int i = 0; i < 3; ++i) {
      const auto start = std::chrono::steady_clock::now();
      log_in_as(name, "wrong password");
      best = std::min(best, std::chrono::steady_clock::now() - start);
    }
    return best;
  };
  const auto real = quickest("alice"), unknown = quickest("nobody");
  EXPECT_GT(unknown * 3, real) << "an unknown name is answered much faster than a real one";
  EXPECT_GT(real * 3, unknown);
}

// The defect: five failures locked a real account for everyone, while an
// unknown name kept answering 401.
TEST_F(Login, FailuresRefuseTheAddressThatFailedNotTheUser) {
  EXPECT_EQ(log_in_as("alice", "wrong password 1", "2024-05-01T09:00:00Z", kElsewhere).outcome,
            Outcome::bad_credentials);
  EXPECT_EQ(log_in_as("alice", "wrong password 2", "2024-05-01T09:01:00Z", kElsewhere).outcome,
            Outcome::bad_credentials);
  const LoginResult third = log_in_as("alice", "wrong password 3", "2024-05-01T09:02:00Z", kElsewhere);
  EXPECT_EQ(third.outcome, Outcome::throttled);
  EXPECT_EQ(third.retry_after, "2024-05-01T09:12:00Z");  // forgotten ten minutes after the last

  // That address may not guess on, not even rightly, and its guesses are not counted.
  const LoginResult during = log_in_as("alice", kPassword, "2024-05-01T09:11:59Z", kElsewhere);
  EXPECT_EQ(during.outcome, Outcome::throttled);
  EXPECT_EQ(during.retry_after, "2024-05-01T09:12:00Z");
  EXPECT_FALSE(during.user);
  EXPECT_TRUE(during.session_token.empty());
  EXPECT_EQ(log_in_as("alice", "wrong password 4", "2024-05-01T09:05:00Z", kElsewhere).retry_after,
            "2024-05-01T09:12:00Z");

  // Alice at her own address logs in meanwhile.
  EXPECT_EQ(log_in_as("alice", kPassword, "2024-05-01T09:05:00Z", kHere).outcome, Outcome::ok);
  // And once the failures are forgotten, the other address may try again.
  EXPECT_EQ(log_in_as("alice", kPassword, "2024-05-01T09:12:00Z", kElsewhere).outcome, Outcome::ok);
}

TEST_F(Login, AnUnknownNameIsThrottledExactlyLikeARealOne) {
  policy_.max_address_failures = 100;  // rule 1 alone
  for (int i = 0; i < 5; ++i) {
    const std::string now = add_seconds(kNow, 60 * i);
    const LoginResult real = log_in_as("alice", "wrong password", now, kElsewhere);
    const LoginResult unknown = log_in_as("mallory", "wrong password", now, kElsewhere);
    EXPECT_EQ(real.outcome, unknown.outcome) << "attempt " << i + 1;
    EXPECT_EQ(real.retry_after, unknown.retry_after) << "attempt " << i + 1;
    EXPECT_EQ(real.outcome, i < 2 ? Outcome::bad_credentials : Outcome::throttled) << "attempt " << i + 1;
  }
  EXPECT_FALSE(store_->user("mallory"));
}

TEST_F(Login, TheRightPasswordForgetsTheFailuresOfItsAddress) {
  log_in_as("alice", "wrong password 1");
  log_in_as("alice", "wrong password 2");
  ASSERT_EQ(log_in_as("alice", kPassword).outcome, Outcome::ok);
  EXPECT_EQ(log_in_as("alice", "wrong password 3").outcome, Outcome::bad_credentials);
  EXPECT_EQ(log_in_as("alice", "wrong password 4").outcome, Outcome::bad_credentials);
  EXPECT_EQ(log_in_as("alice", "wrong password 5").outcome, Outcome::throttled);
}

TEST_F(Login, FailuresAreForgottenAfterAQuietSpell) {
  log_in_as("alice", "wrong password 1", "2024-05-01T09:00:00Z");
  log_in_as("alice", "wrong password 2", "2024-05-01T09:05:00Z");
  // Ten minutes after the last failure both are forgotten: two more are not yet a third.
  EXPECT_EQ(log_in_as("alice", "wrong password 3", "2024-05-01T09:15:00Z").outcome, Outcome::bad_credentials);
  EXPECT_EQ(log_in_as("alice", "wrong password 4", "2024-05-01T09:16:00Z").outcome, Outcome::bad_credentials);
  EXPECT_EQ(log_in_as("alice", "wrong password 5", "2024-05-01T09:17:00Z").outcome, Outcome::throttled);
}

TEST_F(Login, NamesCountTogetherWhateverTheirCase) {
  EXPECT_EQ(log_in_as("Alice", "wrong password 1").outcome, Outcome::bad_credentials);
  EXPECT_EQ(log_in_as("ALICE", "wrong password 2").outcome, Outcome::bad_credentials);
  EXPECT_EQ(log_in_as("alice", "wrong password 3").outcome, Outcome::throttled);
  EXPECT_EQ(log_in_as("ALICE", kPassword, kNow, kElsewhere).outcome, Outcome::ok);
}

// Rule 2: one address spraying a password over many names.
TEST_F(Login, OneAddressFailingOnManyNamesIsRefusedForEveryName) {
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(log_in_as("name" + std::to_string(i), "spring2024", kNow, kElsewhere).outcome,
              Outcome::bad_credentials);
  EXPECT_EQ(log_in_as("name5", "spring2024", kNow, kElsewhere).outcome, Outcome::throttled);
  EXPECT_EQ(log_in_as("alice", kPassword, kNow, kElsewhere).outcome, Outcome::throttled);
  EXPECT_EQ(log_in_as("alice", kPassword, kNow, kHere).outcome, Outcome::ok);
}

// Rule 3: many addresses guessing at one name get one failure each once the
// name has failed often, while an address that never failed still logs in.
TEST_F(Login, ManyAddressesFailingOnOneNameAreSlowedNotTheUser) {
  auto address = [](int i) { return "203.0.113." + std::to_string(i); };
  for (int i = 1; i <= 3; ++i) {
    EXPECT_EQ(log_in_as("alice", "guess a", kNow, address(i)).outcome, Outcome::bad_credentials);
    EXPECT_EQ(log_in_as("alice", "guess b", kNow, address(i)).outcome, i < 3 ? Outcome::bad_credentials
                                                                              : Outcome::throttled)
        << "the sixth failure on alice";
  }
  // Every address that failed is refused, even with the right password...
  EXPECT_EQ(log_in_as("alice", kPassword, kNow, address(1)).outcome, Outcome::throttled);
  // ...a new one gets one guess...
  EXPECT_EQ(log_in_as("alice", "guess c", kNow, address(4)).outcome, Outcome::throttled);
  EXPECT_EQ(log_in_as("alice", "guess d", kNow, address(4)).outcome, Outcome::throttled);
  // ...and Alice, who never failed, logs in.
  EXPECT_EQ(log_in_as("alice", kPassword, kNow, kHere).outcome, Outcome::ok);
}

TEST_F(Login, AnAdministratorCanForgetTheFailures) {
  for (int i = 0; i < 3; ++i) log_in_as("alice", "wrong password");
  ASSERT_EQ(log_in_as("alice", kPassword).outcome, Outcome::throttled);
  forget_login_failures(*store_, "ALICE");
  EXPECT_EQ(log_in_as("alice", kPassword).outcome, Outcome::ok);
}

TEST_F(Login, AnUnreadableFailureTimeStillRefuses) {
  for (int i = 0; i < 3; ++i) log_in_as("alice", "wrong password");
  // The store writes only well-formed times; damage one behind its back.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir_ / "plenary.sqlite").c_str(), &db), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(db, "UPDATE login_failures SET last_failed_at = 'next Tuesday'", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  const LoginResult result = log_in_as("alice", kPassword);
  EXPECT_EQ(result.outcome, Outcome::throttled);
  EXPECT_EQ(result.retry_after, "2024-05-01T09:10:00Z");
}

TEST_F(Login, MalformedTimeAndPolicyAreRefused) {
  EXPECT_THROW(log_in_as("alice", kPassword, ""), std::invalid_argument);
  EXPECT_THROW(log_in_as("alice", kPassword, "2024-05-01 09:00:00"), std::invalid_argument);
  for (int64_t LoginPolicy::*field : {&LoginPolicy::max_failures, &LoginPolicy::max_address_failures,
                                      &LoginPolicy::max_account_failures, &LoginPolicy::session_seconds}) {
    policy_ = LoginPolicy{};
    policy_.*field = 0;
    EXPECT_THROW(log_in_as("alice", kPassword), std::invalid_argument);
  }
  policy_ = LoginPolicy{};
  policy_.forget_seconds = -1;
  EXPECT_THROW(log_in_as("alice", kPassword), std::invalid_argument);
  // Refused before anything was counted.
  policy_ = LoginPolicy{.max_failures = 1};
  EXPECT_EQ(log_in_as("alice", kPassword).outcome, Outcome::ok);
}

TEST(ThrottleAddress, CountsAnIpv6ClientByItsNetwork) {
  EXPECT_EQ(throttle_address("192.0.2.1"), "192.0.2.1");
  EXPECT_EQ(throttle_address("2001:db8:1:2:3:4:5:6"), "2001:db8:1:2::/64");
  EXPECT_EQ(throttle_address("2001:DB8:1:2::ffff"), "2001:db8:1:2::/64");
  EXPECT_EQ(throttle_address("2001:db8:1:3::1"), "2001:db8:1:3::/64");
  EXPECT_EQ(throttle_address("::1"), "::/64");
  EXPECT_EQ(throttle_address("::ffff:192.0.2.1"), "192.0.2.1");
  EXPECT_EQ(throttle_address(""), "unknown");
  EXPECT_EQ(throttle_address("not an address"), token_digest("not an address"));
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
