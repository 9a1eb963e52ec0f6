// The editing pages through App::handle, as a browser uses them: log in
// with the double-submit cookie, read a page, send its forms back.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <pugixml.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "auth/password.h"
#include "format/meeting_file.h"
#include "format/meeting_json.h"
#include "render/release_font_caches.h"  // the draft PDFs are drawn in this process
#include "store/sqlite_store.h"
#include "web/app.h"
#include "web/page_test_support.h"

namespace plenary::web {
namespace {

using testing::Page;

constexpr char kPassword[] = "a long enough password";
const std::string kExample = PLENARY_SOURCE_DIR "/examples/ctoc-wg7-2022/meeting.toml";

// One argon2id hash for every account: hashing costs 64 MiB and some milliseconds.
const std::string& password_hash() {
  static const std::string hash = auth::hash_password(kPassword);
  return hash;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string form_body(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string body;
  for (const auto& [name, value] : fields)
    body += (body.empty() ? "" : "&") + url_encode(name) + "=" + url_encode(value);
  return body;
}

void parse(const Response& response, Page& page) { testing::parse(response.body, page); }

std::string header(const Response& response, const std::string& name) {
  auto found = response.headers.find(name);
  return found == response.headers.end() ? "" : found->second;
}

// "name=value; Path=/; ..." -> "value".
std::string cookie_value(const Response& response, const std::string& name) {
  const std::string set = header(response, "set-cookie");
  if (set.rfind(name + "=", 0) != 0) return "";
  return set.substr(name.size() + 1, set.find(';') - name.size() - 1);
}

class EditorFlow : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = std::filesystem::temp_directory_path() / "plenary-editor-XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    folder_ = pattern;
    const std::string database = (folder_ / "plenary.sqlite").string();
    auto now = now_;
    store::Clock clock = [now] { return *now; };
    {
      auto store = store::SqliteStore::open(database, clock);
      store->create_user("officer", store::Role::editor, {"CTOC/COP/WG.7"}, password_hash());
      store->create_user("member", store::Role::bureau, {"CTOC/COP/WG.7"}, password_hash());
      store->create_user("stranger", store::Role::editor, {"CTOC/COP/WG.4"}, password_hash());
      store->create_user("admin", store::Role::admin, {}, password_hash());
      MeetingFile file = load_meeting_file(kExample);
      ASSERT_TRUE(file.meeting);
      const store::MeetingRecord record = store->create_meeting("CTOC/COP/WG.7", file.meeting->document.symbol,
                                                                meeting_to_json(*file.meeting), "setup");
      store->publish(record.id, record.version, "setup", {});  // version 2, published
    }
    AppConfig config;
    config.open_store = [database, clock] {
      return std::unique_ptr<store::Store>(store::SqliteStore::open(database, clock));
    };
    config.clock = clock;
    app_ = std::make_unique<App>(std::move(config));
  }

  void TearDown() override {
    app_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
  }

  Response send(const std::string& method, const std::string& path, const std::string& cookie = "",
                const std::string& body = "", const Params& query = {}) {
    Request request;
    request.method = method;
    request.path = path;
    request.query = query;
    request.body = body;
    if (!cookie.empty()) request.headers["cookie"] = cookie;
    if (method == "POST") request.headers["content-type"] = "application/x-www-form-urlencoded";
    return app_->handle(request);
  }

  // Logs in as a browser does; returns the session cookie ("plenary_session=...").
  std::string log_in(const std::string& name, const std::string& next = "") {
    const Response form = send("GET", "/login");
    const std::string token = cookie_value(form, "plenary_login");
    EXPECT_FALSE(token.empty());
    std::vector<std::pair<std::string, std::string>> fields{{"csrf", token}, {"name", name}, {"password", kPassword}};
    if (!next.empty()) fields.emplace_back("next", next);
    const Response done = send("POST", "/login", "plenary_login=" + token, form_body(fields));
    EXPECT_EQ(done.status, 303) << done.body;
    return "plenary_session=" + cookie_value(done, "plenary_session");
  }

  // The session's CSRF token, as the logout form carries it.
  std::string csrf(const std::string& session) {
    Page page;
    parse(send("GET", "/edit/", session), page);
    return page.text("//form[@id='logout']/input[@name='csrf']/@value");
  }

  // Sends a form of the meeting editor with the session's token.
  // A submission to the Bureau, from version 2, with the approved text in
  // every language of the example.
  static std::vector<std::pair<std::string, std::string>> procedure_form(const std::string& subject,
                                                                         const std::string& description,
                                                                         const std::string& deadline) {
    return {{"based_on_version", "2"}, {"subject", subject},      {"description", description},
            {"deadline", deadline},     {"approved.ar", "a"},      {"approved.zh", "b"},
            {"approved.en", "it"},      {"approved.fr", "elle"},   {"approved.ru", "c"},
            {"approved.es", "d"}};
  }

  Response post(const std::string& session, const std::string& path,
                std::vector<std::pair<std::string, std::string>> fields) {
    fields.emplace(fields.begin(), "csrf", csrf(session));
    return send("POST", path, session, form_body(fields));
  }

  Meeting stored_meeting(int64_t id = 1) {
    auto store = store::SqliteStore::open((folder_ / "plenary.sqlite").string());
    MeetingFile file = parse_meeting_json(store->meeting(id)->document, "stored");
    EXPECT_TRUE(file.meeting);
    return file.meeting.value_or(Meeting{});
  }
  int64_t stored_version(int64_t id = 1) {
    return store::SqliteStore::open((folder_ / "plenary.sqlite").string())->meeting(id)->version;
  }

  std::shared_ptr<std::string> now_ = std::make_shared<std::string>("2022-03-01T09:00:00Z");
  std::filesystem::path folder_;
  std::unique_ptr<App> app_;
};

TEST_F(EditorFlow, WithoutASessionThePagesSendToTheLoginAndBack) {
  Response page = send("GET", "/edit/meetings/1");
  EXPECT_EQ(page.status, 303);
  EXPECT_EQ(header(page, "location"), "/login?next=%2Fedit%2Fmeetings%2F1");
  // A form sent without a session: back to the page it came from.
  Response form = send("POST", "/edit/meetings/1/items/2", "", form_body({{"annotation.fr", "x"}}));
  EXPECT_EQ(form.status, 303);
  EXPECT_EQ(header(form, "location"), "/login?next=%2Fedit%2Fmeetings%2F1");
  EXPECT_EQ(header(send("GET", "/edit/"), "location"), "/login?next=%2Fedit%2F");
  EXPECT_EQ(header(send("GET", "/edit"), "location"), "/edit/");

  Page login;
  parse(send("GET", "/login", "", "", {{"next", "/edit/meetings/1"}}), login);
  EXPECT_EQ(login.text("//form[@class='login']/input[@name='next']/@value"), "/edit/meetings/1");
  Page elsewhere;
  parse(send("GET", "/login", "", "", {{"next", "//evil.example/"}}), elsewhere);
  EXPECT_EQ(elsewhere.count("//input[@name='next']"), 0u);

  const Response form_page = send("GET", "/login");
  const std::string token = cookie_value(form_page, "plenary_login");
  Response done =
      send("POST", "/login", "plenary_login=" + token,
           form_body({{"csrf", token}, {"name", "officer"}, {"password", kPassword}, {"next", "/edit/meetings/1"}}));
  EXPECT_EQ(done.status, 303);
  EXPECT_EQ(header(done, "location"), "/edit/meetings/1");
  // A wrong password keeps where to go.
  Page wrong;
  const Response again = send(
      "POST", "/login", "plenary_login=" + token,
      form_body({{"csrf", token}, {"name", "officer"}, {"password", "not it at all"}, {"next", "/edit/meetings/1"}}));
  EXPECT_EQ(again.status, 401);
  parse(again, wrong);
  EXPECT_EQ(wrong.text("//input[@name='next']/@value"), "/edit/meetings/1");
  EXPECT_EQ(wrong.text("//input[@name='name']/@value"), "officer");
}

TEST_F(EditorFlow, EveryPageRendersForTheExample) {
  const std::string session = log_in("officer");
  for (const char* path : {"/edit/", "/edit/meetings/1", "/edit/meetings/1/audit", "/edit/meetings/1/meeting",
                           "/edit/meetings/1/items", "/edit/meetings/1/items/1b", "/edit/meetings/1/items/2?with=ar",
                           "/edit/meetings/1/documents", "/edit/meetings/1/documents?item=2",
                           "/edit/meetings/1/footnotes", "/edit/meetings/1/decisions",
                           "/edit/meetings/1/organization", "/edit/meetings/1/publish", "/edit/meetings/1/bureau",
                           "/edit/meetings/1/preview/fr", "/edit/meetings/1/preview/ar"}) {
    const std::string full = path;
    const size_t question = full.find('?');
    Params query;
    if (question != std::string::npos) query = parse_query(full.substr(question + 1));
    const Response response = send("GET", full.substr(0, question), session, "", query);
    EXPECT_EQ(response.status, 200) << path << "\n" << response.body;
    EXPECT_EQ(header(response, "cache-control"), "no-store") << path;
    EXPECT_EQ(header(response, "content-type"), "text/html; charset=utf-8") << path;
    EXPECT_NE(header(response, "content-security-policy").find("script-src 'self'"), std::string::npos);
    Page page;
    parse(response, page);
    if (full.find("/preview/") != std::string::npos)  // the public page, made from the draft
      EXPECT_EQ(page.count("//div[@id='draft-banner']"), 1u) << path;
    else
      EXPECT_EQ(page.count("//form[@id='logout']"), 1u) << path;
  }
  const Response preview = post(session, "/edit/meetings/1/plan", {{"based_on_version", "2"}, {"format", "online"}});
  EXPECT_EQ(preview.status, 200) << preview.body;
  const Response submitted = post(session, "/edit/meetings/1/procedures",
                                  {{"based_on_version", "2"},
                                   {"subject", "calendar"},
                                   {"description", "The dates."},
                                   {"deadline", "2022-03-10T12:00"},
                                   {"approved.ar", "a"},
                                   {"approved.zh", "b"},
                                   {"approved.en", "the dates"},
                                   {"approved.fr", "les dates"},
                                   {"approved.ru", "c"},
                                   {"approved.es", "d"},
                                   {"item", ""}});
  EXPECT_EQ(submitted.status, 303) << submitted.body;
  EXPECT_EQ(header(submitted, "location"), "/edit/meetings/1/bureau?submitted=1");
  const Response procedure = send("GET", "/edit/procedures/1", session);
  EXPECT_EQ(procedure.status, 200) << procedure.body;
  Page page;
  parse(procedure, page);
  EXPECT_NE(page.text("//p[@id='procedure-status']").find("2022-03-10 12:00 UTC"), std::string::npos);
  EXPECT_EQ(send("GET", "/edit/procedures/99", session).status, 404);
  EXPECT_EQ(send("GET", "/edit/meetings/99", session).status, 404);
  EXPECT_EQ(send("GET", "/edit/meetings/abc", session).status, 404);
  EXPECT_EQ(send("GET", "/edit/meetings/1/items/9", session).status, 404);
  EXPECT_EQ(send("GET", "/edit/meetings/1/document", session, "", {{"symbol", "NO/SUCH"}}).status, 404);
  EXPECT_EQ(send("GET", "/edit/meetings/1/footnotes/nope", session).status, 404);
  EXPECT_EQ(send("GET", "/edit/meetings/1/decisions/nope", session).status, 404);
  EXPECT_EQ(send("GET", "/edit/meetings/1/preview/de", session).status, 404);
}

// The draft's files say they are a draft, with the version; the public's do not.
TEST_F(EditorFlow, DraftFilesAreMarkedAsDrafts) {
  const std::string session = log_in("officer");
  const Response draft = send("GET", "/edit/meetings/1/draft/CTOC_COP_WG.7_2022_1.en.md", session);
  ASSERT_EQ(draft.status, 200) << draft.body;
  EXPECT_NE(draft.body.find("DRAFT (version 2, not published)"), std::string::npos) << draft.body.substr(0, 400);
  EXPECT_EQ(header(draft, "cache-control"), "private, no-cache");
  const Response french = send("GET", "/edit/meetings/1/draft/CTOC_COP_WG.7_2022_1.fr.md", session);
  EXPECT_NE(french.body.find("PROJET (version 2, non publiée)"), std::string::npos);
  EXPECT_EQ(send("GET", "/edit/meetings/1/draft/CTOC_COP_WG.7_2022_1.en.pdf", session).status, 200);
  EXPECT_EQ(send("GET", "/edit/meetings/1/draft/OTHER.en.pdf", session).status, 404);
  EXPECT_EQ(send("GET", "/edit/meetings/1/draft/CTOC_COP_WG.7_2022_1.de.pdf", session).status, 404);
  EXPECT_EQ(send("GET", "/edit/meetings/1/draft/CTOC_COP_WG.7_2022_1.en.md").status, 303);  // to the login
  const Response published = send("GET", "/meetings/1/CTOC_COP_WG.7_2022_1.en.md");
  ASSERT_EQ(published.status, 200);
  EXPECT_EQ(published.body.find("DRAFT"), std::string::npos);
}

// The organization of work by hand: an item moved to another meeting, an
// item split over two; what the checks refuse comes back with the text kept.
TEST_F(EditorFlow, TheHeadingIsEditedOnTheMeetingDataPage) {
  // Defect 5: the symbol, the date of issue and the distribution had no field.
  const std::string session = log_in("officer");
  Page page;
  parse(send("GET", "/edit/meetings/1/meeting", session), page);
  EXPECT_EQ(page.text("//form[@id='meeting-form']//input[@name='symbol']/@value"), "CTOC/COP/WG.7/2022/1");
  EXPECT_EQ(page.text("//form[@id='meeting-form']//input[@name='issued']/@value"), "2022-03-16");
  EXPECT_EQ(page.count("//form[@id='meeting-form']//select[@name='distribution']/option"), 3u);
  const Response saved = post(session, "/edit/meetings/1/meeting",
                              {{"based_on_version", "2"},
                               {"symbol", "CTOC/COP/WG.7/2022/1"},
                               {"issued", "2022-04-04"},
                               {"distribution", "limited"},
                               {"original_language", "fr"}});
  EXPECT_EQ(saved.status, 303) << saved.body.substr(0, 400);
  const Meeting meeting = stored_meeting();
  EXPECT_EQ(to_iso(meeting.document.issued), "2022-04-04");
  EXPECT_EQ(meeting.document.distribution, Distribution::limited);
  EXPECT_EQ(meeting.document.original_language, "fr");
  const Response bad = post(session, "/edit/meetings/1/meeting", {{"based_on_version", "3"}, {"issued", "2022-06-31"}});
  EXPECT_EQ(bad.status, 400);
  Page refused;
  parse(bad, refused);
  EXPECT_EQ(refused.text("//form[@id='meeting-form']//input[@name='issued']/@value"), "2022-06-31");
}

TEST_F(EditorFlow, PublishingWithNoOrganizationOfWorkIsConfirmedFirst) {
  // Defect 3: a meeting whose plan was gone was published with no annex.
  const std::string session = log_in("officer");
  {
    // A plain agenda: the meeting without its organization of work.
    auto store = store::SqliteStore::open((folder_ / "plenary.sqlite").string());
    Meeting plain = stored_meeting();
    plain.organization = OrganizationOfWork{};
    store->update_meeting(1, 2, meeting_to_json(plain), "setup", "import");
  }
  Page page;
  parse(send("GET", "/edit/meetings/1/publish", session), page);
  EXPECT_EQ(page.count("//form[@id='publish-form']//input[@name='without_organization']"), 1u);
  const Response refused = post(session, "/edit/meetings/1/publish", {{"based_on_version", "3"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(stored_version(), 3);
  const Response confirmed =
      post(session, "/edit/meetings/1/publish", {{"based_on_version", "3"}, {"without_organization", "1"}});
  EXPECT_EQ(confirmed.status, 303) << confirmed.body.substr(0, 400);
  EXPECT_EQ(stored_version(), 4);
}

TEST_F(EditorFlow, TheOrganizationOfWorkIsChangedByHand) {
  const std::string session = log_in("officer");
  Page page;
  parse(send("GET", "/edit/meetings/1/organization", session), page);
  EXPECT_EQ(page.count("//form[@id='organization-form']//input[starts-with(@name, 'slot.')]"), 4u);
  EXPECT_EQ(page.text("//form[@id='organization-form']//input[@name='slot.3']/@value"), "3, 4");
  const Response moved = post(session, "/edit/meetings/1/organization",
                              {{"based_on_version", "2"},
                               {"slot.1", "1a, 1 (b), 2"},
                               {"slot.2", "2, 3"},
                               {"slot.3", "4"},
                               {"slot.4", "5, 6"}});
  EXPECT_EQ(moved.status, 303) << moved.body;
  EXPECT_EQ(header(moved, "location"), "/edit/meetings/1/organization?saved=3");
  Meeting meeting = stored_meeting();
  ASSERT_EQ(meeting.organization.slots.size(), 4u);
  ASSERT_EQ(meeting.organization.slots[2].items.size(), 1u);
  EXPECT_EQ(meeting.organization.slots[2].items[0].item, "4");
  EXPECT_EQ(meeting.organization.slots[0].items[1].item, "1 (b)");
  // Split item 4 over the last two meetings, with its minutes in each.
  const Response split =
      post(session, "/edit/meetings/1/organization", {{"based_on_version", "3"}, {"slot.4", "4: 30, 5, 6"}});
  EXPECT_EQ(split.status, 303) << split.body;
  meeting = stored_meeting();
  EXPECT_EQ(meeting.organization.slots[3].items[0].item, "4");
  EXPECT_TRUE(meeting.organization.slots[3].items[0].continued);
  EXPECT_EQ(meeting.organization.slots[3].items[0].minutes, 30);
  EXPECT_EQ(meeting.organization.slots[2].items[0].item, "4");  // the other meetings as they were

  const Response unknown =
      post(session, "/edit/meetings/1/organization", {{"based_on_version", "4"}, {"slot.2", "2, zz"}});
  EXPECT_EQ(unknown.status, 400);
  Page refused;
  parse(unknown, refused);
  EXPECT_EQ(refused.text("//form[@id='organization-form']//input[@name='slot.2']/@value"), "2, zz");
  EXPECT_EQ(refused.text("//form[@id='organization-form']//input[@name='slot.2']/@aria-invalid"), "true");
  const Response disorder =
      post(session, "/edit/meetings/1/organization", {{"based_on_version", "4"}, {"slot.1", "2, 1a, 1b"}});
  EXPECT_EQ(disorder.status, 422) << disorder.body;
  Page checked;
  parse(disorder, checked);
  EXPECT_EQ(checked.text("//form[@id='organization-form']//input[@name='slot.1']/@value"), "2, 1a, 1b");
  EXPECT_EQ(checked.html.find("organization.slots["), std::string::npos);
  EXPECT_EQ(stored_version(), 4);
}

TEST_F(EditorFlow, SavesAnItemAndShowsItBack) {
  const std::string session = log_in("officer");
  // Browsers send CR LF in textareas; the model keeps LF.
  const Response saved = post(session, "/edit/meetings/1/items/2",
                              {{"based_on_version", "2"},
                               {"annotation.fr", "Premier paragraphe.\r\n\r\nSecond *paragraphe*."},
                               {"title.en", "<script>alert(1)</script>"},
                               {"minutes", "75"},
                               {"kind", "substantive"}});
  EXPECT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(header(saved, "location"), "/edit/meetings/1/items/2?saved=3");
  EXPECT_EQ(stored_version(), 3);
  const Meeting meeting = stored_meeting();
  EXPECT_EQ(meeting.items[1].title.at("en"), "<script>alert(1)</script>");
  EXPECT_EQ(meeting.items[1].minutes, 75);
  ASSERT_EQ(meeting.items[1].annotation.at("fr").size(), 2u);

  const Response shown = send("GET", "/edit/meetings/1/items/2", session, "", {{"saved", "3"}, {"with", "fr"}});
  EXPECT_EQ(shown.body.find("<script>alert"), std::string::npos);
  Page page;
  parse(shown, page);
  EXPECT_EQ(page.text("//p[@id='saved']"), "Saved as version 3.");
  EXPECT_EQ(page.raw("//form[@id='item-form']//textarea[@name='annotation.fr']"),
            "Premier paragraphe.\n\nSecond *paragraphe*.");
  EXPECT_EQ(page.text("//form[@id='item-form']//input[@name='title.en']/@value"), "<script>alert(1)</script>");
  EXPECT_EQ(page.text("//form[@id='item-form']/input[@name='based_on_version']/@value"), "3");

  // The same form sent back unchanged saves nothing.
  std::vector<std::pair<std::string, std::string>> same{{"based_on_version", "3"}};
  for (const pugi::xpath_node& node : page.document.select_nodes("//form[@id='item-form']//input[@type!='hidden'] | "
                                                                 "//form[@id='item-form']//textarea"))
    same.emplace_back(node.node().attribute("name").value(), node.node().attribute("value")
                                                                 ? node.node().attribute("value").value()
                                                                 : node.node().text().get());
  same.emplace_back("kind", "substantive");
  const Response unchanged = post(session, "/edit/meetings/1/items/2", same);
  EXPECT_EQ(unchanged.status, 303);
  EXPECT_EQ(header(unchanged, "location"), "/edit/meetings/1/items/2");
  EXPECT_EQ(stored_version(), 3);
}

TEST_F(EditorFlow, CsrfMissingOrWrongIsRefusedAndSavesNothing) {
  const std::string session = log_in("officer");
  const Response missing = send("POST", "/edit/meetings/1/items/2", session,
                                form_body({{"based_on_version", "2"}, {"annotation.fr", "Changé."}}));
  EXPECT_EQ(missing.status, 403);
  const Response wrong =
      send("POST", "/edit/meetings/1/items/2", session,
           form_body({{"csrf", "not-the-token"}, {"based_on_version", "2"}, {"annotation.fr", "Changé."}}));
  EXPECT_EQ(wrong.status, 403);
  Page page;
  parse(wrong, page);
  EXPECT_EQ(page.text("//h1"), "Access denied");
  EXPECT_EQ(page.text("//p[@class='error-field']"), "Field: security token");
  const Response publish = send("POST", "/edit/meetings/1/publish", session, form_body({{"based_on_version", "2"}}));
  EXPECT_EQ(publish.status, 403);
  const Response logout = send("POST", "/logout", session, "");
  EXPECT_EQ(logout.status, 403);
  EXPECT_EQ(stored_version(), 2);
}

TEST_F(EditorFlow, AnOlderVersionMergesAndOnlyTheSameFieldIsAConflict) {
  const std::string session = log_in("officer");
  ASSERT_EQ(post(session, "/edit/meetings/1/items/2", {{"based_on_version", "2"}, {"annotation.fr", "Changé."}}).status,
            303);
  // Another item, from the same version: merged, both land.
  EXPECT_EQ(post(session, "/edit/meetings/1/items/3", {{"based_on_version", "2"}, {"title.en", "Other"}}).status, 303);
  EXPECT_EQ(stored_version(), 4);
  EXPECT_EQ(stored_meeting().items[2].title.at("en"), "Other");
  // The same field, from the same version: refused, with what changed.
  const Response stale =
      post(session, "/edit/meetings/1/items/2", {{"based_on_version", "2"}, {"annotation.fr", "Autre chose."}});
  EXPECT_EQ(stale.status, 409);
  Page page;
  parse(stale, page);
  EXPECT_EQ(page.text("//a[@id='reload']/@href"), "/edit/meetings/1");
  EXPECT_NE(page.text("//section[@id='conflict']").find("version 4"), std::string::npos);
  EXPECT_EQ(stored_version(), 4);
  // Publishing a version that is not the current one is stale too.
  EXPECT_EQ(post(session, "/edit/meetings/1/publish", {{"based_on_version", "2"}}).status, 409);
}

TEST_F(EditorFlow, ARefusedFormKeepsItsValuesAndNamesTheField) {
  const std::string session = log_in("officer");
  const Response refused =
      post(session, "/edit/meetings/1/items/2", {{"based_on_version", "2"}, {"annotation.fr", "Voir [^nope]."}});
  EXPECT_EQ(refused.status, 422);
  Page page;
  parse(refused, page);
  EXPECT_NE(page.text("//div[@id='form-error']").find("item 2, annotation (French)"), std::string::npos);
  EXPECT_EQ(page.html.find("items[1]"), std::string::npos);
  EXPECT_EQ(page.raw("//form[@id='item-form']//textarea[@name='annotation.fr']"), "Voir [^nope].");
  EXPECT_EQ(page.text("//form[@id='item-form']//textarea[@name='annotation.fr']/@aria-invalid"), "true");
  EXPECT_NE(page.text("//span[@class='field-message']").find("nope"), std::string::npos);
  EXPECT_EQ(stored_version(), 2);

  // HTML in an annotation is refused, and shown back escaped.
  const Response html = post(session, "/edit/meetings/1/items/2",
                             {{"based_on_version", "2"}, {"annotation.en", "<script>alert(1)</script>"}});
  EXPECT_EQ(html.status, 422);
  EXPECT_EQ(html.body.find("<script>alert"), std::string::npos);
  Page shown;
  parse(html, shown);
  EXPECT_EQ(shown.raw("//form[@id='item-form']//textarea[@name='annotation.en']"), "<script>alert(1)</script>");

  const Response minutes = post(session, "/edit/meetings/1/items/4", {{"based_on_version", "2"}, {"minutes", "lots"}});
  EXPECT_EQ(minutes.status, 400);
  Page bad;
  parse(minutes, bad);
  EXPECT_EQ(bad.text("//form[@id='item-form']/@action"), "/edit/meetings/1/items/4");
  EXPECT_EQ(bad.text("//form[@id='item-form']//input[@name='minutes']/@value"), "lots");
  EXPECT_EQ(bad.text("//form[@id='item-form']//input[@name='minutes']/@aria-invalid"), "true");

  const Response huge =
      post(session, "/edit/meetings/1/items/4", {{"based_on_version", "2"}, {"minutes", "99999999999"}});
  EXPECT_EQ(huge.status, 400);
  EXPECT_EQ(post(session, "/edit/meetings/1/items/4", {{"minutes", "30"}}).status, 400);  // no version
  EXPECT_EQ(post(session, "/edit/meetings/1/items/9", {{"based_on_version", "2"}, {"minutes", "30"}}).status, 404);
  EXPECT_EQ(post(session, "/edit/meetings/1/items/zz", {{"based_on_version", "2"}, {"minutes", "30"}}).status, 404);
  EXPECT_EQ(stored_version(), 2);
}

TEST_F(EditorFlow, BrokenUtf8IsRefusedAndThePageStaysValid) {
  const std::string session = log_in("officer");
  const Response refused = post(session, "/edit/meetings/1/items/2",
                                {{"based_on_version", "2"}, {"title.fr", std::string("Titre \xC3\x28")}});
  EXPECT_EQ(refused.status, 400);
  Page page;
  parse(refused, page);
  EXPECT_EQ(page.text("//form[@id='item-form']//input[@name='title.fr']/@value"), "Titre \xEF\xBF\xBD(");
  EXPECT_EQ(stored_version(), 2);
}

TEST_F(EditorFlow, ThePreviewShowsWhatMovesForHybridAndSavingStoresIt) {
  const std::string session = log_in("officer");
  const Response preview = post(session, "/edit/meetings/1/plan", {{"based_on_version", "2"}, {"format", "hybrid"}});
  ASSERT_EQ(preview.status, 200) << preview.body;
  Page page;
  parse(preview, page);
  EXPECT_GE(page.count("//ul[@id='plan-changes']/li"), 1u);
  EXPECT_NE(page.text("//ul[@id='plan-changes']/li[1]").find("moves from"), std::string::npos);
  EXPECT_EQ(page.text("//form[@id='save-plan']/input[@name='format']/@value"), "hybrid");
  EXPECT_EQ(stored_version(), 2);  // a preview saves nothing
  EXPECT_EQ(post(session, "/edit/meetings/1/plan", {{"based_on_version", "2"}, {"format", "by pigeon"}}).status, 400);

  const Response saved = post(session, "/edit/meetings/1/format", {{"based_on_version", "2"}, {"format", "hybrid"}});
  EXPECT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(stored_meeting().format, MeetingFormat::hybrid);
  Page after;
  parse(send("GET", "/edit/meetings/1", session), after);
  EXPECT_NE(after.text("//p[@id='status']").find("Format: Hybrid"), std::string::npos);
}

TEST_F(EditorFlow, PublishingPutsTheNoticeOnThePublicPage) {
  const std::string session = log_in("officer");
  ASSERT_EQ(
      post(session, "/edit/meetings/1/items/2", {{"based_on_version", "2"}, {"annotation.fr", "Annotation révisée."}})
          .status,
      303);
  const Response published =
      post(session, "/edit/meetings/1/publish",
           {{"based_on_version", "3"}, {"notice.fr", "L'annotation du point 2 a été révisée."}, {"notice.en", "   "}});
  EXPECT_EQ(published.status, 303) << published.body;
  EXPECT_EQ(header(published, "location"), "/edit/meetings/1?published=4");
  const Response french = send("GET", "/fr/meetings/1");
  EXPECT_NE(french.body.find("L&#39;annotation du point 2 a été révisée."), std::string::npos);
  EXPECT_NE(french.body.find("Annotation révisée."), std::string::npos);
  Page page;
  parse(send("GET", "/edit/meetings/1", session, "", {{"published", "4"}}), page);
  EXPECT_EQ(page.text("//p[@id='saved']"), "Published: version 4 is public now.");
}

// A refused publication says what is wrong in words, on the publishing page.
TEST_F(EditorFlow, ARefusedPublicationNamesTheFieldInWords) {
  const std::string session = log_in("officer");
  ASSERT_EQ(post(session, "/edit/meetings/1/items/3", {{"based_on_version", "2"}, {"title.ru", ""}}).status, 303);
  const Response refused = post(session, "/edit/meetings/1/publish", {{"based_on_version", "3"}});
  EXPECT_EQ(refused.status, 422);
  Page page;
  parse(refused, page);
  EXPECT_EQ(page.html.find("items["), std::string::npos);
  EXPECT_NE(page.text("//div[@id='form-error']").find("item 3, title"), std::string::npos);
  EXPECT_EQ(page.text("//section[@id='blockers']//li/a/@href"), "/edit/meetings/1/items/3");
  EXPECT_EQ(page.count("//form[@id='publish-form']"), 1u);
}

TEST_F(EditorFlow, ABureauMemberObjectsAnEditorCannot) {
  const std::string officer = log_in("officer");
  const std::string member = log_in("member");
  ASSERT_EQ(post(officer, "/edit/meetings/1/procedures",
                 procedure_form("organization", "Hybrid.", "2022-03-10T12:00"))
                .status,
            303);
  Page as_member;
  parse(send("GET", "/edit/procedures/1", member), as_member);
  EXPECT_EQ(as_member.count("//form[@id='objection-form']"), 1u);
  Page as_officer;
  parse(send("GET", "/edit/procedures/1", officer), as_officer);
  EXPECT_EQ(as_officer.count("//form[@id='objection-form']"), 0u);
  EXPECT_EQ(as_officer.count("//form[@id='withdraw-form']"), 1u);
  // The Bureau member sees the procedure on the dashboard.
  Page dashboard;
  parse(send("GET", "/edit/", member), dashboard);
  EXPECT_EQ(dashboard.text("//section[@id='open-procedures']//a/@href"), "/edit/procedures/1");

  EXPECT_EQ(post(officer, "/edit/procedures/1/objections", {{"comment", "I object."}}).status, 403);
  const Response empty = post(member, "/edit/procedures/1/objections", {{"comment", "  \r\n"}});
  EXPECT_EQ(empty.status, 422);
  Page refused;
  parse(empty, refused);
  EXPECT_EQ(refused.text("//form[@id='objection-form']//textarea/@aria-invalid"), "true");
  const Response objected = post(member, "/edit/procedures/1/objections", {{"comment", "Too <soon>."}});
  EXPECT_EQ(objected.status, 303);
  EXPECT_EQ(header(objected, "location"), "/edit/procedures/1");
  // Once broken, the silence cannot be broken again, and the editor sees who broke it.
  EXPECT_EQ(post(member, "/edit/procedures/1/objections", {{"comment", "Again."}}).status, 422);
  Page meeting;
  parse(send("GET", "/edit/meetings/1", officer), meeting);
  EXPECT_EQ(meeting.text("//div[@id='silence-broken']/p[@class='objection']"),
            "Silence broken by member on 2022-03-01 09:00 UTC: Too <soon>.");
  // A Bureau member cannot edit.
  EXPECT_EQ(post(member, "/edit/meetings/1/items/2", {{"based_on_version", "2"}, {"annotation.fr", "x"}}).status, 403);
  EXPECT_EQ(stored_version(), 2);
}

TEST_F(EditorFlow, ABureauMemberReadsTheAgendaRenderedNotItsMarkdown) {
  const std::string officer = log_in("officer");
  const std::string member = log_in("member");
  ASSERT_EQ(post(officer, "/edit/meetings/1/items/2",
                 {{"based_on_version", "2"}, {"annotation.en", "A **firm** date & a *tentative* one."}})
                .status,
            303);
  Page meeting;
  parse(send("GET", "/edit/meetings/1", member), meeting);
  EXPECT_EQ(meeting.count("//textarea"), 0u);
  const std::string item = "//section[@id='agenda']//section[@class='annotations']/section[@class='item'][2]";
  EXPECT_EQ(meeting.text(item + "/p[1]"), "A firm date & a tentative one.");
  EXPECT_EQ(meeting.text(item + "/p[1]/strong"), "firm");
  EXPECT_EQ(meeting.text(item + "/p[1]/em"), "tentative");
  // The officer still edits the source.
  Page source;
  parse(send("GET", "/edit/meetings/1/items/2", officer), source);
  EXPECT_EQ(source.raw("//form[@id='item-form']//textarea[@name='annotation.en']"),
            "A **firm** date & a *tentative* one.");
  EXPECT_EQ(source.count("//section[@id='agenda']"), 0u);

  // The procedure shows the draft it asks the Bureau to approve, rendered too.
  auto submission = procedure_form("topics", "Topics.", "2022-03-10T12:00");
  submission[0].second = "3";  // based on the version just saved
  ASSERT_EQ(post(officer, "/edit/meetings/1/procedures", submission).status, 303);
  Page procedure;
  parse(send("GET", "/edit/procedures/1", member), procedure);
  const std::string proposed =
      "//section[@id='proposed-agenda']//section[@class='annotations']/section[@class='item'][2]";
  EXPECT_EQ(procedure.text(proposed + "/p[1]/strong"), "firm");
  EXPECT_EQ(procedure.count("//form[@id='objection-form']"), 1u);
}

TEST_F(EditorFlow, AfterTheDeadlineSilenceApprovesAndNobodyObjects) {
  const std::string officer = log_in("officer");
  const std::string member = log_in("member");
  ASSERT_EQ(post(officer, "/edit/meetings/1/procedures",
                 procedure_form("topics", "Topics.", "2022-03-01T10:00"))
                .status,
            303);
  // A deadline in the past is refused, with the form kept.
  const Response past = post(officer, "/edit/meetings/1/procedures",
                             {{"based_on_version", "2"},
                              {"subject", "topics"},
                              {"description", "Late."},
                              {"deadline", "2022-02-01T10:00"},
                              {"approved.en", "it"}});
  EXPECT_EQ(past.status, 422);
  Page kept;
  parse(past, kept);
  EXPECT_EQ(kept.text("//form[@id='procedure-form']//textarea[@name='description']"), "Late.");
  EXPECT_EQ(kept.text("//form[@id='procedure-form']//input[@name='deadline']/@aria-invalid"), "true");
  EXPECT_EQ(post(officer, "/edit/meetings/1/procedures",
                 {{"based_on_version", "2"},
                  {"subject", "everything"},
                  {"description", "x"},
                  {"deadline", "2022-03-05T10:00"}})
                .status,
            400);

  *now_ = "2022-03-01T10:30:00Z";
  EXPECT_EQ(post(member, "/edit/procedures/1/objections", {{"comment", "Too late?"}}).status, 422);
  Page page;
  parse(send("GET", "/edit/procedures/1", member), page);  // concludes the procedure
  EXPECT_NE(page.text("//p[@id='procedure-status']").find("approved by silence"), std::string::npos);
  EXPECT_EQ(page.count("//form[@id='objection-form']"), 0u);
  EXPECT_EQ(stored_version(), 3);
  bool recorded = false;
  for (const Decision& decision : stored_meeting().decisions) recorded = recorded || decision.id.rfind("bureau-", 0) == 0;
  EXPECT_TRUE(recorded) << "the Bureau's decision is not in the meeting";
  EXPECT_EQ(post(officer, "/edit/procedures/1/withdraw", {}).status, 422);  // not open any more
}

TEST_F(EditorFlow, AnEditorWithdrawsAnOpenProcedure) {
  const std::string officer = log_in("officer");
  ASSERT_EQ(post(officer, "/edit/meetings/1/procedures",
                 {{"based_on_version", "2"},
                  {"subject", "calendar"},
                  {"description", "Dates."},
                  {"deadline", "2022-03-05T10:00:00"},
                  {"approved.ar", "a"},
                  {"approved.zh", "b"},
                  {"approved.en", "it"},
                  {"approved.fr", "elle"},
                  {"approved.ru", "c"},
                  {"approved.es", "d"},
                  {"item", "1b"}})
                .status,
            303);
  EXPECT_EQ(post(log_in("member"), "/edit/procedures/1/withdraw", {}).status, 403);
  const Response withdrawn = post(officer, "/edit/procedures/1/withdraw", {});
  EXPECT_EQ(withdrawn.status, 303);
  EXPECT_EQ(header(withdrawn, "location"), "/edit/meetings/1/bureau?withdrawn=1");
  Page page;
  parse(send("GET", "/edit/meetings/1/bureau", officer, "", {{"withdrawn", "1"}}), page);
  EXPECT_EQ(page.text("//p[@id='saved']"), "Procedure 1 was withdrawn.");
  EXPECT_NE(page.text("//li[@id='procedure-1']").find("withdrawn"), std::string::npos);
  EXPECT_EQ(page.count("//li[@id='procedure-1']/form"), 0u);
}

TEST_F(EditorFlow, AnEditorOfAnotherBodySeesNothingOfTheDrafts) {
  const std::string officer = log_in("officer");
  ASSERT_EQ(
      post(officer, "/edit/meetings/1/items/2", {{"based_on_version", "2"}, {"annotation.fr", "Secret draft."}}).status,
      303);
  const std::string stranger = log_in("stranger");
  const Response dashboard = send("GET", "/edit/", stranger);
  EXPECT_EQ(dashboard.status, 200);
  EXPECT_EQ(dashboard.body.find("CTOC/COP/WG.7/2022/1"), std::string::npos);
  for (const char* path : {"/edit/meetings/1", "/edit/meetings/1/audit"}) {
    const Response response = send("GET", path, stranger);
    EXPECT_EQ(response.status, 403) << path;
    EXPECT_EQ(response.body.find("Secret draft."), std::string::npos) << path;
  }
  EXPECT_EQ(post(stranger, "/edit/meetings/1/items/2", {{"based_on_version", "3"}, {"annotation.fr", "x"}}).status,
            403);
  EXPECT_EQ(post(stranger, "/edit/meetings/1/plan", {{"based_on_version", "3"}, {"format", "hybrid"}}).status, 403);
  EXPECT_EQ(post(stranger, "/edit/meetings/1/publish", {{"based_on_version", "3"}}).status, 403);
  EXPECT_EQ(
      post(stranger, "/edit/meetings",
           {{"from_meeting", "1"}, {"symbol", "CTOC/COP/WG.7/2023/1"}, {"start", "2023-06-26"}, {"end", "2023-06-27"}})
          .status,
      403);
  ASSERT_EQ(post(officer, "/edit/meetings/1/procedures",
                 {{"based_on_version", "3"},
                  {"subject", "topics"},
                  {"description", "Topics."},
                  {"deadline", "2022-03-10T10:00"},
                  {"approved.ar", "a"},
                  {"approved.zh", "b"},
                  {"approved.en", "it"},
                  {"approved.fr", "elle"},
                  {"approved.ru", "c"},
                  {"approved.es", "d"}})
                .status,
            303);
  EXPECT_EQ(send("GET", "/edit/procedures/1", stranger).status, 403);
  EXPECT_EQ(stored_version(), 3);
}

TEST_F(EditorFlow, NewMeetingsFromAFileAndFromThePreviousMeeting) {
  const std::string session = log_in("officer");
  // Errors come with their line and column, and the text is kept.
  const std::string broken = "format_version = 1\n[body\nshort_name = 1\n";
  const Response refused = post(session, "/edit/meetings", {{"meeting_file", broken}});
  EXPECT_EQ(refused.status, 422);
  Page page;
  parse(refused, page);
  EXPECT_EQ(page.raw("//textarea[@name='meeting_file']"), broken);
  EXPECT_TRUE(std::regex_search(page.text("//form[@id='new-meeting-file']//ul[@class='diagnostics']/li[1]"),
                                std::regex(R"(^meeting\.toml:\d+:\d+: error: )")))
      << page.text("//form[@id='new-meeting-file']//ul[@class='diagnostics']");
  EXPECT_EQ(post(session, "/edit/meetings", {{"meeting_file", ""}}).status, 400);

  // The example again is the same symbol: refused.
  std::string text = read_file(kExample);
  const Response duplicate = post(session, "/edit/meetings", {{"meeting_file", text}});
  EXPECT_EQ(duplicate.status, 409);
  Page dup;
  parse(duplicate, dup);
  EXPECT_NE(dup.text("//div[@id='form-error']").find("CTOC/COP/WG.7/2022/1"), std::string::npos);

  const std::string old_symbol = "symbol = \"CTOC/COP/WG.7/2022/1\"";
  ASSERT_NE(text.find(old_symbol), std::string::npos);
  text.replace(text.find(old_symbol), old_symbol.size(), "symbol = \"CTOC/COP/WG.7/2022/9\"");
  const Response created = post(session, "/edit/meetings", {{"meeting_file", text}});
  EXPECT_EQ(created.status, 303) << created.body;
  EXPECT_EQ(header(created, "location"), "/edit/meetings/2?saved=1");

  const Response next =
      post(session, "/edit/meetings",
           {{"from_meeting", "1"}, {"symbol", "CTOC/COP/WG.7/2023/1"}, {"start", "2023-06-26"}, {"end", "2023-06-27"}});
  EXPECT_EQ(next.status, 303) << next.body;
  EXPECT_EQ(header(next, "location"), "/edit/meetings/3?saved=1");
  EXPECT_EQ(stored_meeting(3).ordinal, 10);
  const Response before =
      post(session, "/edit/meetings",
           {{"from_meeting", "1"}, {"symbol", "CTOC/COP/WG.7/2021/1"}, {"start", "2021-06-26"}, {"end", "2021-06-27"}});
  EXPECT_EQ(before.status, 422);
  EXPECT_EQ(
      post(session, "/edit/meetings", {{"from_meeting", "1"}, {"symbol", "X"}, {"start", "soon"}, {"end", ""}}).status,
      400);
  EXPECT_EQ(post(session, "/edit/meetings",
                 {{"from_meeting", "77"}, {"symbol", "X"}, {"start", "2023-06-26"}, {"end", "2023-06-27"}})
                .status,
            404);
  // A Bureau member creates nothing.
  EXPECT_EQ(post(log_in("member"), "/edit/meetings", {{"meeting_file", text}}).status, 403);
}

TEST_F(EditorFlow, ItemsDocumentsDecisionsAndMeetingData) {
  const std::string session = log_in("officer");
  int64_t version = 2;
  auto expect_saved = [&](const Response& response) {
    EXPECT_EQ(response.status, 303) << response.body;
    EXPECT_EQ(stored_version(), ++version);
  };
  expect_saved(post(session, "/edit/meetings/1/items",
                    {{"based_on_version", std::to_string(version)},
                     {"title.en", "New topic"},
                     {"title.fr", "Nouveau sujet"},
                     {"kind", "substantive"},
                     {"parent", ""},
                     {"position", "3"}}));
  Meeting meeting = stored_meeting();
  ASSERT_EQ(meeting.items.size(), 7u);
  EXPECT_EQ(meeting.items[2].title.at("en"), "New topic");
  // The move re-plans: the officer sees what moves first, and confirms.
  const Response preview =
      post(session, "/edit/meetings/1/items/3/move", {{"based_on_version", std::to_string(version)}, {"position", "4"}});
  EXPECT_EQ(preview.status, 200);
  Page shown;
  parse(preview, shown);
  EXPECT_GE(shown.count("//ul[@id='plan-changes']/li"), 1u);
  EXPECT_EQ(shown.count("//form[@id='confirm-move']//input[@name='confirm']"), 1u);
  expect_saved(post(session, "/edit/meetings/1/items/3/move",
                    {{"based_on_version", std::to_string(version)}, {"position", "4"}, {"confirm", "1"}}));
  EXPECT_EQ(stored_meeting().items[3].title.at("en"), "New topic");
  expect_saved(post(session, "/edit/meetings/1/items/4/remove", {{"based_on_version", std::to_string(version)}}));
  EXPECT_EQ(stored_meeting().items.size(), 6u);

  expect_saved(post(session, "/edit/meetings/1/documents",
                    {{"based_on_version", std::to_string(version)},
                     {"symbol", "CTOC/COP/WG.7/2022/CRP.1"},
                     {"item", "2"},
                     {"title.en", "A conference room paper"},
                     {"description.en", "Conference room paper on good practices"},
                     {"description.fr", "Document de séance sur les bonnes pratiques"}}));
  meeting = stored_meeting();
  ASSERT_NE(find_document(meeting, "CTOC/COP/WG.7/2022/CRP.1"), nullptr);
  // The description is kept: a document added here can be published.
  EXPECT_EQ(find_document(meeting, "CTOC/COP/WG.7/2022/CRP.1")->description.at("fr"),
            "Document de séance sur les bonnes pratiques");
  EXPECT_EQ(meeting.items[1].documents.back(), "CTOC/COP/WG.7/2022/CRP.1");
  const Response twice =
      post(session, "/edit/meetings/1/documents",
           {{"based_on_version", std::to_string(version)}, {"symbol", "CTOC/COP/WG.7/2022/CRP.1"}, {"item", "2"}});
  EXPECT_EQ(twice.status, 422);
  Page page;
  parse(twice, page);
  EXPECT_EQ(page.text("//form[@id='add-document-form']//input[@name='symbol']/@value"), "CTOC/COP/WG.7/2022/CRP.1");
  EXPECT_EQ(page.text("//form[@id='add-document-form']//select[@name='item']/option[@selected]/@value"), "2");
  // Its titles change on the document's own page.
  expect_saved(post(session, "/edit/meetings/1/document",
                    {{"based_on_version", std::to_string(version)},
                     {"symbol", "CTOC/COP/WG.7/2022/CRP.1"},
                     {"title.fr", "Un document de séance"}}));
  EXPECT_EQ(find_document(stored_meeting(), "CTOC/COP/WG.7/2022/CRP.1")->title.at("fr"), "Un document de séance");
  EXPECT_EQ(find_document(stored_meeting(), "CTOC/COP/WG.7/2022/CRP.1")->title.at("en"), "A conference room paper");
  // And its description, once it was added (defect 4).
  expect_saved(post(session, "/edit/meetings/1/document",
                    {{"based_on_version", std::to_string(version)},
                     {"symbol", "CTOC/COP/WG.7/2022/CRP.1"},
                     {"description.es", "Nota de la Secretaría, revisada"}}));
  EXPECT_EQ(find_document(stored_meeting(), "CTOC/COP/WG.7/2022/CRP.1")->description.at("es"),
            "Nota de la Secretaría, revisada");
  expect_saved(post(session, "/edit/meetings/1/documents/remove",
                    {{"based_on_version", std::to_string(version)}, {"symbol", "CTOC/COP/WG.7/2022/CRP.1"}}));
  EXPECT_EQ(find_document(stored_meeting(), "CTOC/COP/WG.7/2022/CRP.1"), nullptr);

  expect_saved(post(session, "/edit/meetings/1/decisions",
                    {{"based_on_version", std::to_string(version)},
                     {"id", "format-2022"},
                     {"date", "2022-02-20"},
                     {"procedure", "silence"},
                     {"by.en", "the Bureau"},
                     {"approved.en", "the hybrid format"}}));
  ASSERT_NE(find_decision(stored_meeting(), "format-2022"), nullptr);
  expect_saved(
      post(session, "/edit/meetings/1/decisions/format-2022/remove", {{"based_on_version", std::to_string(version)}}));
  EXPECT_EQ(find_decision(stored_meeting(), "format-2022"), nullptr);
  // A decision an annotation cites stays.
  EXPECT_EQ(
      post(session, "/edit/meetings/1/decisions/calendar-2022/remove", {{"based_on_version", std::to_string(version)}})
          .status,
      422);

  expect_saved(post(session, "/edit/meetings/1/meeting",
                    {{"based_on_version", std::to_string(version)},
                     {"city.en", "Vienna (VIC)"},
                     {"city.fr", "Vienne"},
                     {"start", "2022-06-27"},
                     {"end", "2022-06-28"}}));
  EXPECT_EQ(stored_meeting().city.at("en"), "Vienna (VIC)");
  // Fields left out keep their values.
  expect_saved(post(session, "/edit/meetings/1/meeting",
                    {{"based_on_version", std::to_string(version)}, {"title.en", "Ninth meeting"}}));
  EXPECT_EQ(stored_meeting().title.at("en"), "Ninth meeting");
  EXPECT_EQ(stored_meeting().city.at("en"), "Vienna (VIC)");
  EXPECT_EQ(to_iso(stored_meeting().start), "2022-06-27");
  // Nothing changed: nothing saved.
  const Response same = post(session, "/edit/meetings/1/meeting",
                             {{"based_on_version", std::to_string(version)},
                              {"city.en", "Vienna (VIC)"},
                              {"start", "2022-06-27"},
                              {"end", "2022-06-28"}});
  EXPECT_EQ(same.status, 303);
  EXPECT_EQ(stored_version(), version);
  EXPECT_EQ(post(session, "/edit/meetings/1/meeting",
                 {{"based_on_version", std::to_string(version)}, {"start", "2022-06-30"}, {"end", "2022-06-28"}})
                .status,
            422);

  // The audit log lists each change.
  Page audit;
  parse(send("GET", "/edit/meetings/1/audit", session), audit);
  EXPECT_EQ(audit.count("//table[@id='audit']/tbody/tr"), static_cast<size_t>(version));
  EXPECT_EQ(audit.text("//tr[@id='audit-3']/td[3]"), "item added");
  EXPECT_NE(audit.text("//tr[@id='audit-3']/td[4]").find("added"), std::string::npos);
}

TEST_F(EditorFlow, LoggingOutEndsTheSession) {
  const std::string session = log_in("officer");
  const Response out = post(session, "/logout", {});
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(send("GET", "/edit/", session).status, 303);
}

}  // namespace
}  // namespace plenary::web
