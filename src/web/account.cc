// Logging in and out in the browser. The session cookie is HttpOnly and
// SameSite=Strict; the login form itself is protected by a double-submit
// token (a cookie and a hidden field that must match), since there is no
// session yet to hold one.
#include <fmt/format.h>

#include "auth/login.h"
#include "auth/tokens.h"
#include "web/editor_pages.h"
#include "web/services.h"

namespace plenary::web {

namespace {

constexpr char kSessionCookie[] = "plenary_session";
constexpr char kLoginCookie[] = "plenary_login";

std::string cookie(const Services& services, const std::string& name, const std::string& value, int64_t max_age) {
  return fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{}", name, value, max_age,
                     services.config.secure_cookies ? "; Secure" : "");
}

// Where a login may lead: a path on this site only, never an open redirect
// ("//evil.example" and "/\\evil.example" are other sites to a browser).
bool is_local_path(const std::string& next) {
  return next.size() > 1 && next[0] == '/' && next[1] != '/' && next[1] != '\\' && !utf8_problem(next) &&
         next.find_first_of("\r\n") == std::string::npos;
}

Response login_form(const Services& services, int status, const std::string& message, const std::string& name,
                    const std::string& next) {
  const std::string token = auth::random_token();
  LoginView view{token, name, is_local_path(next) ? next : "", message};
  Response response = html_response(status, render_login_page(view, services.catalog("en")));
  response.set("set-cookie", cookie(services, kLoginCookie, token, 3600));
  response.set("cache-control", "no-store");
  return response;
}

}  // namespace

void add_account_routes(Services& services) {
  Router& r = services.router;

  r.add("GET", "/login", [&services](const Request& request, const RouteParams&) {
    auto next = request.query.find("next");
    return login_form(services, 200, "", "", next == request.query.end() ? "" : next->second);
  });

  r.add("POST", "/login", [&services](const Request& request, const RouteParams&) {
    const Params form = request.form();
    auto field = [&](const char* name) {
      auto found = form.find(name);
      return found == form.end() ? std::string() : found->second;
    };
    const std::optional<std::string> expected = request.cookie(kLoginCookie);
    if (!expected || field("csrf").empty() || !auth::same_secret(*expected, field("csrf")))
      return login_form(services, 403, "The form has expired. Please log in again.", field("name"), field("next"));
    const std::string name = field("name");
    if (name.empty() || field("password").empty() || utf8_problem(name) || name.size() > store::kMaxNameBytes)
      return login_form(services, 400, "Give your name and password.", "", field("next"));
    Call call(services, request);
    const auth::LoginResult result = auth::log_in(*call.store, name, field("password"), call.now(), services.config.login);
    if (result.outcome == auth::LoginResult::Outcome::locked)
      return login_form(services, 429, "Too many failed logins: the account is locked until " + result.locked_until + " (UTC).", name, field("next"));
    if (result.outcome != auth::LoginResult::Outcome::ok)
      return login_form(services, 401, "The name or the password is wrong.", name, field("next"));
    const std::string next = field("next");
    Response response = redirect(is_local_path(next) ? next : "/edit/");
    response.set("set-cookie", cookie(services, kSessionCookie, result.session_token, services.config.login.session_seconds));
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
