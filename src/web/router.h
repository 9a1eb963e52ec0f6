// Routes requests to handlers by method and path pattern. A pattern is a
// path whose segments may be `{name}`, which captures that one segment:
// "/api/v1/meetings/{id}/items/{key}".
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "web/http.h"

namespace plenary::web {

using RouteParams = Params;
using Handler = std::function<Response(const Request&, const RouteParams&)>;

class Router {
 public:
  void add(const std::string& method, const std::string& pattern, Handler handler);

  // The handler's response; 404 when no pattern matches the path, 405 with
  // an Allow header when patterns match but none for this method. HEAD is
  // answered as GET, body included: the transport leaves it out.
  Response route(const Request& request) const;

  // Every route as (method, pattern), in the order added: what docs/api.yaml
  // must describe.
  std::vector<std::pair<std::string, std::string>> routes() const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;
    Handler handler;
  };
  static bool match(const Route& route, const std::vector<std::string>& segments, RouteParams& params);
  std::vector<Route> routes_;
};

// "/a/b/" -> {"a", "b", ""}: a trailing slash is a segment, so "/fr/" and
// "/fr" are told apart.
std::vector<std::string> split_path(const std::string& path);

// Whether the request wants JSON errors: API paths always do.
bool is_api_path(const std::string& path);

}  // namespace plenary::web
