#include "cli/user_command.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "auth/login.h"
#include "auth/password.h"
#include "auth/tokens.h"
#include "cli/commands.h"
#include "store/sqlite_store.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;
using namespace std::string_literals;

constexpr char kPassword[] = "correct horse battery staple";

// Each test gets a database in a folder of its own under the system's
// temporary folder. Adding an account hashes a password (64 MiB, tens of
// milliseconds), so the tests add few.
class UserCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = fs::temp_directory_path() / "plenary-user-XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    db_ = (dir_ / "var" / "plenary.sqlite").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  int run(UserCommandOptions options, const std::string& input = "") {
    if (options.db == UserCommandOptions{}.db) options.db = db_;
    std::istringstream in(input);
    out_.str("");
    err_.str("");
    return run_user(options, in, out_, err_);
  }
  int add(const std::string& name, const std::string& role, std::vector<std::string> bodies,
          const std::string& password = kPassword) {
    UserCommandOptions options;
    options.action = "add";
    options.name = name;
    options.role = role;
    options.bodies = std::move(bodies);
    options.password_stdin = true;
    return run(options, password + "\n");
  }
  UserCommandOptions action(const std::string& action, const std::string& name = "") {
    UserCommandOptions options;
    options.action = action;
    options.name = name;
    return options;
  }
  std::optional<store::User> stored(const std::string& name) { return store::SqliteStore::open(db_)->user(name); }

  fs::path dir_;
  std::string db_;
  std::ostringstream out_, err_;
};

TEST_F(UserCommand, AddsAccountsInTheirFolder) {
  ASSERT_FALSE(fs::exists(dir_ / "var"));
  ASSERT_EQ(add("root", "admin", {}), kExitOk) << err_.str();
  EXPECT_TRUE(fs::exists(db_));  // var/ was created
  EXPECT_EQ(out_.str(), "added root, administrator\n");
  ASSERT_EQ(add("alice", "editor", {"CTOC/COP/WG.7", "E/CN.15"}), kExitOk) << err_.str();
  EXPECT_EQ(out_.str(), "added alice, editor of CTOC/COP/WG.7, E/CN.15\n");

  const auto alice = stored("alice");
  ASSERT_TRUE(alice);
  EXPECT_EQ(alice->role, store::Role::editor);
  EXPECT_EQ(alice->bodies, (std::vector<std::string>{"CTOC/COP/WG.7", "E/CN.15"}));
  EXPECT_TRUE(auth::verify_password(alice->password_hash, kPassword));
  EXPECT_EQ(stored("root")->role, store::Role::admin);
}

TEST_F(UserCommand, RefusesADuplicateBeforeAskingThePassword) {
  ASSERT_EQ(add("alice", "editor", {"CTOC/COP/WG.7"}), kExitOk) << err_.str();
  const std::string hash = stored("alice")->password_hash;
  EXPECT_EQ(add("alice", "admin", {}, "another long password"), kExitErrors);
  EXPECT_NE(err_.str().find("a user named 'alice' already exists"), std::string::npos) << err_.str();
  EXPECT_EQ(stored("alice")->password_hash, hash);
  EXPECT_EQ(stored("alice")->role, store::Role::editor);
  // ALICE is alice: names are the same whatever their case.
  EXPECT_EQ(add("ALICE", "admin", {}, "another long password"), kExitErrors);
  EXPECT_NE(err_.str().find("a user named 'alice' already exists, and names are the same whatever their case"),
            std::string::npos)
      << err_.str();
  EXPECT_EQ(stored("ALICE")->role, store::Role::editor);
}

TEST_F(UserCommand, RefusesBadRolesAndBodies) {
  EXPECT_EQ(add("alice", "wizard", {"CTOC/COP/WG.7"}), kExitUnreadable);
  EXPECT_NE(err_.str().find("unknown role 'wizard': expected admin, editor or bureau"), std::string::npos) << err_.str();
  EXPECT_EQ(add("alice", "", {"CTOC/COP/WG.7"}), kExitUnreadable);
  EXPECT_NE(err_.str().find("--role is required"), std::string::npos) << err_.str();
  EXPECT_EQ(add("alice", "Editor", {"CTOC/COP/WG.7"}), kExitUnreadable);
  EXPECT_EQ(add("alice", "editor", {}), kExitUnreadable);
  EXPECT_NE(err_.str().find("an editor serves particular bodies: name at least one with --body"), std::string::npos)
      << err_.str();
  EXPECT_EQ(add("bob", "bureau", {}), kExitUnreadable);
  EXPECT_NE(err_.str().find("a Bureau member serves particular bodies"), std::string::npos) << err_.str();
  EXPECT_EQ(add("root", "admin", {"CTOC/COP/WG.7"}), kExitUnreadable);
  EXPECT_NE(err_.str().find("an administrator serves every body"), std::string::npos) << err_.str();
  EXPECT_EQ(add("alice", "editor", {"A/C.3", "E/CN.15", "A/C.3"}), kExitUnreadable);
  EXPECT_NE(err_.str().find("the body 'A/C.3' is named twice"), std::string::npos) << err_.str();
  // Nothing was created, not even the database.
  EXPECT_FALSE(fs::exists(db_));
}

TEST_F(UserCommand, RefusesWeakOrMissingPasswords) {
  struct Case {
    std::string input;
    int status;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"short\n", kExitErrors, "refused the password: shorter than 12 characters"},
      {"\n", kExitErrors, "refused the password: shorter than 12 characters"},
      {"twelve chars\0 and then some\n"s, kExitErrors, "refused the password: contains a NUL byte"},
      {"long enough but \xff\xfe\n", kExitErrors, "refused the password: not valid UTF-8"},
      {std::string(10 << 20, 'x') + "\n", kExitErrors, "refused the password: longer than 1024 bytes"},
      {"", kExitUnreadable, "no password on standard input"},
  };
  for (const Case& c : cases) {
    UserCommandOptions options = action("add", "alice");
    options.role = "editor";
    options.bodies = {"CTOC/COP/WG.7"};
    options.password_stdin = true;
    EXPECT_EQ(run(options, c.input), c.status) << c.message;
    EXPECT_NE(err_.str().find(c.message), std::string::npos) << err_.str();
    EXPECT_FALSE(stored("alice"));
  }
  // Without --password-stdin the password must be typed at a terminal.
  UserCommandOptions options = action("add", "alice");
  options.role = "editor";
  options.bodies = {"CTOC/COP/WG.7"};
  EXPECT_EQ(run(options, std::string(kPassword) + "\n"), kExitUnreadable);
  EXPECT_NE(err_.str().find("standard input is not a terminal: pass the password with --password-stdin"),
            std::string::npos)
      << err_.str();
  EXPECT_FALSE(stored("alice"));
}

TEST_F(UserCommand, ReadsOneLineAndDropsItsEnding) {
  UserCommandOptions options = action("add", "alice");
  options.role = "bureau";
  options.bodies = {"CTOC/COP/WG.7"};
  options.password_stdin = true;
  ASSERT_EQ(run(options, std::string(kPassword) + "\r\nsecond line\n"), kExitOk) << err_.str();
  EXPECT_TRUE(auth::verify_password(stored("alice")->password_hash, kPassword));
  options.name = "bob";
  ASSERT_EQ(run(options, "no newline at the end"), kExitOk) << err_.str();
  EXPECT_TRUE(auth::verify_password(stored("bob")->password_hash, "no newline at the end"));
}

TEST_F(UserCommand, PasswdChangesThePasswordAndForgetsTheFailures) {
  ASSERT_EQ(add("alice", "editor", {"CTOC/COP/WG.7"}), kExitOk) << err_.str();
  const std::string now = store::utc_now();
  auto attempt = [&](const std::string& password) {
    auth::LoginPolicy policy;
    policy.max_failures = 1;
    return auth::log_in(*store::SqliteStore::open(db_), {"alice", password, "192.0.2.1"}, now, policy).outcome;
  };
  ASSERT_EQ(attempt("a wrong password"), auth::LoginResult::Outcome::throttled);

  UserCommandOptions options = action("passwd", "Alice");
  options.password_stdin = true;
  ASSERT_EQ(run(options, "a new long password\n"), kExitOk) << err_.str();
  EXPECT_EQ(out_.str(), "changed the password of alice; its failed logins are forgotten\n");
  const auto alice = stored("alice");
  EXPECT_TRUE(auth::verify_password(alice->password_hash, "a new long password"));
  EXPECT_EQ(attempt("a new long password"), auth::LoginResult::Outcome::ok);

  EXPECT_EQ(run(options, "too short\n"), kExitErrors);
  EXPECT_EQ(stored("alice")->password_hash, alice->password_hash);
  options.name = "nobody";
  EXPECT_EQ(run(options, "a new long password\n"), kExitErrors);
  EXPECT_NE(err_.str().find("no user is named 'nobody'"), std::string::npos) << err_.str();
}

TEST_F(UserCommand, RoleChangesRoleAndBodies) {
  ASSERT_EQ(add("alice", "editor", {"CTOC/COP/WG.7"}), kExitOk) << err_.str();
  UserCommandOptions options = action("role", "alice");
  options.role = "bureau";
  options.bodies = {"E/CN.15", "CTOC/COP/WG.7"};
  ASSERT_EQ(run(options), kExitOk) << err_.str();
  EXPECT_EQ(out_.str(), "alice is now Bureau member of E/CN.15, CTOC/COP/WG.7\n");
  EXPECT_EQ(stored("alice")->role, store::Role::bureau);
  EXPECT_EQ(stored("alice")->bodies, (std::vector<std::string>{"CTOC/COP/WG.7", "E/CN.15"}));  // sorted

  options.role = "admin";
  EXPECT_EQ(run(options), kExitUnreadable);  // an admin with bodies
  options.bodies.clear();
  ASSERT_EQ(run(options), kExitOk) << err_.str();
  EXPECT_EQ(out_.str(), "alice is now administrator\n");
  EXPECT_EQ(stored("alice")->role, store::Role::admin);
  EXPECT_TRUE(stored("alice")->bodies.empty());

  options.name = "nobody";
  EXPECT_EQ(run(options), kExitErrors);
  EXPECT_NE(err_.str().find("no user is named 'nobody'"), std::string::npos) << err_.str();
  options.name = "alice";
  options.role = "root";
  EXPECT_EQ(run(options), kExitUnreadable);
}

TEST_F(UserCommand, TokenIsPrintedOnceAndStoredAsADigest) {
  ASSERT_EQ(add("alice", "editor", {"CTOC/COP/WG.7"}), kExitOk) << err_.str();
  UserCommandOptions options = action("token", "alice");
  options.label = "nightly import";
  ASSERT_EQ(run(options), kExitOk) << err_.str();
  const std::string token = out_.str().substr(0, out_.str().size() - 1);
  EXPECT_EQ(out_.str(), token + "\n");
  EXPECT_EQ(token.size(), auth::kTokenCharacters);
  EXPECT_NE(err_.str().find("shown only now"), std::string::npos);

  auto store = store::SqliteStore::open(db_);
  const auto user = store->user_for_api_token(auth::token_digest(token));
  ASSERT_TRUE(user);
  EXPECT_EQ(user->name, "alice");
  EXPECT_FALSE(store->user_for_api_token(token));  // the token itself is not stored
  // The database file does not hold the token.
  store.reset();
  std::ifstream file(db_, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  std::ifstream wal(db_ + "-wal", std::ios::binary);
  const std::string wal_bytes((std::istreambuf_iterator<char>(wal)), std::istreambuf_iterator<char>());
  EXPECT_EQ(bytes.find(token), std::string::npos);
  EXPECT_EQ(wal_bytes.find(token), std::string::npos);

  options.name = "nobody";
  EXPECT_EQ(run(options), kExitErrors);
  EXPECT_NE(err_.str().find("no user is named 'nobody'"), std::string::npos) << err_.str();
  EXPECT_TRUE(out_.str().empty());
}

TEST_F(UserCommand, TokensListsLabelsAndDatesButNoSecrets) {
  ASSERT_EQ(add("alice", "editor", {"CTOC/COP/WG.7"}), kExitOk) << err_.str();
  ASSERT_EQ(add("bob", "bureau", {"CTOC/COP/WG.7"}), kExitOk) << err_.str();
  ASSERT_EQ(run(action("tokens", "alice")), kExitOk) << err_.str();
  EXPECT_EQ(out_.str(), "(no API tokens for alice: make one with plenary user token alice)\n");

  std::vector<std::string> secrets;
  for (const char* label : {"nightly import", "calendar feed"}) {
    UserCommandOptions token = action("token", "alice");
    token.label = label;
    ASSERT_EQ(run(token), kExitOk) << err_.str();
    secrets.push_back(out_.str().substr(0, auth::kTokenCharacters));
  }
  {
    auto store = store::SqliteStore::open(db_);
    auth::create_api_token(*store, stored("bob")->id, "bob's script");
  }
  ASSERT_EQ(run(action("tokens", "alice")), kExitOk) << err_.str();
  const std::string listing = out_.str();
  const std::vector<store::ApiToken> kept = store::SqliteStore::open(db_)->api_tokens(stored("alice")->id);
  ASSERT_EQ(kept.size(), 2u);
  EXPECT_EQ(listing, fmt::format("CREATED               LABEL\n{}  nightly import\n{}  calendar feed\n",
                                 kept[0].created_at, kept[1].created_at));
  for (const std::string& secret : secrets) {
    EXPECT_EQ(listing.find(secret), std::string::npos);
    EXPECT_EQ(listing.find(auth::token_digest(secret)), std::string::npos);
  }
  EXPECT_EQ(listing.find("bob's script"), std::string::npos);  // only alice's

  EXPECT_EQ(run(action("tokens", "nobody")), kExitErrors);
  EXPECT_NE(err_.str().find("plenary user tokens: no user is named 'nobody'"), std::string::npos) << err_.str();
  EXPECT_TRUE(out_.str().empty());
}

TEST_F(UserCommand, RevokeByLabelOrAll) {
  ASSERT_EQ(add("alice", "editor", {"CTOC/COP/WG.7"}), kExitOk) << err_.str();
  ASSERT_EQ(add("bob", "editor", {"CTOC/COP/WG.7"}), kExitOk) << err_.str();
  std::string import_token, feed_token, bob_token;
  {
    auto store = store::SqliteStore::open(db_);
    import_token = auth::create_api_token(*store, stored("alice")->id, "nightly import");
    feed_token = auth::create_api_token(*store, stored("alice")->id, "calendar feed");
    bob_token = auth::create_api_token(*store, stored("bob")->id, "nightly import");
  }
  auto holder = [&](const std::string& token) -> std::string {
    const auto user = store::SqliteStore::open(db_)->user_for_api_token(auth::token_digest(token));
    return user ? user->name : "(refused)";
  };

  UserCommandOptions revoke = action("revoke", "alice");
  revoke.revoke_label = "nightly import";
  ASSERT_EQ(run(revoke), kExitOk) << err_.str();
  EXPECT_EQ(out_.str(), "revoked 1 API token of alice labelled 'nightly import'\n");
  EXPECT_EQ(holder(import_token), "(refused)");
  EXPECT_EQ(holder(feed_token), "alice");
  EXPECT_EQ(holder(bob_token), "bob");
  ASSERT_EQ(run(revoke), kExitOk) << err_.str();  // again: nothing left to revoke
  EXPECT_EQ(out_.str(), "revoked 0 API tokens of alice labelled 'nightly import'\n");

  revoke.revoke_label.clear();
  revoke.all = true;
  ASSERT_EQ(run(revoke), kExitOk) << err_.str();
  EXPECT_EQ(out_.str(), "revoked 1 API token of alice\n");
  EXPECT_EQ(holder(feed_token), "(refused)");
  EXPECT_EQ(holder(bob_token), "bob");
  ASSERT_EQ(run(action("tokens", "alice")), kExitOk) << err_.str();
  EXPECT_NE(out_.str().find("(no API tokens for alice"), std::string::npos) << out_.str();
}

TEST_F(UserCommand, RevokeRefusesBadRequests) {
  ASSERT_EQ(add("alice", "editor", {"CTOC/COP/WG.7"}), kExitOk) << err_.str();
  std::string token;
  {
    auto store = store::SqliteStore::open(db_);
    token = auth::create_api_token(*store, stored("alice")->id, "command line");
  }
  // Neither --label nor --all: the default label of `token` is not taken.
  UserCommandOptions revoke = action("revoke", "alice");
  EXPECT_EQ(run(revoke), kExitUnreadable);
  EXPECT_NE(err_.str().find("revoke them all with --all"), std::string::npos) << err_.str();
  revoke.revoke_label = "command line";
  revoke.all = true;
  EXPECT_EQ(run(revoke), kExitUnreadable);
  EXPECT_NE(err_.str().find("give --label or --all, not both"), std::string::npos) << err_.str();
  // A label no token can have.
  revoke.all = false;
  revoke.revoke_label = "command line ";
  EXPECT_EQ(run(revoke), kExitErrors);
  EXPECT_NE(err_.str().find("has spaces around it"), std::string::npos) << err_.str();
  revoke.revoke_label = "bad \xff";
  EXPECT_EQ(run(revoke), kExitErrors);
  EXPECT_NE(err_.str().find("not valid UTF-8"), std::string::npos) << err_.str();
  // An unknown user.
  revoke = action("revoke", "nobody");
  revoke.all = true;
  EXPECT_EQ(run(revoke), kExitErrors);
  EXPECT_NE(err_.str().find("plenary user revoke: no user is named 'nobody'"), std::string::npos) << err_.str();
  EXPECT_TRUE(out_.str().empty());
  // Nothing was revoked.
  EXPECT_EQ(store::SqliteStore::open(db_)->user_for_api_token(auth::token_digest(token))->name, "alice");
}

TEST_F(UserCommand, ListShowsRolesAndBodies) {
  UserCommandOptions list = action("list");
  ASSERT_EQ(run(list), kExitOk) << err_.str();
  EXPECT_NE(out_.str().find("(no accounts yet"), std::string::npos) << out_.str();

  ASSERT_EQ(add("root", "admin", {}), kExitOk) << err_.str();
  ASSERT_EQ(add("alice", "editor", {"CTOC/COP/WG.7", "E/CN.15"}), kExitOk) << err_.str();
  store::SqliteStore::open(db_)->create_user("bob", store::Role::bureau, {"CTOC/COP/WG.7"}, auth::kDummyPasswordHash);
  ASSERT_EQ(run(list), kExitOk) << err_.str();
  EXPECT_EQ(out_.str(),
            "NAME   ROLE    BODIES\n"
            "alice  editor  CTOC/COP/WG.7,E/CN.15\n"
            "bob    bureau  CTOC/COP/WG.7\n"
            "root   admin   (all)\n");
}

TEST_F(UserCommand, UnusableDatabasesAreReported) {
  // The database path is a folder.
  UserCommandOptions list = action("list");
  list.db = dir_.string();
  EXPECT_EQ(run(list), kExitUnreadable);
  EXPECT_NE(err_.str().find("plenary user: cannot open"), std::string::npos) << err_.str();
  // Its folder cannot be created: a file stands in the way.
  std::ofstream(dir_ / "file") << "not a folder";
  list.db = (dir_ / "file" / "plenary.sqlite").string();
  EXPECT_EQ(run(list), kExitUnreadable);
  EXPECT_NE(err_.str().find("plenary user: cannot create"), std::string::npos) << err_.str();
  // The file is not a database.
  std::ofstream(dir_ / "text.sqlite") << std::string(4096, 'x');
  list.db = (dir_ / "text.sqlite").string();
  EXPECT_EQ(run(list), kExitUnreadable);
  EXPECT_FALSE(err_.str().empty());
}

TEST_F(UserCommand, StoreRulesForNamesComeBackAsErrors) {
  UserCommandOptions options = action("token", "");
  EXPECT_EQ(run(options), kExitErrors);  // no such user
  options = action("role", " alice");
  options.role = "admin";
  EXPECT_NE(run(options), kExitOk);
  EXPECT_EQ(run(action("dance", "alice")), kExitUnreadable);
  EXPECT_NE(err_.str().find("unknown action 'dance'"), std::string::npos) << err_.str();
}

// The same through the command line, as `plenary user ...`.
class UserCommandLine : public UserCommand {
 protected:
  int cli(std::vector<std::string> args) {
    args.insert(args.begin(), "plenary");
    std::vector<const char*> argv;
    for (const std::string& arg : args) argv.push_back(arg.c_str());
    out_.str("");
    err_.str("");
    return run_cli(static_cast<int>(argv.size()), argv.data(), out_, err_);
  }
};

TEST_F(UserCommandLine, RoleTokenAndList) {
  ASSERT_EQ(add("alice", "editor", {"CTOC/COP/WG.7"}), kExitOk) << err_.str();
  ASSERT_EQ(cli({"user", "role", "alice", "--role", "bureau", "--body", "A/C.3", "--body", "E/CN.15", "--db", db_}),
            kExitOk)
      << err_.str();
  EXPECT_EQ(stored("alice")->bodies, (std::vector<std::string>{"A/C.3", "E/CN.15"}));
  ASSERT_EQ(cli({"user", "token", "alice", "--label", "script", "--db", db_}), kExitOk) << err_.str();
  EXPECT_EQ(out_.str().size(), auth::kTokenCharacters + 1);
  ASSERT_EQ(cli({"user", "list", "--db", db_}), kExitOk) << err_.str();
  EXPECT_NE(out_.str().find("alice  bureau  A/C.3,E/CN.15"), std::string::npos) << out_.str();
}

TEST_F(UserCommandLine, TokensAndRevoke) {
  ASSERT_EQ(add("alice", "editor", {"CTOC/COP/WG.7"}), kExitOk) << err_.str();
  ASSERT_EQ(cli({"user", "token", "alice", "--label", "nightly import", "--db", db_}), kExitOk) << err_.str();
  const std::string import_token = out_.str().substr(0, auth::kTokenCharacters);
  ASSERT_EQ(cli({"user", "token", "alice", "--db", db_}), kExitOk) << err_.str();  // "command line"
  const std::string default_token = out_.str().substr(0, auth::kTokenCharacters);

  ASSERT_EQ(cli({"user", "tokens", "alice", "--db", db_}), kExitOk) << err_.str();
  EXPECT_NE(out_.str().find("  nightly import\n"), std::string::npos) << out_.str();
  EXPECT_NE(out_.str().find("  command line\n"), std::string::npos) << out_.str();
  EXPECT_EQ(out_.str().find(import_token), std::string::npos);

  EXPECT_EQ(cli({"user", "revoke", "alice", "--db", db_}), kExitUnreadable);
  EXPECT_EQ(cli({"user", "revoke", "alice", "--label", "x", "--all", "--db", db_}), kExitUnreadable);
  EXPECT_EQ(cli({"user", "revoke", "nobody", "--all", "--db", db_}), kExitErrors);
  EXPECT_EQ(cli({"user", "tokens", "nobody", "--db", db_}), kExitErrors);
  EXPECT_EQ(cli({"user", "tokens", "--db", db_}), kExitUnreadable);  // no NAME

  ASSERT_EQ(cli({"user", "revoke", "alice", "--label", "nightly import", "--db", db_}), kExitOk) << err_.str();
  EXPECT_EQ(out_.str(), "revoked 1 API token of alice labelled 'nightly import'\n");
  auto store = store::SqliteStore::open(db_);
  EXPECT_FALSE(auth::user_for_api_token(*store, import_token));
  EXPECT_TRUE(auth::user_for_api_token(*store, default_token));
  ASSERT_EQ(cli({"user", "revoke", "alice", "--all", "--db", db_}), kExitOk) << err_.str();
  EXPECT_EQ(out_.str(), "revoked 1 API token of alice\n");
  EXPECT_FALSE(auth::user_for_api_token(*store, default_token));
}

TEST_F(UserCommandLine, UsageErrors) {
  EXPECT_EQ(cli({"user"}), kExitUnreadable);
  EXPECT_EQ(cli({"user", "add", "alice", "--db", db_}), kExitUnreadable);  // no --role
  EXPECT_EQ(cli({"user", "add", "alice", "--role", "wizard", "--db", db_}), kExitUnreadable);
  EXPECT_NE(err_.str().find("unknown role 'wizard'"), std::string::npos) << err_.str();
  EXPECT_EQ(cli({"user", "role", "--role", "admin", "--db", db_}), kExitUnreadable);  // no NAME
  EXPECT_EQ(cli({"user", "obliterate", "alice"}), kExitUnreadable);
  if (!isatty(STDIN_FILENO)) {
    EXPECT_EQ(cli({"user", "add", "alice", "--role", "admin", "--db", db_}), kExitUnreadable);
    EXPECT_NE(err_.str().find("not a terminal"), std::string::npos) << err_.str();
  }
}

}  // namespace
}  // namespace plenary
