// Logging in and out in the browser. The session cookie is HttpOnly and
// SameSite=Strict. The login form has no session yet to hold a CSRF token,
// so it carries a token the server signed (auth/form_tokens.h), as a cookie
// and a hidden field that must match; the key dies with the server.
#include <fmt/format.h>

#include <memory>
#include <optional>
#include <string_view>

#include "auth/form_tokens.h"
#include "auth/login.h"
#include "auth/tokens.h"
#include "web/editor_pages.h"
#include "web/services.h"

namespace plenary::web {

namespace {

constexpr char kSessionCookie[] = "plenary_session";
constexpr char kLoginCookie[] = "plenary_login";
constexpr int64_t kLoginFormSeconds = 3600;  // an hour to fill in the form

std::string cookie(const Services& services, const std::string& name, const std::string& value, int64_t max_age) {
  return fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{}", name, value, max_age,
                     services.config.secure_cookies ? "; Secure" : "");
}

// Where a login may lead: `next` read as a browser reads a link, then kept
// only when it is a path on this site. A browser drops tabs and line breaks
// anywhere and control characters and spaces at either end, reads a
// backslash in the path as a slash, and takes "//host" for another site and
// "scheme:..." for another address altogether. Returns the path as a
// Location header may carry it (spaces and non-ASCII percent-encoded), or
// nothing.
std::optional<std::string> same_site_path(std::string_view next) {
  std::string path;
  bool in_path = true;  // a backslash is a slash before the query and fragment only
  for (const char c : next) {
    if (c == '\t' || c == '\n' || c == '\r') continue;
    if (c == '?' || c == '#') in_path = false;
    path += in_path && c == '\\' ? '/' : c;
  }
  auto control_or_space = [](char c) { return static_cast<unsigned char>(c) <= 0x20; };
  while (!path.empty() && control_or_space(path.front())) path.erase(path.begin());
  while (!path.empty() && control_or_space(path.back())) path.pop_back();
  if (path.empty() || path[0] != '/' || (path.size() > 1 && path[1] == '/') || utf8_problem(path))
    return std::nullopt;
  std::string location;
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) return std::nullopt;  // no address of ours holds one
    location += byte == ' ' || byte >= 0x80 ? fmt::format("%{:02X}", byte) : std::string(1, c);
  }
  return location;
}

// "2024-05-01T09:15:00Z" as a person reads it: "2024-05-01 09:15 UTC".
std::string readable_time(const std::string& iso) {
  return iso.size() < 16 ? iso : iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
}

Response login_form(const Services& services, const auth::FormTokens& tokens, int status,
                    const std::string& message, const std::string& name, const std::string& next) {
  const std::string token = tokens.issue(services.config.clock(), kLoginFormSeconds);
  LoginView view{token, name, same_site_path(next).value_or(""), message};
  Response response = html_response(status, render_login_page(view, services.catalog("en")));
  response.set("set-cookie", cookie(services, kLoginCookie, token, kLoginFormSeconds));
  response.set("cache-control", "no-store");
  return response;
}

}  // namespace

void add_account_routes(Services& services) {
  Router& r = services.router;
  // Made once per server; shared by the routes' copies.
  auto tokens = std::make_shared<const auth::FormTokens>();

  r.add("GET", "/login", [&services, tokens](const Request& request, const RouteParams&) {
    auto next = request.query.find("next");
    return login_form(services, *tokens, 200, "", "", next == request.query.end() ? "" : next->second);
  });

  r.add("POST", "/login", [&services, tokens](const Request& request, const RouteParams&) {
    const Params form = request.form();
    auto field = [&](const char* name) {
      auto found = form.find(name);
      return found == form.end() ? std::string() : found->second;
    };
    auto again = [&](int status, const std::string& message, const std::string& name) {
      return login_form(services, *tokens, status, message, name, field("next"));
    };
    // The cookie and the field must be one token, and one this server signed.
    const std::optional<std::string> expected = request.cookie(kLoginCookie);
    if (!expected || !auth::same_secret(*expected, field("csrf")) ||
        !tokens->valid(field("csrf"), services.config.clock()))
      return again(403, "The form has expired. Please log in again.", field("name"));
    const std::string name = field("name");
    if (name.empty() || field("password").empty() || utf8_problem(name) || name.size() > store::kMaxNameBytes)
      return again(400, "Give your name and password.", "");
    Call call(services, request);
    const auth::LoginResult result = auth::log_in(
        *call.store, {name, field("password"), request.remote_address}, call.now(), services.config.login);
    // The same answers whether or not an account has this name.
    if (result.outcome == auth::LoginResult::Outcome::throttled)
      return again(429, "Too many failed logins from here. Try again after " + readable_time(result.retry_after) + ".",
                   name);
    if (result.outcome != auth::LoginResult::Outcome::ok)
      return again(401, "The name or the password is wrong.", name);
    Response response = redirect(same_site_path(field("next")).value_or("/edit/"));
    response.set("set-cookie",
                 cookie(services, kSessionCookie, result.session_token, services.config.login.session_seconds));
    return response;
  });

  r.add("POST", "/logout", [&services](const Request& request, const RouteParams&) {
    Call call(services, request);
    call.check_csrf(request.form());
    if (std::optional<std::string> token = request.cookie(kSessionCookie)) auth::log_out(*call.store, *token);
    Response response = redirect("/");
    response.set("set-cookie", cookie(services, kSessionCookie, "", 0));
    return response;
  });
}

}  // namespace plenary::web
