// The login as an attacker probes it, through App::handle: where a login may
// lead (issue 9, defect 13).
#include <gtest/gtest.h>

#include <memory>
#include <pugixml.hpp>
#include <string>
#include <utility>
#include <vector>

#include "auth/password.h"
#include "store/sqlite_store.h"
#include "web/app.h"
#include "web/page_test_support.h"
#include "web/test_support.h"

namespace plenary::web {
namespace {

using namespace std::string_literals;
using testing::Page;

constexpr char kPassword[] = "a long enough password";
constexpr char kOffice[] = "192.0.2.10";  // where the officer works

using Fields = std::vector<std::pair<std::string, std::string>>;

std::string form_body(const Fields& fields) {
  std::string body;
  for (const auto& [name, value] : fields)
    body += (body.empty() ? "" : "&") + url_encode(name) + "=" + url_encode(value);
  return body;
}

std::string header(const Response& response, const std::string& name) {
  auto found = response.headers.find(name);
  return found == response.headers.end() ? "" : found->second;
}

// The value of the cookie that `response` sets.
std::string cookie_value(const Response& response) {
  const std::string set = header(response, "set-cookie");
  const size_t equals = set.find('=');
  return equals == std::string::npos ? "" : set.substr(equals + 1, set.find(';') - equals - 1);
}

class LoginSecurity : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = folder_.file("plenary.sqlite");
    {
      auto store = store::SqliteStore::open(database_, clock_);
      store->create_user("officer", store::Role::editor, {testing::kBody}, auth::hash_password(kPassword));
    }
    app_ = make_app();
  }

  std::unique_ptr<App> make_app() {
    AppConfig config;
    config.open_store = [database = database_, clock = clock_] {
      return std::unique_ptr<store::Store>(store::SqliteStore::open(database, clock));
    };
    config.clock = clock_;
    return std::make_unique<App>(std::move(config));
  }

  Response send(const std::string& method, const std::string& path, const Params& query = {},
                const std::string& cookie = "", const std::string& body = "", const std::string& address = kOffice) {
    Request request;
    request.method = method;
    request.path = path;
    request.query = query;
    request.body = body;
    request.remote_address = address;
    if (!cookie.empty()) request.headers["cookie"] = cookie;
    if (method == "POST") request.headers["content-type"] = "application/x-www-form-urlencoded";
    return app_->handle(request);
  }

  // The login form's token, as a browser gets it.
  std::string form_token() { return cookie_value(send("GET", "/login")); }

  // Posts the login form as a browser does, with a fresh form.
  Response log_in(const std::string& name, const std::string& password, const std::string& address = kOffice,
                  const std::string& next = "") {
    const std::string token = form_token();
    Fields fields{{"csrf", token}, {"name", name}, {"password", password}};
    if (!next.empty()) fields.emplace_back("next", next);
    return send("POST", "/login", {}, "plenary_login=" + token, form_body(fields), address);
  }

  store::TempFolder folder_;
  std::string database_;
  std::shared_ptr<std::string> now_ = std::make_shared<std::string>("2024-05-01T09:00:00Z");
  store::Clock clock_ = [now = now_] { return *now; };
  std::unique_ptr<App> app_;
};

// ---- 13. Where a login leads

// Each is another site, or no path at all, to a browser: the login goes to
// /edit/ instead, and the form does not carry it.
const std::vector<std::string> kHostileNext = {
    "/\t/evil.example/x",  // the defect: a browser drops the tab and reads //evil.example
    "/\n/evil.example", "/\r\n/evil.example", "/\t\\evil.example", "//evil.example", "//evil.example/",
    "///evil.example", "/\\evil.example", "\\/evil.example", "\\\\evil.example",
    " //evil.example", "\t//evil.example", "\x01//evil.example", "\x00//evil.example"s, "\x1f/\\evil.example",
    "//evil.example\t", "/\t/", "//", "/\\", "https://evil.example/", "HTTPS://evil.example",
    "http:evil.example", "http:/evil.example", "javascript:alert(1)", " javascript:alert(1)",
    "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "evil.example", "edit/", ".",
    "%2F%2Fevil.example", "", " ", "/\x7f", "/\xff", "/a\0/b"s, "/a\x0b/b",
};

TEST_F(LoginSecurity, HostileNextValuesNeverLeaveTheSite) {
  for (const std::string& next : kHostileNext) {
    Page form;
    testing::parse(send("GET", "/login", {{"next", next}}).body, form);
    EXPECT_EQ(form.count("//input[@name='next']"), 0u) << ::testing::PrintToString(next);

    const Response in = log_in("officer", kPassword, kOffice, next);
    ASSERT_EQ(in.status, 303) << ::testing::PrintToString(next) << in.body;
    EXPECT_EQ(header(in, "location"), "/edit/") << ::testing::PrintToString(next);
  }
}

TEST_F(LoginSecurity, TheQueryOfTheProbeIsRefused) {
  // As the probe sent it: /login?next=%2F%09%2Fevil.example%2Fx
  Page form;
  testing::parse(send("GET", "/login", parse_query("next=%2F%09%2Fevil.example%2Fx")).body, form);
  EXPECT_EQ(form.count("//input[@name='next']"), 0u);
}

TEST_F(LoginSecurity, PathsOfThisSiteAreKeptAsABrowserReadsThem) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"/edit/meetings/1", "/edit/meetings/1"},
      {"/", "/"},
      {"/edit/?tab=items#item-2", "/edit/?tab=items#item-2"},
      {"/fr/meetings/1", "/fr/meetings/1"},
      {"/edit/\tmeetings/1", "/edit/meetings/1"},        // a tab is dropped
      {" /edit/ ", "/edit/"},                            // spaces at the ends too
      {"/edit\\meetings\\1", "/edit/meetings/1"},        // a backslash is a slash in the path
      {"\\edit\\", "/edit/"},                            // even the first: one slash, this site
      {"\\", "/"},
      {"/edit/?q=a\\b", "/edit/?q=a\\b"},                // but not in the query
      {"/edit/a b", "/edit/a%20b"},                      // what a header may not carry is encoded
      {"/édition", "/%C3%A9dition"},
      {"/edit/%2F%2Fevil.example", "/edit/%2F%2Fevil.example"},  // a path of ours, encoded slashes and all
  };
  for (const auto& [next, location] : cases) {
    const Response in = log_in("officer", kPassword, kOffice, next);
    ASSERT_EQ(in.status, 303) << next << in.body;
    EXPECT_EQ(header(in, "location"), location) << next;
  }
}

}  // namespace
}  // namespace plenary::web
