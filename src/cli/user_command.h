// plenary user: accounts, from the server's shell. The web has no sign-up:
// an administrator creates the first accounts here.
//
//   plenary user add NAME --role admin|editor|bureau [--body B ...] [--password-stdin]
//   plenary user passwd NAME [--password-stdin]
//   plenary user role NAME --role ROLE [--body B ...]
//   plenary user token NAME [--label TEXT]
//   plenary user tokens NAME
//   plenary user revoke NAME (--label TEXT | --all)
//   plenary user list
// Each takes --db FILE (default var/plenary.sqlite).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace plenary {

struct UserCommandOptions {
  std::string action;                // "add", "passwd", "role", "token", "tokens", "revoke", "list"
  std::string name;
  std::string role;                  // "admin", "editor", "bureau"
  std::vector<std::string> bodies;   // editor, bureau: the bodies served
  std::string label = "command line";  // token: what the token is for
  // revoke: the label of the tokens to revoke, or `all` of them; one is required.
  std::string revoke_label;
  bool all = false;
  std::string db = "var/plenary.sqlite";
  bool password_stdin = false;       // read one line from `in` rather than prompt
  bool terminal = false;             // `in` is the terminal: prompt twice, without echo
};

// Runs one action. New passwords come from `in`: one line with
// password_stdin, else typed twice at the terminal (terminal must be set;
// prompts go to `err`). Returns kExitOk; kExitErrors when the request is
// refused (unknown or duplicate name, weak password, mismatched typing); or
// kExitUnreadable for bad usage or a database that cannot be opened or used.
int run_user(const UserCommandOptions& options, std::istream& in, std::ostream& out, std::ostream& err);

// What `plenary serve` says on `err` when the store at `db` has no account
// yet, since the web has no sign-up: the command, for `program` and this
// store, that creates the first administrator. Nothing when the store has an
// account or cannot be opened (serve then says why).
void advise_first_account(const std::string& program, const std::string& db, std::ostream& err);

// Adds `plenary user` and its actions to `app`, filling `options` when parsed.
CLI::App* add_user_command(CLI::App& app, UserCommandOptions& options);

}  // namespace plenary
