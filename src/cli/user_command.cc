#include "cli/user_command.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <istream>
#include <memory>
#include <optional>
#include <ostream>

#include "auth/login.h"
#include "auth/password.h"
#include "cli/commands.h"
#include "store/sqlite_store.h"

namespace plenary {

namespace {

namespace fs = std::filesystem;

// Turns off the terminal's echo while a password is typed, and back on
// afterwards; the newline is still echoed, so the next prompt starts a line.
class EchoOff {
 public:
  EchoOff() {
    if (tcgetattr(STDIN_FILENO, &saved_) != 0) return;
    termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    quiet.c_lflag |= ECHONL;
    active_ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
  }
  ~EchoOff() {
    if (active_) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
  }
  EchoOff(const EchoOff&) = delete;
  EchoOff& operator=(const EchoOff&) = delete;
  bool active() const { return active_; }

 private:
  termios saved_{};
  bool active_ = false;
};

// Reads one line without its "\n" (or "\r\n"). Keeps at most one byte more
// than a password may have, enough for password_problem to refuse it, so a
// huge input costs no memory. False at the end of input with nothing read.
bool read_line(std::istream& in, std::string& line) {
  line.clear();
  bool any = false;
  char c;
  while (in.get(c)) {
    any = true;
    if (c == '\n') break;
    if (line.size() <= auth::kMaxPasswordBytes + 1) line += c;
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return any;
}

// The error's status: refused requests are errors in the input, the rest
// (a database that cannot be used) is unreadable.
int status_of(const store::StoreError& e) {
  const bool refused = dynamic_cast<const store::NotFound*>(&e) || dynamic_cast<const store::AlreadyExists*>(&e) ||
                       dynamic_cast<const store::InvalidInput*>(&e);
  return refused ? kExitErrors : kExitUnreadable;
}

class UserCommand {
 public:
  UserCommand(const UserCommandOptions& options, std::istream& in, std::ostream& out, std::ostream& err)
      : options_(options), in_(in), out_(out), err_(err) {}

  int run() {
    if (options_.action == "add") return add();
    if (options_.action == "passwd") return passwd();
    if (options_.action == "role") return role();
    if (options_.action == "token") return token();
    if (options_.action == "tokens") return tokens();
    if (options_.action == "revoke") return revoke();
    if (options_.action == "list") return list();
    return usage(fmt::format("unknown action '{}': expected add, passwd, role, token, tokens, revoke or list",
                             options_.action));
  }

 private:
  int usage(const std::string& message) {
    err_ << fmt::format("plenary user{}: {}\n", options_.action.empty() ? "" : " " + options_.action, message);
    return kExitUnreadable;
  }
  int refuse(const std::string& message) {
    err_ << fmt::format("plenary user {}: {}\n", options_.action, message);
    return kExitErrors;
  }

  // The role and bodies asked for, when they go together.
  std::optional<store::Role> role_asked(int& status) {
    status = kExitUnreadable;
    if (options_.role.empty()) {
      usage("--role is required: admin, editor or bureau");
      return std::nullopt;
    }
    const std::optional<store::Role> role = store::role_from(options_.role);
    if (!role) {
      usage(fmt::format("unknown role '{}': expected admin, editor or bureau", options_.role));
      return std::nullopt;
    }
    if (*role == store::Role::admin && !options_.bodies.empty()) {
      usage("an administrator serves every body: leave out --body");
      return std::nullopt;
    }
    if (*role != store::Role::admin && options_.bodies.empty()) {
      usage(fmt::format("{} serves particular bodies: name at least one with --body",
                        *role == store::Role::editor ? "an editor" : "a Bureau member"));
      return std::nullopt;
    }
    for (auto body = options_.bodies.begin(); body != options_.bodies.end(); ++body)
      if (std::find(options_.bodies.begin(), body, *body) != body) {
        usage(fmt::format("the body '{}' is named twice", *body));
        return std::nullopt;
      }
    return role;
  }

  // Opens the database, creating its folder (var/ by default) when missing.
  bool open() {
    const fs::path parent = fs::path(options_.db).parent_path();
    std::error_code ec;
    if (!parent.empty()) fs::create_directories(parent, ec);
    if (ec) {
      err_ << fmt::format("plenary user: cannot create {}: {}\n", parent.string(), ec.message());
      return false;
    }
    try {
      store_ = store::SqliteStore::open(options_.db);
    } catch (const store::StoreError& e) {
      err_ << fmt::format("plenary user: cannot open {}: {}\n", options_.db, e.what());
      return false;
    }
    return true;
  }

  // A new password, from one line of input or typed twice at the terminal;
  // nothing (with the reason on err_ and in `status`) when there is none or
  // it is refused.
  std::optional<std::string> new_password(int& status) {
    status = kExitUnreadable;
    std::string password;
    if (options_.password_stdin) {
      if (!read_line(in_, password)) {
        usage("no password on standard input");
        return std::nullopt;
      }
    } else if (options_.terminal) {
      EchoOff quiet;
      if (!quiet.active()) {
        usage("cannot turn off the terminal's echo; pass the password with --password-stdin");
        return std::nullopt;
      }
      err_ << fmt::format("New password for {}: ", options_.name) << std::flush;
      if (!read_line(in_, password)) {
        usage("no password typed");
        return std::nullopt;
      }
      if (!password_acceptable(password, status)) return std::nullopt;
      std::string again;
      err_ << "Type it again: " << std::flush;
      if (!read_line(in_, again) || again != password) {
        status = refuse("the two passwords differ; nothing was changed");
        return std::nullopt;
      }
    } else {
      usage("standard input is not a terminal: pass the password with --password-stdin");
      return std::nullopt;
    }
    if (!password_acceptable(password, status)) return std::nullopt;
    return password;
  }

  bool password_acceptable(const std::string& password, int& status) {
    if (const std::optional<std::string> problem = auth::password_problem(password)) {
      status = refuse(fmt::format("refused the password: {}", *problem));
      return false;
    }
    return true;
  }

  static std::string describe(store::Role role, const std::vector<std::string>& bodies) {
    if (role == store::Role::admin) return "administrator";
    return fmt::format("{} of {}", role == store::Role::editor ? "editor" : "Bureau member",
                       fmt::join(bodies, ", "));
  }

  int add() {
    int status;
    const std::optional<store::Role> role = role_asked(status);
    if (!role) return status;
    if (!open()) return kExitUnreadable;
    if (const std::optional<store::User> taken = store_->user(options_.name))
      return refuse(taken->name == options_.name
                        ? fmt::format("a user named '{}' already exists", taken->name)
                        : fmt::format("a user named '{}' already exists, and names are the same whatever their case",
                                      taken->name));
    const std::optional<std::string> password = new_password(status);
    if (!password) return status;
    store_->create_user(options_.name, *role, options_.bodies, auth::hash_password(*password));
    out_ << fmt::format("added {}, {}\n", options_.name, describe(*role, options_.bodies));
    return kExitOk;
  }

  int passwd() {
    if (!open()) return kExitUnreadable;
    const std::optional<store::User> user = store_->user(options_.name);
    if (!user) return refuse(fmt::format("no user is named '{}'", options_.name));
    int status;
    const std::optional<std::string> password = new_password(status);
    if (!password) return status;
    store_->set_password(user->name, auth::hash_password(*password));
    // Whoever was refused for failing at this name may try again.
    auth::forget_login_failures(*store_, user->name);
    out_ << fmt::format("changed the password of {}; its failed logins are forgotten\n", user->name);
    return kExitOk;
  }

  int role() {
    int status;
    const std::optional<store::Role> role = role_asked(status);
    if (!role) return status;
    if (!open()) return kExitUnreadable;
    if (!store_->user(options_.name)) return refuse(fmt::format("no user is named '{}'", options_.name));
    store_->set_role(options_.name, *role, options_.bodies);
    out_ << fmt::format("{} is now {}\n", options_.name, describe(*role, options_.bodies));
    return kExitOk;
  }

  int token() {
    if (!open()) return kExitUnreadable;
    const std::optional<store::User> user = store_->user(options_.name);
    if (!user) return refuse(fmt::format("no user is named '{}'", options_.name));
    const std::string token = auth::create_api_token(*store_, user->id, options_.label);
    // The token alone on standard output, for scripts; the advice on err.
    out_ << token << '\n';
    err_ << fmt::format("plenary user token: a new API token for {}; it is shown only now, copy it\n",
                        options_.name);
    return kExitOk;
  }

  // Labels and dates only: the store has no token to show, and its digest
  // is for nobody's eyes.
  int tokens() {
    if (!open()) return kExitUnreadable;
    const std::optional<store::User> user = store_->user(options_.name);
    if (!user) return refuse(fmt::format("no user is named '{}'", options_.name));
    const std::vector<store::ApiToken> tokens = store_->api_tokens(user->id);
    if (tokens.empty()) {
      out_ << fmt::format("(no API tokens for {}: make one with plenary user token {})\n", options_.name,
                          options_.name);
      return kExitOk;
    }
    // The times have one width; the label, which may hold spaces, goes last.
    out_ << fmt::format("{:<{}}  LABEL\n", "CREATED", tokens.front().created_at.size());
    for (const store::ApiToken& token : tokens) out_ << fmt::format("{}  {}\n", token.created_at, token.label);
    return kExitOk;
  }

  int revoke() {
    const bool by_label = !options_.revoke_label.empty();
    if (by_label == options_.all)
      return usage(by_label ? "give --label or --all, not both"
                            : "name the tokens to revoke with --label TEXT, or revoke them all with --all");
    if (!open()) return kExitUnreadable;
    const std::optional<store::User> user = store_->user(options_.name);
    if (!user) return refuse(fmt::format("no user is named '{}'", options_.name));
    const int64_t revoked = store_->revoke_api_tokens(user->id, options_.revoke_label);
    out_ << fmt::format("revoked {} API token{} of {}{}\n", revoked, revoked == 1 ? "" : "s", options_.name,
                        by_label ? fmt::format(" labelled '{}'", options_.revoke_label) : "");
    return kExitOk;
  }

  int list() {
    if (!open()) return kExitUnreadable;
    struct Row {
      std::string name, role, bodies;
    };
    std::vector<Row> rows{{"NAME", "ROLE", "BODIES"}};
    for (const store::User& user : store_->users())
      rows.push_back({user.name, store::to_string(user.role),
                      user.role == store::Role::admin ? "(all)" : fmt::format("{}", fmt::join(user.bodies, ","))});
    size_t name_width = 0, role_width = 0;
    for (const Row& row : rows) {
      name_width = std::max(name_width, row.name.size());
      role_width = std::max(role_width, row.role.size());
    }
    for (const Row& row : rows)
      out_ << fmt::format("{:<{}}  {:<{}}  {}\n", row.name, name_width, row.role, role_width, row.bodies);
    if (rows.size() == 1) out_ << "(no accounts yet: add one with plenary user add NAME --role admin)\n";
    return kExitOk;
  }

  const UserCommandOptions& options_;
  std::istream& in_;
  std::ostream& out_;
  std::ostream& err_;
  std::unique_ptr<store::SqliteStore> store_;
};

// `word` as a shell reads it back: quoted unless it is plainly safe.
std::string shell_word(const std::string& word) {
  if (!word.empty() && word.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:=@%+-") ==
                           std::string::npos)
    return word;
  std::string quoted = "'";
  for (const char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

}  // namespace

void advise_first_account(const std::string& program, const std::string& db, std::ostream& err) {
  if (fs::exists(db)) {
    try {
      if (!store::SqliteStore::open(db)->users().empty()) return;
    } catch (const std::exception&) {
      return;
    }
  }
  err << fmt::format(
      "plenary: the store {} has no account yet, so nobody can log in to the editing pages.\n"
      "plenary: create an administrator with this command (it reads the password, {} characters or more, "
      "from standard input):\n"
      "  echo 'a long passphrase' | {} user add admin --role admin --password-stdin --db {}\n",
      db, auth::kMinPasswordCharacters, shell_word(program.empty() ? "plenary" : program), shell_word(db));
}

int run_user(const UserCommandOptions& options, std::istream& in, std::ostream& out, std::ostream& err) {
  try {
    return UserCommand(options, in, out, err).run();
  } catch (const store::StoreError& e) {
    err << fmt::format("plenary user {}: {}\n", options.action, e.what());
    return status_of(e);
  } catch (const std::exception& e) {
    err << fmt::format("plenary user {}: {}\n", options.action, e.what());
    return kExitUnreadable;
  }
}

CLI::App* add_user_command(CLI::App& app, UserCommandOptions& options) {
  CLI::App* user = app.add_subcommand("user", "Manage accounts: add, passwd, role, token, tokens, revoke, list");
  user->require_subcommand(1);
  auto action = [&](const char* name, const char* description) {
    CLI::App* sub = user->add_subcommand(name, description);
    sub->add_option("--db", options.db, "the database file")->capture_default_str();
    // The command line reads passwords from this process's standard input.
    sub->callback([&options, name] {
      options.action = name;
      options.terminal = isatty(STDIN_FILENO) == 1;
    });
    return sub;
  };
  auto name = [&](CLI::App* sub) { sub->add_option("NAME", options.name, "the login name")->required(); };
  auto role = [&](CLI::App* sub) {
    sub->add_option("--role", options.role, "admin, editor or bureau")->required();
    sub->add_option("--body", options.bodies, "a body served, e.g. CTOC/COP/WG.7 (repeat for several)")
        ->allow_extra_args(false);
  };
  auto password = [&](CLI::App* sub) {
    sub->add_flag("--password-stdin", options.password_stdin,
                  "read the password from one line of standard input instead of the terminal");
  };

  CLI::App* add = action("add", "Create an account");
  name(add);
  role(add);
  password(add);
  CLI::App* passwd = action("passwd", "Set an account's password (and forget its failed logins)");
  name(passwd);
  password(passwd);
  CLI::App* role_action = action("role", "Change an account's role and bodies");
  name(role_action);
  role(role_action);
  CLI::App* token = action("token", "Print a new API token for an account, once");
  name(token);
  token->add_option("--label", options.label, "what the token is for");
  name(action("tokens", "List an account's API tokens: their labels and when they were made"));
  CLI::App* revoke = action("revoke", "Revoke an account's API tokens by label, or all of them");
  name(revoke);
  revoke->add_option("--label", options.revoke_label, "revoke the tokens with this label");
  revoke->add_flag("--all", options.all, "revoke every API token of the account");
  action("list", "List the accounts, their roles and bodies");
  return user;
}

}  // namespace plenary
