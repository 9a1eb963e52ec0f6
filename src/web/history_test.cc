// A meeting's history through App::handle: the versions, one version, two
// compared, a restore, the meeting file exported and imported, in the API
// and in the editing pages; and what each refuses.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "auth/tokens.h"
#include "format/meeting_file.h"
#include "format/meeting_json.h"
#include "store/sqlite_store.h"
#include "web/app.h"
#include "web/page_test_support.h"
#include "web/test_support.h"

namespace plenary::web {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using nlohmann::json;
using testing::Callers;
using testing::Page;

constexpr char kCsrf[] = "the-session-csrf-token";

class HistoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string database = folder_.file("plenary.sqlite");
    store::Clock clock = [now = now_] { return *now; };
    std::unique_ptr<store::SqliteStore> store = store::SqliteStore::open(database, clock);
    callers_ = testing::add_callers(*store);
    const MeetingFile file = load_meeting_file(testing::kExample);
    ASSERT_TRUE(file.meeting);
    const store::MeetingRecord record = store->create_meeting(
        file.meeting->body.short_name, file.meeting->document.symbol, meeting_to_json(*file.meeting), "seed");
    store->publish(record.id, record.version, "seed", {});  // version 2
    // A draft nobody has published: the public and other bodies do not see it.
    Meeting draft = *file.meeting;
    draft.document.symbol = "CTOC/COP/WG.7/2023/1";
    store->create_meeting(draft.body.short_name, draft.document.symbol, meeting_to_json(draft), "seed");
    const std::string token = auth::random_token();
    store->create_session({auth::token_digest(token), store->user("editor")->id, kCsrf, "", "2999-01-01T00:00:00Z"});
    session_ = "plenary_session=" + token;
    const std::string bureau_token = auth::random_token();
    store->create_session(
        {auth::token_digest(bureau_token), store->user("bureau")->id, kCsrf, "", "2999-01-01T00:00:00Z"});
    bureau_session_ = "plenary_session=" + bureau_token;

    AppConfig config;
    config.open_store = [database, clock] {
      return std::unique_ptr<store::Store>(store::SqliteStore::open(database, clock));
    };
    config.clock = clock;
    app_ = std::make_unique<App>(std::move(config));
  }

  Response send(const std::string& method, const std::string& target, const std::string& authorization = "",
                const std::string& body = "", const std::string& content_type = "application/json",
                const std::string& cookie = "") {
    Request request;
    request.method = method;
    const size_t question = target.find('?');
    request.path = target.substr(0, question);
    if (question != std::string::npos) request.query = parse_query(target.substr(question + 1));
    if (!authorization.empty()) request.headers["authorization"] = authorization;
    if (!cookie.empty()) request.headers["cookie"] = cookie;
    if (!body.empty() || method != "GET") request.headers["content-type"] = content_type;
    request.body = body;
    return app_->handle(request);
  }

  json get_json(const std::string& target, const std::string& authorization, int status = 200) {
    const Response response = send("GET", target, authorization);
    EXPECT_EQ(response.status, status) << target << ": " << response.body.substr(0, 400);
    return json::parse(response.body, nullptr, false);
  }

  json post_json(const std::string& target, const json& body, int status = 200,
                 const std::string& authorization = "") {
    const Response response = send("POST", target, authorization.empty() ? callers_.editor : authorization, body.dump());
    EXPECT_EQ(response.status, status) << target << ": " << response.body.substr(0, 400);
    return json::parse(response.body, nullptr, false);
  }

  int64_t version() { return get_json("/api/v1/meetings/1", callers_.admin).value("version", 0); }

  // Sets item `key`'s title in `language` through the API.
  void set_title(const std::string& key, const std::string& language, const std::string& text) {
    const Response response = send("PATCH", "/api/v1/meetings/1/items/" + key, callers_.editor,
                                   json{{"based_on_version", version()}, {"title", {{language, text}}}}.dump());
    ASSERT_EQ(response.status, 200) << response.body;
  }

  // Puts the agenda's items and titles before the Bureau, from `based_on`.
  void submit_topics(int64_t based_on) {
    json approved = json::object();
    for (const char* language : {"ar", "zh", "en", "fr", "ru", "es"}) approved[language] = "the topics";
    post_json("/api/v1/meetings/1/procedures",
              {{"based_on_version", based_on},
               {"subject", "topics"},
               {"description", "The topics"},
               {"deadline", "2022-06-10T12:00:00Z"},
               {"approved", approved}},
              201);
  }

  std::string title(const json& meeting, size_t item, const std::string& language) {
    return meeting["items"][item]["title"].value(language, "");
  }

  Response page(const std::string& target) { return send("GET", target, "", "", "", session_); }
  Response form(const std::string& target, const std::string& body) {
    return send("POST", target, "", body, "application/x-www-form-urlencoded", session_);
  }

  testing::TempFolder folder_;
  std::shared_ptr<std::string> now_ = std::make_shared<std::string>("2022-06-01T09:00:00Z");
  Callers callers_;
  std::string session_;
  std::string bureau_session_;
  std::unique_ptr<App> app_;
};

// ---- The API

TEST_F(HistoryTest, ListsEveryVersion) {
  set_title("2", "en", "Second");
  const json versions = get_json("/api/v1/meetings/1/versions", callers_.bureau);
  ASSERT_EQ(versions.size(), 3u) << versions;
  EXPECT_EQ(versions[0]["action"], "create");
  EXPECT_EQ(versions[1]["published"], true);
  EXPECT_EQ(versions[1]["summary"], "published for the first time");
  EXPECT_EQ(versions[2]["version"], 3);
  EXPECT_EQ(versions[2]["who"], "editor");
  EXPECT_EQ(versions[2]["action"], "edit-item");
  EXPECT_EQ(versions[2]["summary"], "item 2: title (en) changed");
  EXPECT_EQ(versions[2]["changes"], json::array({"item 2: title (en) changed"}));
}

TEST_F(HistoryTest, TheHistoryIsForTheBodysSecretariatAndBureau) {
  for (const std::string path : {"/api/v1/meetings/1/versions", "/api/v1/meetings/1/versions/1",
                                 "/api/v1/meetings/1/compare?from=1&to=2", "/api/v1/meetings/1/meeting.toml"}) {
    EXPECT_EQ(send("GET", path).status, 401) << path;
    EXPECT_EQ(send("GET", path, callers_.other_editor).status, 403) << path;
    EXPECT_EQ(send("GET", path, callers_.bureau).status, 200) << path;
    EXPECT_EQ(send("GET", path, callers_.admin).status, 200) << path;
  }
  // A meeting the caller may not see does not exist for it.
  for (const std::string path : {"/api/v1/meetings/2/versions", "/api/v1/meetings/2/meeting.toml",
                                 "/api/v1/meetings/9/versions"}) {
    EXPECT_EQ(send("GET", path).status, 404) << path;
    EXPECT_EQ(send("GET", path, callers_.other_editor).status, 404) << path;
  }
  EXPECT_EQ(send("GET", "/api/v1/meetings/2/versions", callers_.editor).status, 200);
}

TEST_F(HistoryTest, TheMeetingAtAVersion) {
  const std::string original = title(get_json("/api/v1/meetings/1", callers_.editor)["meeting"], 1, "en");
  set_title("2", "en", "Second");
  const json first = get_json("/api/v1/meetings/1/versions/1", callers_.editor);
  EXPECT_EQ(first["version"], 1);
  EXPECT_EQ(title(first["meeting"], 1, "en"), original);
  EXPECT_EQ(first["links"]["meeting_file"], "/api/v1/meetings/1/meeting.toml?version=1");
  EXPECT_EQ(title(get_json("/api/v1/meetings/1/versions/3", callers_.editor)["meeting"], 1, "en"), "Second");
  for (const std::string unknown : {"4", "0", "abc", "99999999999999999999"})
    EXPECT_EQ(send("GET", "/api/v1/meetings/1/versions/" + unknown, callers_.editor).status, 404) << unknown;
}

TEST_F(HistoryTest, TwoVersionsComparedPerItemAndLanguage) {
  set_title("2", "fr", "Nouveau titre");
  const json comparison = get_json("/api/v1/meetings/1/compare?from=2&to=3", callers_.editor);
  EXPECT_EQ(comparison["from"], 2);
  EXPECT_EQ(comparison["changes"], json::array({"item 2: title (fr) changed"}));
  ASSERT_EQ(comparison["differences"].size(), 1u) << comparison;
  const json& difference = comparison["differences"][0];
  EXPECT_EQ(difference["field"], "items[1].title.fr");
  EXPECT_EQ(difference["label"], "item 2, title (French)");
  EXPECT_EQ(difference["language"], "fr");
  EXPECT_EQ(difference["to"], "Nouveau titre");
  EXPECT_FALSE(difference["from"].get<std::string>().empty());
}

TEST_F(HistoryTest, AComparisonNeedsTwoVersionNumbers) {
  const std::string path = "/api/v1/meetings/1/compare";
  for (const auto& [query, field] : std::vector<std::pair<std::string, std::string>>{
           {"", "from"}, {"?to=2", "from"}, {"?from=1", "to"}, {"?from=x&to=2", "from"}, {"?from=1&to=-2", "to"},
           {"?from=1&to=2.5", "to"}, {"?from=&to=2", "from"}}) {
    const Response response = send("GET", path + query, callers_.editor);
    EXPECT_EQ(response.status, 400) << query;
    EXPECT_EQ(json::parse(response.body)["error"]["field"], field) << query;
  }
  EXPECT_EQ(send("GET", path + "?from=1&to=7", callers_.editor).status, 404);
}

TEST_F(HistoryTest, ARestoreIsANewVersion) {
  const json original = get_json("/api/v1/meetings/1/versions/2", callers_.editor)["meeting"];
  set_title("2", "en", "Second");
  set_title("3", "en", "Third");
  const json restored = post_json("/api/v1/meetings/1/restore", {{"based_on_version", 4}, {"version", 2}});
  EXPECT_EQ(restored["version"], 5);
  EXPECT_EQ(restored["restored_version"], 2);
  EXPECT_EQ(restored["meeting"], original);
  EXPECT_THAT(restored["changes"], Contains("item 3: title (en) changed"));
  EXPECT_EQ(get_json("/api/v1/meetings/1/versions", callers_.editor).back()["action"], "restore");
  EXPECT_EQ(get_json("/api/v1/meetings/1", callers_.editor)["meeting"], original);
}

TEST_F(HistoryTest, ARestoreRefusesWhatItCannotDo) {
  set_title("4", "en", "Proposed");
  const std::string path = "/api/v1/meetings/1/restore";
  post_json(path, {{"based_on_version", 3}, {"version", 9}}, 404);
  post_json(path, {{"based_on_version", 3}, {"version", "2"}}, 400);
  post_json(path, {{"based_on_version", 3}, {"version", 0}}, 400);
  post_json(path, {{"based_on_version", 3}}, 400);
  post_json(path, {{"based_on_version", 3}, {"version", 2}, {"force", true}}, 400);
  post_json(path, {{"based_on_version", 9}, {"version", 2}}, 409);
  post_json(path, {{"based_on_version", 3}, {"version", 2}}, 403, callers_.bureau);
  EXPECT_EQ(send("POST", path, callers_.editor, "{\"version\": 2}", "text/plain").status, 415);
  EXPECT_EQ(version(), 3);
}

TEST_F(HistoryTest, ARestoreDuringAProcedureOnWhatItChangesIsAConflict) {
  set_title("4", "en", "Proposed");
  submit_topics(3);
  const json refused = post_json("/api/v1/meetings/1/restore", {{"based_on_version", 3}, {"version", 2}}, 409);
  EXPECT_EQ(refused["error"]["field"], "items[3].title.en");
  EXPECT_TRUE(refused["error"].contains("procedure")) << refused;
  EXPECT_EQ(version(), 3);
}

TEST_F(HistoryTest, TheMeetingFileAtAVersionReadsBackAsThatVersion) {
  const json original = get_json("/api/v1/meetings/1/versions/1", callers_.editor)["meeting"];
  set_title("2", "en", "Second");
  const Response file = send("GET", "/api/v1/meetings/1/meeting.toml?version=1", callers_.bureau);
  ASSERT_EQ(file.status, 200) << file.body.substr(0, 300);
  EXPECT_EQ(file.headers.at("content-type"), "application/toml; charset=utf-8");
  EXPECT_EQ(file.headers.at("content-disposition"), "attachment; filename=\"CTOC_COP_WG.7_2022_1.v1.toml\"");
  const MeetingFile read = parse_meeting_file(file.body, "downloaded.toml");
  ASSERT_TRUE(read.meeting);
  EXPECT_EQ(json::parse(meeting_to_json(*read.meeting)), original);
  // Without a version: the current one.
  const Response current = send("GET", "/api/v1/meetings/1/meeting.toml", callers_.editor);
  EXPECT_THAT(current.body, HasSubstr("title.en = \"Second\""));
  EXPECT_THAT(current.body, HasSubstr("version 3"));
  EXPECT_EQ(send("GET", "/api/v1/meetings/1/meeting.toml?version=4", callers_.editor).status, 404);
  EXPECT_EQ(send("GET", "/api/v1/meetings/1/meeting.toml?version=x", callers_.editor).status, 400);
}

TEST_F(HistoryTest, AnImportedMeetingFileIsTheNextVersion) {
  std::string file = send("GET", "/api/v1/meetings/1/meeting.toml", callers_.editor).body;
  const std::string city = "city.en = \"Vienna\"";
  ASSERT_NE(file.find(city), std::string::npos);
  file.replace(file.find(city), city.size(), "city.en = \"Vienna, Austria\"");
  const Response response =
      send("PUT", "/api/v1/meetings/1/meeting.toml?based_on_version=2", callers_.editor, file, "application/toml");
  ASSERT_EQ(response.status, 200) << response.body.substr(0, 400);
  const json saved = json::parse(response.body);
  EXPECT_EQ(saved["version"], 3);
  EXPECT_EQ(saved["changes"], json::array({"meeting: city (en) changed"}));
  EXPECT_EQ(saved["meeting"]["meeting"]["city"]["en"], "Vienna, Austria");
  EXPECT_EQ(get_json("/api/v1/meetings/1/versions", callers_.editor).back()["action"], "import");
  // text/plain, and Windows line ends, are fine too.
  std::string crlf;
  for (char c : file) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  EXPECT_EQ(send("PUT", "/api/v1/meetings/1/meeting.toml?based_on_version=3", callers_.editor, crlf, "text/plain").status,
            200);
}

TEST_F(HistoryTest, AFileWithErrorsIsRefusedWithEachErrorsLineAndColumn) {
  std::string file = send("GET", "/api/v1/meetings/1/meeting.toml", callers_.editor).body;
  const size_t at = file.find("kind = \"substantive\"");
  ASSERT_NE(at, std::string::npos);
  file.replace(at, 4, "knd");
  const int line = 1 + static_cast<int>(std::count(file.begin(), file.begin() + static_cast<long>(at), '\n'));
  const std::string path = "/api/v1/meetings/1/meeting.toml?based_on_version=2";
  const Response response = send("PUT", path, callers_.editor, file, "application/toml");
  ASSERT_EQ(response.status, 422) << response.body.substr(0, 400);
  const json error = json::parse(response.body)["error"];
  EXPECT_THAT(error["message"].get<std::string>(), HasSubstr("line " + std::to_string(line) + ", column 1"));
  ASSERT_FALSE(error["findings"].empty());
  EXPECT_EQ(error["findings"][0]["line"], line);
  EXPECT_EQ(error["findings"][0]["column"], 1);
  EXPECT_THAT(error["findings"][0]["message"].get<std::string>(), HasSubstr("unknown key 'knd'"));

  // Not TOML: where it stops being TOML.
  const json broken = json::parse(send("PUT", path, callers_.editor, "format_version = 1\n[body\n", "application/toml").body);
  EXPECT_EQ(broken["error"]["status"], 422);
  EXPECT_EQ(broken["error"]["findings"][0]["line"], 2);
  EXPECT_EQ(version(), 2);
}

TEST_F(HistoryTest, AnImportRefusesBadRequests) {
  const std::string file = send("GET", "/api/v1/meetings/1/meeting.toml", callers_.editor).body;
  const std::string path = "/api/v1/meetings/1/meeting.toml";
  EXPECT_EQ(send("PUT", path + "?based_on_version=2", callers_.editor, "title = \"\xC3\x28\"", "application/toml").status,
            400);
  EXPECT_EQ(send("PUT", path + "?based_on_version=2", callers_.editor, file, "application/json").status, 415);
  EXPECT_EQ(send("PUT", path, callers_.editor, file, "application/toml").status, 400);
  EXPECT_EQ(send("PUT", path + "?based_on_version=two", callers_.editor, file, "application/toml").status, 400);
  EXPECT_EQ(send("PUT", path + "?based_on_version=9", callers_.editor, file, "application/toml").status, 409);
  EXPECT_EQ(send("PUT", path + "?based_on_version=2", "", file, "application/toml").status, 401);
  EXPECT_EQ(send("PUT", path + "?based_on_version=2", callers_.bureau, file, "application/toml").status, 403);
  EXPECT_EQ(send("PUT", path + "?based_on_version=2", callers_.other_editor, file, "application/toml").status, 403);
  EXPECT_EQ(send("PUT", "/api/v1/meetings/2/meeting.toml?based_on_version=1", callers_.other_editor, file,
                 "application/toml")
                .status,
            404);
  // Another body's meeting, and a file too large to read.
  std::string moved = file;
  const std::string body = "short_name = \"CTOC/COP/WG.7\"";
  moved.replace(moved.find(body), body.size(), "short_name = \"CTOC/COP/WG.4\"");
  EXPECT_EQ(send("PUT", path + "?based_on_version=2", callers_.editor, moved, "application/toml").status, 422);
  const std::string huge = "format_version = 1\n# " + std::string(9 * 1024 * 1024, 'x') + "\n[body\n";
  const int status = send("PUT", path + "?based_on_version=2", callers_.editor, huge, "application/toml").status;
  EXPECT_GE(status, 400);
  EXPECT_LT(status, 500);
  EXPECT_EQ(version(), 2);
}

// ---- The pages

TEST_F(HistoryTest, TheHistoryPageListsTheVersionsNewestFirst) {
  set_title("2", "en", "Second");
  const Response response = page("/edit/meetings/1/history");
  ASSERT_EQ(response.status, 200) << response.body.substr(0, 400);
  EXPECT_EQ(response.headers.at("cache-control"), "no-store");
  Page html;
  testing::parse(response.body, html);
  EXPECT_EQ(html.texts("//table[@id='versions']/tbody/tr/@id"),
            (std::vector<std::string>{"version-3", "version-2", "version-1"}));
  EXPECT_THAT(html.text("//tr[@id='version-3']"), HasSubstr("item 2: title (en) changed"));
  EXPECT_THAT(html.text("//tr[@id='version-2']"), HasSubstr("published"));
  EXPECT_EQ(html.text("//tr[@id='version-3']//a[@class='view']/@href"), "/edit/meetings/1/history/3");
  EXPECT_EQ(html.text("//tr[@id='version-3']//a[@class='compare-previous']/@href"),
            "/edit/meetings/1/compare?from=2&to=3");
  EXPECT_EQ(html.text("//tr[@id='version-1']//a[@class='meeting-file']/@href"),
            "/api/v1/meetings/1/meeting.toml?version=1");
  EXPECT_EQ(html.text("//form[@id='import-form']/input[@name='csrf']/@value"), kCsrf);
  EXPECT_EQ(html.text("//form[@id='import-form']/input[@name='based_on_version']/@value"), "3");
  EXPECT_EQ(html.count("//form[@id='compare-form']//select[@name='from']/option"), 3u);
}

TEST_F(HistoryTest, AVersionPageShowsTheMeetingAndRestoresIt) {
  const json original = get_json("/api/v1/meetings/1/versions/2", callers_.editor)["meeting"];
  set_title("2", "fr", "Nouveau");
  Page html;
  testing::parse(page("/edit/meetings/1/history/2").body, html);
  EXPECT_THAT(html.text("//p[@id='version-published']"), HasSubstr("published"));
  EXPECT_EQ(html.text("//form[@id='restore-form']/input[@name='version']/@value"), "2");
  EXPECT_EQ(html.text("//form[@id='restore-form']/input[@name='based_on_version']/@value"), "3");
  EXPECT_EQ(html.text("//form[@id='restore-form']/input[@name='csrf']/@value"), kCsrf);
  // The meeting, part by part, each text in its language.
  EXPECT_THAT(html.texts("//section[@class='place']/h2"), Contains("item 2"));
  EXPECT_EQ(html.text("//section[h2='item 2']//td[@lang='fr']"), original["items"][1]["title"]["fr"]);
  EXPECT_EQ(html.text("//section[h2='item 1 (a)']//td[@lang='ar']/@dir"), "rtl");

  const Response restored =
      form("/edit/meetings/1/restore", std::string("csrf=") + kCsrf + "&based_on_version=3&version=2");
  ASSERT_EQ(restored.status, 303) << restored.body.substr(0, 400);
  EXPECT_EQ(restored.headers.at("location"), "/edit/meetings/1/history?restored=2&saved=4");
  Page after;
  testing::parse(page(restored.headers.at("location")).body, after);
  EXPECT_EQ(after.text("//p[@id='notice']"), "Version 2 was restored as version 4.");
  EXPECT_EQ(get_json("/api/v1/meetings/1", callers_.editor)["meeting"], original);
  // The current version has nothing to restore; a Bureau member restores nothing.
  Page current;
  testing::parse(page("/edit/meetings/1/history/4").body, current);
  EXPECT_EQ(current.count("//form[@id='restore-form']"), 0u);
}

TEST_F(HistoryTest, TheRestoreFormNeedsTheSessionsTokenAndAnEditor) {
  // A Bureau member reads the history, and is offered no form that changes it.
  Page bureau;
  testing::parse(send("GET", "/edit/meetings/1/history/1", "", "", "", bureau_session_).body, bureau);
  EXPECT_EQ(bureau.count("//form[@id='restore-form']"), 0u);
  EXPECT_EQ(bureau.count("//section[@class='place']") > 0, true);
  testing::parse(send("GET", "/edit/meetings/1/history", "", "", "", bureau_session_).body, bureau);
  EXPECT_EQ(bureau.count("//form[@id='import-form']"), 0u);
  EXPECT_EQ(send("POST", "/edit/meetings/1/restore", "", std::string("csrf=") + kCsrf + "&based_on_version=2&version=1",
                 "application/x-www-form-urlencoded", bureau_session_)
                .status,
            403);
  EXPECT_EQ(form("/edit/meetings/1/restore", "csrf=guess&based_on_version=2&version=1").status, 403);
  EXPECT_EQ(form("/edit/meetings/1/restore", "based_on_version=2&version=1").status, 403);
  const Response anonymous = send("POST", "/edit/meetings/1/restore", "", "based_on_version=2&version=1",
                                  "application/x-www-form-urlencoded");
  EXPECT_EQ(anonymous.status, 303);
  EXPECT_EQ(anonymous.headers.at("location"), "/login?next=%2Fedit%2Fmeetings%2F1%2Fhistory");
  EXPECT_EQ(version(), 2);
}

TEST_F(HistoryTest, ARefusedRestoreShowsTheVersionAgainWithWhy) {
  set_title("4", "en", "Proposed");
  submit_topics(3);
  const Response refused = form("/edit/meetings/1/restore", std::string("csrf=") + kCsrf + "&based_on_version=3&version=2");
  EXPECT_EQ(refused.status, 409);
  Page html;
  testing::parse(refused.body, html);
  EXPECT_THAT(html.text("//div[@id='form-error']"), HasSubstr("Nothing was saved"));
  EXPECT_EQ(html.count("//form[@id='restore-form']"), 1u);
  EXPECT_EQ(version(), 3);
}

TEST_F(HistoryTest, TheComparePageShowsBothTextsSideBySideEscaped) {
  set_title("2", "fr", "Un <script>alert('x')</script> & \"titre\"");
  const Response response = page("/edit/meetings/1/compare?from=2&to=3");
  ASSERT_EQ(response.status, 200) << response.body.substr(0, 400);
  EXPECT_EQ(response.body.find("<script>alert"), std::string::npos);
  Page html;
  testing::parse(response.body, html);
  EXPECT_EQ(html.texts("//ul[@id='compare-changes']/li"), std::vector<std::string>{"item 2: title (fr) changed"});
  ASSERT_EQ(html.count("//tr[@class='difference']"), 1u);
  EXPECT_EQ(html.text("//tr[@class='difference']/th"), "item 2, title (French)");
  EXPECT_EQ(html.text("//tr[@class='difference']/td[@class='to']"), "Un <script>alert('x')</script> & \"titre\"");
  EXPECT_EQ(html.text("//tr[@class='difference']/td[@class='to']/@lang"), "fr");
  EXPECT_FALSE(html.text("//tr[@class='difference']/td[@class='from']").empty());

  Page same;
  testing::parse(page("/edit/meetings/1/compare?from=3&to=3").body, same);
  EXPECT_EQ(same.count("//p[@id='same']"), 1u);
  EXPECT_EQ(page("/edit/meetings/1/compare?from=3").status, 400);
  EXPECT_EQ(page("/edit/meetings/1/compare?from=a&to=3").status, 400);
  EXPECT_EQ(page("/edit/meetings/1/compare?from=1&to=30").status, 404);
}

TEST_F(HistoryTest, AnImportFormWithErrorsKeepsTheFileAndSaysWhere) {
  std::string file = send("GET", "/api/v1/meetings/1/meeting.toml", callers_.editor).body;
  const size_t at = file.find("kind = \"substantive\"");
  file.replace(at, 4, "knd");
  const int line = 1 + static_cast<int>(std::count(file.begin(), file.begin() + static_cast<long>(at), '\n'));
  const Response refused = form("/edit/meetings/1/import", std::string("csrf=") + kCsrf +
                                                               "&based_on_version=2&meeting_file=" + url_encode(file));
  EXPECT_EQ(refused.status, 422);
  Page html;
  testing::parse(refused.body, html);
  EXPECT_THAT(html.texts("//div[@id='form-error']//li"),
              Contains(HasSubstr("line " + std::to_string(line) + ", column 1: unknown key 'knd'")));
  EXPECT_EQ(html.raw("//textarea[@name='meeting_file']"), file);

  file.replace(at, 3, "kind");
  const Response imported = form("/edit/meetings/1/import", std::string("csrf=") + kCsrf +
                                                                "&based_on_version=2&meeting_file=" + url_encode(file));
  ASSERT_EQ(imported.status, 303) << imported.body.substr(0, 300);
  EXPECT_EQ(imported.headers.at("location"), "/edit/meetings/1/history?imported=3");
}

TEST_F(HistoryTest, PagesWithoutASessionGoToTheLoginAndOthersAre404) {
  const Response anonymous = send("GET", "/edit/meetings/1/history");
  EXPECT_EQ(anonymous.status, 303);
  EXPECT_EQ(anonymous.headers.at("location"), "/login?next=%2Fedit%2Fmeetings%2F1%2Fhistory");
  EXPECT_EQ(page("/edit/meetings/9/history").status, 404);
  EXPECT_EQ(page("/edit/meetings/1/history/9").status, 404);
  EXPECT_EQ(page("/edit/meetings/1/history/x").status, 404);
}

TEST_F(HistoryTest, PagesInAnotherLanguage) {
  Page html;
  testing::parse(page("/edit/meetings/1/history?lang=ar").body, html);
  EXPECT_EQ(html.text("/html/@dir"), "rtl");
  EXPECT_THAT(html.text("//h1"), HasSubstr("سجل"));
}

}  // namespace
}  // namespace plenary::web
