#include "web/router.h"

namespace plenary::web {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> segments;
  size_t start = path.empty() || path[0] != '/' ? 0 : 1;
  while (true) {
    const size_t slash = path.find('/', start);
    segments.push_back(path.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return segments;
}

bool is_api_path(const std::string& path) { return path.rfind("/api/", 0) == 0; }

void Router::add(const std::string& method, const std::string& pattern, Handler handler) {
  routes_.push_back({method, split_path(pattern), std::move(handler)});
}

bool Router::match(const Route& route, const std::vector<std::string>& segments, RouteParams& params) {
  if (route.segments.size() != segments.size()) return false;
  params.clear();
  for (size_t i = 0; i < segments.size(); ++i) {
    const std::string& want = route.segments[i];
    if (want.size() > 2 && want.front() == '{' && want.back() == '}') {
      if (segments[i].empty()) return false;
      params[want.substr(1, want.size() - 2)] = segments[i];
    } else if (want != segments[i]) {
      return false;
    }
  }
  return true;
}

std::vector<std::pair<std::string, std::string>> Router::routes() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Route& route : routes_) {
    std::string pattern;
    for (const std::string& segment : route.segments) pattern += "/" + segment;
    out.emplace_back(route.method, pattern);
  }
  return out;
}

Response Router::route(const Request& request) const {
  const std::vector<std::string> segments = split_path(request.path);
  const std::string& method = request.method == "HEAD" ? std::string("GET") : request.method;
  std::string allowed;
  RouteParams params, best_params;
  const Route* best = nullptr;
  int best_literals = -1;
  // The route with the most literal segments wins: "/edit/" over "/{lang}/".
  for (const Route& route : routes_) {
    if (!match(route, segments, params)) continue;
    if (route.method != method) {
      if (allowed.find(route.method) == std::string::npos) allowed += (allowed.empty() ? "" : ", ") + route.method;
      continue;
    }
    int literals = 0;
    for (const std::string& segment : route.segments) literals += segment.empty() || segment.front() != '{';
    if (literals > best_literals) best = &route, best_literals = literals, best_params = params;
  }
  if (best) {
    // HEAD keeps the body, so that Content-Length is GET's; the transport
    // (httplib) sends no body for HEAD.
    return best->handler(request, best_params);
  }
  if (allowed.empty()) {
    return is_api_path(request.path) ? json_error(404, "no such resource: " + request.path)
                                     : Response{404, {}, ""};
  }
  Response response = json_error(405, request.method + " is not allowed on " + request.path + "; use " + allowed);
  response.set("allow", allowed);
  return response;
}

}  // namespace plenary::web
