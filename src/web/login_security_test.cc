// The login as an attacker probes it, through App::handle: where a login may
// lead (issue 9, defect 13), the throttle on guessing (16), the login form's
// token and names that differ only in case (17).
#include <gtest/gtest.h>

#include <memory>
#include <pugixml.hpp>
#include <string>
#include <utility>
#include <vector>

#include "auth/password.h"
#include "auth/tokens.h"
#include "store/sqlite_store.h"
#include "web/app.h"
#include "web/page_test_support.h"
#include "web/test_support.h"

namespace plenary::web {
namespace {

using namespace std::string_literals;
using testing::Page;

constexpr char kPassword[] = "a long enough password";
constexpr char kAttacker[] = "203.0.113.66";
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

// The message the login page shows, or "".
std::string message_of(const Response& response) {
  Page page;
  testing::parse(response.body, page);
  return page.text("//p[@class='error']");
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

// ---- 16. The throttle

// The defect: a real name answered 429 after five failures, an unknown one
// kept answering 401.
TEST_F(LoginSecurity, AnUnknownNameAnswersExactlyLikeARealOne) {
  for (int attempt = 1; attempt <= 7; ++attempt) {
    const Response real = log_in("officer", "not the password", kAttacker);
    const Response unknown = log_in("no-such-officer", "not the password", kAttacker);
    EXPECT_EQ(real.status, unknown.status) << "attempt " << attempt;
    EXPECT_EQ(message_of(real), message_of(unknown)) << "attempt " << attempt;
    EXPECT_EQ(real.status, attempt < 5 ? 401 : 429) << "attempt " << attempt;
  }
  EXPECT_EQ(message_of(log_in("officer", "not the password", kAttacker)),
            "Too many failed logins from here. Try again after 2024-05-01 09:15 UTC.");
}

// The defect: anyone could lock any named account for 15 minutes.
TEST_F(LoginSecurity, AnAttackerElsewhereCannotLockTheOfficerOut) {
  for (int attempt = 1; attempt <= 12; ++attempt) log_in("officer", "guess " + std::to_string(attempt), kAttacker);
  EXPECT_EQ(log_in("officer", kPassword, kAttacker).status, 429) << "the attacker's address may not go on";
  const Response in = log_in("officer", kPassword, kOffice);
  EXPECT_EQ(in.status, 303) << in.body;
  EXPECT_EQ(header(in, "location"), "/edit/");
  // Fifteen minutes after its last failure the attacker's address is forgiven.
  *now_ = "2024-05-01T09:15:00Z";
  EXPECT_EQ(log_in("officer", "guess 13", kAttacker).status, 401);
}

// Many addresses guessing at one name: once the name has failed often, each
// address that failed is refused, and the officer's, which never failed, is not.
TEST_F(LoginSecurity, ManyAddressesGuessingAreSlowedButNotTheOfficer) {
  auto address = [](int i) { return "198.51.100." + std::to_string(i); };
  for (int i = 1; i <= 10; ++i) {
    log_in("officer", "guess a", address(i));
    log_in("officer", "guess b", address(i));
  }
  EXPECT_EQ(log_in("officer", kPassword, address(1)).status, 429);
  EXPECT_EQ(log_in("officer", "guess c", address(11)).status, 429) << "one failure for a new address";
  EXPECT_EQ(log_in("officer", kPassword, address(11)).status, 429);
  EXPECT_EQ(log_in("officer", kPassword, kOffice).status, 303);
}

// One address trying one password on many names.
TEST_F(LoginSecurity, OneAddressSprayingNamesIsRefused) {
  for (int i = 1; i <= 20; ++i) log_in("name-" + std::to_string(i), "Spring2024!", kAttacker);
  EXPECT_EQ(log_in("officer", kPassword, kAttacker).status, 429);
  EXPECT_EQ(log_in("officer", kPassword, kOffice).status, 303);
}

// ---- 17. The login form's token, and names in any case

// The defect: any cookie and field that matched were accepted.
TEST_F(LoginSecurity, TheLoginFormNeedsATokenThisServerIssued) {
  auto post = [&](const std::string& cookie, const std::string& field) {
    return send("POST", "/login", {}, cookie.empty() ? "" : "plenary_login=" + cookie,
                form_body({{"csrf", field}, {"name", "officer"}, {"password", kPassword}}));
  };
  EXPECT_EQ(post("AAAA", "AAAA").status, 403);
  const std::string made_up = auth::random_token();
  EXPECT_EQ(post(made_up, made_up).status, 403);
  const std::string other_servers = cookie_value(make_app()->handle([] {
    Request request;
    request.method = "GET";
    request.path = "/login";
    return request;
  }()));
  ASSERT_FALSE(other_servers.empty());
  EXPECT_EQ(post(other_servers, other_servers).status, 403) << "another server's key";

  const std::string token = form_token();
  EXPECT_EQ(post(token, "").status, 403);
  EXPECT_EQ(post("", token).status, 403);
  EXPECT_EQ(post(token, form_token()).status, 403) << "two tokens of this server, not one";
  const Response refused = post("AAAA", "AAAA");
  EXPECT_EQ(message_of(refused), "The form has expired. Please log in again.");
  EXPECT_FALSE(cookie_value(refused).empty()) << "a fresh form comes with the refusal";
  EXPECT_EQ(post(token, token).status, 303);

  // A form kept open past its hour has expired.
  const std::string old = form_token();
  *now_ = "2024-05-01T10:00:00Z";
  EXPECT_EQ(post(old, old).status, 403);
}

TEST_F(LoginSecurity, NamesLogInWhateverTheirCase) {
  auto store = store::SqliteStore::open(database_, clock_);
  const int64_t officer = store->user("officer")->id;
  for (const char* name : {"OFFICER", "Officer", "officer"}) {
    const Response in = log_in(name, kPassword);
    ASSERT_EQ(in.status, 303) << name << in.body;
    const std::string session = cookie_value(in);
    EXPECT_EQ(store->session(auth::token_digest(session), *now_).value_or(store::Session{}).user_id, officer);
    EXPECT_EQ(send("GET", "/edit/", {}, "plenary_session=" + session).status, 200);
  }
  EXPECT_EQ(store->users().size(), 1u);
  // Failures count together whatever the case.
  for (const char* name : {"OFFICER", "Officer", "officer", "oFFICER"})
    EXPECT_EQ(log_in(name, "not the password", kAttacker).status, 401) << name;
  EXPECT_EQ(log_in("OfFiCeR", "not the password", kAttacker).status, 429);
}

}  // namespace
}  // namespace plenary::web
