// Accounts, login counting, sessions and API tokens in the SQLite store.
#include <gtest/gtest.h>

#include <algorithm>
#include <latch>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "store/sqlite_store.h"
#include "store/test_support.h"

namespace plenary::store {
namespace {

const char kHash[] = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo";
const char kOtherHash[] = "$argon2id$v=19$m=65536,t=2,p=1$b3RoZXI$b3RoZXJoYXNo";

class AccountsTest : public ::testing::Test {
 protected:
  std::unique_ptr<SqliteStore> open() { return SqliteStore::open(path_, ticking_clock()); }

  // A session of `user` that lasts until `expires_at`.
  Session session_of(int64_t user, const std::string& digest, const std::string& expires_at) {
    return {digest, user, "csrf-" + digest, "", expires_at};
  }

  TempFolder folder_;
  std::string path_ = folder_.file("plenary.db");
  std::unique_ptr<SqliteStore> store_ = open();
};

TEST(StoreNames, RolesSubjectsAndStatusesGoBothWays) {
  for (Role role : {Role::admin, Role::editor, Role::bureau}) EXPECT_EQ(role_from(to_string(role)), role);
  EXPECT_STREQ(to_string(Role::bureau), "bureau");
  EXPECT_FALSE(role_from("Admin"));
  EXPECT_FALSE(role_from(""));
  EXPECT_FALSE(role_from("admin "));
  for (ProcedureSubject subject :
       {ProcedureSubject::calendar, ProcedureSubject::topics, ProcedureSubject::organization})
    EXPECT_EQ(procedure_subject_from(to_string(subject)), subject);
  EXPECT_STREQ(to_string(ProcedureSubject::organization), "organization");
  EXPECT_FALSE(procedure_subject_from("budget"));
  for (ProcedureStatus status : {ProcedureStatus::open, ProcedureStatus::approved,
                                 ProcedureStatus::objected, ProcedureStatus::withdrawn})
    EXPECT_EQ(procedure_status_from(to_string(status)), status);
  EXPECT_STREQ(to_string(ProcedureStatus::withdrawn), "withdrawn");
  EXPECT_FALSE(procedure_status_from("closed"));
  EXPECT_STREQ(to_string(static_cast<Role>(9)), "(not a role)");
}

TEST_F(AccountsTest, CreatesUsersAndReadsThemBack) {
  User admin = store_->create_user("zoe", Role::admin, {}, kHash);
  EXPECT_GT(admin.id, 0);
  EXPECT_EQ(admin.name, "zoe");
  EXPECT_EQ(admin.role, Role::admin);
  EXPECT_TRUE(admin.bodies.empty());
  EXPECT_EQ(admin.password_hash, kHash);
  EXPECT_EQ(admin.created_at, "2024-05-01T09:00:01Z");

  // Bodies come back sorted, whatever order they were given in.
  User editor = store_->create_user("ana", Role::editor, {"CTOC/COP/WG.7", "CTOC/COP", "A/HRC"}, kOtherHash);
  EXPECT_EQ(editor.bodies, (std::vector<std::string>{"A/HRC", "CTOC/COP", "CTOC/COP/WG.7"}));
  User bureau = store_->create_user("Đặng Thị Mỹ", Role::bureau, {"CTOC/COP"}, kHash);
  EXPECT_NE(editor.id, admin.id);
  EXPECT_NE(bureau.id, editor.id);

  std::optional<User> read = store_->user("ana");
  ASSERT_TRUE(read);
  EXPECT_EQ(read->id, editor.id);
  EXPECT_EQ(read->role, Role::editor);
  EXPECT_EQ(read->bodies, editor.bodies);
  EXPECT_EQ(read->password_hash, kOtherHash);
  EXPECT_EQ(store_->user_by_id(bureau.id)->name, "Đặng Thị Mỹ");
  EXPECT_EQ(store_->user_by_id(bureau.id)->bodies, std::vector<std::string>{"CTOC/COP"});

  EXPECT_EQ(store_->user("Ana").value_or(User{}).id, editor.id);  // names are compared folded
  EXPECT_EQ(store_->user("ĐẶNG THỊ MỸ").value_or(User{}).id, bureau.id);
  EXPECT_FALSE(store_->user(""));
  EXPECT_FALSE(store_->user_by_id(99));

  std::vector<User> all = store_->users();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].name, "ana");  // by name (bytes: ASCII before Vietnamese)
  EXPECT_EQ(all[1].name, "zoe");
  EXPECT_EQ(all[2].name, "Đặng Thị Mỹ");
  EXPECT_EQ(all[0].bodies.size(), 3u);
  EXPECT_TRUE(all[1].bodies.empty());
}

TEST_F(AccountsTest, RefusesASecondUserWithTheSameName) {
  store_->create_user("ana", Role::editor, {"CTOC"}, kHash);
  try {
    store_->create_user("ana", Role::admin, {}, kOtherHash);
    FAIL() << "a second user took the name";
  } catch (const AlreadyExists& error) {
    EXPECT_STREQ(error.what(), "a user is already named ana");
  }
  ASSERT_EQ(store_->users().size(), 1u);
  EXPECT_EQ(store_->user("ana")->role, Role::editor);
  EXPECT_EQ(store_->user("ana")->password_hash, kHash);
}

TEST_F(AccountsTest, RefusesBadAccountsWithPreciseMessages) {
  auto create = [&](const std::string& name, Role role, const std::vector<std::string>& bodies,
                    const std::string& hash) {
    return invalid_input_message([&] { store_->create_user(name, role, bodies, hash); });
  };
  EXPECT_EQ(create("zoe", Role::admin, {"CTOC"}, kHash), "an admin serves every body; give no bodies, not 1");
  EXPECT_EQ(create("ana", Role::editor, {}, kHash), "the role editor needs at least one body");
  EXPECT_EQ(create("ben", Role::bureau, {}, kHash), "the role bureau needs at least one body");
  EXPECT_EQ(create("ana", static_cast<Role>(7), {"CTOC"}, kHash), "role 7 is not admin, editor or bureau");
  EXPECT_EQ(create("ana", Role::editor, {"CTOC", "A/HRC", "CTOC"}, kHash), "body \"CTOC\" is given twice");
  EXPECT_EQ(create("ana", Role::editor, {""}, kHash), "body is empty");
  EXPECT_EQ(create("ana", Role::editor, {"CTOC "}, kHash), "body \"CTOC \" has spaces around it");
  EXPECT_EQ(create("ana", Role::editor, {"CT\xFF"}, kHash), "body is not valid UTF-8 at offset 2");
  EXPECT_EQ(create("", Role::admin, {}, kHash), "user name is empty");
  EXPECT_EQ(create(" ana", Role::admin, {}, kHash), "user name \" ana\" has spaces around it");
  EXPECT_EQ(create("an\xC3", Role::admin, {}, kHash), "user name is not valid UTF-8 at offset 2");
  EXPECT_EQ(create("\xC0\x80", Role::admin, {}, kHash), "user name is not valid UTF-8 at offset 0");
  EXPECT_EQ(create(std::string("a\0b", 3), Role::admin, {}, kHash), "user name holds a NUL byte at offset 1");
  EXPECT_EQ(create(std::string(201, 'a'), Role::admin, {}, kHash), "user name is 201 bytes, over the limit of 200");
  EXPECT_EQ(create("ana", Role::admin, {}, ""), "password hash is empty");
  EXPECT_EQ(create("ana", Role::admin, {}, std::string(201, '$')), "password hash is 201 bytes, over the limit of 200");
  EXPECT_EQ(create("ana", Role::admin, {}, "\xFE"), "password hash is not valid UTF-8 at offset 0");
  EXPECT_TRUE(store_->users().empty());
  // At the limit is fine.
  EXPECT_EQ(store_->create_user(std::string(200, 'a'), Role::admin, {}, kHash).name.size(), 200u);
}

TEST_F(AccountsTest, StoresHostileNamesVerbatim) {
  const std::string name = "x'); DROP TABLE users; --";
  const std::string body = "'; DELETE FROM user_bodies; --";
  User created = store_->create_user(name, Role::editor, {body}, "' OR '1'='1");
  EXPECT_EQ(store_->user(name)->bodies, std::vector<std::string>{body});
  EXPECT_EQ(store_->user(name)->password_hash, "' OR '1'='1");
  EXPECT_EQ(store_->user_by_id(created.id)->name, name);
  EXPECT_FALSE(store_->user("x"));
  EXPECT_EQ(store_->users().size(), 1u);
}

TEST_F(AccountsTest, SetRoleReplacesTheBodies) {
  store_->create_user("ana", Role::editor, {"CTOC", "A/HRC"}, kHash);
  store_->set_role("ana", Role::bureau, {"E/CN.15"});
  User bureau = *store_->user("ana");
  EXPECT_EQ(bureau.role, Role::bureau);
  EXPECT_EQ(bureau.bodies, std::vector<std::string>{"E/CN.15"});
  store_->set_role("ana", Role::admin, {});
  EXPECT_EQ(store_->user("ana")->role, Role::admin);
  EXPECT_TRUE(store_->user("ana")->bodies.empty());

  EXPECT_EQ(invalid_input_message([&] { store_->set_role("ana", Role::editor, {}); }),
            "the role editor needs at least one body");
  EXPECT_EQ(invalid_input_message([&] { store_->set_role("ana", Role::admin, {"CTOC"}); }),
            "an admin serves every body; give no bodies, not 1");
  EXPECT_EQ(store_->user("ana")->role, Role::admin);  // unchanged
  try {
    store_->set_role("nobody", Role::editor, {"CTOC"});
    FAIL() << "an unknown user got a role";
  } catch (const NotFound& error) {
    EXPECT_STREQ(error.what(), "no user is named nobody");
  }
  EXPECT_EQ(store_->users().size(), 1u);
}

// Names are one account whatever their case: lookups and creation fold them.
TEST_F(AccountsTest, NamesAreComparedFolded) {
  const User ed = store_->create_user("Ed", Role::editor, {"CTOC"}, kHash);
  for (const char* name : {"Ed", "ed", "ED", "eD", "\xef\xbc\xa5\xef\xbd\x84"})  // the last: full-width "Ｅｄ"
    EXPECT_EQ(store_->user(name).value_or(User{}).id, ed.id) << name;
  EXPECT_EQ(store_->user("ED")->name, "Ed");  // kept as created
  EXPECT_FALSE(store_->user("Edd"));
  EXPECT_FALSE(store_->user("\xff"));
  try {
    store_->create_user("ED", Role::admin, {}, kOtherHash);
    FAIL() << "ED was created beside Ed";
  } catch (const AlreadyExists& error) {
    EXPECT_STREQ(error.what(), "a user is already named Ed (the same name as ED, whatever the case)");
  }
  try {
    store_->create_user("Ed", Role::admin, {}, kOtherHash);
    FAIL() << "Ed was created twice";
  } catch (const AlreadyExists& error) {
    EXPECT_STREQ(error.what(), "a user is already named Ed");
  }
  // Other writes by name fold it too.
  store_->set_password("ED", kOtherHash);
  EXPECT_EQ(store_->user("ed")->password_hash, kOtherHash);
  store_->set_role("eD", Role::admin, {});
  EXPECT_EQ(store_->user("Ed")->role, Role::admin);
  // Beyond ASCII: Greek and German fold as Unicode says.
  store_->create_user("ΣΟΦΙΑ", Role::editor, {"CTOC"}, kHash);
  EXPECT_TRUE(store_->user("σοφια"));
  store_->create_user("Strauß", Role::editor, {"CTOC"}, kHash);
  EXPECT_THROW(store_->create_user("STRAUSS", Role::editor, {"CTOC"}, kHash), AlreadyExists);
  // A name of invisible characters only would fold to nothing.
  EXPECT_EQ(invalid_input_message([&] { store_->create_user("\xc2\xad", Role::admin, {}, kHash); }),
            "user name \"\xc2\xad\" has only invisible characters");
  EXPECT_EQ(store_->users().size(), 3u);
}

TEST(FoldName, FoldsCaseAndWidth) {
  EXPECT_EQ(fold_name("ED"), "ed");
  EXPECT_EQ(fold_name("Ana-María"), "ana-maría");
  EXPECT_EQ(fold_name("\xef\xbc\xa5\xef\xbd\x84"), "ed");
  EXPECT_EQ(fold_name("e\xcc\x81"), "\xc3\xa9");  // e + combining acute is é
  EXPECT_EQ(fold_name(""), "");
}

// The login throttle's counts (the policy is auth's, in login.h).
TEST_F(AccountsTest, CountsLoginFailuresByAccountAndAddress) {
  const std::string since = "2024-05-01T08:45:00Z";
  auto count = [&](const std::string& account, const std::string& address, const std::string& now) {
    return store_->record_login_attempt(account, address, since, now, [](const LoginFailures&) { return true; });
  };
  auto read = [&](const std::string& account, const std::string& address) {
    return store_->record_login_attempt(account, address, since, "2024-05-01T09:00:00Z",
                                        [](const LoginFailures&) { return false; });
  };
  // Accounts need not exist: the keys are opaque.
  EXPECT_EQ(count("a", "1.1.1.1", "2024-05-01T09:00:00Z").of_account_from_address, 0);
  count("a", "1.1.1.1", "2024-05-01T09:01:00Z");
  count("a", "2.2.2.2", "2024-05-01T09:02:00Z");
  count("b", "1.1.1.1", "2024-05-01T09:03:00Z");
  LoginFailures a1 = read("a", "1.1.1.1");
  EXPECT_EQ(a1.of_account_from_address, 2);
  EXPECT_EQ(a1.last_of_account_from_address, "2024-05-01T09:01:00Z");
  EXPECT_EQ(a1.from_address, 3);
  EXPECT_EQ(a1.last_from_address, "2024-05-01T09:03:00Z");
  EXPECT_EQ(a1.of_account, 3);
  // A read counted nothing.
  EXPECT_EQ(read("a", "1.1.1.1").of_account_from_address, 2);
  const LoginFailures fresh = read("c", "3.3.3.3");
  EXPECT_EQ(fresh.of_account_from_address + fresh.from_address + fresh.of_account, 0);
  EXPECT_EQ(fresh.last_of_account_from_address, "");
  EXPECT_EQ(fresh.last_from_address, "");

  // Clearing one pair leaves the others; clearing an account clears every address.
  store_->clear_login_failures("a", "1.1.1.1");
  EXPECT_EQ(read("a", "1.1.1.1").of_account_from_address, 0);
  EXPECT_EQ(read("a", "2.2.2.2").of_account_from_address, 1);
  EXPECT_EQ(read("b", "1.1.1.1").of_account_from_address, 1);
  store_->clear_login_failures("a", "");
  EXPECT_EQ(read("a", "2.2.2.2").of_account, 0);
  EXPECT_EQ(read("b", "1.1.1.1").of_account, 1);

  // Failures at or before `since` are forgotten.
  count("d", "4.4.4.4", "2024-05-01T08:40:00Z");
  count("d", "4.4.4.4", "2024-05-01T08:44:59Z");
  EXPECT_EQ(read("d", "4.4.4.4").of_account_from_address, 0);
  EXPECT_EQ(store_->record_login_attempt("d", "4.4.4.4", "2024-05-01T08:40:00Z", "2024-05-01T09:00:00Z",
                                         [](const LoginFailures&) { return false; })
                .of_account_from_address,
            0);

  EXPECT_EQ(invalid_input_message([&] { count("", "1.1.1.1", "2024-05-01T09:00:00Z"); }),
            "login throttle account is empty");
  EXPECT_EQ(invalid_input_message([&] { count("a", "", "2024-05-01T09:00:00Z"); }),
            "login throttle address is empty");
  EXPECT_EQ(invalid_input_message([&] { count("a", "1.1.1.1", "soon"); }),
            "now \"soon\" is not a UTC time like 2024-05-01T09:30:00Z");
  EXPECT_EQ(invalid_input_message([&] { store_->clear_login_failures("", ""); }),
            "login throttle account is empty");
}

TEST_F(AccountsTest, SettingAPasswordEndsTheSessions) {
  int64_t ana = store_->create_user("ana", Role::editor, {"CTOC"}, kHash).id;
  int64_t ben = store_->create_user("ben", Role::editor, {"CTOC"}, kHash).id;
  store_->create_session(session_of(ana, "ana-laptop", "2024-05-02T09:00:00Z"));
  store_->create_session(session_of(ana, "ana-phone", "2024-05-02T09:00:00Z"));
  store_->create_session(session_of(ben, "ben-laptop", "2024-05-02T09:00:00Z"));
  store_->create_api_token("ana-script", ana, "nightly import");
  ASSERT_TRUE(store_->session("ana-laptop", "2024-05-01T12:00:00Z"));

  store_->set_password("ana", kOtherHash);
  User changed = *store_->user("ana");
  EXPECT_EQ(changed.password_hash, kOtherHash);
  EXPECT_FALSE(store_->session("ana-laptop", "2024-05-01T12:00:00Z"));
  EXPECT_FALSE(store_->session("ana-phone", "2024-05-01T12:00:00Z"));
  EXPECT_TRUE(store_->session("ben-laptop", "2024-05-01T12:00:00Z"));  // not ben's
  EXPECT_EQ(store_->user_for_api_token("ana-script")->id, ana);      // tokens stay

  try {
    store_->set_password("nobody", kHash);
    FAIL() << "an unknown user got a password";
  } catch (const NotFound& error) {
    EXPECT_STREQ(error.what(), "no user is named nobody");
  }
  EXPECT_EQ(invalid_input_message([&] { store_->set_password("ana", ""); }), "password hash is empty");
  EXPECT_EQ(store_->user("ana")->password_hash, kOtherHash);
}

// Each attempt is counted even when two servers count at the same moment,
// and each sees the count before its own: the read and the increment are one
// write transaction, so parallel guesses cannot pass a limit together.
TEST_F(AccountsTest, CountsLoginAttemptsFromTwoConnectionsAtOnce) {
  constexpr int kEach = 50;
  std::vector<int64_t> seen[2];
  std::string errors[2];
  std::latch both_open(2);  // so that the two really count at the same time
  auto fail_logins = [&](int thread) {
    bool arrived = false;
    try {
      std::unique_ptr<SqliteStore> own = open();
      arrived = true;
      both_open.arrive_and_wait();
      for (int i = 0; i < kEach; ++i)
        seen[thread].push_back(own->record_login_attempt("ana", "1.1.1.1", "2024-05-01T08:00:00Z",
                                                         "2024-05-01T09:00:00Z",
                                                         [](const LoginFailures&) { return true; })
                                   .of_account_from_address);
    } catch (const std::exception& error) {
      errors[thread] = error.what();
      if (!arrived) both_open.count_down();  // so that the other thread does not wait forever
    }
  };
  std::thread first(fail_logins, 0);
  std::thread second(fail_logins, 1);
  first.join();
  second.join();
  EXPECT_EQ(errors[0], "");
  EXPECT_EQ(errors[1], "");
  // Every count from 0 to 99 was seen exactly once, each thread's rising.
  std::vector<int64_t> all;
  for (const std::vector<int64_t>& counts : seen) {
    ASSERT_EQ(counts.size(), static_cast<size_t>(kEach));
    for (size_t i = 1; i < counts.size(); ++i) EXPECT_GT(counts[i], counts[i - 1]);
    all.insert(all.end(), counts.begin(), counts.end());
  }
  std::sort(all.begin(), all.end());
  for (size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i], static_cast<int64_t>(i));
}

TEST_F(AccountsTest, SessionsLastUntilTheyExpire) {
  int64_t ana = store_->create_user("ana", Role::editor, {"CTOC"}, kHash).id;
  store_->create_session({"digest-1", ana, "csrf-1", "2024-05-01T08:00:00Z", "2024-05-01T20:00:00Z"});
  std::optional<Session> read = store_->session("digest-1", "2024-05-01T12:00:00Z");
  ASSERT_TRUE(read);
  EXPECT_EQ(read->token_digest, "digest-1");
  EXPECT_EQ(read->user_id, ana);
  EXPECT_EQ(read->csrf_token, "csrf-1");
  EXPECT_EQ(read->created_at, "2024-05-01T08:00:00Z");
  EXPECT_EQ(read->expires_at, "2024-05-01T20:00:00Z");
  EXPECT_TRUE(store_->session("digest-1", "2024-05-01T19:59:59Z"));
  EXPECT_FALSE(store_->session("digest-1", "2024-05-01T20:00:00Z"));  // expires_at is the first second without
  EXPECT_FALSE(store_->session("digest-1", "2025-01-01T00:00:00Z"));
  EXPECT_FALSE(store_->session("digest-2", "2024-05-01T12:00:00Z"));
  EXPECT_FALSE(store_->session("", "2024-05-01T12:00:00Z"));

  // Without created_at, the store's clock gives it.
  store_->create_session(session_of(ana, "digest-2", "2024-05-02T00:00:00Z"));
  EXPECT_EQ(store_->session("digest-2", "2024-05-01T12:00:00Z")->created_at.substr(0, 14), "2024-05-01T09:");

  store_->delete_session("digest-1");
  EXPECT_FALSE(store_->session("digest-1", "2024-05-01T12:00:00Z"));
  store_->delete_session("digest-1");  // logging out twice is no error
  store_->delete_session("never-was");
  EXPECT_TRUE(store_->session("digest-2", "2024-05-01T12:00:00Z"));
}

TEST_F(AccountsTest, RefusesBadSessions) {
  int64_t ana = store_->create_user("ana", Role::editor, {"CTOC"}, kHash).id;
  store_->create_session(session_of(ana, "taken", "2024-05-02T00:00:00Z"));
  try {
    store_->create_session(session_of(ana + 1, "digest", "2024-05-02T00:00:00Z"));
    FAIL() << "a session for an unknown user";
  } catch (const NotFound& error) {
    EXPECT_EQ(std::string(error.what()), "no user has id " + std::to_string(ana + 1));
  }
  try {
    store_->create_session(session_of(ana, "taken", "2024-05-03T00:00:00Z"));
    FAIL() << "two sessions with one digest";
  } catch (const AlreadyExists& error) {
    EXPECT_STREQ(error.what(), "a session already has this token digest");  // no secret in it
  }
  auto create = [&](const Session& session) {
    return invalid_input_message([&] { store_->create_session(session); });
  };
  EXPECT_EQ(create({"", ana, "csrf", "", "2024-05-02T00:00:00Z"}), "token digest is empty");
  EXPECT_EQ(create({"d", ana, "", "", "2024-05-02T00:00:00Z"}), "CSRF token is empty");
  EXPECT_EQ(create({"d", ana, "c", "", ""}), "expires_at \"\" is not a UTC time like 2024-05-01T09:30:00Z");
  EXPECT_EQ(create({"d", ana, "c", "", "2024-05-02 00:00:00"}),
            "expires_at \"2024-05-02 00:00:00\" is not a UTC time like 2024-05-01T09:30:00Z");
  EXPECT_EQ(create({"d", ana, "c", "yesterday", "2024-05-02T00:00:00Z"}),
            "created_at \"yesterday\" is not a UTC time like 2024-05-01T09:30:00Z");
  EXPECT_EQ(create({std::string(201, 'd'), ana, "c", "", "2024-05-02T00:00:00Z"}),
            "token digest is 201 bytes, over the limit of 200");
  EXPECT_EQ(create({"d\xC3", ana, "c", "", "2024-05-02T00:00:00Z"}), "token digest is not valid UTF-8 at offset 1");
  EXPECT_EQ(invalid_input_message([&] { store_->session("taken", "now"); }),
            "now \"now\" is not a UTC time like 2024-05-01T09:30:00Z");
  EXPECT_EQ(invalid_input_message([&] { store_->session("taken", "2024-05-01T12:00:00"); }),
            "now \"2024-05-01T12:00:00\" is not a UTC time like 2024-05-01T09:30:00Z");
  EXPECT_TRUE(store_->session("taken", "2024-05-01T12:00:00Z"));
  EXPECT_FALSE(store_->session("d", "2024-05-01T12:00:00Z"));
}

TEST_F(AccountsTest, ValidatesTheShapeAndRangeOfTimes) {
  int64_t ana = store_->create_user("ana", Role::editor, {"CTOC"}, kHash).id;
  for (const char* good : {"2024-02-29T23:59:59Z", "2000-02-29T00:00:00Z", "2024-12-31T00:00:00Z"})
    EXPECT_NO_THROW(store_->create_session(session_of(ana, good, good))) << good;
  for (const char* bad : {"2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2024-04-31T00:00:00Z",
                          "2024-00-10T00:00:00Z", "2024-05-00T00:00:00Z", "2024-05-01T24:00:00Z",
                          "2024-05-01T23:60:00Z", "2024-05-01T23:59:60Z", "2024-05-01T09:30:00+01:00",
                          "2024-05-01t09:30:00z", "2024-05-01T09:30:00.5Z", "2024-5-1T9:30:00Z",
                          "+024-05-01T09:30:00Z", "2024-05-01T09:30:00Z "})
    EXPECT_THROW(store_->create_session(session_of(ana, "bad", bad)), InvalidInput) << bad;
}

TEST_F(AccountsTest, CreatingASessionForgetsExpiredOnes) {
  int64_t ana = store_->create_user("ana", Role::editor, {"CTOC"}, kHash).id;
  // The store's clock reads 2024-05-01T09:00:xxZ.
  store_->create_session(session_of(ana, "old", "2024-04-30T00:00:00Z"));
  store_->create_session(session_of(ana, "current", "2024-05-02T00:00:00Z"));
  RawDatabase raw(path_);
  EXPECT_EQ(raw.column("SELECT token_digest FROM sessions ORDER BY token_digest"),
            std::vector<std::string>{"current"});
}

TEST_F(AccountsTest, ApiTokensNameTheirUser) {
  int64_t ana = store_->create_user("ana", Role::editor, {"CTOC", "A/HRC"}, kHash).id;
  store_->create_api_token("token-digest", ana, "nightly import from the conference system");
  std::optional<User> user = store_->user_for_api_token("token-digest");
  ASSERT_TRUE(user);
  EXPECT_EQ(user->id, ana);
  EXPECT_EQ(user->name, "ana");
  EXPECT_EQ(user->bodies, (std::vector<std::string>{"A/HRC", "CTOC"}));
  EXPECT_FALSE(store_->user_for_api_token("other"));
  EXPECT_FALSE(store_->user_for_api_token(""));
  // Sessions and tokens are different secrets.
  EXPECT_FALSE(store_->session("token-digest", "2024-05-01T12:00:00Z"));
  // The role the token sees is the user's role now.
  store_->set_role("ana", Role::bureau, {"E/CN.15"});
  EXPECT_EQ(store_->user_for_api_token("token-digest")->role, Role::bureau);

  try {
    store_->create_api_token("token-digest", ana, "again");
    FAIL() << "two tokens with one digest";
  } catch (const AlreadyExists& error) {
    EXPECT_STREQ(error.what(), "an API token already has this digest");
  }
  EXPECT_THROW(store_->create_api_token("t2", ana + 5, "import"), NotFound);
  EXPECT_EQ(invalid_input_message([&] { store_->create_api_token("", ana, "import"); }), "token digest is empty");
  EXPECT_EQ(invalid_input_message([&] { store_->create_api_token("t2", ana, ""); }), "label is empty");
  EXPECT_EQ(invalid_input_message([&] { store_->create_api_token("t2", ana, "import\n"); }),
            "label \"import\n\" has spaces around it");
  EXPECT_FALSE(store_->user_for_api_token("t2"));
  RawDatabase raw(path_);
  EXPECT_EQ(raw.column("SELECT label FROM api_tokens"),
            std::vector<std::string>{"nightly import from the conference system"});
}

TEST_F(AccountsTest, ListsApiTokensOldestFirst) {
  int64_t ana = store_->create_user("ana", Role::editor, {"CTOC"}, kHash).id;
  int64_t bob = store_->create_user("bob", Role::bureau, {"CTOC"}, kHash).id;
  EXPECT_TRUE(store_->api_tokens(ana).empty());
  // Created in an order the digests and labels do not sort in.
  store_->create_api_token("z-digest", ana, "nightly import");
  store_->create_api_token("b-bob", bob, "bob's script");
  store_->create_api_token("a-digest", ana, "calendar feed");
  store_->create_api_token("m-digest", ana, "nightly import");

  std::vector<ApiToken> tokens = store_->api_tokens(ana);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].token_digest, "z-digest");
  EXPECT_EQ(tokens[0].user_id, ana);
  EXPECT_EQ(tokens[0].label, "nightly import");
  EXPECT_EQ(tokens[1].token_digest, "a-digest");
  EXPECT_EQ(tokens[1].label, "calendar feed");
  EXPECT_EQ(tokens[2].token_digest, "m-digest");
  EXPECT_LT(tokens[0].created_at, tokens[1].created_at);  // the ticking clock
  EXPECT_LT(tokens[1].created_at, tokens[2].created_at);
  ASSERT_EQ(store_->api_tokens(bob).size(), 1u);
  EXPECT_EQ(store_->api_tokens(bob)[0].label, "bob's script");
  EXPECT_THROW(store_->api_tokens(bob + 7), NotFound);
}

TEST_F(AccountsTest, TokensOfOneSecondKeepTheirOrder) {
  auto frozen = SqliteStore::open(path_, [] { return std::string("2024-05-01T09:00:00Z"); });
  int64_t ana = frozen->create_user("ana", Role::editor, {"CTOC"}, kHash).id;
  for (const char* digest : {"c", "a", "b"}) frozen->create_api_token(digest, ana, "same second");
  std::vector<std::string> digests;
  for (const ApiToken& token : frozen->api_tokens(ana)) digests.push_back(token.token_digest);
  EXPECT_EQ(digests, (std::vector<std::string>{"c", "a", "b"}));
}

TEST_F(AccountsTest, RevokesApiTokensByLabel) {
  int64_t ana = store_->create_user("ana", Role::editor, {"CTOC"}, kHash).id;
  int64_t bob = store_->create_user("bob", Role::editor, {"CTOC"}, kHash).id;
  store_->create_api_token("ana-1", ana, "nightly import");
  store_->create_api_token("ana-2", ana, "calendar feed");
  store_->create_api_token("ana-3", ana, "nightly import");
  store_->create_api_token("bob-1", bob, "nightly import");

  EXPECT_EQ(store_->revoke_api_tokens(ana, "nightly import"), 2);
  EXPECT_FALSE(store_->user_for_api_token("ana-1"));
  EXPECT_FALSE(store_->user_for_api_token("ana-3"));
  EXPECT_EQ(store_->user_for_api_token("ana-2")->id, ana);
  EXPECT_EQ(store_->user_for_api_token("bob-1")->id, bob);  // same label, other user
  ASSERT_EQ(store_->api_tokens(ana).size(), 1u);
  EXPECT_EQ(store_->api_tokens(ana)[0].token_digest, "ana-2");

  // Twice is no error; labels match exactly.
  EXPECT_EQ(store_->revoke_api_tokens(ana, "nightly import"), 0);
  EXPECT_EQ(store_->revoke_api_tokens(ana, "Calendar feed"), 0);
  EXPECT_EQ(store_->revoke_api_tokens(ana, "calendar"), 0);
  EXPECT_EQ(store_->revoke_api_tokens(ana, "calendar%"), 0);
  EXPECT_EQ(store_->user_for_api_token("ana-2")->id, ana);

  EXPECT_THROW(store_->revoke_api_tokens(bob + 7, "nightly import"), NotFound);
  EXPECT_EQ(invalid_input_message([&] { store_->revoke_api_tokens(ana, " calendar feed"); }),
            "label \" calendar feed\" has spaces around it");
  EXPECT_EQ(invalid_input_message([&] { store_->revoke_api_tokens(ana, "feed\xff"); }),
            "label is not valid UTF-8 at offset 4");
  EXPECT_THROW(store_->revoke_api_tokens(ana, std::string(kMaxNameBytes + 1, 'x')), InvalidInput);
  EXPECT_EQ(store_->user_for_api_token("ana-2")->id, ana);
  EXPECT_EQ(integrity_check(path_), "ok");
}

TEST_F(AccountsTest, RevokesAllOfAUsersApiTokens) {
  int64_t ana = store_->create_user("ana", Role::editor, {"CTOC"}, kHash).id;
  int64_t bob = store_->create_user("bob", Role::editor, {"CTOC"}, kHash).id;
  store_->create_api_token("ana-1", ana, "nightly import");
  store_->create_api_token("ana-2", ana, "calendar feed");
  store_->create_api_token("bob-1", bob, "calendar feed");
  store_->create_session(session_of(ana, "ana-session", "2024-05-02T00:00:00Z"));

  EXPECT_EQ(store_->revoke_api_tokens(ana, ""), 2);
  EXPECT_TRUE(store_->api_tokens(ana).empty());
  EXPECT_FALSE(store_->user_for_api_token("ana-1"));
  EXPECT_FALSE(store_->user_for_api_token("ana-2"));
  EXPECT_EQ(store_->user_for_api_token("bob-1")->id, bob);
  EXPECT_EQ(store_->api_tokens(bob).size(), 1u);
  EXPECT_TRUE(store_->session("ana-session", "2024-05-01T12:00:00Z"));  // sessions stay
  EXPECT_EQ(store_->revoke_api_tokens(ana, ""), 0);
  EXPECT_THROW(store_->revoke_api_tokens(bob + 7, ""), NotFound);

  // Another connection sees the revocation at once.
  EXPECT_FALSE(open()->user_for_api_token("ana-1"));
  RawDatabase raw(path_);
  EXPECT_EQ(raw.column("SELECT token_digest FROM api_tokens"), std::vector<std::string>{"bob-1"});
}

}  // namespace
}  // namespace plenary::store
