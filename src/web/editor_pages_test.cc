#include "web/editor_pages.h"

#include <gtest/gtest.h>

#include <pugixml.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "format/meeting_file.h"
#include "web/page_test_support.h"
#include "format/rich_text.h"
#include "planning/planner.h"

namespace plenary::web {
namespace {

using testing::Page;
using testing::load_example;
using testing::parse;

const Catalog& english() {
  static const Catalog catalog = Catalog::load("en");
  return catalog;
}

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

// Every form posts, with the session's token.
void expect_forms_post_with_csrf(const Page& page, const std::string& token) {
  for (const pugi::xpath_node& node : page.document.select_nodes("//form")) {
    const pugi::xml_node form = node.node();
    EXPECT_STREQ(form.attribute("method").value(), "post") << form.attribute("action").value();
    EXPECT_EQ(form.select_node("input[@type='hidden'][@name='csrf']").node().attribute("value").value(), token)
        << form.attribute("action").value();
  }
}

Inline text(const std::string& content) { return Inline{InlineKind::text, content, "", {}}; }

EditorUser editor() { return {"officer", store::Role::editor, {"CTOC/COP/WG.7"}, "token-123"}; }
EditorUser bureau() { return {"member", store::Role::bureau, {"CTOC/COP/WG.7"}, "token-456"}; }

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

MeetingEditorView editor_view(const Meeting& meeting) {
  MeetingEditorView view;
  view.user = editor();
  view.record = record();
  view.meeting = &meeting;
  view.may_edit = true;
  return view;
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
  EXPECT_EQ(page.count("//form"), 1u);  // logging out
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
  EXPECT_EQ(page.text("//div[@id='form-error']//a/@href"), "#new-meeting-file");
}

TEST(MeetingEditor, HasEveryFormWithItsStableIdsForTheExample) {
  const Meeting meeting = load_example();
  Page page;
  parse(render_meeting_editor(editor_view(meeting), english()), page);
  expect_csp_clean(page);
  expect_forms_post_with_csrf(page, "token-123");
  EXPECT_NE(page.text("//p[@id='status']").find("Version 4"), std::string::npos);
  EXPECT_NE(page.text("//p[@id='status']").find("publication 2"), std::string::npos);
  EXPECT_NE(page.text("//p[@id='status']").find("Format: In person"), std::string::npos);
  EXPECT_EQ(page.count("//nav[@class='meeting-links']//a[@hreflang]"), 6u);
  EXPECT_EQ(page.text("//nav[@class='meeting-links']//a[@hreflang='fr']/@href"), "/fr/meetings/7");
  EXPECT_EQ(page.count("//a[@href='/edit/meetings/7/audit']"), 1u);

  // Each item and sub-item has its form, with a title and annotation per language.
  for (const char* slug : {"1", "1a", "1b", "2", "3", "4", "5", "6"}) {
    const std::string form = std::string("//form[@id='item-") + slug + "']";
    EXPECT_EQ(page.text(form + "/@action"), std::string("/edit/meetings/7/items/") + slug);
    EXPECT_EQ(page.text(form + "/input[@name='based_on_version']/@value"), "4");
    EXPECT_EQ(page.count(form + "//textarea[starts-with(@name, 'annotation.')]"), 6u) << slug;
    EXPECT_EQ(page.count(form + "//input[starts-with(@name, 'title.')]"), 6u) << slug;
    EXPECT_EQ(page.text(form + "//button"), "Save item");
  }
  EXPECT_EQ(page.text("//form[@id='item-1b']//select[@name='kind']/option[@selected]/@value"), "adoption-of-agenda");
  // Item 1 has sub-items: no estimate of its own.
  EXPECT_EQ(page.count("//form[@id='item-1']//input[@name='minutes']"), 0u);
  EXPECT_EQ(page.text("//form[@id='item-4']//input[@name='minutes']/@value"), "90");
  // The Markdown source of the annotations, per language, right to left in Arabic.
  EXPECT_FALSE(page.raw("//form[@id='item-2']//textarea[@name='annotation.fr']").empty());
  EXPECT_EQ(page.text("//form[@id='item-2']//textarea[@name='annotation.ar']/@dir"), "rtl");
  EXPECT_EQ(page.text("//form[@id='item-2']//textarea[@name='annotation.ar']/@lang"), "ar");
  EXPECT_EQ(page.text("//form[@id='item-2']//input[@name='title.fr']/@dir"), "ltr");
  EXPECT_EQ(page.text("//form[@id='item-2']//input[@name='title.en']/@value"),
            "Good practices in cooperation with the private sector in preventing and combating the smuggling of "
            "migrants");
  // Moving: the first item cannot go up, the last cannot go down.
  EXPECT_EQ(page.count("//li[@id='item-section-1']/div[@class='item-actions']/form[contains(@class, 'move-up')]"), 0u);
  EXPECT_EQ(page.text("//li[@id='item-section-2']//form[contains(@class, 'move-up')]/input[@name='position']/@value"),
            "1");
  EXPECT_EQ(page.count("//li[@id='item-section-6']//form[contains(@class, 'move-down')]"), 0u);
  EXPECT_EQ(page.text("//li[@id='item-section-1b']//form[contains(@class, 'move-up')]/input[@name='position']/@value"),
            "1");
  EXPECT_EQ(page.text("//li[@id='item-section-2']//form[contains(@class, 'remove-item')]/@action"),
            "/edit/meetings/7/items/2/remove");
  // Documents: listed under their item with a remove form; an add form per item.
  EXPECT_GE(page.count("//form[contains(@class, 'remove-document')]"), 1u);
  EXPECT_EQ(page.text("//form[@id='add-document-2']/input[@name='item']/@value"), "2");
  EXPECT_EQ(page.count("//form[@id='add-document-2']//input[@name='symbol']"), 1u);
  // The other forms.
  EXPECT_EQ(page.count("//form[@id='meeting-form']//input[@name='city.ar'][@dir='rtl']"), 1u);
  EXPECT_EQ(page.text("//form[@id='meeting-form']//input[@name='start']/@value"), "2022-06-27");
  EXPECT_EQ(page.count("//form[@id='add-item-form']//select[@name='parent']/option"), 7u);
  EXPECT_EQ(page.count("//ul[@id='decisions']/li"), 2u);
  EXPECT_EQ(page.count("//form[@id='add-decision-form']"), 1u);
  EXPECT_EQ(page.text("//form[@id='format-form']/@action"), "/edit/meetings/7/plan");
  EXPECT_EQ(page.text("//form[@id='format-form']//select[@name='format']/option[@selected]/@value"), "in-person");
  EXPECT_EQ(page.text("//form[@id='format-form']//button"), "Preview");
  EXPECT_EQ(page.count("//form[@id='publish-form']//textarea[starts-with(@name, 'notice.')]"), 6u);
  EXPECT_EQ(page.count("//form[@id='publish-form']//button[@type='submit']"), 1u);
  EXPECT_EQ(page.count("//div[@class='final-check']"), 0u);  // the example passes --final
  // Submitting to the Bureau: "by" prefilled from the last decision by silence; UTC said.
  const Decision* last_by_silence = nullptr;
  for (const Decision& decision : meeting.decisions)
    if (decision.procedure == Procedure::silence) last_by_silence = &decision;
  ASSERT_NE(last_by_silence, nullptr);
  EXPECT_EQ(page.text("//form[@id='procedure-form']//input[@name='by.en']/@value"), last_by_silence->by.at("en"));
  EXPECT_EQ(page.text("//form[@id='procedure-form']//input[@name='deadline']/@type"), "datetime-local");
  EXPECT_NE(page.text("//label[@for='procedure-form-deadline']").find("UTC"), std::string::npos);
  EXPECT_EQ(page.text("//form[@id='logout']/@action"), "/logout");
}

TEST(MeetingEditor, EscapesScriptInTitlesAndAnnotations) {
  Meeting meeting = load_example();
  meeting.items[1].title["en"] = "<script>alert(1)</script>";
  meeting.items[1].annotation["en"] = {
      Paragraph{{Inline{InlineKind::text, "</textarea><script>alert(2)</script>", "", {}}}}};
  meeting.body.name["en"] = "\"><img src=x onerror=alert(3)>";
  Page page;
  parse(render_meeting_editor(editor_view(meeting), english()), page);
  EXPECT_EQ(page.html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(page.html.find("<img"), std::string::npos);
  EXPECT_EQ(page.text("//form[@id='item-2']//input[@name='title.en']/@value"), "<script>alert(1)</script>");
  EXPECT_EQ(page.text("//li[@id='item-section-2']/h3"), "2. <script>alert(1)</script>");
  // The textarea holds the Markdown source whole, which reads back as the text.
  const std::string source = page.raw("//form[@id='item-2']//textarea[@name='annotation.en']");
  EXPECT_NE(source.find("alert(2)"), std::string::npos) << source;
  std::vector<RichTextProblem> problems;
  const RichText back = parse_rich_text(source, problems);
  ASSERT_EQ(back.size(), 1u) << source;
  ASSERT_EQ(back[0].content.size(), 1u) << source;
  EXPECT_EQ(back[0].content[0].text, "</textarea><script>alert(2)</script>");
  EXPECT_EQ(page.count("//form[@id='item-2']//textarea"), 6u);
  expect_csp_clean(page);
}

TEST(MeetingEditor, BrokenUtf8AndControlsStayValid) {
  Meeting meeting = load_example();
  meeting.items[0].title["fr"] = std::string("Ouverture \xC3\x28 \x01 fin");
  Page page;
  parse(render_meeting_editor(editor_view(meeting), english()), page);
  EXPECT_EQ(page.text("//form[@id='item-1']//input[@name='title.fr']/@value"),
            "Ouverture \xEF\xBF\xBD( \xEF\xBF\xBD fin");
}

TEST(MeetingEditor, ARefusedFormKeepsWhatWasSentAndNamesTheField) {
  const Meeting meeting = load_example();
  MeetingEditorView view = editor_view(meeting);
  const std::string sent = "\nSee [^nope].\n\nSecond paragraph.";
  view.error = FormError{"item-2",
                         "items[1].annotation.fr",
                         "the text calls footnote [^nope], which is not defined",
                         {{"annotation.fr", sent}, {"title.fr", "Nouveau titre"}},
                         {}};
  Page page;
  parse(render_meeting_editor(view, english()), page);
  EXPECT_NE(page.text("//div[@id='form-error']").find("items[1].annotation.fr"), std::string::npos);
  EXPECT_EQ(page.text("//div[@id='form-error']//a/@href"), "#item-2");
  EXPECT_NE(page.text("//form[@id='item-2']/div[@class='field-error']").find("[^nope]"), std::string::npos);
  // A leading newline gets one more, which HTML drops.
  EXPECT_EQ(page.raw("//form[@id='item-2']//textarea[@name='annotation.fr']"), "\n" + sent);
  EXPECT_EQ(page.text("//form[@id='item-2']//textarea[@name='annotation.fr']/@aria-invalid"), "true");
  EXPECT_EQ(page.text("//form[@id='item-2']//input[@name='title.fr']/@value"), "Nouveau titre");
  EXPECT_EQ(page.count("//form[@id='item-2']//input[@name='title.en'][@aria-invalid]"), 0u);
  // Other forms show the meeting as it is.
  EXPECT_EQ(page.count("//form[@id='item-3']//*[@aria-invalid]"), 0u);
  EXPECT_NE(page.text("//form[@id='item-3']//input[@name='title.fr']/@value"), "Nouveau titre");
}

TEST(MeetingEditor, BureauMembersReadWithoutForms) {
  const Meeting meeting = load_example();
  MeetingEditorView view = editor_view(meeting);
  view.user = bureau();
  view.may_edit = false;
  view.procedures.push_back(procedure(store::ProcedureStatus::open));
  Page page;
  parse(render_meeting_editor(view, english()), page);
  EXPECT_EQ(page.count("//form"), 1u);  // logging out only: no withdraw either
  EXPECT_EQ(page.count("//form[@id='logout']"), 1u);
  EXPECT_EQ(page.count("//textarea"), 0u);
  EXPECT_EQ(page.count("//li[@id='procedure-3']"), 1u);
  expect_csp_clean(page);
  // The agenda as it will be issued, in English, in place of the item forms.
  EXPECT_EQ(page.count("//section[@id='items']"), 0u);
  EXPECT_EQ(page.count("//pre"), 0u);
  EXPECT_EQ(page.text("//section[@id='agenda']/div[@class='agenda-text']/@lang"), "en");
  EXPECT_EQ(page.text("//section[@id='agenda']//h2"), "Annotated provisional agenda");
  EXPECT_EQ(page.count("//section[@id='agenda']//section[@class='annotations']/section[@class='item']"),
            meeting.items.size());
  EXPECT_EQ(page.count("//div[@class='missing-texts']"), 0u);  // the example has every English text
  // Markdown rendered: the footnote is called and written out, its emphasis is <em>; no source is left.
  EXPECT_EQ(page.text("//section[@id='agenda']//sup[@class='fnref']/a/@href"), "#fn1");
  EXPECT_EQ(page.count("//section[@id='agenda']//section[@class='footnotes']//li[@id='fn1']"), 1u);
  EXPECT_GE(page.count("//section[@id='agenda']//section[@class='footnotes']//em"), 1u);
  const std::string agenda = page.text("//section[@id='agenda']");
  EXPECT_EQ(agenda.find("[^"), std::string::npos) << agenda;
  EXPECT_EQ(agenda.find("{{"), std::string::npos) << agenda;
  EXPECT_EQ(agenda.find("*Smuggling"), std::string::npos) << agenda;
  EXPECT_EQ(page.text("//nav[@class='meeting-links']//a[@href='#agenda']"), "Agenda");
}

TEST(MeetingEditor, BureauMembersReadAnnotationsEscaped) {
  Meeting meeting = load_example();
  // The Markdown parser refuses HTML and such a link; the page must not trust that.
  meeting.items[1].annotation["en"] = {Paragraph{{
      Inline{InlineKind::strong, "", "", {text("Bold")}},
      text(" </p><script>alert(2)</script> and "),
      Inline{InlineKind::link, "", "javascript:alert(3)", {text("a link")}},
      text("."),
  }}};
  meeting.items[1].title["en"] = "<script>alert(1)</script>";
  MeetingEditorView view = editor_view(meeting);
  view.user = bureau();
  view.may_edit = false;
  Page page;
  parse(render_meeting_editor(view, english()), page);
  EXPECT_EQ(page.html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(page.html.find("javascript:"), std::string::npos);  // an unsafe link is plain text
  const std::string item = "//section[@id='agenda']//section[@class='annotations']/section[@class='item'][2]";
  EXPECT_EQ(page.text(item + "/h4"), "2. <script>alert(1)</script>");
  EXPECT_EQ(page.text(item + "/p[1]/strong"), "Bold");
  EXPECT_EQ(page.text(item + "/p[1]"), "Bold </p><script>alert(2)</script> and a link.");
  EXPECT_EQ(page.count(item + "//a"), 0u);
  expect_csp_clean(page);
}

TEST(MeetingEditor, BureauMembersSeeWhatIsMissingInEnglish) {
  Meeting meeting = load_example();
  meeting.items[1].annotation.erase("en");
  meeting.items[2].title.erase("en");
  MeetingEditorView view = editor_view(meeting);
  view.user = bureau();
  view.may_edit = false;
  Page page;
  parse(render_meeting_editor(view, english()), page);
  EXPECT_GE(page.count("//div[@class='missing-texts']//li"), 2u);
  EXPECT_NE(page.text("//div[@class='missing-texts']/p").find("English"), std::string::npos);
  // The gap stands where the text would.
  EXPECT_NE(page.text("//section[@id='agenda']//section[@class='annotations']/section[@class='item'][2]")
                .find("no en text"),
            std::string::npos);
}

TEST(MeetingEditor, BureauPageStaysValidWithBrokenUtf8AndControls) {
  Meeting meeting = load_example();
  meeting.items[0].title["en"] = std::string("Opening \xC3\x28 \x01 end");
  meeting.items[1].annotation["en"] = {
      Paragraph{{Inline{InlineKind::text, std::string("Bad \xFF\xFE, \x7F and \xEF\xBF\xBF."), "", {}}}}};
  MeetingEditorView view = editor_view(meeting);
  view.user = bureau();
  view.may_edit = false;
  Page page;
  parse(render_meeting_editor(view, english()), page);  // fails on anything XML forbids
  const std::string replacement = "\xEF\xBF\xBD";
  EXPECT_NE(page.text("//section[@id='agenda']//section[@class='annotations']/section[@class='item'][1]/h4")
                .find("Opening " + replacement + "( " + replacement + " end"),
            std::string::npos);
  EXPECT_EQ(page.text("//section[@id='agenda']//section[@class='annotations']/section[@class='item'][2]/p[1]"),
            "Bad " + replacement + replacement + ", " + replacement + " and " + replacement + ".");
}

TEST(MeetingEditor, EditorsKeepTheMarkdownSource) {
  const Meeting meeting = load_example();
  Page page;
  parse(render_meeting_editor(editor_view(meeting), english()), page);
  EXPECT_EQ(page.count("//section[@id='agenda']"), 0u);
  EXPECT_NE(page.raw("//form[@id='item-1a']//textarea[@name='annotation.en']").find("{{opening}}"), std::string::npos);
}

TEST(MeetingEditor, ShowsObjectionsProminently) {
  const Meeting meeting = load_example();
  MeetingEditorView view = editor_view(meeting);
  store::SilenceProcedure objected = procedure(store::ProcedureStatus::objected);
  objected.objections.push_back({1, "member", "2022-05-21T10:15:00Z", "Too <short> a deadline."});
  view.procedures.push_back(objected);
  Page page;
  parse(render_meeting_editor(view, english()), page);
  EXPECT_EQ(page.text("//div[@id='silence-broken']/p[@class='objection']"),
            "Silence broken by member on 2022-05-21 10:15 UTC: Too <short> a deadline.");
  EXPECT_EQ(page.count("//li[@id='procedure-3']/p[@class='objection']"), 1u);
  EXPECT_EQ(page.count("//li[@id='procedure-3']/form[contains(@class, 'withdraw')]"), 0u);  // closed

  view.procedures = {procedure(store::ProcedureStatus::open)};
  Page open;
  parse(render_meeting_editor(view, english()), open);
  EXPECT_EQ(open.count("//div[@id='silence-broken']"), 0u);
  EXPECT_EQ(open.text("//li[@id='procedure-3']/form[contains(@class, 'withdraw')]/@action"),
            "/edit/procedures/3/withdraw");
}

TEST(MeetingEditor, ListsWhatBlocksPublication) {
  Meeting meeting = load_example();
  meeting.items[1].title.erase("ru");
  Page page;
  parse(render_meeting_editor(editor_view(meeting), english()), page);
  EXPECT_GE(page.count("//div[@class='final-check']/ul/li"), 1u);
  EXPECT_NE(page.text("//div[@class='final-check']").find("items[1].title"), std::string::npos);
}

TEST(MeetingEditor, RefusesANullMeeting) {
  MeetingEditorView view;
  EXPECT_THROW(render_meeting_editor(view, english()), std::invalid_argument);
  PlanPreviewView preview;
  EXPECT_THROW(render_plan_preview(preview, english()), std::invalid_argument);
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
  EXPECT_EQ(page.text("//tr[@id='audit-2']/td[3]"), "edit-item");
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
  ConflictView view{editor(), 7, 2, 5, {"item 2: annotation (fr) changed", "format: in-person -> <hybrid>"}, "stale"};
  Page page;
  parse(render_conflict_page(view, english()), page);
  EXPECT_NE(page.text("//section[@id='conflict']").find("not saved"), std::string::npos);
  EXPECT_NE(page.text("//section[@id='conflict']").find("version 2"), std::string::npos);
  EXPECT_EQ(page.count("//ul[@id='conflict-changes']/li"), 2u);
  EXPECT_EQ(page.text("//ul[@id='conflict-changes']/li[2]"), "format: in-person -> <hybrid>");
  EXPECT_EQ(page.text("//a[@id='reload']/@href"), "/edit/meetings/7");

  view.meeting_id = 0;
  Page unknown;
  parse(render_conflict_page(view, english()), unknown);
  EXPECT_EQ(unknown.text("//a[@id='reload']/@href"), "/edit/");
}

TEST(ErrorPage, TitleFromTheCatalogAndNoLogoutWithoutAUser) {
  Page page;
  parse(render_editor_error_page(nullptr, 403, "the account \"x\" may not <edit>", "csrf", english()), page);
  EXPECT_EQ(page.text("//h1"), "Access denied");
  EXPECT_EQ(page.text("//p[@class='error-message']"), "the account \"x\" may not <edit>");
  EXPECT_EQ(page.text("//p[@class='error-field']/code"), "csrf");
  EXPECT_EQ(page.count("//form"), 0u);

  const EditorUser user = editor();
  Page other;
  parse(render_editor_error_page(&user, 418, "", "", english()), other);
  EXPECT_EQ(other.text("//h1"), "Error 418");
  EXPECT_EQ(other.count("//form[@id='logout']"), 1u);
}

}  // namespace
}  // namespace plenary::web
