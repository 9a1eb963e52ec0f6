#include "web/editor_pages.h"

#include <gtest/gtest.h>

#include <pugixml.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "format/meeting_file.h"
#include "format/rich_text.h"
#include "planning/planner.h"
#include "web/field_words.h"
#include "web/markup.h"
#include "web/page_test_support.h"
#include "web/services.h"

namespace plenary::web {
namespace {

using testing::Page;
using testing::load_example;
using testing::parse;

const Catalog& catalog(const std::string& lang) {
  static const std::map<std::string, Catalog> catalogs = [] {
    std::map<std::string, Catalog> all;
    for (const std::string& code : Catalog::languages()) all.emplace(code, Catalog::load(code));
    return all;
  }();
  return catalogs.at(lang);
}
const Catalog& english() { return catalog("en"); }

// What the Content-Security-Policy forbids: inline styles and scripts and
// handler attributes. Scripts are files.
void expect_csp_clean(const Page& page) {
  EXPECT_EQ(page.html.find("<style"), std::string::npos);
  EXPECT_EQ(page.count("//*[@style]"), 0u);
  for (const pugi::xpath_node& node : page.document.select_nodes("//script")) {
    EXPECT_STREQ(node.node().attribute("src").value(), "/assets/edit.js");
    EXPECT_TRUE(node.node().text().empty()) << "an inline script";
  }
  for (const pugi::xpath_node& node : page.document.select_nodes("//*"))
    for (const pugi::xml_attribute& attribute : node.node().attributes())
      EXPECT_NE(std::string(attribute.name()).rfind("on", 0), 0u) << attribute.name();
}

// Every form that changes something posts, with the session's token; the
// others (the page's language, the second language) only ask for a page.
void expect_forms_post_with_csrf(const Page& page, const std::string& token) {
  for (const pugi::xpath_node& node : page.document.select_nodes("//form")) {
    const pugi::xml_node form = node.node();
    if (std::string(form.attribute("method").value()) == "get") {
      EXPECT_EQ(form.select_node(".//input[@name='csrf']").node(), pugi::xml_node()) << form.attribute("id").value();
      continue;
    }
    EXPECT_STREQ(form.attribute("method").value(), "post") << form.attribute("action").value();
    EXPECT_EQ(form.select_node("input[@type='hidden'][@name='csrf']").node().attribute("value").value(), token)
        << form.attribute("action").value();
  }
}

// The messages the issue names as written for developers, never on a page.
void expect_words_for_people(const Page& page) {
  for (const char* developer : {"items[", "subitems[", "documents[", "--final", "plenary check", " more</li>"})
    EXPECT_EQ(page.html.find(developer), std::string::npos) << developer;
}

Inline text(const std::string& content) { return Inline{InlineKind::text, content, "", {}}; }

EditorUser editor() { return {"officer", store::Role::editor, {"CTOC/COP/WG.7"}, "token-123", "/edit/", {}}; }
EditorUser bureau() { return {"member", store::Role::bureau, {"CTOC/COP/WG.7"}, "token-456", "/edit/", {}}; }

store::MeetingSummary record(int64_t version = 4, bool published = true) {
  store::MeetingSummary summary;
  summary.id = 7;
  summary.body = "CTOC/COP/WG.7";
  summary.symbol = "CTOC/COP/WG.7/2022/1";
  summary.version = version;
  summary.published = published;
  summary.calendar_sequence = published ? 2 : 0;
  summary.published_at = published ? "2022-03-16T09:30:00Z" : "";
  return summary;
}

store::SilenceProcedure procedure(store::ProcedureStatus status) {
  store::SilenceProcedure p;
  p.id = 3;
  p.meeting_id = 7;
  p.subject = store::ProcedureSubject::organization;
  p.description = "The hybrid <organization> of work.";
  p.based_on_version = 4;
  p.deadline = "2022-06-01T12:00:00Z";
  p.submitted_by = "officer";
  p.submitted_at = "2022-05-20T08:00:00Z";
  p.status = status;
  return p;
}

MeetingPartView part_view(const Meeting& meeting, MeetingPart part, const std::string& key = "") {
  MeetingPartView view;
  view.context.user = editor();
  view.context.record = record();
  view.context.meeting = &meeting;
  view.context.may_edit = true;
  view.part = part;
  view.key = key;
  return view;
}

MeetingPartView bureau_view(const Meeting& meeting) {
  MeetingPartView view = part_view(meeting, MeetingPart::overview);
  view.context.user = bureau();
  view.context.may_edit = false;
  return view;
}

void render(const MeetingPartView& view, Page& page, const Catalog& in = english()) {
  parse(render_meeting_part(view, in), page);
}

TEST(ItemSlug, DropsSpacesAndParentheses) {
  EXPECT_EQ(item_slug("1 (b)"), "1b");
  EXPECT_EQ(item_slug("12"), "12");
  EXPECT_EQ(item_slug("3 (aa)"), "3aa");
  EXPECT_EQ(item_slug(""), "");
  EXPECT_EQ(parse_item_key(item_slug("1 (b)")), "1 (b)");
}

TEST(LoginPage, CarriesTheTokenTheNameAndWhereToGoNext) {
  Page page;
  parse(render_login_page({"tok", "a\"<b>", "/edit/meetings/1", "The name or the password is wrong."}, english()),
        page);
  EXPECT_EQ(page.text("//h1"), "Secretariat login");  // the catalog's web.secretariat_login
  EXPECT_EQ(page.text("//form[@class='login']/input[@name='csrf']/@value"), "tok");
  EXPECT_EQ(page.text("//form[@class='login']/input[@name='next']/@value"), "/edit/meetings/1");
  EXPECT_EQ(page.text("//input[@name='name']/@value"), "a\"<b>");
  EXPECT_EQ(page.count("//input[@name='password'][@type='password']"), 1u);
  EXPECT_EQ(page.count("//form[@class='login']//button[@type='submit']"), 1u);
  EXPECT_EQ(page.text("//p[@role='alert']"), "The name or the password is wrong.");
  EXPECT_EQ(page.count("//form[@id='logout']"), 0u);
  expect_csp_clean(page);

  Page plain;
  parse(render_login_page({"tok", "", "", ""}, english()), plain);
  EXPECT_EQ(plain.count("//input[@name='next']"), 0u);
  EXPECT_EQ(plain.count("//p[@role='alert']"), 0u);
}

TEST(Dashboard, ListsMeetingsByBodyWithTheirStateAndTheEditorsForms) {
  DashboardView view;
  view.user = editor();
  view.meetings.push_back({record(4, true), 1, true});
  store::MeetingSummary draft = record(1, false);
  draft.id = 8;
  draft.symbol = "CTOC/COP/WG.7/2023/<1>";
  view.meetings.push_back({draft, 0, true});
  store::MeetingSummary other = record(2, false);
  other.id = 9;
  other.body = "CTOC/COP/WG.4";
  view.meetings.push_back({other, 0, false});
  view.open_procedures.push_back({procedure(store::ProcedureStatus::open), "CTOC/COP/WG.7/2022/1"});
  Page page;
  parse(render_dashboard(view, english()), page);
  expect_csp_clean(page);
  expect_forms_post_with_csrf(page, "token-123");
  EXPECT_EQ(page.count("//table[@class='meetings']"), 2u);  // one per body
  EXPECT_EQ(page.text("//tr[@id='meeting-7']/th"), "CTOC/COP/WG.7/2022/1");
  EXPECT_NE(page.text("//tr[@id='meeting-7']/td[2]").find("publication 2"), std::string::npos);
  EXPECT_EQ(page.text("//tr[@id='meeting-7']/td[3]"), "1");
  EXPECT_EQ(page.text("//tr[@id='meeting-8']/th"), "CTOC/COP/WG.7/2023/<1>");
  EXPECT_EQ(page.text("//tr[@id='meeting-8']/td[2]"), "not published");
  EXPECT_EQ(page.text("//section[@id='open-procedures']//a/@href"), "/edit/procedures/3");
  // New meetings: from a file, or after a meeting the user edits (not WG.4's).
  EXPECT_EQ(page.count("//form[@id='new-meeting-file']//textarea[@name='meeting_file']"), 1u);
  EXPECT_EQ(page.count("//form[@id='new-meeting-next']//select[@name='from_meeting']/option"), 2u);
  EXPECT_EQ(page.count("//form[@id='new-meeting-next']//option[@value='9']"), 0u);
  EXPECT_EQ(page.text("//form[@id='logout']/@action"), "/logout");
}

TEST(Dashboard, BureauMembersGetNoNewMeetingForms) {
  DashboardView view;
  view.user = bureau();
  view.meetings.push_back({record(), 0, false});
  Page page;
  parse(render_dashboard(view, english()), page);
  EXPECT_EQ(page.count("//form[@id='new-meeting-file']"), 0u);
  EXPECT_EQ(page.count("//form[@id='new-meeting-next']"), 0u);
  EXPECT_EQ(page.count("//form[@method='post']"), 1u);  // logging out
  EXPECT_NE(page.text("//p[@class='account']").find("Bureau member of CTOC/COP/WG.7"), std::string::npos);
}

TEST(Dashboard, RefusedMeetingFileKeepsTheTextAndListsEachDiagnostic) {
  DashboardView view;
  view.user = editor();
  const std::string pasted = "format_version = 1\n[body\n<script>x</script>\n";
  view.error = FormError{"new-meeting-file",
                         "meeting_file",
                         "the meeting file has errors",
                         {{"meeting_file", pasted}, {"csrf", "token-123"}},
                         {"meeting.toml:2:6: error: expected ']'", "meeting.toml:3:1: error: bad"}};
  Page page;
  parse(render_dashboard(view, english()), page);
  EXPECT_EQ(page.raw("//textarea[@name='meeting_file']"), pasted);
  EXPECT_EQ(page.text("//textarea[@name='meeting_file']/@aria-invalid"), "true");
  EXPECT_EQ(page.count("//form[@id='new-meeting-file']//ul[@class='diagnostics']/li"), 2u);
  EXPECT_EQ(page.text("//form[@id='new-meeting-file']//ul[@class='diagnostics']/li[1]"),
            "meeting.toml:2:6: error: expected ']'");
  EXPECT_EQ(page.text("//div[@id='page-error']//a/@href"), "#new-meeting-file");
  EXPECT_EQ(page.count("//div[@id='form-error']"), 1u);
  EXPECT_NE(page.text("//form[@id='new-meeting-file']/div[@id='form-error']").find("the meeting file has errors"),
            std::string::npos);
}

TEST(Markup, EscapesTextAndAttributesAndClosesElementsAsHtmlReadsThem) {
  Markup markup;
  Node root = markup.root();
  root.add("p", {{"title", "a\"b<c>"}, {"class", ""}}, "x < y & \"z\"");
  root.add("textarea", {{"name", "t"}});
  root.add("input", {{"name", "i"}, {"value", ""}});
  root.add("br");
  root.add("p", {}, std::string("bad \xC3\x28 and \x01"));
  const std::string html = markup.str();
  EXPECT_EQ(html,
            "<p title=\"a&quot;b&lt;c>\">x &lt; y &amp; \"z\"</p><textarea name=\"t\"></textarea>"
            "<input name=\"i\" value=\"\"/><br/><p>bad \xEF\xBF\xBD( and \xEF\xBF\xBD</p>");
}

TEST(Markup, CopiesRenderedXhtmlAndKeepsWhatDoesNotParseAsText) {
  Markup markup;
  markup.root().add("div").markup("<p>One <em>two</em></p>");
  markup.root().add("div").markup("<p>broken <b>");
  EXPECT_EQ(markup.str(), "<div><p>One <em>two</em></p></div><div>&lt;p&gt;broken &lt;b&gt;</div>");
}

TEST(FieldWords, SaysPathsAsTheAgendaNumbersItems) {
  const Meeting meeting = load_example();
  const Catalog& en = english();
  EXPECT_EQ(field_in_words("items[1].annotation.en", &meeting, en), "item 2, annotation (English)");
  EXPECT_EQ(field_in_words("items[0].subitems[1].title.fr", &meeting, en), "item 1 (b), title (French)");
  EXPECT_EQ(field_in_words("items[3].minutes", nullptr, en), "item 4, estimated minutes");
  EXPECT_EQ(field_in_words("documents[0].description.ar", &meeting, en),
            "document " + meeting.documents[0].symbol + ", description (Arabic)");
  EXPECT_EQ(field_in_words("documents[0].description", nullptr, en), "document 1, description");
  EXPECT_EQ(field_in_words("decisions[1].by", nullptr, en), "decision 2, approved by");
  EXPECT_EQ(field_in_words("footnotes.hybrid", nullptr, en), "footnote “hybrid”");
  EXPECT_EQ(field_in_words("organization.slots[2].start", nullptr, en),
            "meeting 3 of the organization of work, first day");
  EXPECT_EQ(field_in_words("meeting.city.fr", nullptr, en), "city (French)");
  EXPECT_EQ(field_in_words("document.symbol", nullptr, en), "agenda symbol");
  EXPECT_EQ(field_in_words("title.ru", nullptr, en), "title (Russian)");
  EXPECT_EQ(field_in_words("deadline", nullptr, en), "deadline");
  EXPECT_EQ(field_in_words("", nullptr, en), "the meeting");
  // In the officer's language.
  EXPECT_EQ(field_in_words("items[1].annotation.en", &meeting, catalog("fr")), "point 2, annotation (anglais)");
  EXPECT_NE(field_in_words("items[1].annotation.en", &meeting, catalog("ar")).find("2"), std::string::npos);
}

TEST(FieldWords, LinksToThePageThatFixesTheField) {
  const Meeting meeting = load_example();
  EXPECT_EQ(page_fixing("items[1].annotation.en", 7, &meeting), "/edit/meetings/7/items/2");
  EXPECT_EQ(page_fixing("items[0].subitems[1].title.fr", 7, nullptr), "/edit/meetings/7/items/1b");
  EXPECT_EQ(page_fixing("documents[0].description.fr", 7, &meeting),
            "/edit/meetings/7/document?symbol=" + url_encode(meeting.documents[0].symbol));
  EXPECT_EQ(page_fixing("decisions[0].by.fr", 7, &meeting), "/edit/meetings/7/decisions/" + meeting.decisions[0].id);
  EXPECT_EQ(page_fixing("footnotes.hybrid", 7, nullptr), "/edit/meetings/7/footnotes/hybrid");
  EXPECT_EQ(page_fixing("organization.slots[0]", 7, nullptr), "/edit/meetings/7/organization");
  EXPECT_EQ(page_fixing("meeting.city.fr", 7, nullptr), "/edit/meetings/7/meeting");
  EXPECT_EQ(page_fixing("nonsense[", 7, nullptr), "/edit/meetings/7");
}

TEST(MeetingOverview, ShowsTheHeadingTheItemTreeTheStatusAndThePreviews) {
  const Meeting meeting = load_example();
  MeetingPartView view = part_view(meeting, MeetingPart::overview);
  view.procedures.push_back(procedure(store::ProcedureStatus::open));
  Page page;
  render(view, page);
  expect_csp_clean(page);
  expect_forms_post_with_csrf(page, "token-123");
  expect_words_for_people(page);
  EXPECT_NE(page.text("//p[@id='status']").find("Version 4"), std::string::npos);
  EXPECT_NE(page.text("//p[@id='status']").find("publication 2"), std::string::npos);
  EXPECT_NE(page.text("//p[@id='status']").find("Format: In person"), std::string::npos);
  EXPECT_NE(page.text("//p[@id='status']").find("open silence procedures: 1"), std::string::npos);
  // The items as a tree of links, sub-items under their item.
  EXPECT_EQ(page.count("//ol[@id='item-tree']/li"), 6u);
  EXPECT_EQ(page.count("//ol[@id='item-tree']/li[1]/ol/li"), 2u);
  EXPECT_EQ(page.text("//ol[@id='item-tree']/li[1]/ol/li[2]/a/@href"), "/edit/meetings/7/items/1b");
  EXPECT_EQ(page.text("//ol[@id='item-tree']/li[2]/a/@href"), "/edit/meetings/7/items/2");
  EXPECT_EQ(page.text("//ol[@id='item-tree']/li[2]/a/span[@class='item-number']"), "2.");
  EXPECT_EQ(page.text("//ol[@id='item-tree']/li[2]/a/span[@class='item-title']").rfind("Good practices", 0), 0u);
  // The heading, and nothing blocks the example's publication.
  EXPECT_EQ(page.text("//section[@id='heading']//dd[@dir='ltr']"), "CTOC/COP/WG.7/2022/1");
  EXPECT_EQ(page.count("//section[@id='blockers']//li"), 0u);
  EXPECT_EQ(page.count("//section[@id='blockers']/p[@class='no-blockers']"), 1u);
  // Previews in each of the meeting's languages, and the draft files.
  EXPECT_EQ(page.count("//section[@id='previews']//a[@class='preview']"), 6u);
  EXPECT_EQ(page.text("//section[@id='previews']//a[@class='preview'][@hreflang='fr']/@href"),
            "/edit/meetings/7/preview/fr");
  EXPECT_EQ(page.text("//section[@id='previews']//tr[th/@lang='fr']//a[@class='draft-pdf']/@href"),
            "/edit/meetings/7/draft/CTOC_COP_WG.7_2022_1.fr.pdf");
  EXPECT_EQ(page.text("//section[@id='previews']//tr[th/@lang='fr']//a[@class='draft-docx']/@href"),
            "/edit/meetings/7/draft/CTOC_COP_WG.7_2022_1.fr.docx");
  // The meeting's pages; the public pages since it is published.
  for (const char* tail : {"/meeting", "/items", "/documents", "/footnotes", "/decisions", "/organization", "/publish",
                           "/bureau", "/audit"})
    EXPECT_EQ(page.count(std::string("//nav[@class='meeting-pages']//a[@href='/edit/meetings/7") + tail + "']"), 1u)
        << tail;
  EXPECT_EQ(page.text("//nav[@class='meeting-pages']//a[@hreflang='fr']/@href"), "/fr/meetings/7");
  EXPECT_EQ(page.count("//li[@id='procedure-3']"), 1u);
  // One form per page where it can: here only logging out and the page's language.
  EXPECT_EQ(page.count("//form[@method='post']"), 2u);  // logout, withdraw
  EXPECT_EQ(page.count("//form[@id='ui-language']//select[@name='lang']/option"), 6u);
  EXPECT_EQ(page.text("//form[@id='ui-language']//option[@selected]/@value"), "en");
  EXPECT_EQ(page.text("//form[@id='logout']/@action"), "/logout");
}

TEST(MeetingOverview, SaysWhatBlocksPublicationInWordsWithLinks) {
  Meeting meeting = load_example();
  meeting.items[1].title.erase("ru");
  meeting.items[0].subitems[1].annotation.erase("fr");
  meeting.documents[0].description.erase("ar");
  Page page;
  render(part_view(meeting, MeetingPart::overview), page);
  expect_words_for_people(page);
  EXPECT_EQ(page.count("//section[@id='blockers']//li"), 3u);
  EXPECT_EQ(page.text("//section[@id='blockers']//li[a/@href='/edit/meetings/7/items/2']"),
            "item 2, title: no text in Russian");
  EXPECT_EQ(page.text("//section[@id='blockers']//li[a/@href='/edit/meetings/7/items/1b']"),
            "item 1 (b), annotation: no text in French");
  EXPECT_NE(page.text("//section[@id='blockers']").find("description: no text in Arabic"), std::string::npos);

  Page french;
  render(part_view(meeting, MeetingPart::overview), french, catalog("fr"));
  EXPECT_EQ(french.text("//html/@lang"), "fr");
  EXPECT_NE(french.text("//section[@id='blockers']//li[a/@href='/edit/meetings/7/items/2']").find("russe"),
            std::string::npos);
}

TEST(ItemPage, ShowsTheItemInTwoLanguagesSideBySideInOneForm) {
  const Meeting meeting = load_example();
  MeetingPartView view = part_view(meeting, MeetingPart::item, "2");
  Page page;
  render(view, page);
  expect_csp_clean(page);
  expect_forms_post_with_csrf(page, "token-123");
  expect_words_for_people(page);
  const std::string form = "//form[@id='item-form']";
  EXPECT_EQ(page.text(form + "/@action"), "/edit/meetings/7/items/2");
  EXPECT_EQ(page.text(form + "/input[@name='based_on_version']/@value"), "4");
  // English (the editor's) beside French (the next language), and no other language is sent.
  EXPECT_EQ(page.count(form + "//div[@class='side-by-side']/div[@class='language']"), 2u);
  EXPECT_EQ(page.count(form + "//input[starts-with(@name, 'title.')]"), 2u);
  EXPECT_EQ(page.count(form + "//textarea[starts-with(@name, 'annotation.')]"), 2u);
  EXPECT_EQ(page.text(form + "//input[@name='title.en']/@value"),
            "Good practices in cooperation with the private sector in preventing and combating the smuggling of "
            "migrants");
  EXPECT_FALSE(page.raw(form + "//textarea[@name='annotation.fr']").empty());
  EXPECT_EQ(page.text(form + "//select[@name='kind']/option[@selected]/@value"), "substantive");
  EXPECT_EQ(page.text(form + "//button"), "Save item");
  // The second language is the editor's choice.
  EXPECT_EQ(page.text("//form[@id='with-language']/@method"), "get");
  EXPECT_EQ(page.count("//form[@id='with-language']//option"), 5u);
  view.with = "ar";
  Page arabic;
  render(view, arabic);
  EXPECT_EQ(arabic.text(form + "//textarea[@name='annotation.ar']/@dir"), "rtl");
  EXPECT_EQ(arabic.text(form + "//textarea[@name='annotation.ar']/@lang"), "ar");
  EXPECT_EQ(arabic.count(form + "//textarea[@name='annotation.fr']"), 0u);
  EXPECT_EQ(arabic.text(form + "/input[@name='with']/@value"), "ar");
  // Moving and removing; its documents link to their pages.
  EXPECT_EQ(page.text("//form[contains(@class, 'move-up')]/input[@name='position']/@value"), "1");
  EXPECT_EQ(page.text("//form[contains(@class, 'remove-item')]/@action"), "/edit/meetings/7/items/2/remove");
  EXPECT_GE(page.count("//section[@id='documents']//a[starts-with(@href, '/edit/meetings/7/document?symbol=')]"), 1u);
  EXPECT_EQ(page.text("//section[@id='documents']//a[@href='/edit/meetings/7/documents?item=2']/@href"),
            "/edit/meetings/7/documents?item=2");
  EXPECT_EQ(page.text("//nav[@class='neighbours']/a[@rel='prev']/@href"), "/edit/meetings/7/items/1b");
  EXPECT_EQ(page.text("//nav[@class='neighbours']/a[@rel='next']/@href"), "/edit/meetings/7/items/3");
}

TEST(ItemPage, AnItemWithSubItemsTakesNoEstimateTheFirstCannotMoveUp) {
  const Meeting meeting = load_example();
  Page page;
  render(part_view(meeting, MeetingPart::item, "1"), page);
  EXPECT_EQ(page.count("//form[@id='item-form']//input[@name='minutes']"), 0u);
  EXPECT_EQ(page.count("//form[contains(@class, 'move-up')]"), 0u);
  EXPECT_EQ(page.text("//section[@id='subitems']//li[2]/a/@href"), "/edit/meetings/7/items/1b");
  Page four;
  render(part_view(meeting, MeetingPart::item, "4"), four);
  EXPECT_EQ(four.text("//form[@id='item-form']//input[@name='minutes']/@value"), "90");
  Page opening;
  render(part_view(meeting, MeetingPart::item, "1 (a)"), opening);
  EXPECT_NE(opening.raw("//textarea[@name='annotation.en']").find("{{opening}}"), std::string::npos);
  EXPECT_THROW(render_meeting_part(part_view(meeting, MeetingPart::item, "9"), english()), std::invalid_argument);
}

TEST(ItemPage, SpeaksTheEditorsLanguageArabicRightToLeft) {
  const Meeting meeting = load_example();
  for (const std::string& lang : Catalog::languages()) {
    Page page;
    render(part_view(meeting, MeetingPart::item, "2"), page, catalog(lang));
    EXPECT_EQ(page.text("//html/@lang"), lang);
    EXPECT_EQ(page.text("//html/@dir"), lang == "ar" ? "rtl" : "ltr");
    // The editor's own language comes first.
    EXPECT_EQ(page.text("//div[@class='side-by-side']/div[1]/@lang"), lang);
    EXPECT_EQ(page.text("//form[@id='ui-language']//option[@selected]/@value"), lang);
    if (lang != "en") {
      EXPECT_NE(page.text("//form[@id='item-form']//button"), "Save item") << lang;
    }
  }
  Page french;
  render(part_view(meeting, MeetingPart::item, "2"), french, catalog("fr"));
  EXPECT_EQ(french.text("//form[@id='item-form']//button"), "Enregistrer le point");
}

TEST(ItemPage, EscapesScriptInTitlesAndAnnotations) {
  Meeting meeting = load_example();
  meeting.items[1].title["en"] = "<script>alert(1)</script>";
  meeting.items[1].annotation["en"] = {
      Paragraph{{Inline{InlineKind::text, "</textarea><script>alert(2)</script>", "", {}}}}};
  meeting.body.name["en"] = "\"><img src=x onerror=alert(3)>";
  Page page;
  render(part_view(meeting, MeetingPart::item, "2"), page);
  EXPECT_EQ(page.html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(page.html.find("<img"), std::string::npos);
  EXPECT_EQ(page.text("//form[@id='item-form']//input[@name='title.en']/@value"), "<script>alert(1)</script>");
  EXPECT_EQ(page.text("//h1/span[@class='item-title']"), "<script>alert(1)</script>");
  // The textarea holds the Markdown source whole, which reads back as the text.
  const std::string source = page.raw("//form[@id='item-form']//textarea[@name='annotation.en']");
  std::vector<RichTextProblem> problems;
  const RichText back = parse_rich_text(source, problems);
  ASSERT_EQ(back.size(), 1u) << source;
  ASSERT_EQ(back[0].content.size(), 1u) << source;
  EXPECT_EQ(back[0].content[0].text, "</textarea><script>alert(2)</script>");
  expect_csp_clean(page);
  Page overview;
  render(part_view(meeting, MeetingPart::overview), overview);
  EXPECT_EQ(overview.html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(overview.html.find("<img"), std::string::npos);
}

TEST(ItemPage, BrokenUtf8AndControlsStayValid) {
  Meeting meeting = load_example();
  meeting.items[0].title["fr"] = std::string("Ouverture \xC3\x28 \x01 fin");
  MeetingPartView view = part_view(meeting, MeetingPart::item, "1");
  view.with = "fr";
  Page page;
  render(view, page);
  EXPECT_EQ(page.text("//form[@id='item-form']//input[@name='title.fr']/@value"),
            "Ouverture \xEF\xBF\xBD( \xEF\xBF\xBD fin");
}

TEST(ItemPage, ARefusedFormKeepsWhatWasSentWithTheErrorBesideTheField) {
  const Meeting meeting = load_example();
  MeetingPartView view = part_view(meeting, MeetingPart::item, "2");
  view.with = "fr";
  const std::string sent = "\nSee [^nope].\n\nSecond paragraph.";
  view.context.error = FormError{"item-form",
                                 "items[1].annotation.fr",
                                 "the text calls footnote [^nope], which is not defined",
                                 {{"annotation.fr", sent}, {"title.fr", "Nouveau titre"}},
                                 {}};
  Page page;
  render(view, page);
  expect_words_for_people(page);
  EXPECT_NE(page.text("//div[@id='form-error']").find("item 2, annotation (French)"), std::string::npos);
  EXPECT_EQ(page.count("//div[@id='form-error']"), 1u);  // once, at the top of the form
  EXPECT_EQ(page.text("//form[@id='item-form']/div[@class='field-error']//a/@href"), "#item-form-annotation-fr");
  // Beside the field: the message; the field says it is at fault.
  EXPECT_EQ(page.text("//textarea[@name='annotation.fr']/following-sibling::span[@class='field-message']"),
            "the text calls footnote [^nope], which is not defined");
  EXPECT_EQ(page.text("//textarea[@name='annotation.fr']/@aria-invalid"), "true");
  EXPECT_EQ(page.text("//textarea[@name='annotation.fr']/@aria-describedby"), "item-form-annotation-fr-message");
  // A leading newline gets one more, which HTML drops.
  EXPECT_EQ(page.raw("//textarea[@name='annotation.fr']"), "\n" + sent);
  EXPECT_EQ(page.text("//input[@name='title.fr']/@value"), "Nouveau titre");
  EXPECT_EQ(page.count("//input[@name='title.en'][@aria-invalid]"), 0u);
}

TEST(AddItemPage, OffersShortPlacesForTheNewItem) {
  const Meeting meeting = load_example();
  Page page;
  render(part_view(meeting, MeetingPart::add_item), page);
  EXPECT_EQ(page.text("//form[@id='add-item-form']/@action"), "/edit/meetings/7/items");
  EXPECT_EQ(page.count("//form[@id='add-item-form']//input[starts-with(@name, 'title.')]"), 6u);
  EXPECT_EQ(page.count("//form[@id='add-item-form']//select[@name='parent']/option"), 7u);
  EXPECT_EQ(page.count("//ol[@id='item-tree']/li"), 6u);
}

TEST(MeetingDataPage, ShowsTheHeadingAndTheMeetingsOwnForm) {
  const Meeting meeting = load_example();
  Page page;
  render(part_view(meeting, MeetingPart::meeting_data), page);
  expect_forms_post_with_csrf(page, "token-123");
  EXPECT_EQ(page.count("//form[@id='meeting-form']//input[@name='city.ar'][@dir='rtl']"), 1u);
  EXPECT_EQ(page.text("//form[@id='meeting-form']//input[@name='start']/@value"), "2022-06-27");
  EXPECT_EQ(page.text("//form[@id='meeting-form']/@action"), "/edit/meetings/7/meeting");
  EXPECT_EQ(page.count("//section[@id='heading']"), 1u);
}

TEST(DocumentPages, ListAddWithADescriptionAndChangeTitles) {
  const Meeting meeting = load_example();
  MeetingPartView list = part_view(meeting, MeetingPart::documents, "2");
  Page page;
  render(list, page);
  expect_forms_post_with_csrf(page, "token-123");
  EXPECT_EQ(page.count("//ul[@id='document-list']/li"), meeting.documents.size());
  const std::string form = "//form[@id='add-document-form']";
  EXPECT_EQ(page.text(form + "/@action"), "/edit/meetings/7/documents");
  EXPECT_EQ(page.text(form + "//select[@name='item']/option[@selected]/@value"), "2");
  EXPECT_EQ(page.count(form + "//textarea[starts-with(@name, 'description.')]"), 6u);
  EXPECT_EQ(page.count(form + "//input[starts-with(@name, 'title.')]"), 6u);

  const std::string symbol = meeting.documents[0].symbol;
  Page one;
  render(part_view(meeting, MeetingPart::document, symbol), one);
  expect_forms_post_with_csrf(one, "token-123");
  EXPECT_EQ(one.text("//form[@id='document-form']/@action"), "/edit/meetings/7/document");
  EXPECT_EQ(one.text("//form[@id='document-form']/input[@name='symbol']/@value"), symbol);
  EXPECT_EQ(one.count("//form[@id='document-form']//input[starts-with(@name, 'title.')]"), 6u);
  EXPECT_EQ(one.text("//form[contains(@class, 'remove-document')]/input[@name='symbol']/@value"), symbol);
  EXPECT_GE(one.count("//p[@class='listed-under']/a"), 1u);
  // The description is edited in every language, once the document is added (defect 4).
  EXPECT_EQ(one.count("//form[@id='document-form']//textarea[starts-with(@name, 'description.')]"), 6u);
  EXPECT_NE(one.text("//form[@id='document-form']//textarea[@name='description.en']"), "");
}

TEST(FootnoteAndDecisionPages, ShowTheTextsAndWhereTheyAreCalled) {
  const Meeting meeting = load_example();
  ASSERT_FALSE(meeting.footnotes.empty());
  Page list;
  render(part_view(meeting, MeetingPart::footnotes), list);
  EXPECT_EQ(list.count("//ul[@id='footnote-list']/li"), meeting.footnotes.size());
  Page footnote;
  render(part_view(meeting, MeetingPart::footnote, meeting.footnotes[0].id), footnote);
  // An editor writes the footnote in every language, Arabic right to left (defect 6).
  EXPECT_EQ(footnote.count("//form[@id='footnote-form']//textarea"), 6u);
  EXPECT_EQ(footnote.text("//form[@id='footnote-form']//textarea[@name='text.ar']/@dir"), "rtl");
  EXPECT_NE(footnote.text("//form[@id='footnote-form']//textarea[@name='text.en']"), "");
  EXPECT_EQ(footnote.text("//form[contains(@class, 'remove-footnote')]/@action"),
            "/edit/meetings/7/footnotes/" + meeting.footnotes[0].id + "/remove");
  EXPECT_EQ(list.count("//form[@id='add-footnote-form']//input[@name='id']"), 1u);

  Page decisions;
  render(part_view(meeting, MeetingPart::decisions), decisions);
  EXPECT_EQ(decisions.count("//ul[@id='decisions']/li"), 2u);
  EXPECT_EQ(decisions.count("//form[@id='add-decision-form']"), 1u);
  Page decision;
  render(part_view(meeting, MeetingPart::decision, meeting.decisions[0].id), decision);
  EXPECT_EQ(decision.count("//dl[@class='texts']/dd"), 6u);
  EXPECT_EQ(decision.text("//form[contains(@class, 'remove-decision')]/@action"),
            "/edit/meetings/7/decisions/" + meeting.decisions[0].id + "/remove");
}

TEST(OrganizationPage, ShowsTheTimetableAndTheFormatForm) {
  const Meeting meeting = load_example();
  Page page;
  render(part_view(meeting, MeetingPart::organization), page);
  EXPECT_EQ(page.count("//section[@id='organization']//table[@class='day']"), 2u);
  EXPECT_EQ(page.text("//form[@id='format-form']/@action"), "/edit/meetings/7/plan");
  EXPECT_EQ(page.text("//form[@id='format-form']//select[@name='format']/option[@selected]/@value"), "in-person");
}

TEST(PublishAndBureauPages, HoldTheirOneForm) {
  const Meeting meeting = load_example();
  Page publish;
  render(part_view(meeting, MeetingPart::publish), publish);
  expect_forms_post_with_csrf(publish, "token-123");
  EXPECT_EQ(publish.count("//form[@id='publish-form']//textarea[starts-with(@name, 'notice.')]"), 6u);
  EXPECT_EQ(publish.count("//section[@id='blockers']"), 1u);
  EXPECT_EQ(publish.count("//section[@id='previews']"), 1u);

  Page bureau_page;
  render(part_view(meeting, MeetingPart::bureau), bureau_page);
  expect_forms_post_with_csrf(bureau_page, "token-123");
  const Decision* last_by_silence = nullptr;
  for (const Decision& decision : meeting.decisions)
    if (decision.procedure == Procedure::silence) last_by_silence = &decision;
  ASSERT_NE(last_by_silence, nullptr);
  EXPECT_EQ(bureau_page.text("//form[@id='procedure-form']//input[@name='by.en']/@value"), last_by_silence->by.at("en"));
  EXPECT_EQ(bureau_page.text("//form[@id='procedure-form']//input[@name='deadline']/@type"), "datetime-local");
  EXPECT_NE(bureau_page.text("//label[@for='procedure-form-deadline']").find("UTC"), std::string::npos);
}

TEST(MeetingPages, EveryPageInEveryLanguageIsValidAndSpeaksIt) {
  const Meeting meeting = load_example();
  const std::vector<std::pair<MeetingPart, std::string>> parts{
      {MeetingPart::overview, ""},     {MeetingPart::meeting_data, ""},
      {MeetingPart::add_item, ""},     {MeetingPart::item, "1 (b)"},
      {MeetingPart::documents, ""},    {MeetingPart::document, meeting.documents[0].symbol},
      {MeetingPart::footnotes, ""},    {MeetingPart::footnote, meeting.footnotes[0].id},
      {MeetingPart::decisions, ""},    {MeetingPart::decision, meeting.decisions[0].id},
      {MeetingPart::organization, ""}, {MeetingPart::publish, ""},
      {MeetingPart::bureau, ""}};
  for (const std::string& lang : Catalog::languages())
    for (const auto& [part, key] : parts) {
      MeetingPartView view = part_view(meeting, part, key);
      view.procedures.push_back(procedure(store::ProcedureStatus::open));
      Page page;
      render(view, page, catalog(lang));
      expect_csp_clean(page);
      expect_words_for_people(page);
      EXPECT_EQ(page.text("//html/@lang"), lang);
      EXPECT_EQ(page.text("//html/@dir"), lang == "ar" ? "rtl" : "ltr");
    }
}

// Every string of the pages is the catalog's: a page in French holds none of
// the English texts of [editor] (those that differ in French).
TEST(MeetingPages, AFrenchPageHasNoEnglishStringLeft) {
  const Meeting meeting = load_example();
  std::vector<std::string> english_only;
  for (const auto& [key, text] : english().entries())
    if (key.rfind("editor.", 0) == 0 && text.size() > 8 && text.find('{') == std::string::npos &&
        catalog("fr").text(key) != text)
      english_only.push_back(text);
  ASSERT_GT(english_only.size(), 100u);
  for (MeetingPart part : {MeetingPart::overview, MeetingPart::item, MeetingPart::add_item, MeetingPart::meeting_data,
                           MeetingPart::documents, MeetingPart::decisions, MeetingPart::organization,
                           MeetingPart::publish, MeetingPart::bureau}) {
    MeetingPartView view = part_view(meeting, part, part == MeetingPart::item ? "2" : "");
    view.procedures.push_back(procedure(store::ProcedureStatus::open));
    const std::string html = render_meeting_part(view, catalog("fr"));
    for (const std::string& text : english_only)
      EXPECT_EQ(html.find(">" + text + "<"), std::string::npos) << "\"" << text << "\" on page " << static_cast<int>(part);
  }
}

TEST(BureauOverview, ReadsTheAgendaRenderedWithoutForms) {
  const Meeting meeting = load_example();
  MeetingPartView view = bureau_view(meeting);
  view.procedures.push_back(procedure(store::ProcedureStatus::open));
  Page page;
  render(view, page);
  EXPECT_EQ(page.count("//form[@method='post']"), 1u);  // logging out only: no withdraw either
  EXPECT_EQ(page.count("//textarea"), 0u);
  EXPECT_EQ(page.count("//li[@id='procedure-3']"), 1u);
  EXPECT_EQ(page.count("//section[@id='previews']//a[@class='preview']"), 6u);  // the same previews
  expect_csp_clean(page);
  EXPECT_EQ(page.text("//section[@id='agenda']/div[@class='agenda-text']/@lang"), "en");
  EXPECT_EQ(page.text("//section[@id='agenda']//h2"), "Annotated provisional agenda");
  EXPECT_EQ(page.count("//section[@id='agenda']//section[@class='annotations']/section[@class='item']"),
            meeting.items.size());
  EXPECT_EQ(page.count("//div[@class='missing-texts']"), 0u);  // the example has every English text
  EXPECT_EQ(page.text("//section[@id='agenda']//sup[@class='fnref']/a/@href"), "#fn1");
  const std::string agenda = page.text("//section[@id='agenda']");
  EXPECT_EQ(agenda.find("[^"), std::string::npos) << agenda;
  EXPECT_EQ(agenda.find("{{"), std::string::npos) << agenda;
  // The pages a Bureau member may read, not the editors'.
  EXPECT_EQ(page.count("//nav[@class='meeting-pages']//a[@href='/edit/meetings/7/publish']"), 0u);
}

TEST(BureauOverview, AnItemPageHasNoFormAndLeadsToTheAgendaAsIssued) {
  const Meeting meeting = load_example();
  MeetingPartView view = bureau_view(meeting);
  view.part = MeetingPart::item;
  view.key = "2";
  Page page;
  render(view, page);
  EXPECT_EQ(page.count("//form[@method='post']"), 1u);  // logging out
  EXPECT_EQ(page.count("//dl[@class='texts']/dd"), 2u);
  EXPECT_EQ(page.text("//a[@href='/edit/meetings/7#agenda']/@href"), "/edit/meetings/7#agenda");
}

TEST(BureauOverview, ReadsAnnotationsEscaped) {
  Meeting meeting = load_example();
  meeting.items[1].annotation["en"] = {Paragraph{{
      Inline{InlineKind::strong, "", "", {text("Bold")}},
      text(" </p><script>alert(2)</script> and "),
      Inline{InlineKind::link, "", "javascript:alert(3)", {text("a link")}},
      text("."),
  }}};
  meeting.items[1].title["en"] = "<script>alert(1)</script>";
  Page page;
  render(bureau_view(meeting), page);
  EXPECT_EQ(page.html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(page.html.find("javascript:"), std::string::npos);
  const std::string item = "//section[@id='agenda']//section[@class='annotations']/section[@class='item'][2]";
  EXPECT_EQ(page.text(item + "/h4"), "2. <script>alert(1)</script>");
  EXPECT_EQ(page.text(item + "/p[1]"), "Bold </p><script>alert(2)</script> and a link.");
  EXPECT_EQ(page.count(item + "//a"), 0u);
}

TEST(BureauOverview, SeesWhatIsMissingInWords) {
  Meeting meeting = load_example();
  meeting.items[1].annotation.erase("en");
  meeting.items[2].title.erase("en");
  Page page;
  render(bureau_view(meeting), page);
  expect_words_for_people(page);
  EXPECT_EQ(page.count("//div[@class='missing-texts']//li"), 2u);
  EXPECT_EQ(page.text("//div[@class='missing-texts']//li[1]"), "item 2, annotation");
  EXPECT_NE(page.text("//div[@class='missing-texts']/p").find("English"), std::string::npos);
}

TEST(BureauOverview, StaysValidWithBrokenUtf8AndControls) {
  Meeting meeting = load_example();
  meeting.items[0].title["en"] = std::string("Opening \xC3\x28 \x01 end");
  meeting.items[1].annotation["en"] = {
      Paragraph{{Inline{InlineKind::text, std::string("Bad \xFF\xFE, \x7F and \xEF\xBF\xBF."), "", {}}}}};
  Page page;
  render(bureau_view(meeting), page);  // fails on anything XML forbids
  const std::string replacement = "\xEF\xBF\xBD";
  EXPECT_NE(page.text("//section[@id='agenda']//section[@class='annotations']/section[@class='item'][1]/h4")
                .find("Opening " + replacement + "( " + replacement + " end"),
            std::string::npos);
}

TEST(MeetingOverview, ShowsObjectionsProminently) {
  const Meeting meeting = load_example();
  MeetingPartView view = part_view(meeting, MeetingPart::overview);
  store::SilenceProcedure objected = procedure(store::ProcedureStatus::objected);
  objected.objections.push_back({1, "member", "2022-05-21T10:15:00Z", "Too <short> a deadline."});
  view.procedures.push_back(objected);
  Page page;
  render(view, page);
  EXPECT_EQ(page.text("//div[@id='silence-broken']/p[@class='objection']"),
            "Silence broken by member on 2022-05-21 10:15 UTC: Too <short> a deadline.");
  EXPECT_EQ(page.count("//li[@id='procedure-3']/form[contains(@class, 'withdraw')]"), 0u);  // closed
  view.procedures = {procedure(store::ProcedureStatus::open)};
  Page open;
  render(view, open);
  EXPECT_EQ(open.count("//div[@id='silence-broken']"), 0u);
  EXPECT_EQ(open.text("//li[@id='procedure-3']/form[contains(@class, 'withdraw')]/@action"),
            "/edit/procedures/3/withdraw");
}

TEST(MeetingPages, RefuseANullMeeting) {
  MeetingPartView view;
  EXPECT_THROW(render_meeting_part(view, english()), std::invalid_argument);
  PlanPreviewView preview;
  EXPECT_THROW(render_plan_preview(preview, english()), std::invalid_argument);
}

TEST(DraftBanner, SaysTheVersionIsNotPublishedAndLinksBack) {
  Page page;
  parse("<div>" + draft_banner_html(record(9), "fr", english()) + "</div>", page);
  EXPECT_NE(page.text("//div[@id='draft-banner']").find("version 9"), std::string::npos);
  EXPECT_NE(page.text("//div[@id='draft-banner']").find("not published"), std::string::npos);
  EXPECT_EQ(page.text("//div[@id='draft-banner']//a/@href"), "/edit/meetings/7");
}

TEST(PlanPreview, ShowsTheDaysTheChangesAndTheSaveForm) {
  const Meeting meeting = load_example();
  const planning::Plan plan =
      planning::plan_meeting(meeting, planning::PlanOptions{MeetingFormat::hybrid, &meeting.organization});
  ASSERT_TRUE(plan.ok);
  PlanPreviewView view{editor(), record(), &meeting, MeetingFormat::hybrid, &plan};
  Page page;
  parse(render_plan_preview(view, english()), page);
  expect_csp_clean(page);
  expect_forms_post_with_csrf(page, "token-123");
  EXPECT_EQ(page.count("//ul[@id='plan-changes']/li"), plan.changes.size());
  EXPECT_GE(plan.changes.size(), 1u);
  EXPECT_NE(page.text("//ul[@id='plan-changes']/li[1]").find("moves from"), std::string::npos);
  EXPECT_EQ(page.count("//table[@class='day']"), 2u);
  EXPECT_EQ(page.text("//table[@class='day'][1]/caption"), "Monday, 27 June");
  EXPECT_EQ(page.text("//table[@class='day'][1]/tbody/tr[1]/th"), "noon–2 p.m.");  // the hybrid hours
  EXPECT_EQ(page.text("//form[@id='save-plan']/@action"), "/edit/meetings/7/format");
  EXPECT_EQ(page.text("//form[@id='save-plan']/input[@name='format']/@value"), "hybrid");
  EXPECT_EQ(page.text("//form[@id='save-plan']/input[@name='based_on_version']/@value"), "4");
  EXPECT_EQ(page.text("//form[@id='save-plan']/button[@type='submit']"), "Save this organization of work");
}

TEST(PlanPreview, WithoutAPlanListsTheProblemsAndOffersNoSave) {
  const Meeting meeting = load_example();
  planning::Plan plan;
  plan.ok = false;
  plan.problems = {"the items need at least 13 h; the meetings give <8 h>"};
  PlanPreviewView view{editor(), record(), &meeting, MeetingFormat::online, &plan};
  Page page;
  parse(render_plan_preview(view, english()), page);
  EXPECT_EQ(page.text("//ul[@id='plan-problems']/li"), "the items need at least 13 h; the meetings give <8 h>");
  EXPECT_EQ(page.count("//form[@id='save-plan']"), 0u);
}

TEST(AuditPage, ListsEveryEntryWithItsChanges) {
  AuditView view;
  view.user = editor();
  view.record = record();
  store::AuditEntry created{1, 7, 1, "officer", "2022-03-01T09:00:00Z", "create", "", ""};
  store::AuditEntry edited{2, 7, 2, "officer <x>", "2022-03-02T09:00:00Z", "edit-item", "", ""};
  view.rows.push_back({created, {}});
  view.rows.push_back({edited, {"item 2: annotation (fr) changed", "item 3: title (en) changed"}});
  Page page;
  parse(render_audit_page(view, english()), page);
  EXPECT_EQ(page.count("//table[@id='audit']/tbody/tr"), 2u);
  EXPECT_EQ(page.text("//tr[@id='audit-1']/td[4]"), "created");
  EXPECT_EQ(page.text("//tr[@id='audit-2']/td[2]"), "officer <x>");
  EXPECT_EQ(page.text("//tr[@id='audit-2']/td[3]"), "item changed");
  EXPECT_EQ(page.count("//tr[@id='audit-2']//li"), 2u);
  EXPECT_EQ(page.text("//tr[@id='audit-2']//li[1]"), "item 2: annotation (fr) changed");
}

TEST(ProcedurePage, BureauMembersGetTheObjectionFormWhileOpen) {
  const Meeting draft = load_example();
  ProcedureView view;
  view.user = bureau();
  view.procedure = procedure(store::ProcedureStatus::open);
  view.record = record();
  view.draft = &draft;
  view.changes = {"format: in-person -> hybrid"};
  view.may_object = true;
  Page page;
  parse(render_procedure_page(view, english()), page);
  expect_csp_clean(page);
  expect_forms_post_with_csrf(page, "token-456");
  EXPECT_NE(page.text("//p[@id='procedure-status']").find("open"), std::string::npos);
  EXPECT_NE(page.text("//p[@id='procedure-status']").find("2022-06-01 12:00 UTC"), std::string::npos);
  EXPECT_EQ(page.text("//div[@class='description']"), "The hybrid <organization> of work.");
  EXPECT_EQ(page.text("//ul[@id='procedure-changes']/li"), "format: in-person -> hybrid");
  EXPECT_EQ(page.count("//section[@id='organization']//table[@class='day']"), 2u);
  EXPECT_EQ(page.text("//form[@id='objection-form']/@action"), "/edit/procedures/3/objections");
  EXPECT_EQ(page.text("//form[@id='objection-form']//textarea[@name='comment']/@required"), "required");
  EXPECT_EQ(page.text("//form[@id='objection-form']//button"), "Object (break the silence)");
  EXPECT_EQ(page.count("//form[@id='withdraw-form']"), 0u);
  // The draft as it would be issued, in English, under the section's own heading.
  EXPECT_EQ(page.text("//section[@id='proposed-agenda']/h2"), "The agenda, as proposed");
  EXPECT_EQ(page.text("//section[@id='proposed-agenda']/div[@class='agenda-text']/h3"),
            "Annotated provisional agenda");
  EXPECT_EQ(page.count("//section[@id='proposed-agenda']//section[@class='annotations']/section[@class='item']"),
            draft.items.size());
  EXPECT_EQ(page.count("//section[@id='proposed-agenda']//textarea"), 0u);
  EXPECT_EQ(page.text("//section[@id='proposed-agenda']//sup[@class='fnref']/a/@href"), "#fn1");
  EXPECT_EQ(page.text("//section[@id='proposed-agenda']").find("[^"), std::string::npos);
}

TEST(ProcedurePage, TheProposedAgendaEscapesWhatItRenders) {
  Meeting draft = load_example();
  draft.items[2].annotation["en"] = {
      Paragraph{{Inline{InlineKind::emphasis, "", "", {text("Note")}}, text(" <script>alert(1)</script>")}}};
  ProcedureView view;
  view.user = bureau();
  view.procedure = procedure(store::ProcedureStatus::open);
  view.procedure.subject = store::ProcedureSubject::topics;
  view.record = record();
  view.draft = &draft;
  Page page;
  parse(render_procedure_page(view, english()), page);
  expect_csp_clean(page);
  EXPECT_EQ(page.html.find("<script>alert"), std::string::npos);
  const std::string item = "//section[@id='proposed-agenda']//section[@class='annotations']/section[@class='item'][3]";
  EXPECT_EQ(page.text(item + "/p[1]/em"), "Note");
  EXPECT_EQ(page.text(item + "/p[1]"), "Note <script>alert(1)</script>");
  EXPECT_EQ(page.count("//section[@id='organization']"), 0u);  // only for the organization of work
}

TEST(ProcedurePage, OthersSeeTheProposalAndTheObjectionsButNoForm) {
  ProcedureView view;
  view.user = editor();
  view.procedure = procedure(store::ProcedureStatus::objected);
  view.procedure.objections.push_back({1, "member", "2022-05-21T10:15:00Z", "No."});
  view.record = record();
  Page page;
  parse(render_procedure_page(view, english()), page);
  EXPECT_EQ(page.count("//form[@id='objection-form']"), 0u);
  EXPECT_EQ(page.text("//p[@class='objection']"), "Silence broken by member on 2022-05-21 10:15 UTC: No.");
  EXPECT_EQ(page.count("//section[@id='organization']"), 0u);  // no readable draft
  EXPECT_EQ(page.count("//section[@id='proposed-agenda']"), 0u);

  view.procedure = procedure(store::ProcedureStatus::open);
  view.may_withdraw = true;
  Page open;
  parse(render_procedure_page(view, english()), open);
  EXPECT_EQ(open.text("//form[@id='withdraw-form']/@action"), "/edit/procedures/3/withdraw");
}

TEST(ConflictPage, SaysNothingWasSavedListsTheChangesAndLinksToReload) {
  ConflictView view;
  view.user = editor();
  view.meeting_id = 7;
  view.based_on_version = 2;
  view.current_version = 5;
  view.changes = {"item 2: annotation (fr) changed", "format: in-person -> <hybrid>"};
  view.message = "stale";
  Page page;
  parse(render_conflict_page(view, english()), page);
  EXPECT_NE(page.text("//section[@id='conflict']").find("not saved"), std::string::npos);
  EXPECT_NE(page.text("//section[@id='conflict']").find("version 2"), std::string::npos);
  EXPECT_EQ(page.count("//ul[@id='conflict-changes']/li"), 2u);
  EXPECT_EQ(page.text("//ul[@id='conflict-changes']/li[2]"), "format: in-person -> <hybrid>");
  EXPECT_EQ(page.text("//a[@id='reload']/@href"), "/edit/meetings/7");
  EXPECT_EQ(page.count("//table[@id='conflicts']"), 0u);

  view.meeting_id = 0;
  Page unknown;
  parse(render_conflict_page(view, english()), unknown);
  EXPECT_EQ(unknown.text("//a[@id='reload']/@href"), "/edit/");
}

// The merge's 409 names each field both sides changed: the page shows both
// texts side by side and keeps the typed text in a form that sends it again.
TEST(ConflictPage, ShowsBothTextsOfEachFieldAndKeepsTheTypedTextToSendAgain) {
  const Meeting meeting = load_example();
  const HttpError error(409, "the meeting changed", "",
                        {{"based_on_version", 2},
                         {"current_version", 5},
                         {"changes", {"item 4: title (en) changed"}},
                         {"conflicts",
                          {{{"field", "items[3].title.en"},
                            {"base", "Old"},
                            {"yours", "Mine <b>"},
                            {"theirs", "Theirs & co"}},
                           {{"field", "items[3].annotation.fr"}, {"base", ""}, {"yours", "\nMon texte."}, {"theirs", 7}},
                           "not an object"}}});
  ConflictView view;
  view.user = editor();
  view.meeting_id = 7;
  view.meeting = &meeting;
  view.based_on_version = 2;
  view.current_version = 5;
  view.conflicts = field_conflicts(error.details());
  ASSERT_EQ(view.conflicts.size(), 2u);
  EXPECT_EQ(view.conflicts[1].theirs, "");  // not a string
  view.action = "/edit/meetings/7/items/4";
  view.sent = {{"csrf", "token-123"}, {"based_on_version", "2"}, {"title.en", "Mine <b>"},
               {"annotation.fr", "\nMon texte."}, {"kind", "substantive"}};
  Page page;
  parse(render_conflict_page(view, english()), page);
  expect_csp_clean(page);
  expect_forms_post_with_csrf(page, "token-123");
  expect_words_for_people(page);
  EXPECT_EQ(page.count("//table[@id='conflicts']/tbody/tr"), 2u);
  const std::string row = "//table[@id='conflicts']/tbody/tr[1]";
  EXPECT_EQ(page.text(row + "/th"), "item 4, title (English)");
  EXPECT_EQ(page.text(row + "/th/a/@href"), "/edit/meetings/7/items/4");
  EXPECT_EQ(page.text(row + "/td[@class='theirs']"), "Theirs & co");
  EXPECT_EQ(page.text(row + "/td[@class='yours']"), "Mine <b>");
  // The typed text, kept and sent again against the current version.
  const std::string form = "//form[@id='resend']";
  EXPECT_EQ(page.text(form + "/@action"), "/edit/meetings/7/items/4");
  EXPECT_EQ(page.text(form + "/input[@name='based_on_version']/@value"), "5");
  EXPECT_EQ(page.raw(form + "//textarea[@name='title.en']"), "Mine <b>");
  EXPECT_EQ(page.raw(form + "//textarea[@name='annotation.fr']"), "\n\nMon texte.");
  EXPECT_EQ(page.text(form + "//textarea[@name='annotation.fr']/@lang"), "fr");
  EXPECT_EQ(page.text(form + "/input[@name='kind']/@value"), "substantive");  // not in conflict: kept as sent
  EXPECT_EQ(page.count(form + "/input[@name='csrf']"), 1u);
}

TEST(ErrorPage, TitleFromTheCatalogTheFieldInWordsAndNoLogoutWithoutAUser) {
  Page page;
  parse(render_editor_error_page(nullptr, 403, "the account \"x\" may not <edit>", "items[2].title.fr", english()),
        page);
  EXPECT_EQ(page.text("//h1"), "Access denied");
  EXPECT_EQ(page.text("//p[@class='error-message']"), "the account \"x\" may not <edit>");
  EXPECT_EQ(page.text("//p[@class='error-field']"), "Field: item 3, title (French)");
  EXPECT_EQ(page.count("//form"), 0u);

  const EditorUser user = editor();
  Page other;
  parse(render_editor_error_page(&user, 418, "", "", english()), other);
  EXPECT_EQ(other.text("//h1"), "Error 418");
  EXPECT_EQ(other.count("//form[@id='logout']"), 1u);
}

}  // namespace
}  // namespace plenary::web
