// `plenary serve`: the application (app.h) over HTTP with cpp-httplib.
#pragma once

#include <iosfwd>
#include <string>

namespace plenary::web {

struct ServerOptions {
  std::string database = "var/plenary.sqlite";
  std::string host = "127.0.0.1";
  int port = 8080;                       // 0: any free port (printed at start)
  std::string load;                      // a meeting file to create (and publish) when the store is empty
  size_t max_body_bytes = 10u << 20;     // larger requests get 413
  int read_timeout_seconds = 10;         // a slow client cannot hold a thread longer
  int write_timeout_seconds = 10;
  int threads = 0;                       // 0: 64, one per keep-alive connection
  bool secure_cookies = false;
};

// Serves until SIGTERM or SIGINT, then stops accepting, lets requests in
// flight (and their writes) finish, and returns 0. Prints
// "plenary: serving http://HOST:PORT/" on `out` once it listens. Returns
// non-zero, with the reason on `err`, when the store or the address cannot
// be opened.
int serve(const ServerOptions& options, std::ostream& out, std::ostream& err);

}  // namespace plenary::web
