// The web application: public pages, the secretariat's editing pages and
// the JSON API, as one function from Request to Response (http.h).
// server.h puts it behind cpp-httplib.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "auth/login.h"
#include "store/store.h"
#include "web/http.h"
#include "web/store_pool.h"

namespace plenary::web {

struct AppConfig {
  StoreFactory open_store;                 // one connection per call; see store_pool.h
  store::Clock clock = store::utc_now;     // "now", as ISO 8601 UTC
  auth::LoginPolicy login;
  bool secure_cookies = false;             // mark cookies Secure (set when served over TLS)
  size_t cache_bytes = 256u << 20;         // rendered pages and downloads kept in memory
};

class App {
 public:
  explicit App(AppConfig config);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // Never throws: a failure inside becomes a 500 with a JSON or HTML body.
  // Every response carries the security headers.
  Response handle(const Request& request);

  // Concludes the silence procedures whose deadline has passed without
  // objection (the server calls it every few seconds; reading a procedure
  // calls it too). Returns how many were concluded.
  int conclude_due_procedures();

  // Every route as (method, pattern): "GET", "/api/v1/meetings/{id}".
  std::vector<std::pair<std::string, std::string>> routes() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace plenary::web
