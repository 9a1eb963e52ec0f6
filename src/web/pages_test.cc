#include "web/pages.h"

#include <gtest/gtest.h>

#include <pugixml.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "format/meeting_file.h"
#include "web/page_test_support.h"

namespace plenary::web {
namespace {

using testing::Page;
using testing::load_example;
using testing::parse;

// What the Content-Security-Policy forbids: inline styles and scripts, and
// event handler attributes.
void expect_no_inline_code(const Page& page) {
  EXPECT_EQ(page.html.find("<script"), std::string::npos);
  EXPECT_EQ(page.html.find("<style"), std::string::npos);
  EXPECT_EQ(page.html.find("style="), std::string::npos);
  EXPECT_EQ(page.count("//script | //style | //*[@style]"), 0u);
  for (const pugi::xpath_node& node : page.document.select_nodes("//*"))
    for (const pugi::xml_attribute& attribute : node.node().attributes())
      EXPECT_NE(std::string(attribute.name()).rfind("on", 0), 0u)
          << "handler attribute " << attribute.name() << " on " << node.node().name();
}

MeetingPageView example_view(const Meeting& meeting, const std::string& lang) {
  MeetingPageView view;
  view.id = 7;
  view.meeting = &meeting;
  view.lang = lang;
  view.published_at = "2022-03-16T09:30:00Z";
  return view;
}

TEST(EscapeHtml, EscapesTheFiveCharacters) {
  EXPECT_EQ(escape_html(""), "");
  EXPECT_EQ(escape_html("a & b < c > d \" e ' f"), "a &amp; b &lt; c &gt; d &quot; e &#39; f");
  EXPECT_EQ(escape_html("&amp;"), "&amp;amp;");
  EXPECT_EQ(escape_html("\"><img src=x onerror=alert(1)>"), "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
}

TEST(EscapeHtml, KeepsGoodUtf8AndReplacesBrokenUtf8AndControls) {
  EXPECT_EQ(escape_html("Réunion 会议 الاجتماع 😀"), "Réunion 会议 الاجتماع 😀");
  EXPECT_EQ(escape_html("tab\tline\ncr\r"), "tab\tline\ncr\r");
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(escape_html(std::string("a\0b", 3)), "a" + fffd + "b");
  EXPECT_EQ(escape_html("\x01\x1F\x7F"), fffd + fffd + fffd);
  EXPECT_EQ(escape_html("\xC2\x85"), fffd);                    // C1 control (NEL)
  EXPECT_EQ(escape_html("\xFF"), fffd);                        // never valid
  EXPECT_EQ(escape_html("\xC3"), fffd);                        // truncated
  EXPECT_EQ(escape_html("\xC3<"), fffd + "&lt;");              // truncated, markup after it still escaped
  EXPECT_EQ(escape_html("\xC0\xAF"), fffd + fffd);             // overlong "/"
  EXPECT_EQ(escape_html("\xED\xA0\x80"), fffd + fffd + fffd);  // a surrogate
  EXPECT_EQ(escape_html("\xF4\x90\x80\x80"), fffd + fffd + fffd + fffd);  // past U+10FFFF
  EXPECT_EQ(escape_html("\xEF\xBF\xBF"), fffd);                           // noncharacter U+FFFF
  EXPECT_EQ(escape_html("\x80x"), fffd + "x");                            // stray continuation byte
}

TEST(EscapeHtml, HugeInput) {
  const std::string huge(1 << 20, '<');
  const std::string escaped = escape_html(huge);
  EXPECT_EQ(escaped.size(), huge.size() * 4);
  EXPECT_EQ(escaped.find('<'), std::string::npos);
}

TEST(RenderPage, FrameWithLanguageSwitcherAndFooter) {
  PageFrame frame{
      "fr",
      "Titre <1>",
      {{"ar", "/ar/x"}, {"zh", "/zh/x"}, {"en", "/en/x"}, {"fr", "/fr/x"}, {"ru", "/ru/x"}, {"es", "/es/x"}},
      "<p class=\"mine\">corps</p>\n"};
  Page page;
  ASSERT_NO_FATAL_FAILURE(parse(render_page(frame, Catalog::load("fr")), page));
  EXPECT_TRUE(page.html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\" dir=\"ltr\">"));
  EXPECT_EQ(page.text("/html/head/title"), "Titre <1> — Ordres du jour des réunions");
  EXPECT_EQ(page.count("/html/head/meta[@charset='utf-8']"), 1u);
  EXPECT_EQ(page.count("/html/head/meta[@name='viewport']"), 1u);
  EXPECT_EQ(page.count("/html/head/link[@rel='stylesheet'][@href='/assets/plenary.css']"), 1u);
  EXPECT_EQ(page.texts("//nav[@class='languages']//a"),
            (std::vector<std::string>{"العربية", "中文", "English", "Français", "Русский", "Español"}));
  EXPECT_EQ(page.texts("//nav[@class='languages']//a/@hreflang"),
            (std::vector<std::string>{"ar", "zh", "en", "fr", "ru", "es"}));
  EXPECT_EQ(page.texts("//nav[@class='languages']//a/@lang"),
            page.texts("//nav[@class='languages']//a/@hreflang"));
  EXPECT_EQ(page.texts("//a[@aria-current='page']"), std::vector<std::string>{"Français"});
  EXPECT_EQ(page.texts("//a[@aria-current='page']/@href"), std::vector<std::string>{"/fr/x"});
  EXPECT_EQ(page.text("/html/body/main/p[@class='mine']"), "corps");
  EXPECT_EQ(page.text("//footer//a[@href='/login']"), "Connexion du secrétariat");
  EXPECT_EQ(page.text("//header//a[@class='site-name']/@href"), "/fr/");
  expect_no_inline_code(page);
}

TEST(RenderPage, EscapesTheTitleAndLinks) {
  PageFrame frame{"en", "<script>alert(1)</script>", {{"en", "\"><img src=x onerror=alert(1)>"}}, ""};
  const std::string html = render_page(frame, Catalog::load("en"));
  EXPECT_EQ(html.find("<script>alert(1)</script>"), std::string::npos);
  EXPECT_EQ(html.find("\"><img"), std::string::npos);
  Page page;
  ASSERT_NO_FATAL_FAILURE(parse(html, page));
  EXPECT_EQ(page.text("//nav//a/@href"), "\"><img src=x onerror=alert(1)>");
  expect_no_inline_code(page);
}

TEST(ValidCharacters, RepairsWithoutEscaping) {
  EXPECT_EQ(valid_characters("<p>a&amp;b</p>"), "<p>a&amp;b</p>");
  EXPECT_EQ(valid_characters("x\xFFy\x01z"), "x\xEF\xBF\xBDy\xEF\xBF\xBDz");
  EXPECT_EQ(valid_characters("会议"), "会议");
}

TEST(MeetingPage, BrokenTextInTheAgendaStillMakesAValidPage) {
  // The agenda's renderer escapes markup but passes other bytes through.
  Meeting meeting = load_example();
  meeting.items[1].title["fr"] = "Titre \xFF avec \x02 contr\xC3\xB4le";
  Page page;
  ASSERT_NO_FATAL_FAILURE(parse(render_meeting_page(example_view(meeting, "fr"), Catalog::load("fr")), page));
  EXPECT_NE(page.html.find("Titre \xEF\xBF\xBD avec \xEF\xBF\xBD contrôle"), std::string::npos);
}

TEST(MeetingPage, RendersInAllSixLanguages) {
  const Meeting meeting = load_example();
  const std::map<std::string, std::string> ordinals{{"ar", "الاجتماع التاسع"},   {"zh", "第九次会议"},
                                                    {"en", "Ninth meeting"},     {"fr", "Neuvième réunion"},
                                                    {"ru", "Девятое совещание"}, {"es", "Novena reunión"}};
  for (const char* lang : kOfficialLanguages) {
    SCOPED_TRACE(lang);
    const Catalog catalog = Catalog::load(lang);
    Page page;
    ASSERT_NO_FATAL_FAILURE(parse(render_meeting_page(example_view(meeting, lang), catalog), page));
    EXPECT_EQ(page.text("/html/@lang"), lang);
    EXPECT_EQ(page.text("/html/@dir"), std::string(lang) == "ar" ? "rtl" : "ltr");
    EXPECT_EQ(page.text("//h1/span[@class='body-name']"), *text_in(meeting.body.name, lang));
    EXPECT_EQ(page.text("//h1/span[@class='meeting-name']"), ordinals.at(lang));
    EXPECT_EQ(page.text("//p[@class='symbol']"), "CTOC/COP/WG.7/2022/1");
    EXPECT_EQ(page.text("//p[contains(@class, 'format')]"),
              catalog.format("web.format_in_force", {{"format", catalog.text("web.format.in_person")}}));
    EXPECT_EQ(page.count("//nav[@class='languages']//a"), 6u);
    EXPECT_EQ(page.text("//a[@aria-current='page']/@href"), std::string("/") + lang + "/meetings/7");
    // The agenda under the page's own headings: its title one level down.
    EXPECT_EQ(page.text("//section[@id='agenda']/h2"), catalog.text("heading.annotated_provisional_agenda"));
    EXPECT_EQ(page.count("//section[@id='agenda']//ol[@class='agenda']/li"), 6u);
    EXPECT_EQ(page.count("//section[@id='agenda']//section[@class='item']/h4"), 6u);
    EXPECT_EQ(page.count("//section[@id='agenda']//section[@class='footnotes']//li"), 2u);
    EXPECT_EQ(page.count("//section[@class='annex']"), 0u);  // the timetable replaces it
    EXPECT_EQ(page.count("//table[@class='day']"), 2u);
    EXPECT_EQ(page.count("//section[@id='downloads']//a"), 5u);
    EXPECT_EQ(page.count("//section[@id='updates']//p[@class='no-updates']"), 1u);
    EXPECT_EQ(page.text("//section[@id='updates']/h2"), catalog.text("web.updates"));
    expect_no_inline_code(page);
  }
}

TEST(MeetingPage, FrenchTimetableFollowsTheReferenceAgenda) {
  const Meeting meeting = load_example();
  Page page;
  ASSERT_NO_FATAL_FAILURE(
      parse(render_meeting_page(example_view(meeting, "fr"), Catalog::load("fr")), page));
  EXPECT_EQ(page.texts("//table[@class='day']/caption"),
            (std::vector<std::string>{"Lundi 27 juin", "Mardi 28 juin"}));
  EXPECT_EQ(page.texts("//table[@class='day'][1]/thead//th"),
            (std::vector<std::string>{"Heure", "Point de l'ordre du jour", "Intitulé ou description"}));
  EXPECT_EQ(page.texts("//table[@class='day'][1]/tbody/tr/th"),
            (std::vector<std::string>{"10 heures-13 heures", "15 heures-18 heures"}));
  EXPECT_EQ(page.texts("//table[@class='day'][1]/tbody/tr/th/@rowspan"),
            (std::vector<std::string>{"3", "2"}));
  EXPECT_EQ(page.texts("//table[@class='day'][1]//td[@class='item']"),
            (std::vector<std::string>{"1 a)", "1 b)", "2", "2", "3"}));
  EXPECT_EQ(page.texts("//table[@class='day'][2]//td[@class='item']"),
            (std::vector<std::string>{"3", "4", "5", "6"}));
  EXPECT_EQ(page.text("//table[@class='day'][1]/tbody/tr[1]/td[2]"), "Ouverture de la réunion");
  EXPECT_EQ(page.text("//table[@class='day'][1]/tbody/tr[4]/td[2]"),
            "Bonnes pratiques suivies en matière de coopération avec le secteur privé pour prévenir et "
            "combattre le "
            "trafic illicite de migrants (suite)");
  EXPECT_EQ(page.texts("//span[@class='continued']"), (std::vector<std::string>{"(suite)", "(suite)"}));
  // The organization's heading calls the footnote on hybrid meetings, listed with the agenda's notes.
  EXPECT_EQ(page.text("//section[@id='organization']/h2"), "Organisation des travaux1");
  EXPECT_EQ(page.text("//section[@id='organization']/h2//a/@href"), "#fn1");
  EXPECT_EQ(page.count("//li[@id='fn1']"), 1u);
  EXPECT_NE(page.text("//li[@id='fn1']").find("Si la réunion doit se tenir sous forme hybride"),
            std::string::npos);
  // The heading: venue and dates as the catalog writes them, and the opening from the first slot.
  EXPECT_EQ(page.text("//p[@class='venue-dates']"), "Vienne, 27 et 28 juin 2022");
  EXPECT_EQ(
      page.count("//section[@class='item']/p[contains(., \"s'ouvrira le lundi 27 juin 2022, à 10 heures\")]"),
      1u);
  EXPECT_EQ(page.text("//p[@class='published']"), "Publié le 16 mars 2022");
  EXPECT_EQ(page.text("//p[@class='published']/time/@datetime"), "2022-03-16");
}

TEST(MeetingPage, ArabicAndChineseTimetables) {
  const Meeting meeting = load_example();
  Page arabic;
  ASSERT_NO_FATAL_FAILURE(
      parse(render_meeting_page(example_view(meeting, "ar"), Catalog::load("ar")), arabic));
  EXPECT_EQ(arabic.text("//table[@class='day'][1]/caption"), "الاثنين 27 حزيران/يونيه");
  EXPECT_EQ(arabic.count("//span[@class='continued'][.='(تابع)']"), 2u);
  EXPECT_EQ(arabic.text("//table[@class='day'][1]//td[@class='item']"), "1 (أ)");
  Page chinese;
  ASSERT_NO_FATAL_FAILURE(
      parse(render_meeting_page(example_view(meeting, "zh"), Catalog::load("zh")), chinese));
  EXPECT_EQ(chinese.text("/html/@lang"), "zh");
  EXPECT_EQ(chinese.text("//table[@class='day'][1]/caption"), "6月27日星期一");
  EXPECT_EQ(chinese.text("//table[@class='day'][1]/tbody/tr[1]/th"), "上午10时至下午1时");
}

TEST(MeetingPage, DownloadsAndCalendarFeed) {
  const Meeting meeting = load_example();
  Page page;
  ASSERT_NO_FATAL_FAILURE(
      parse(render_meeting_page(example_view(meeting, "ru"), Catalog::load("ru")), page));
  EXPECT_EQ(page.texts("//section[@id='downloads']//a/@href"),
            (std::vector<std::string>{
                "/meetings/7/CTOC_COP_WG.7_2022_1.ru.pdf", "/meetings/7/CTOC_COP_WG.7_2022_1.ru.docx",
                "/meetings/7/CTOC_COP_WG.7_2022_1.ru.akn.xml", "/meetings/7/CTOC_COP_WG.7_2022_1.ru.ics",
                "/bodies/CTOC_COP_WG.7.ru.ics"}));
  EXPECT_EQ(page.text("//section[@id='downloads']//a[1]/@type"), "application/pdf");
  EXPECT_EQ(page.texts("//nav[@class='on-this-page']//a/@href"),
            (std::vector<std::string>{"#updates", "#agenda", "#organization", "#downloads"}));
  for (const std::string& target : page.texts("//nav[@class='on-this-page']//a/@href"))
    EXPECT_EQ(page.count(("//*[@id='" + target.substr(1) + "']").c_str()), 1u) << target;
}

TEST(MeetingPage, FormatInForce) {
  Meeting meeting = load_example();
  const Catalog english = Catalog::load("en");
  const std::vector<std::pair<MeetingFormat, std::string>> formats{{MeetingFormat::in_person, "In person"},
                                                                   {MeetingFormat::hybrid, "Hybrid"},
                                                                   {MeetingFormat::online, "Online"}};
  for (const auto& [format, label] : formats) {
    meeting.format = format;
    Page page;
    ASSERT_NO_FATAL_FAILURE(parse(render_meeting_page(example_view(meeting, "en"), english), page));
    EXPECT_EQ(page.text("//header[@class='meeting-heading']/p[contains(@class, 'format')]/strong"),
              "Format: " + label);
  }
  Page page;
  ASSERT_NO_FATAL_FAILURE(parse(render_meeting_page(example_view(meeting, "en"), english), page));
  EXPECT_EQ(page.count("//p[@class='format format-online']"), 1u);
}

TEST(MeetingPage, NoticesNewestFirstOnlyInThePageLanguage) {
  const Meeting meeting = load_example();
  MeetingPageView view = example_view(meeting, "fr");
  view.notices = {
      {2, "2022-05-02", "en", "Version two in English."},
      {2, "2022-05-02", "fr", "Version deux en français."},
      {4, "2022-06-20", "es", "Versión cuatro solo en español."},
      {3, "2022-06-01", "ru", "Версия три по-русски."},
      {3, "2022-06-01", "en", "Version three in English."},
      {1, "2022-04-01", "zh", "第一版。"},
      {1, "2022-04-01", "ar", "الإصدار الأول."},
      {5, "2022-06-21", "fr", "Version cinq."},
  };
  Page page;
  ASSERT_NO_FATAL_FAILURE(parse(render_meeting_page(view, Catalog::load("fr")), page));
  // A language the editor left empty has no notice (defect 8): versions 1, 3
  // and 4 have none in French, and another language's is not shown instead.
  EXPECT_EQ(page.texts("//li[@class='notice']/div[@class='notice-text']"),
            (std::vector<std::string>{"Version cinq.", "Version deux en français."}));
  EXPECT_EQ(page.texts("//li[@class='notice']/div/@lang"), (std::vector<std::string>{"fr", "fr"}));
  EXPECT_EQ(page.texts("//li[@class='notice']/p[@class='notice-date']"),
            (std::vector<std::string>{"21 juin 2022", "2 mai 2022"}));
  EXPECT_EQ(page.texts("//li[@class='notice']//time/@datetime"),
            (std::vector<std::string>{"2022-06-21", "2022-05-02"}));
  EXPECT_EQ(page.count("//p[@class='no-updates']"), 0u);
}

TEST(MeetingPage, NoticeTextBecomesParagraphsAndBadDatesStayText) {
  const Meeting meeting = load_example();
  MeetingPageView view = example_view(meeting, "en");
  view.notices = {{5, "not a date <b>", "en", "First line\nsecond line\r\n\r\n  \nNext paragraph"}};
  view.published_at = "";
  Page page;
  ASSERT_NO_FATAL_FAILURE(parse(render_meeting_page(view, Catalog::load("en")), page));
  EXPECT_EQ(page.count("//div[@class='notice-text']/p"), 2u);
  EXPECT_EQ(page.count("//div[@class='notice-text']/p[1]/br"), 1u);
  EXPECT_EQ(page.text("//div[@class='notice-text']/p[2]"), "Next paragraph");
  EXPECT_EQ(page.text("//p[@class='notice-date']"), "not a date <b>");
  EXPECT_EQ(page.count("//p[@class='notice-date']/time"), 0u);
  EXPECT_EQ(page.count("//p[@class='published']"), 0u);
}

TEST(MeetingPage, ArabicPageShowsOnlyArabicNotices) {
  const Meeting meeting = load_example();
  MeetingPageView view = example_view(meeting, "ar");
  view.notices = {{2, "2022-06-01", "en", "The opening was moved."},
                  {2, "2022-06-01", "ar", "تغير موعد الافتتاح."},
                  {3, "2022-06-02", "fr", "L'ouverture a changé."}};
  Page page;
  ASSERT_NO_FATAL_FAILURE(parse(render_meeting_page(view, Catalog::load("ar")), page));
  EXPECT_EQ(page.text("/html/@dir"), "rtl");
  EXPECT_EQ(page.count("//div[@class='notice-text']"), 1u);
  EXPECT_EQ(page.text("//div[@class='notice-text']/@lang"), "ar");
  EXPECT_EQ(page.text("//div[@class='notice-text']/@dir"), "auto");
  EXPECT_EQ(page.text("//p[@class='notice-date']"), "1 حزيران/يونيه 2022");
}

TEST(MeetingPage, OnlyTheMeetingsLanguagesAreOffered) {
  Meeting meeting = load_example();
  meeting.languages = {"en", "fr"};
  Page page;
  ASSERT_NO_FATAL_FAILURE(
      parse(render_meeting_page(example_view(meeting, "en"), Catalog::load("en")), page));
  EXPECT_EQ(page.texts("//nav[@class='languages']//a/@hreflang"), (std::vector<std::string>{"en", "fr"}));
}

TEST(MeetingPage, OwnTitleOverridesTheOrdinal) {
  Meeting meeting = load_example();
  meeting.title["en"] = "Special session";
  Page page;
  ASSERT_NO_FATAL_FAILURE(
      parse(render_meeting_page(example_view(meeting, "en"), Catalog::load("en")), page));
  EXPECT_EQ(page.text("//h1/span[@class='meeting-name']"), "Special session");
  EXPECT_EQ(page.text("/html/head/title"),
            "Working Group on the Smuggling of Migrants — Special session — Meeting agendas");
  meeting.title.clear();
  meeting.ordinal = 21;
  EXPECT_NE(
      render_meeting_page(example_view(meeting, "ar"), Catalog::load("ar")).find("الاجتماع الحادي والعشرون"),
      std::string::npos);
}

TEST(MeetingPage, NullMeetingIsAnError) {
  MeetingPageView view;
  view.lang = "en";
  EXPECT_THROW(render_meeting_page(view, Catalog::load("en")), std::invalid_argument);
}

// The attacks of the brief, in every field that reaches the page.
TEST(MeetingPage, EscapesEveryInjectedField) {
  const std::vector<std::string> attacks{"<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>"};
  for (const std::string& attack : attacks) {
    SCOPED_TRACE(attack);
    Meeting meeting = load_example();
    meeting.title["en"] = attack;
    meeting.body.name["en"] = attack;
    meeting.body.parent["en"] = attack;
    meeting.body.short_name = attack;
    meeting.city["en"] = attack;
    meeting.document.symbol = attack;
    meeting.items[1].title["en"] = attack;
    meeting.items[1].annotation["en"] = {Paragraph{{Inline{InlineKind::text, attack, "", {}}}}};
    meeting.items[2].annotation["en"] = {
        Paragraph{{Inline{InlineKind::link, "", attack, {Inline{InlineKind::text, attack, "", {}}}}}}};
    meeting.documents[0].description["en"] = attack;
    for (Footnote& footnote : meeting.footnotes)
      footnote.text["en"] = {Paragraph{{Inline{InlineKind::text, attack, "", {}}}}};
    MeetingPageView view = example_view(meeting, "en");
    view.notices = {{1, attack, "en", attack}};
    view.published_at = attack;
    const std::string html = render_meeting_page(view, Catalog::load("en"));
    EXPECT_EQ(html.find(attack), std::string::npos);
    EXPECT_EQ(html.find("<img"), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    Page page;
    ASSERT_NO_FATAL_FAILURE(parse(html, page));
    expect_no_inline_code(page);
    EXPECT_EQ(page.count("//img"), 0u);
    // The text arrives intact, as text.
    EXPECT_EQ(page.text("//h1/span[@class='meeting-name']"), attack);
    EXPECT_EQ(page.text("//h1/span[@class='body-name']"), attack);
    EXPECT_EQ(page.text("//p[@class='symbol']"), attack);
    EXPECT_EQ(page.text("//div[@class='notice-text']"), attack);
    EXPECT_EQ(page.text("//p[@class='notice-date']"), attack);
    // Item 2's annotation, the unsafe link (kept as text), the footnote and the document entry.
    EXPECT_EQ(page.count(("//section[@class='item']/p[.='" + attack + "']").c_str()), 2u);
    EXPECT_EQ(page.count(("//section[@class='footnotes']//li[starts-with(., '" + attack + "')]").c_str()),
              1u);
    EXPECT_EQ(page.count(("//ul[@class='documents']/li[starts-with(., '" + attack + "')]").c_str()), 1u);
    // The links of the downloads keep the path: the symbol is a file stem.
    for (const std::string& href : page.texts("//section[@id='downloads']//a/@href")) {
      EXPECT_TRUE(href.starts_with("/meetings/7/") || href.starts_with("/bodies/")) << href;
      EXPECT_EQ(href.find_first_of("<>\"' "), std::string::npos) << href;
    }
    EXPECT_EQ(page.count("//a[starts-with(@href, 'javascript')]"), 0u);
  }
}

TEST(MeetingPage, LanguageInUrlsIsAPlainCode) {
  const Meeting meeting = load_example();
  MeetingPageView view = example_view(meeting, "//evil.example/x");
  Page page;
  ASSERT_NO_FATAL_FAILURE(parse(render_meeting_page(view, Catalog::load("en")), page));
  for (const std::string& href : page.texts("//a/@href"))
    EXPECT_EQ(href.find("evil"), std::string::npos) << href;
}

std::vector<Meeting> index_meetings() {
  const Meeting example = load_example();
  std::vector<Meeting> meetings(5, example);
  // The working group: ninth (past), tenth (ends today, so upcoming), eleventh (future).
  meetings[0].ordinal = 9;
  meetings[1].ordinal = 10;
  meetings[1].start = {2023, 7, 3};
  meetings[1].end = {2023, 7, 5};
  meetings[2].ordinal = 11;
  meetings[2].start = {2024, 7, 1};
  meetings[2].end = {2024, 7, 2};
  // Another body, with one past meeting older than the working group's.
  meetings[3].body.short_name = "CTOC/COP/WG.2";
  meetings[3].body.name = {{"en", "Working Group on Firearms"},
                           {"fr", "Groupe de travail sur les armes à feu"}};
  meetings[3].ordinal = 8;
  meetings[3].start = {2021, 5, 10};
  meetings[3].end = {2021, 5, 11};
  // The working group's eighth meeting, past and older than the ninth.
  meetings[4].ordinal = 8;
  meetings[4].start = {2021, 6, 1};
  meetings[4].end = {2021, 6, 2};
  return meetings;
}

TEST(IndexPage, GroupsByBodyAndSplitsUpcomingAndPastAroundToday) {
  const std::vector<Meeting> meetings = index_meetings();
  std::vector<MeetingListEntry> entries{{11, &meetings[2]}, {9, &meetings[0]},  {10, &meetings[1]},
                                        {8, &meetings[3]},  {12, &meetings[4]}, {99, nullptr}};
  Page page;
  ASSERT_NO_FATAL_FAILURE(
      parse(render_index_page(entries, "en", Date{2023, 7, 5}, Catalog::load("en")), page));
  EXPECT_EQ(page.text("/html/@lang"), "en");
  EXPECT_EQ(page.text("//main/h1"), "Meetings");
  // Bodies by short name: WG.2 before WG.7.
  EXPECT_EQ(
      page.texts("//section[@class='body']/h2"),
      (std::vector<std::string>{"Working Group on Firearms", "Working Group on the Smuggling of Migrants"}));
  EXPECT_EQ(page.texts("//section[@class='body'][2]/h3"),
            (std::vector<std::string>{"Upcoming meetings", "Past meetings"}));
  EXPECT_EQ(page.texts("//section[@class='body'][2]/ul[1]/li/a"),
            (std::vector<std::string>{"Tenth meeting", "Eleventh meeting"}));
  EXPECT_EQ(page.texts("//section[@class='body'][2]/ul[1]/li/a/@href"),
            (std::vector<std::string>{"/en/meetings/10", "/en/meetings/11"}));
  EXPECT_EQ(page.texts("//section[@class='body'][2]/ul[2]/li/a"),
            (std::vector<std::string>{"Ninth meeting", "Eighth meeting"}));
  EXPECT_EQ(page.texts("//section[@class='body'][2]/ul[2]/li/span[@class='when']"),
            (std::vector<std::string>{"Vienna, 27 and 28 June 2022", "Vienna, 1 and 2 June 2021"}));
  // A body with past meetings only has no "Upcoming" list.
  EXPECT_EQ(page.texts("//section[@class='body'][1]/h3"), std::vector<std::string>{"Past meetings"});
  EXPECT_EQ(page.texts("//section[@class='body']//a[@class='feed']/@href"),
            (std::vector<std::string>{"/bodies/CTOC_COP_WG.2.en.ics", "/bodies/CTOC_COP_WG.7.en.ics"}));
  EXPECT_EQ(page.texts("//section[@class='body']//a[@class='feed']"),
            (std::vector<std::string>{"Calendar feed", "Calendar feed"}));
  EXPECT_EQ(page.texts("//nav[@class='languages']//a/@href"),
            (std::vector<std::string>{"/ar/", "/zh/", "/en/", "/fr/", "/ru/", "/es/"}));
  expect_no_inline_code(page);

  // A day later the tenth meeting is past.
  Page later;
  ASSERT_NO_FATAL_FAILURE(
      parse(render_index_page(entries, "en", Date{2023, 7, 6}, Catalog::load("en")), later));
  EXPECT_EQ(later.texts("//section[@class='body'][2]/ul[1]/li/a"),
            std::vector<std::string>{"Eleventh meeting"});
  EXPECT_EQ(later.texts("//section[@class='body'][2]/ul[2]/li/a"),
            (std::vector<std::string>{"Tenth meeting", "Ninth meeting", "Eighth meeting"}));
}

TEST(IndexPage, BodyNamesInThePageLanguageWithFallback) {
  const std::vector<Meeting> meetings = index_meetings();
  std::vector<MeetingListEntry> entries{{8, &meetings[3]}, {9, &meetings[0]}};
  Page page;
  ASSERT_NO_FATAL_FAILURE(
      parse(render_index_page(entries, "zh", Date{2020, 1, 1}, Catalog::load("zh")), page));
  EXPECT_EQ(page.text("/html/@lang"), "zh");
  // No Chinese name for the firearms group: the English one.
  EXPECT_EQ(page.texts("//section[@class='body']/h2"),
            (std::vector<std::string>{"Working Group on Firearms", "偷运移民问题工作组"}));
  EXPECT_EQ(page.text("//section[@class='body'][2]//li/span[@class='when']"), "2022年6月27日和28日，维也纳");
  EXPECT_EQ(page.text("//section[@class='body'][2]//li/a"), "第九次会议");
}

TEST(IndexPage, EmptyAndInAllLanguages) {
  for (const char* lang : kOfficialLanguages) {
    SCOPED_TRACE(lang);
    const Catalog catalog = Catalog::load(lang);
    Page page;
    ASSERT_NO_FATAL_FAILURE(parse(render_index_page({}, lang, Date{2024, 1, 1}, catalog), page));
    EXPECT_EQ(page.text("/html/@lang"), lang);
    EXPECT_EQ(page.text("/html/@dir"), std::string(lang) == "ar" ? "rtl" : "ltr");
    EXPECT_EQ(page.text("//p[@class='no-meetings']"), catalog.text("web.no_meetings"));
    EXPECT_EQ(page.text("//footer//a"), catalog.text("web.secretariat_login"));
    expect_no_inline_code(page);
  }
}

TEST(IndexPage, EscapesMeetingFields) {
  Meeting meeting = load_example();
  const std::string attack = "\"><img src=x onerror=alert(1)>";
  meeting.title["en"] = "<script>alert(1)</script>";
  meeting.body.name["en"] = attack;
  meeting.body.short_name = attack;
  meeting.city["en"] = attack;
  const std::string html = render_index_page({{1, &meeting}}, "en", Date{2020, 1, 1}, Catalog::load("en"));
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  Page page;
  ASSERT_NO_FATAL_FAILURE(parse(html, page));
  EXPECT_EQ(page.text("//section[@class='body']/h2"), attack);
  EXPECT_EQ(page.text("//ul[@class='meetings']/li/a"), "<script>alert(1)</script>");
  EXPECT_EQ(page.text("//a[@class='feed']/@href"), "/bodies/___img_src_x_onerror_alert_1__.en.ics");
  expect_no_inline_code(page);
}

TEST(ErrorPage, TitleFromTheCatalogAndMessageEscaped) {
  Page page;
  ASSERT_NO_FATAL_FAILURE(
      parse(render_error_page(404, "No meeting <42>", "es", Catalog::load("es")), page));
  EXPECT_EQ(page.text("//main/h1"), "Página no encontrada");
  EXPECT_EQ(page.text("/html/head/title"), "Página no encontrada — Programas de las reuniones");
  EXPECT_EQ(page.text("//p[@class='error-message']"), "No meeting <42>");
  EXPECT_EQ(page.text("//main//a/@href"), "/es/");
  expect_no_inline_code(page);

  Page other;
  ASSERT_NO_FATAL_FAILURE(parse(render_error_page(418, "", "en", Catalog::load("en")), other));
  EXPECT_EQ(other.text("//main/h1"), "Error 418");
  EXPECT_EQ(other.count("//p[@class='error-message']"), 0u);

  Page arabic;
  ASSERT_NO_FATAL_FAILURE(
      parse(render_error_page(500, "<script>x</script>", "ar", Catalog::load("ar")), arabic));
  EXPECT_EQ(arabic.text("/html/@dir"), "rtl");
  EXPECT_EQ(arabic.text("//main/h1"), "خطأ في الخادم");
  EXPECT_EQ(arabic.html.find("<script>"), std::string::npos);
}

TEST(ErrorPage, BrokenLanguageFallsBackToTheCatalogs) {
  Page page;
  ASSERT_NO_FATAL_FAILURE(parse(render_error_page(404, "", "\"/><x", Catalog::load("fr")), page));
  EXPECT_EQ(page.text("//main//a/@href"), "/fr/");
  EXPECT_EQ(page.text("/html/@lang"), "fr");
}

TEST(Catalogs, EveryLanguageHasTheWebTexts) {
  const std::map<std::string, std::string> english = Catalog::load("en").entries();
  for (const char* lang : kOfficialLanguages) {
    SCOPED_TRACE(lang);
    const Catalog catalog = Catalog::load(lang);
    for (const auto& [key, value] : english)
      if (key.starts_with("web.")) {
        EXPECT_FALSE(catalog.text(key).empty()) << key;
      }
    EXPECT_EQ(catalog.text("web.language.ar"), "العربية");
    EXPECT_EQ(catalog.text("web.language.zh"), "中文");
  }
}

TEST(Catalogs, UnknownOrdinalRulesAreAPreciseError) {
  // English, but with rules ICU does not have.
  const Catalog english = Catalog::load("en");
  std::string text;
  for (const auto& [key, value] : english.entries()) {
    std::string quoted;
    for (char c : key == "web.ordinal_rules" ? std::string("%no-such-rules") : value)
      quoted += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
    text += key + " = \"" + quoted + "\"\n";
  }
  const Catalog broken = Catalog::parse(text, "broken.toml");
  Meeting meeting = load_example();
  try {
    render_index_page({{1, &meeting}}, "en", Date{2020, 1, 1}, broken);
    FAIL() << "no error";
  } catch (const CatalogError& e) {
    EXPECT_NE(std::string(e.what()).find("%no-such-rules"), std::string::npos) << e.what();
  }
}

TEST(Stylesheet, EmbeddedAndWrittenForAllScripts) {
  const std::string_view css = stylesheet();
  EXPECT_GT(css.size(), 1000u);
  EXPECT_EQ(embedded_assets().count("plenary.css"), 1u);
  EXPECT_NE(css.find("Noto Sans CJK SC"), std::string_view::npos);
  EXPECT_NE(css.find("Noto Naskh Arabic"), std::string_view::npos);
  EXPECT_NE(css.find("\"Noto Sans\""), std::string_view::npos);
  EXPECT_NE(css.find("margin-inline-start"), std::string_view::npos);
  EXPECT_NE(css.find("@media print"), std::string_view::npos);
  // Physical left/right would break Arabic pages.
  EXPECT_EQ(css.find("-left"), std::string_view::npos);
  EXPECT_EQ(css.find("-right"), std::string_view::npos);
  EXPECT_EQ(css.find("text-align: left"), std::string_view::npos);
}

}  // namespace
}  // namespace plenary::web
