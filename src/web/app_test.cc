// The application as a function from Request to Response: no sockets, a
// temporary SQLite store, and a clock the test sets, so that deadlines and
// sessions expire exactly when the test says.
#include "web/app.h"

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "auth/login.h"
#include "auth/password.h"
#include "auth/tokens.h"
#include "format/meeting_file.h"
#include "format/meeting_json.h"
#include "store/sqlite_store.h"
#include "web/test_support.h"

namespace plenary::web {
namespace {

using nlohmann::json;
using testing::Callers;
using testing::TempFolder;

json in_every_language(const std::string& text) {
  json out = json::object();
  for (const char* language : {"ar", "zh", "en", "fr", "ru", "es"}) out[language] = text;
  return out;
}

class AppTest : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = folder_.file("plenary.sqlite");
    store::Clock clock = [now = now_] { return *now; };
    std::unique_ptr<store::SqliteStore> store = store::SqliteStore::open(database_, clock);
    callers_ = testing::add_callers(*store);
    const MeetingFile file = load_meeting_file(testing::kExample);
    ASSERT_TRUE(file.meeting);
    const store::MeetingRecord record = store->create_meeting(
        file.meeting->body.short_name, file.meeting->document.symbol, meeting_to_json(*file.meeting), "seed");
    store->publish(record.id, record.version, "seed", {});

    AppConfig config;
    config.open_store = [database = database_, clock] {
      return std::unique_ptr<store::Store>(store::SqliteStore::open(database, clock));
    };
    config.clock = clock;
    app_ = std::make_unique<App>(std::move(config));
  }

  Response handle(const std::string& method, const std::string& target, const std::string& authorization = "",
                  const std::string& body = "", const Headers& headers = {}) {
    Request request;
    request.method = method;
    const size_t question = target.find('?');
    request.path = target.substr(0, question);
    if (question != std::string::npos) request.query = parse_query(target.substr(question + 1));
    request.headers = headers;
    if (!authorization.empty()) request.headers["authorization"] = authorization;
    if (!body.empty()) request.headers.emplace("content-type", "application/json");
    request.body = body;
    return app_->handle(request);
  }
  json handle_json(const std::string& method, const std::string& target, const std::string& authorization,
                   const json& body, int status = 200) {
    const Response response = handle(method, target, authorization, body.is_null() ? "" : body.dump());
    EXPECT_EQ(response.status, status) << method << " " << target << ": " << response.body.substr(0, 500);
    return json::parse(response.body, nullptr, false);
  }
  int64_t version() {
    return handle_json("GET", "/api/v1/meetings/1", callers_.admin, nullptr).value("version", 0);
  }

  TempFolder folder_;
  std::string database_;
  std::shared_ptr<std::string> now_ = std::make_shared<std::string>("2022-06-01T09:00:00Z");
  Callers callers_;
  std::unique_ptr<App> app_;
};

TEST_F(AppTest, ListsEachRouteOnce) {
  const auto routes = app_->routes();
  const std::set<std::pair<std::string, std::string>> unique(routes.begin(), routes.end());
  EXPECT_EQ(unique.size(), routes.size());
  for (const auto& expected :
       std::vector<std::pair<std::string, std::string>>{{"GET", "/api/v1/meetings"},
                                                        {"POST", "/api/v1/meetings"},
                                                        {"PATCH", "/api/v1/meetings/{id}/items/{key}"},
                                                        {"POST", "/api/v1/procedures/{pid}/objections"},
                                                        {"GET", "/{lang}/meetings/{id}"},
                                                        {"POST", "/login"},
                                                        {"GET", "/healthz"}})
    EXPECT_TRUE(unique.count(expected)) << expected.first << " " << expected.second;
  for (const auto& [method, pattern] : routes) {
    EXPECT_TRUE(method == "GET" || method == "POST" || method == "PUT" || method == "PATCH" ||
                method == "DELETE")
        << method << " " << pattern << ": server.cc serves only these methods";
    EXPECT_EQ(pattern.front(), '/') << pattern;
  }
}

TEST_F(AppTest, EveryResponseCarriesTheSecurityHeaders) {
  const Response page = handle("GET", "/en/meetings/1");
  const std::vector<Response> responses{
      page,
      handle("GET", "/api/v1/meetings"),
      handle("GET", "/api/v1/meetings/7"),
      handle("GET", "/nowhere/at/all"),
      handle("DELETE", "/api/v1/meetings"),
      handle("GET", "/"),
      handle("HEAD", "/en/"),
      handle("GET", "/en/meetings/1", "", "", {{"if-none-match", page.headers.at("etag")}}),
      handle("POST", "/api/v1/meetings/1/publish", "", "{}"),
      handle("GET", "/api/v1/meetings/1", "Bearer nope"),
  };
  for (const Response& response : responses) {
    ASSERT_TRUE(response.headers.count("content-security-policy")) << response.status << " " << response.body;
    EXPECT_NE(response.headers.at("content-security-policy").find("frame-ancestors 'none'"),
              std::string::npos);
    EXPECT_EQ(response.headers.at("x-content-type-options"), "nosniff");
  }
}

TEST_F(AppTest, ErrorsAreJsonUnderTheApiAndPagesElsewhere) {
  const Response api = handle("GET", "/api/v1/meetings/7");
  EXPECT_EQ(api.status, 404);
  EXPECT_EQ(api.headers.at("content-type"), "application/json; charset=utf-8");
  EXPECT_EQ(json::parse(api.body)["error"]["message"], "there is no meeting 7");

  const Response french = handle("GET", "/fr/meetings/7");
  EXPECT_EQ(french.status, 404);
  EXPECT_EQ(french.headers.at("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(french.body.find("lang=\"fr\""), std::string::npos) << french.body.substr(0, 300);
  const Response unknown = handle("GET", "/xx/meetings/1");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.headers.at("content-type"), "text/html; charset=utf-8");
  // A message from the request is escaped on the page.
  const Response hostile = handle("GET", "/<script>alert(1)</script>/");
  EXPECT_EQ(hostile.status, 404);
  EXPECT_EQ(hostile.body.find("<script>"), std::string::npos);
}

TEST_F(AppTest, AMeetingTheCallerMayNotSeeIsNotFoundOnEveryRoute) {
  // Defect 15: another body's draft was 404 on GET but 403 "may not edit
  // meetings of ..." on PATCH and the audit, which told that it exists.
  Meeting other = load_meeting_file(testing::kExample).meeting.value();
  other.body.short_name = testing::kOtherBody;
  other.document.symbol = "CTOC/COP/WG.4/2022/1";
  {
    std::unique_ptr<store::SqliteStore> store = store::SqliteStore::open(database_);
    store->create_meeting(testing::kOtherBody, other.document.symbol, meeting_to_json(other), "seed");
  }
  const std::string patch = json{{"based_on_version", 1}, {"title", {{"en", "x"}}}}.dump();
  for (const std::string& caller : {std::string(), callers_.editor, callers_.bureau}) {
    EXPECT_EQ(handle("GET", "/api/v1/meetings/2", caller).status, 404);
    EXPECT_EQ(handle("PATCH", "/api/v1/meetings/2/items/2", caller, patch).status, 404);
    EXPECT_EQ(handle("GET", "/api/v1/meetings/2/audit", caller).status, 404);
    EXPECT_EQ(handle("GET", "/api/v1/meetings/2/procedures", caller).status, 404);
    EXPECT_EQ(handle("GET", "/api/v1/meetings/2/plan", caller).status, 404);
  }
  EXPECT_EQ(handle("GET", "/api/v1/meetings/2/audit", callers_.other_editor).status, 200);
}

TEST_F(AppTest, AWrongTokenIsRefusedEvenWhereThePublicMayRead) {
  // Every meeting is published, so listing them needs no caller; a script
  // that sends a wrong token must still learn that it is wrong.
  EXPECT_EQ(handle("GET", "/api/v1/meetings").status, 200);
  const Response wrong = handle("GET", "/api/v1/meetings", "Bearer not-a-token");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(json::parse(wrong.body)["error"]["field"], "Authorization");
  EXPECT_EQ(handle("GET", "/api/v1/bodies", "Basic abc").status, 401);
  EXPECT_EQ(handle("GET", "/api/v1/meetings", callers_.admin).status, 200);
}

TEST_F(AppTest, AFailingStoreIsA500AndNeverAnException) {
  AppConfig config;
  config.open_store = []() -> std::unique_ptr<store::Store> {
    throw store::StoreError("the disk is on fire");
  };
  App broken(std::move(config));
  Request request;
  request.method = "GET";
  request.path = "/api/v1/meetings";
  Response response = broken.handle(request);
  EXPECT_EQ(response.status, 500);
  EXPECT_NE(json::parse(response.body)["error"]["message"].get<std::string>().find("internal error"),
            std::string::npos);
  EXPECT_TRUE(response.headers.count("content-security-policy"));
  request.path = "/en/";
  response = broken.handle(request);
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response.headers.at("content-type"), "text/html; charset=utf-8");
  request.path = "/healthz";
  EXPECT_EQ(broken.handle(request).status, 200) << "needs no store";
  // The server's loop logs this and tries again two seconds later.
  EXPECT_THROW(broken.conclude_due_procedures(), store::StoreError);
}

TEST_F(AppTest, AnswersConditionalRequests) {
  const Response page = handle("GET", "/en/meetings/1");
  ASSERT_EQ(page.status, 200);
  const std::string etag = page.headers.at("etag"), modified = page.headers.at("last-modified");
  EXPECT_EQ(handle("GET", "/en/meetings/1", "", "", {{"if-none-match", etag}}).status, 304);
  EXPECT_EQ(handle("GET", "/en/meetings/1", "", "", {{"if-none-match", "W/\"old\", " + etag}}).status, 304);
  EXPECT_EQ(handle("GET", "/en/meetings/1", "", "", {{"if-none-match", "*"}}).status, 304);
  EXPECT_EQ(handle("GET", "/en/meetings/1", "", "", {{"if-modified-since", modified}}).status, 304);
  // If-None-Match wins over If-Modified-Since.
  EXPECT_EQ(
      handle("GET", "/en/meetings/1", "", "", {{"if-none-match", "\"old\""}, {"if-modified-since", modified}})
          .status,
      200);
  EXPECT_EQ(handle("GET", "/en/meetings/1", "", "", {{"if-modified-since", "yesterday"}}).status, 200);
  const Response head = handle("HEAD", "/en/meetings/1");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.body.size(), page.body.size());  // the transport leaves the body out
  EXPECT_EQ(head.headers.at("etag"), etag);
  EXPECT_EQ(page.headers.at("cache-control"), "public, max-age=60");
  // The page of another language is another document.
  EXPECT_NE(handle("GET", "/fr/meetings/1").headers.at("etag"), etag);
}

TEST_F(AppTest, RefusesBodiesThatAreTooDeepOrRepeatKeys) {
  const std::string path = "/api/v1/meetings/1/items/2";
  auto nested = [](int depth) {
    return "{\"based_on_version\": 2, \"title\": " + std::string(depth, '[') + std::string(depth, ']') + "}";
  };
  Response response = handle("PATCH", path, callers_.editor, nested(64));
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(json::parse(response.body)["error"]["message"],
            "the body nests arrays and objects deeper than 64 levels");
  response = handle("PATCH", path, callers_.editor, nested(62));
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(json::parse(response.body)["error"]["field"], "title")
      << "deep enough to be read, and then refused";
  // Brackets inside strings are text, not nesting.
  response = handle("PATCH", path, callers_.editor,
                    json{{"based_on_version", 2}, {"title", {{"en", std::string(1000, '[')}}}}.dump());
  EXPECT_EQ(response.status, 200) << response.body.substr(0, 300);

  response =
      handle("PATCH", path, callers_.editor, R"({"based_on_version": 3, "title": {"en": "a", "en": "b"}})");
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(json::parse(response.body)["error"]["message"], "the key \"en\" is given twice in one object");
  response = handle("PATCH", path, callers_.editor,
                    R"({"based_on_version": 3, "title": {"en": "a"}, "based_on_version": 3})");
  EXPECT_EQ(response.status, 400);
  // The same key in two objects is no repetition.
  response = handle("PATCH", path, callers_.editor,
                    R"({"based_on_version": 3, "title": {"en": "a"}, "annotation": {"en": "a"}})");
  EXPECT_EQ(response.status, 200) << response.body.substr(0, 300);

  // A media type with parameters is still JSON; another type is not.
  Request request;
  request.method = "PATCH";
  request.path = path;
  request.headers = {{"authorization", callers_.editor}, {"content-type", "application/json; charset=utf-8"}};
  request.body = json{{"based_on_version", 4}, {"title", {{"en", "c"}}}}.dump();
  EXPECT_EQ(app_->handle(request).status, 200);
  request.headers["content-type"] = "text/json";
  EXPECT_EQ(app_->handle(request).status, 415);
  request.headers.erase("content-type");
  EXPECT_EQ(app_->handle(request).status, 415);
  EXPECT_EQ(version(), 5);
}

TEST_F(AppTest, SilenceProcedureEndsExactlyAtItsDeadline) {
  const json request{{"based_on_version", 2},
                     {"subject", "organization"},
                     {"description", "The revised organization of work"},
                     {"deadline", "2022-06-01T12:00:00Z"},
                     {"approved", in_every_language("the revised organization of work")}};
  const json objected = handle_json("POST", "/api/v1/meetings/1/procedures", callers_.editor, request, 201);
  const json silent = handle_json("POST", "/api/v1/meetings/1/procedures", callers_.editor, request, 201);
  const json withdrawn = handle_json("POST", "/api/v1/meetings/1/procedures", callers_.editor, request, 201);
  const std::string objected_path = "/api/v1/procedures/" + objected["id"].dump();
  const std::string silent_path = "/api/v1/procedures/" + silent["id"].dump();
  handle_json("POST", objected_path + "/objections", callers_.bureau, {{"comment", "No."}});
  handle_json("POST", "/api/v1/procedures/" + withdrawn["id"].dump() + "/withdraw", callers_.editor, nullptr);

  *now_ = "2022-06-01T11:59:59Z";
  EXPECT_EQ(app_->conclude_due_procedures(), 0);
  EXPECT_EQ(handle_json("GET", silent_path, callers_.bureau, nullptr)["status"], "open");

  // At the deadline, the silence can no longer be broken, even before the
  // procedure is concluded.
  *now_ = "2022-06-01T12:00:00Z";
  const Response late =
      handle("POST", silent_path + "/objections", callers_.bureau, R"({"comment": "Too late"})");
  EXPECT_EQ(late.status, 422) << late.body;
  EXPECT_EQ(app_->conclude_due_procedures(), 1);
  EXPECT_EQ(app_->conclude_due_procedures(), 0);
  EXPECT_EQ(handle_json("GET", silent_path, callers_.bureau, nullptr)["status"], "approved");
  EXPECT_EQ(handle_json("GET", objected_path, callers_.bureau, nullptr)["status"], "objected");

  const json updates = handle_json("GET", "/api/v1/meetings/1/updates", "", nullptr);
  std::map<std::string, std::string> notices;
  for (const json& update : updates) notices[update["language"]] = update["text"];
  EXPECT_EQ(notices.size(), 6u);
  EXPECT_EQ(notices["en"],
            "On 1 June 2022, the extended Bureau approved, by silence procedure, the revised organization of "
            "work.");
  const json record = handle_json("GET", "/api/v1/meetings/1", "", nullptr);
  EXPECT_EQ(record["calendar_sequence"], 2);
  EXPECT_NE(record["meeting"]["items"][0]["subitems"][1]["annotation"]["fr"].get<std::string>().find(
                "{{decision:bureau-organization-2}}"),
            std::string::npos);
}

// Counts the times `part` occurs in `text`.
size_t occurrences(const std::string& text, const std::string& part) {
  size_t count = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++count;
  return count;
}

TEST_F(AppTest, ProceduresHoldWhatTheyCoverAndApproveOnceEach) {
  // Defects 1 and 2, through the API: two procedures from one version, an
  // edit to the topics during them, and the decision sentences afterwards.
  auto proposal = [&](const std::string& subject, const std::string& approved) {
    return json{{"based_on_version", 2},
                {"subject", subject},
                {"description", "For the Bureau"},
                {"deadline", "2022-06-01T12:00:00Z"},
                {"approved", in_every_language(approved)}};
  };
  const json topics = handle_json("POST", "/api/v1/meetings/1/procedures", callers_.editor,
                                  proposal("topics", "the topics of the meeting"), 201);
  EXPECT_EQ(topics["publishes"], false);
  EXPECT_EQ(handle_json("POST", "/api/v1/meetings/1/procedures", callers_.editor,
                        proposal("organization", "the organization of its work"), 201)["publishes"],
            true);
  const Response held = handle("PATCH", "/api/v1/meetings/1/items/4", callers_.editor,
                               json{{"based_on_version", 2}, {"title", {{"en", "Changed"}}}}.dump());
  EXPECT_EQ(held.status, 409) << held.body;
  const json error = json::parse(held.body)["error"];
  EXPECT_EQ(error["procedure"], topics["id"]);
  EXPECT_NE(error["message"].get<std::string>().find("before the Bureau"), std::string::npos);
  handle_json("PATCH", "/api/v1/meetings/1/items/4", callers_.editor,
              json{{"based_on_version", 2}, {"annotation", {{"en", "Kept."}}}});

  *now_ = "2022-06-01T12:00:01Z";
  EXPECT_EQ(app_->conclude_due_procedures(), 2);
  const json record = handle_json("GET", "/api/v1/meetings/1", callers_.editor, nullptr);
  EXPECT_EQ(record["meeting"]["items"][3]["annotation"]["en"].get<std::string>().rfind("Kept.", 0), 0u);
  EXPECT_NE(record["meeting"]["items"][3]["title"]["en"], "Changed");
  const std::string page = handle("GET", "/en/meetings/1").body;
  EXPECT_EQ(occurrences(page, "by silence procedure, the topics of the meeting."), 1u);
  // The organization's approval published the meeting: its sentence is also the update notice.
  EXPECT_EQ(occurrences(page, "by silence procedure, the organization of its work."), 2u);
}

TEST_F(AppTest, AMoveIsPreviewedWithItsReplanAndNeverClearsThePlan) {
  // Defect 3, through the API.
  const std::string move = "/api/v1/meetings/1/items/4/move";
  const json preview =
      handle_json("POST", move, callers_.editor, {{"based_on_version", 2}, {"position", 2}, {"preview", true}});
  EXPECT_EQ(preview["preview"], true);
  EXPECT_FALSE(preview["replanned"].empty()) << preview["replanned"];
  EXPECT_EQ(version(), 2);
  const json moved = handle_json("POST", move, callers_.editor, {{"based_on_version", 2}, {"position", 2}});
  EXPECT_EQ(moved["replanned"], preview["replanned"]);
  size_t taken_up = 0;
  for (const json& slot : moved["meeting"]["organization"]["slots"]) taken_up += slot["items"].size();
  EXPECT_GT(taken_up, 0u);
  for (const json& entry : handle_json("GET", "/api/v1/meetings/1/audit", callers_.editor, nullptr))
    for (const json& change : entry.value("changes", json::array()))
      EXPECT_EQ(change.get<std::string>().find("cleared"), std::string::npos) << change;
  handle_json("POST", "/api/v1/meetings/1/publish", callers_.editor, {{"based_on_version", 3}});
  EXPECT_EQ(occurrences(handle("GET", "/meetings/1/CTOC_COP_WG.7_2022_1.en.ics").body, "BEGIN:VEVENT"), 4u);
}

TEST_F(AppTest, EveryPartOfTheMeetingIsEditableThroughTheApi) {
  int64_t v = 2;
  auto write = [&](const std::string& method, const std::string& path, json body, int status = 200) {
    body["based_on_version"] = v;
    const json out = handle_json(method, "/api/v1/meetings/1" + path, callers_.editor, body, status);
    if (status == 200) v = out["version"];
    return out;
  };
  // A footnote written, then called from an annotation (defect 6).
  write("POST", "/footnotes", {{"id", "venue"}, {"text", in_every_language("In the boardroom.")}});
  write("PATCH", "/items/4", {{"annotation", {{"en", "See the room.[^venue]"}}}});
  write("PATCH", "/footnotes/venue", {{"text", {{"en", "In the large boardroom."}}}});
  // A document's description and title changed after it was added (defect 4).
  const std::string symbol = "CTOC/COP/WG.7/2022/2";
  write("PATCH", "/documents", {{"symbol", symbol}, {"description", {{"en", "A new description"}}}});
  // The heading (defect 5) and a decision.
  write("PATCH", "/heading", {{"issued", "2022-04-01"}, {"distribution", "limited"}});
  const json decisions = handle_json("GET", "/api/v1/meetings/1", callers_.editor, nullptr)["meeting"]["decisions"];
  const std::string decision = decisions[0]["id"];
  write("PATCH", "/decisions/" + decision, {{"date", "2022-03-11"}});
  const json meeting = handle_json("GET", "/api/v1/meetings/1", callers_.editor, nullptr)["meeting"];
  EXPECT_EQ(meeting["document"]["issued"], "2022-04-01");
  EXPECT_EQ(meeting["document"]["distribution"], "limited");
  EXPECT_EQ(meeting["decisions"][0]["date"], "2022-03-11");
  bool described = false;
  for (const json& document : meeting["documents"])
    if (document["symbol"] == symbol) described = document["description"]["en"] == "A new description";
  EXPECT_TRUE(described);
  handle_json("POST", "/api/v1/meetings/1/publish", callers_.editor, {{"based_on_version", v}});
  const std::string page = handle("GET", "/en/meetings/1").body;
  EXPECT_NE(page.find("In the large boardroom."), std::string::npos);

  // Bad input names its field.
  write("PATCH", "/heading", {{"issued", "2022-02-30"}}, 400);
  write("PATCH", "/documents", {{"symbol", "A/1/NONE"}}, 404);
  write("PATCH", "/footnotes/nothing", {{"text", {{"en", "x"}}}}, 404);
  write("POST", "/footnotes", {{"id", "venue"}, {"text", in_every_language("Twice.")}}, 422);
  write("DELETE", "/footnotes/venue", json::object(), 422);  // still called from item 4
  write("PUT", "/planning", {{"planning", {{"min_continuation", "long"}}}}, 422);
  write("PUT", "/planning", {{"planning", 7}}, 400);
  write("PATCH", "/items/4", {{"no_documents", "yes"}}, 400);
}

TEST_F(AppTest, AMeetingCannotTakeAnotherMeetingsSymbol) {
  // Defect 14: PUT with a changed meeting.document.symbol took another
  // meeting's symbol, and the record's symbol no longer matched its document.
  json second = handle_json("GET", "/api/v1/meetings/1", callers_.editor, nullptr)["meeting"];
  second["document"]["symbol"] = "CTOC/COP/WG.7/2023/1";
  handle_json("POST", "/api/v1/meetings", callers_.editor, {{"meeting", second}}, 201);
  json taken = second;
  taken["document"]["symbol"] = "CTOC/COP/WG.7/2022/1";
  const Response refused = handle("PUT", "/api/v1/meetings/2", callers_.editor,
                                  json{{"based_on_version", 1}, {"meeting", taken}}.dump());
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(json::parse(refused.body)["error"]["field"], "document.symbol");
  json renamed = second;
  renamed["document"]["symbol"] = "CTOC/COP/WG.7/2023/2";
  const json saved = handle_json("PUT", "/api/v1/meetings/2", callers_.editor, {{"based_on_version", 1}, {"meeting", renamed}});
  EXPECT_EQ(saved["symbol"], "CTOC/COP/WG.7/2023/2");
  EXPECT_EQ(saved["meeting"]["document"]["symbol"], "CTOC/COP/WG.7/2023/2");
}

TEST_F(AppTest, SessionsExpireOnTheServersClock) {
  {
    std::unique_ptr<store::SqliteStore> store = store::SqliteStore::open(database_);
    store->create_user("clerk", store::Role::editor, {testing::kBody},
                       auth::hash_password("correct horse battery"));
  }
  std::unique_ptr<store::SqliteStore> store =
      store::SqliteStore::open(database_, [now = now_] { return *now; });
  const auth::LoginResult login =
      auth::log_in(*store, {"clerk", "correct horse battery", ""}, *now_, auth::LoginPolicy{});
  ASSERT_EQ(login.outcome, auth::LoginResult::Outcome::ok);
  const Headers cookie{{"cookie", "plenary_session=" + login.session_token}};
  EXPECT_EQ(handle("GET", "/edit/", "", "", cookie).status, 200);
  EXPECT_EQ(handle("GET", "/api/v1/meetings/1/audit", "", "", cookie).status, 200);
  // A browser session writes through the API too (SameSite=Strict cookies
  // and the JSON content type keep other sites out).
  Request patch;
  patch.method = "PATCH";
  patch.path = "/api/v1/meetings/1/items/2";
  patch.headers = {{"cookie", cookie.at("cookie")}, {"content-type", "application/json"}};
  patch.body = json{{"based_on_version", 2}, {"title", {{"en", "By session"}}}}.dump();
  EXPECT_EQ(app_->handle(patch).status, 200);

  *now_ = "2022-06-01T17:00:01Z";  // eight hours and a second later
  EXPECT_EQ(handle("GET", "/edit/", "", "", cookie).status, 303);
  EXPECT_EQ(handle("GET", "/api/v1/meetings/1/audit", "", "", cookie).status, 401);
  patch.body = json{{"based_on_version", 3}, {"title", {{"en", "Too late"}}}}.dump();
  EXPECT_EQ(app_->handle(patch).status, 401);
  EXPECT_EQ(version(), 3);
}

// Another site's form can POST only form encodings and text/plain: a browser
// session must send JSON to every API write, or it is refused.
TEST_F(AppTest, BrowserSessionsMustSendJsonToTheApi) {
  const std::string token = "a-session-token-that-is-long-enough-1234567";
  {
    std::unique_ptr<store::SqliteStore> store = store::SqliteStore::open(database_);
    store->create_session(
        {auth::token_digest(token), store->user("editor")->id, "csrf-token", "", "2999-01-01T00:00:00Z"});
  }
  const json procedure = handle_json("POST", "/api/v1/meetings/1/procedures", callers_.editor,
                                     {{"based_on_version", 2},
                                      {"subject", "topics"},
                                      {"description", "Topics"},
                                      {"deadline", "2022-06-02T12:00:00Z"},
                                      {"approved", in_every_language("the topics")}},
                                     201);
  Request forged;
  forged.method = "POST";
  forged.path = "/api/v1/procedures/" + procedure["id"].dump() + "/withdraw";
  forged.headers = {{"cookie", "plenary_session=" + token}, {"content-type", "text/plain"}};
  forged.body = "x=y";
  EXPECT_EQ(app_->handle(forged).status, 415);
  forged.headers.erase("content-type");
  forged.body = "";
  EXPECT_EQ(app_->handle(forged).status, 415);
  forged.path = "/api/v1/meetings/1/publish";
  forged.headers["content-type"] = "text/plain";
  forged.body = R"({"based_on_version": 2})";
  EXPECT_EQ(app_->handle(forged).status, 415);
  EXPECT_EQ(version(), 2);
  EXPECT_EQ(
      handle_json("GET", "/api/v1/procedures/" + procedure["id"].dump(), callers_.editor, nullptr)["status"],
      "open");

  Request sent = forged;
  sent.path = "/api/v1/procedures/" + procedure["id"].dump() + "/withdraw";
  sent.headers["content-type"] = "application/json";
  sent.body = "{}";
  EXPECT_EQ(app_->handle(sent).status, 200);
  // A script's token needs no body.
  const json other = handle_json("POST", "/api/v1/meetings/1/procedures", callers_.editor,
                                 {{"based_on_version", 2},
                                  {"subject", "topics"},
                                  {"description", "Topics"},
                                  {"deadline", "2022-06-02T12:00:00Z"},
                                  {"approved", in_every_language("the topics")}},
                                 201);
  EXPECT_EQ(handle("POST", "/api/v1/procedures/" + other["id"].dump() + "/withdraw", callers_.editor).status,
            200);
}

TEST_F(AppTest, ConcurrentWritersNeverOverwriteEachOther) {
  constexpr int kThreads = 4, kAttempts = 15;
  std::atomic<int> saved{0}, conflicts{0}, other{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < kAttempts; ++i) {
        const int64_t read =
            json::parse(handle("GET", "/api/v1/meetings/1", callers_.editor).body)["version"];
        const Response response =
            handle("PATCH", "/api/v1/meetings/1/items/" + std::to_string(2 + t), callers_.editor,
                   json{{"based_on_version", read},
                        {"title", {{"en", "T" + std::to_string(t) + "." + std::to_string(i)}}}}
                       .dump());
        if (response.status == 200)
          ++saved;
        else if (response.status == 409) {
          ++conflicts;
          ADD_FAILURE() << response.body.substr(0, 400);
        }
        else
          ++other;
        handle("GET", "/en/meetings/1");
      }
    });
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(other, 0);
  // Each writer edits its own item, so every edit merges: none is refused,
  // and each item keeps its writer's last title.
  EXPECT_EQ(conflicts, 0);
  EXPECT_EQ(saved + conflicts, kThreads * kAttempts);
  const json items = handle_json("GET", "/api/v1/meetings/1/items", callers_.editor, nullptr);
  for (int t = 0; t < kThreads; ++t)
    EXPECT_EQ(items[1 + t]["title"]["en"], "T" + std::to_string(t) + "." + std::to_string(kAttempts - 1));
  EXPECT_EQ(version(), 2 + saved);
  // Each saved write is one audited version.
  EXPECT_EQ(handle_json("GET", "/api/v1/meetings/1/audit", callers_.editor, nullptr).size(),
            static_cast<size_t>(2 + saved));
}

}  // namespace
}  // namespace plenary::web
