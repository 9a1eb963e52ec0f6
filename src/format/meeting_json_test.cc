// The meeting as JSON: the same meeting both ways, and each bad input
// reported with the path of the value at fault.
#include "format/meeting_json.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <random>
#include <sstream>

#include "format/rich_text.h"
#include "format/test_meetings.h"

namespace plenary {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// ---- describing and comparing meetings

// One line per inline, enough to tell any two RichTexts apart.
std::string describe(const std::vector<Inline>& content) {
  std::string out;
  for (const Inline& in : content) {
    switch (in.kind) {
      case InlineKind::text: out += "text(" + in.text + ")"; break;
      case InlineKind::emphasis: out += "em[" + describe(in.children) + "]"; break;
      case InlineKind::strong: out += "strong[" + describe(in.children) + "]"; break;
      case InlineKind::link: out += "link(" + in.target + ")[" + describe(in.children) + "]"; break;
      case InlineKind::footnote_ref: out += "footnote(" + in.target + ")"; break;
      case InlineKind::decision_ref: out += "decision(" + in.target + ")"; break;
      case InlineKind::opening: out += "opening"; break;
      case InlineKind::line_break: out += "break"; break;
    }
    out += " ";
  }
  return out;
}

std::string describe(const RichText& text) {
  std::string out;
  for (const Paragraph& paragraph : text) out += "{" + describe(paragraph.content) + "} ";
  return out;
}

std::map<std::string, std::string> describe(const LangRichText& text) {
  std::map<std::string, std::string> out;
  for (const auto& [lang, rich] : text) out[lang] = describe(rich);
  return out;
}

void expect_same_item(const Item& a, const Item& b, const std::string& where) {
  SCOPED_TRACE(where);
  EXPECT_EQ(a.number, b.number);
  EXPECT_EQ(a.kind, b.kind);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(describe(a.annotation), describe(b.annotation));
  EXPECT_EQ(a.documents, b.documents);
  EXPECT_EQ(a.no_documents, b.no_documents);
  EXPECT_EQ(a.minutes, b.minutes);
  EXPECT_EQ(a.constraints.min_minutes, b.constraints.min_minutes);
  EXPECT_EQ(a.constraints.priority, b.constraints.priority);
  EXPECT_EQ(a.constraints.weight, b.constraints.weight);
  EXPECT_EQ(a.constraints.not_before_date, b.constraints.not_before_date);
  EXPECT_EQ(a.constraints.not_before_time, b.constraints.not_before_time);
  EXPECT_EQ(a.constraints.same_meeting_as, b.constraints.same_meeting_as);
  EXPECT_EQ(a.constraints.never_split, b.constraints.never_split);
  ASSERT_EQ(a.subitems.size(), b.subitems.size());
  for (size_t i = 0; i < a.subitems.size(); ++i)
    expect_same_item(a.subitems[i], b.subitems[i], where + ".subitems[" + std::to_string(i) + "]");
}

std::vector<std::string> windows(const std::vector<TimeWindow>& list) {
  std::vector<std::string> out;
  for (const TimeWindow& w : list) out.push_back(to_hhmm(w.start) + "-" + to_hhmm(w.end));
  return out;
}

// Compares every field of the model.
void expect_same_meeting(const Meeting& a, const Meeting& b) {
  EXPECT_EQ(a.body.short_name, b.body.short_name);
  EXPECT_EQ(a.body.name, b.body.name);
  EXPECT_EQ(a.body.parent, b.body.parent);
  EXPECT_EQ(a.body.mandate, b.body.mandate);
  EXPECT_EQ(a.ordinal, b.ordinal);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.city, b.city);
  EXPECT_EQ(a.venue, b.venue);
  EXPECT_EQ(a.start, b.start);
  EXPECT_EQ(a.end, b.end);
  EXPECT_EQ(a.time_zone, b.time_zone);
  EXPECT_EQ(a.format, b.format);
  EXPECT_EQ(a.languages, b.languages);
  EXPECT_EQ(a.document.symbol, b.document.symbol);
  EXPECT_EQ(a.document.distribution, b.document.distribution);
  EXPECT_EQ(a.document.issued, b.document.issued);
  EXPECT_EQ(a.document.original_language, b.document.original_language);
  ASSERT_EQ(a.items.size(), b.items.size());
  for (size_t i = 0; i < a.items.size(); ++i)
    expect_same_item(a.items[i], b.items[i], "items[" + std::to_string(i) + "]");
  ASSERT_EQ(a.documents.size(), b.documents.size());
  for (size_t i = 0; i < a.documents.size(); ++i) {
    EXPECT_EQ(a.documents[i].symbol, b.documents[i].symbol);
    EXPECT_EQ(a.documents[i].title, b.documents[i].title);
    EXPECT_EQ(a.documents[i].description, b.documents[i].description);
  }
  ASSERT_EQ(a.decisions.size(), b.decisions.size());
  for (size_t i = 0; i < a.decisions.size(); ++i) {
    EXPECT_EQ(a.decisions[i].id, b.decisions[i].id);
    EXPECT_EQ(a.decisions[i].by, b.decisions[i].by);
    EXPECT_EQ(a.decisions[i].date, b.decisions[i].date);
    EXPECT_EQ(a.decisions[i].procedure, b.decisions[i].procedure);
    EXPECT_EQ(a.decisions[i].approved, b.decisions[i].approved);
  }
  ASSERT_EQ(a.footnotes.size(), b.footnotes.size());
  for (size_t i = 0; i < a.footnotes.size(); ++i) {
    EXPECT_EQ(a.footnotes[i].id, b.footnotes[i].id);
    EXPECT_EQ(describe(a.footnotes[i].text), describe(b.footnotes[i].text));
  }
  EXPECT_EQ(a.organization.footnote, b.organization.footnote);
  EXPECT_EQ(a.organization.sequence, b.organization.sequence);
  ASSERT_EQ(a.organization.slots.size(), b.organization.slots.size());
  for (size_t i = 0; i < a.organization.slots.size(); ++i) {
    const Slot& x = a.organization.slots[i];
    const Slot& y = b.organization.slots[i];
    EXPECT_EQ(x.date, y.date);
    EXPECT_EQ(x.start, y.start);
    EXPECT_EQ(x.end, y.end);
    ASSERT_EQ(x.items.size(), y.items.size());
    for (size_t j = 0; j < x.items.size(); ++j) {
      EXPECT_EQ(x.items[j].item, y.items[j].item);
      EXPECT_EQ(x.items[j].continued, y.items[j].continued);
      EXPECT_EQ(x.items[j].minutes, y.items[j].minutes);
    }
  }
  const PlanningSettings& p = a.planning;
  const PlanningSettings& q = b.planning;
  EXPECT_EQ(windows(p.in_person), windows(q.in_person));
  EXPECT_EQ(windows(p.hybrid), windows(q.hybrid));
  EXPECT_EQ(windows(p.online), windows(q.online));
  EXPECT_EQ(p.first_day_start, q.first_day_start);
  EXPECT_EQ(p.last_day_end, q.last_day_end);
  ASSERT_EQ(p.unavailable.size(), q.unavailable.size());
  for (size_t i = 0; i < p.unavailable.size(); ++i) {
    EXPECT_EQ(p.unavailable[i].date, q.unavailable[i].date);
    EXPECT_EQ(p.unavailable[i].start, q.unavailable[i].start);
  }
  EXPECT_EQ(p.skip_weekends, q.skip_weekends);
  EXPECT_EQ(p.min_continuation, q.min_continuation);
  EXPECT_EQ(p.default_minutes, q.default_minutes);
  EXPECT_EQ(p.min_substantive_minutes, q.min_substantive_minutes);
}

std::vector<std::string> formatted(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> lines;
  for (const Diagnostic& d : diagnostics) lines.push_back(format_diagnostic(d));
  return lines;
}

// What a request with `json` is told, one diagnostic a line.
std::vector<std::string> check_json(std::string_view json, CheckOptions options = {}) {
  return formatted(check_meeting_file(parse_meeting_json(json, "request.json"), options));
}

// The TOML file read, written as JSON and read back: the same meeting.
void expect_round_trip(std::string_view toml) {
  const MeetingFile from_toml = parse_meeting_file(toml, "m.toml");
  ASSERT_TRUE(from_toml.meeting);
  ASSERT_THAT(formatted(check_meeting_file(from_toml, {})), IsEmpty());
  const std::string json = meeting_to_json(*from_toml.meeting);
  const MeetingFile from_json = parse_meeting_json(json, "m.json");
  ASSERT_FALSE(from_json.unreadable) << formatted(from_json.diagnostics)[0];
  ASSERT_THAT(formatted(check_meeting_file(from_json, {})), IsEmpty()) << json;
  expect_same_meeting(*from_toml.meeting, *from_json.meeting);
  EXPECT_EQ(meeting_to_json(*from_json.meeting), json);
}

// ---- both ways

TEST(MeetingJson, TheExampleComesBackTheSame) {
  const std::string toml = read_file(PLENARY_SOURCE_DIR "/examples/ctoc-wg7-2022/meeting.toml");
  ASSERT_FALSE(toml.empty());
  expect_round_trip(toml);
}

TEST(MeetingJson, EveryFieldComesBackTheSame) { expect_round_trip(kEveryField); }

TEST(MeetingJson, IsShapedLikeTheFile) {
  const MeetingFile file = parse_meeting_file(kEveryField, "m.toml");
  ASSERT_TRUE(file.meeting);
  const std::string json = meeting_to_json(*file.meeting);
  EXPECT_THAT(json, HasSubstr(R"({
  "format_version": 1,
  "body": {
    "short_name": "CTOC/COP/WG.7",
    "name": {
      "en": "Working Group on the Smuggling of Migrants",
      "fr": "Groupe de travail sur le trafic illicite de migrants"
    },)"));
  EXPECT_THAT(json, HasSubstr(R"("start": "2022-06-27",)"));
  EXPECT_THAT(json, HasSubstr(R"("not_before": "2022-06-27T15:00")"));
  EXPECT_THAT(json, HasSubstr(R"("not_before": "2022-06-28")"));
  EXPECT_THAT(json, HasSubstr(R"("number": "a",)"));
  EXPECT_THAT(json, HasSubstr(R"("annotation": {
            "en": "Opens on {{opening}}.[^hybrid]",)"));
  EXPECT_THAT(json, HasSubstr(R"("items": [
          "2",
          {
            "item": "3",
            "minutes": 60
          }
        ])"));
  EXPECT_THAT(json, HasSubstr(R"("start": "12:00",
        "end": "14:00",)"));
}

// ---- reading JSON

// A small valid meeting, as a client would send it; each test below breaks
// one thing in it.
constexpr std::string_view kValidJson = R"json({
  "format_version": 1,
  "body": {"short_name": "CTOC/COP/WG.7",
           "name": {"en": "Working Group on the Smuggling of Migrants",
                    "fr": "Groupe de travail sur le trafic illicite de migrants"}},
  "meeting": {"ordinal": 9, "city": {"en": "Vienna", "fr": "Vienne"},
              "start": "2022-06-27", "end": "2022-06-28", "time_zone": "Europe/Vienna",
              "languages": ["en", "fr"]},
  "document": {"symbol": "CTOC/COP/WG.7/2022/1", "issued": "2022-03-16", "original_language": "en"},
  "items": [
    {"number": 1, "kind": "opening",
     "title": {"en": "Opening of the meeting", "fr": "Ouverture de la réunion"},
     "annotation": {"en": "The meeting opens on {{opening}}.", "fr": "La réunion s'ouvrira le {{opening}}."}},
    {"number": 2, "kind": "adoption-of-agenda",
     "title": {"en": "Adoption of the agenda", "fr": "Adoption de l'ordre du jour"},
     "annotation": {"en": "The agenda.", "fr": "L'ordre du jour."}},
    {"number": 3, "kind": "adoption-of-report",
     "title": {"en": "Adoption of the report", "fr": "Adoption du rapport"},
     "annotation": {"en": "A report.", "fr": "Un rapport."}}
  ],
  "organization": {"slots": [{"date": "2022-06-27", "start": "10:00", "end": "13:00",
                              "items": [{"item": "1", "minutes": 15}, "2", "3"]}]}
})json";

// `text` (the valid JSON by default) with `from`, which must occur exactly
// once, replaced by `to`.
std::string with(std::string_view from, std::string_view to, std::string text = std::string(kValidJson)) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "not in the text: " << from;
  if (at == std::string::npos) return text;
  EXPECT_EQ(text.find(from, at + 1), std::string::npos) << "more than once in the text: " << from;
  return text.replace(at, from.size(), to);
}

TEST(MeetingJsonRead, TheValidMeetingIsClean) {
  const MeetingFile file = parse_meeting_json(kValidJson, "request.json");
  ASSERT_TRUE(file.meeting);
  EXPECT_FALSE(file.unreadable);
  EXPECT_THAT(check_json(kValidJson, CheckOptions{.final = true}), IsEmpty());
  EXPECT_EQ(file.meeting->start, (Date{2022, 6, 27}));
  EXPECT_EQ(file.meeting->items[2].title.at("fr"), "Adoption du rapport");
  ASSERT_EQ(file.meeting->organization.slots.size(), 1u);
  EXPECT_EQ(file.meeting->organization.slots[0].start, TimeOfDay{600});
  EXPECT_EQ(file.meeting->organization.slots[0].items[0].minutes, 15);
}

TEST(MeetingJsonRead, AWrongTypeNamesItsPath) {
  // As with the file, what follows from the unread value is reported too.
  EXPECT_THAT(check_json(with(R"("number": 2,)", R"("number": "2",)")),
              ElementsAre("request.json: items[1].number: error: 'number' should be an integer, found a string",
                          "request.json: organization.slots[0].items[1]: error: there is no item 2 on the agenda",
                          "request.json: organization.slots[0].items[2]: error: the organization of work skips item 0 "
                          "before item 3"));
  EXPECT_THAT(check_json(with(R"("languages": ["en", "fr"])", R"("languages": "en")")),
              ElementsAre("request.json: meeting.languages: error: 'languages' should be an array of strings, found "
                          "a string"));
  EXPECT_THAT(check_json(with(R"("start": "2022-06-27", "end")", R"("start": "27/06/2022", "end")")),
              ElementsAre("request.json: meeting.start: error: 'start' should be a date written as YYYY-MM-DD (e.g. "
                          "2022-06-27), found \"27/06/2022\""));
  EXPECT_THAT(check_json(with(R"("start": "10:00")", R"("start": "10h")")),
              ElementsAre("request.json: organization.slots[0].start: error: 'start' should be a time written as "
                          "HH:MM (e.g. \"10:00\"), found \"10h\""));
  EXPECT_THAT(check_json(with(R"("items": [{"item": "1", "minutes": 15}, "2", "3"])",
                              R"("items": [{"item": "1", "minutes": true}, "2", 3])")),
              ElementsAre("request.json: organization.slots[0].items[0].minutes: error: 'minutes' should be an "
                          "integer, found a boolean",
                          "request.json: organization.slots[0].items[2]: error: each organization item should be an "
                          "item number such as \"1 (a)\", found an integer",
                          "request.json: organization.slots: error: the organization of work never takes up item 3"));
}

TEST(MeetingJsonRead, NullAndFractionsAreWrongTypes) {
  EXPECT_THAT(check_json(with(R"("number": 3,)", R"("number": null,)")),
              Contains("request.json: items[2].number: error: 'number' should be an integer, found null"));
  EXPECT_THAT(check_json(with(R"("ordinal": 9,)", R"("ordinal": 9.0,)")),
              ElementsAre("request.json: meeting.ordinal: error: 'ordinal' should be an integer, found a number "
                          "with a fraction"));
  EXPECT_THAT(check_json(with(R"("fr": "Vienne")", R"("fr": null)")),
              ElementsAre("request.json: meeting.city.fr: error: 'city.fr' should be a string, found null",
                          "request.json: meeting.city: warning: the city has no French text"));
}

TEST(MeetingJsonRead, AnUnknownKeyGetsADidYouMean) {
  EXPECT_THAT(check_json(with(R"({"number": 2, "kind")", R"({"number": 2, "knd")")),
              ElementsAre("request.json: items[1].knd: error: unknown key 'knd' in [[items]]; did you mean 'kind'?"));
  EXPECT_THAT(check_json(with(R"("format_version": 1,)", R"("format_version": 1, "colour": "blue",)")),
              ElementsAre(HasSubstr("request.json: colour: error: unknown key 'colour' in the top level; expected "
                                    "one of: format_version, body,")));
}

TEST(MeetingJsonRead, AMissingTextNamesItsLanguage) {
  const std::string text = with(R"("title": {"en": "Adoption of the report", "fr": "Adoption du rapport"})",
                                R"("title": {"en": "Adoption of the report"})");
  EXPECT_THAT(check_json(text),
              ElementsAre("request.json: items[2].title: warning: the title of item 3 has no French text"));
  EXPECT_THAT(check_json(text, CheckOptions{.final = true}),
              ElementsAre("request.json: items[2].title: error: the title of item 3 has no French text"));
}

TEST(MeetingJsonRead, AMissingKeyNamesTheKey) {
  EXPECT_THAT(check_json(with(R"("time_zone": "Europe/Vienna",)", "")),
              ElementsAre("request.json: meeting.time_zone: error: [meeting] needs the key 'time_zone'"));
  // The missing title is not also reported as missing in each language.
  EXPECT_THAT(check_json(with(R"("title": {"en": "Adoption of the report", "fr": "Adoption du rapport"},)", "")),
              ElementsAre("request.json: items[2].title: error: [[items]] needs the key 'title'"));
  EXPECT_THAT(check_json("{}"), ElementsAre("request.json: format_version: error: the top level needs the key "
                                            "'format_version'",
                                            "request.json: body: error: the top level needs the key 'body'",
                                            "request.json: meeting: error: the top level needs the key 'meeting'",
                                            "request.json: document: error: the top level needs the key 'document'",
                                            "request.json: items: error: expected at least one agenda item ([[items]])"));
}

TEST(MeetingJsonRead, AnInvalidSymbol) {
  EXPECT_THAT(check_json(with(R"("symbol": "CTOC/COP/WG.7/2022/1")", R"("symbol": "CTOC//WG.7")")),
              ElementsAre(HasSubstr("request.json: document.symbol: error: 'CTOC//WG.7' is not a valid UN document "
                                    "symbol")));
}

TEST(MeetingJsonRead, AnnotationProblemsNameTheirLine) {
  EXPECT_THAT(check_json(with("The agenda.", "# The agenda")),
              ElementsAre("request.json: items[1].annotation.en: error: only paragraphs are allowed here, found a "
                          "heading"));
  EXPECT_THAT(check_json(with("The agenda.", R"(The agenda.\n\n- a list)")),
              ElementsAre("request.json: items[1].annotation.en: error: only paragraphs are allowed here, found a "
                          "list (line 3 of the text)"));
  EXPECT_THAT(check_json(with("The agenda.", "The agenda[^nowhere].")),
              ElementsAre(HasSubstr("request.json: items[1].annotation.en: error: ")));
}

TEST(MeetingJsonRead, NotBeforeIsADateOrADateAndTime) {
  const std::string date_and_time =
      with(R"("number": 3, "kind")", R"("number": 3, "not_before": "2022-06-27T15:00", "kind")");
  const MeetingFile file = parse_meeting_json(date_and_time, "request.json");
  EXPECT_THAT(formatted(file.diagnostics), IsEmpty());
  ASSERT_TRUE(file.meeting);
  EXPECT_EQ(file.meeting->items[2].constraints.not_before_date, (Date{2022, 6, 27}));
  EXPECT_EQ(file.meeting->items[2].constraints.not_before_time, TimeOfDay{900});
  EXPECT_THAT(check_json(with(R"("number": 3, "kind")", R"("number": 3, "not_before": "2022-06-27 15:00", "kind")")),
              ElementsAre("request.json: items[2].not_before: error: 'not_before' should be a date written as "
                          "YYYY-MM-DD or a date and time written as YYYY-MM-DDTHH:MM, found \"2022-06-27 15:00\""));
}

TEST(MeetingJsonRead, AnImpossibleDaySaysWhy) {
  EXPECT_THAT(check_json(with(R"("start": "2022-06-27", "end")", R"("start": "2022-06-31", "end")")),
              ElementsAre("request.json: meeting.start: error: 'start' is not a real date: June has 30 days (found "
                          "\"2022-06-31\")"));
  EXPECT_THAT(check_json(with(R"("number": 3, "kind")", R"("number": 3, "not_before": "2022-06-31T15:00", "kind")")),
              ElementsAre("request.json: items[2].not_before: error: 'not_before' is not a real date: June has 30 "
                          "days (found \"2022-06-31T15:00\")"));
}

TEST(MeetingJsonRead, DiagnosticsForPeopleNameTheItemAsThePageDoes) {
  const MeetingFile file = parse_meeting_json(with(R"("number": 3, "kind")", R"("number": 3, "knd": 1, "kind")"),
                                              "request.json");
  ASSERT_EQ(file.diagnostics.size(), 1u);
  EXPECT_EQ(describe_diagnostic(file.diagnostics[0]),
            "item 3, knd: unknown key 'knd' in [[items]]; did you mean 'kind'?");
  Diagnostic in_a_file{Severity::error, "m.toml", Position{12, 9}, "June has 30 days", "meeting.start"};
  EXPECT_EQ(describe_diagnostic(in_a_file), "line 12, column 9: June has 30 days");
}

// ---- unreadable JSON

TEST(MeetingJsonUnreadable, ASyntaxErrorHasALineAndColumn) {
  const std::string text = with(R"("ordinal": 9,)", R"("ordinal": nine,)");
  EXPECT_TRUE(parse_meeting_json(text, "request.json").unreadable);
  // Where the literal goes wrong: "ni" is not the start of null.
  EXPECT_THAT(check_json(text), ElementsAre("request.json:6:27: error: not valid JSON: syntax error while parsing "
                                            "value - invalid literal"));
  EXPECT_THAT(check_json(R"({"a": 1,})"), ElementsAre("request.json:1:9: error: not valid JSON: syntax error while "
                                                      "parsing object key - unexpected '}'; expected string literal"));
  EXPECT_THAT(check_json(R"({"a": 1} {)"), ElementsAre("request.json:1:10: error: not valid JSON: syntax error while "
                                                       "parsing value - unexpected '{'; expected end of input"));
  EXPECT_THAT(check_json(""), ElementsAre("request.json:1:1: error: not valid JSON: syntax error while parsing value "
                                          "- unexpected end of input; expected '[', '{', or a literal"));
}

TEST(MeetingJsonUnreadable, InvalidUtf8InAString) {
  // Columns count characters: "é" is one.
  const std::string text = with(R"("fr": "Vienne")", "\"fr\": \"Vienn\xC3\xA9 \xFF\"");
  const MeetingFile file = parse_meeting_json(text, "request.json");
  EXPECT_TRUE(file.unreadable);
  EXPECT_FALSE(file.meeting);
  EXPECT_THAT(formatted(file.diagnostics),
              ElementsAre("request.json:6:68: error: not valid UTF-8 (byte 0xFF): JSON must be UTF-8"));
  // A lone surrogate escaped in a string cannot become UTF-8 either.
  EXPECT_THAT(check_json(R"({"a": "\ud800"})"),
              ElementsAre("request.json:1:14: error: not valid JSON: syntax error while parsing value - invalid "
                          "string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF"));
}

TEST(MeetingJsonUnreadable, ARepeatedKey) {
  EXPECT_THAT(check_json(with(R"("fr": "Vienne")", R"("fr": "Vienne", "fr": "Wien")")),
              ElementsAre("request.json: meeting.city.fr: error: the key 'fr' is given twice"));
}

TEST(MeetingJsonUnreadable, TheTopLevelIsAnObject) {
  EXPECT_THAT(check_json("[1]"), ElementsAre("request.json: error: a meeting is a JSON object, {\"format_version\": "
                                             "1, \"body\": ...}, found an array"));
  EXPECT_THAT(check_json("\"meeting\""), ElementsAre(HasSubstr("found a string")));
}

TEST(MeetingJsonUnreadable, AnIntegerBeyond64Bits) {
  EXPECT_THAT(check_json(with(R"("ordinal": 9,)", R"("ordinal": 18446744073709551615,)")),
              ElementsAre("request.json: meeting.ordinal: error: the integer 18446744073709551615 is too large: at "
                          "most 9223372036854775807"));
  // Beyond any integer, a number is a float: too large for a double, it cannot be read.
  EXPECT_THAT(check_json(R"({"a": 1e400})"), ElementsAre(HasSubstr("not valid JSON: number overflow parsing '1e400'")));
}

TEST(MeetingJsonUnreadable, TooLargeIsRefusedQuickly) {
  std::string text(kMaxMeetingFileBytes + 1, ' ');
  text.replace(0, kValidJson.size(), kValidJson);
  const auto begin = std::chrono::steady_clock::now();
  const MeetingFile file = parse_meeting_json(text, "request.json");
  const auto elapsed = std::chrono::steady_clock::now() - begin;
  EXPECT_TRUE(file.unreadable);
  EXPECT_THAT(formatted(file.diagnostics),
              ElementsAre("request.json:1:1: error: the JSON is too large: a meeting may have at most 8388608 bytes"));
  EXPECT_LT(elapsed, std::chrono::seconds(1));
}

TEST(MeetingJsonUnreadable, DeepNestingIsRefusedQuickly) {
  // 64 levels are read (and the unknown key reported); the 65th is refused
  // where it opens, before anything is built.
  auto nested = [](int depth) {
    return "{\"x\": " + std::string(static_cast<size_t>(depth - 1), '[') + std::string(static_cast<size_t>(depth - 1), ']') +
           "}";
  };
  EXPECT_FALSE(parse_meeting_json(nested(64), "request.json").unreadable);
  EXPECT_THAT(check_json(nested(65)), ElementsAre("request.json:1:70: error: not accepted: objects and arrays nested "
                                                  "deeper than 64 levels"));
  // Brackets inside strings do not count.
  EXPECT_FALSE(parse_meeting_json("{\"x\": \"" + std::string(1000, '[') + "\\\"\"}", "request.json").unreadable);

  const std::string deep = "{\"x\": " + std::string(4'000'000, '[') + std::string(4'000'000, ']') + "}";
  const auto begin = std::chrono::steady_clock::now();
  EXPECT_TRUE(parse_meeting_json(deep, "request.json").unreadable);
  EXPECT_LT(std::chrono::steady_clock::now() - begin, std::chrono::seconds(1));
}

// ---- annotation text back to Markdown

// `markdown` read, written and read again: the same RichText, and the same
// Markdown the second time.
void expect_markdown_round_trip(std::string_view markdown) {
  SCOPED_TRACE(markdown);
  std::vector<RichTextProblem> problems;
  const RichText first = parse_rich_text(markdown, problems);
  ASSERT_THAT(problems, IsEmpty());
  const std::string written = write_rich_text(first);
  const RichText second = parse_rich_text(written, problems);
  ASSERT_THAT(problems, IsEmpty()) << written;
  EXPECT_EQ(describe(second), describe(first)) << written;
  EXPECT_EQ(write_rich_text(second), written);
}

TEST(WriteRichText, MarkdownComesBackTheSame) {
  for (std::string_view markdown : {
           "Plain text.",
           "First paragraph.\n\nSecond paragraph.",
           "Lines of a paragraph\nare joined.",
           "A line  \nbreak and another\\\nbreak.",
           "*emphasis*, _emphasis_, **strong**, __strong__, ***both***, *a **b** c*, **a *b* c**",
           "intra*word*emphasis and snake_case_name and _under_ score",
           "[a link](https://www.unodc.org/unodc/en/organized-crime/intro.html) and [*emphasised* link](https://x.org/a_(b))",
           "[a link with spaces](<https://x.org/a b>) and [empty]()",
           "Calls[^hybrid] and [^a-1]. {{decision:calendar-2022}} opened on {{opening}}.",
           "[link [^note] inside](https://x.org)",
           "Escapes: \\* \\_ \\[ \\] \\` \\\\ \\< \\# \\& &amp; &copy; &#38;",
           "`code with *stars*` is plain text",
           "2 * 3 = 6 and 2*3*4; a _ b; [not a link]; x]y",
           "\\# not a heading\n\n\\- not a list\n\n1\\. not a list\n\n\\> not a quote\n\n\\+ no\n\n\\=== no",
           "A line  \n\\- that is no list item",
           "Back\\\\slash at the end \\\\",
       })
    expect_markdown_round_trip(markdown);
}

Inline text(std::string s) { return {InlineKind::text, std::move(s), "", {}}; }
Inline emphasis(std::vector<Inline> children) { return {InlineKind::emphasis, "", "", std::move(children)}; }
Inline strong(std::vector<Inline> children) { return {InlineKind::strong, "", "", std::move(children)}; }
Inline link(std::string url, std::vector<Inline> children) {
  return {InlineKind::link, "", std::move(url), std::move(children)};
}
Inline footnote(std::string id) { return {InlineKind::footnote_ref, "", std::move(id), {}}; }
Inline line_break() { return {InlineKind::line_break, "", "", {}}; }

// `text` written and read back.
RichText round_trip(const RichText& text) {
  std::vector<RichTextProblem> problems;
  RichText back = parse_rich_text(write_rich_text(text), problems);
  EXPECT_THAT(problems, IsEmpty()) << write_rich_text(text);
  return back;
}

TEST(WriteRichText, TrickyTextIsEscaped) {
  for (std::string s : {
           "2 * 3 = 6, **not strong**, *not emphasis*",
           "a_b_c, _x_, __init__, 1_000",
           "[not a link](https://x.org), [x], ]",
           "back\\slash, \\*, \\\\, a trailing \\",
           "`not code`, ``",
           "<b>not HTML</b>, <https://not.an.autolink>",
           "&amp; stays &amp;, &#38; too, & alone, AT&T",
           "# not a heading",
           "## not a heading either",
           "- not a list item",
           "+ nor this",
           "* nor this",
           "1. not a numbered list",
           "2022) no",
           "1.5 million is fine",
           "> not a quote",
           "=== not a heading underline",
           "--- not a rule",
           "~~~ not a fence",
           "```",
           "    not code, four spaces",
           " one space before, one after ",
           "tab\tinside",
           "line\nending inside",
           "!not an image",
           "quotes \" and ' and ( ) { } | ~ ^ $ % are plain",
           "é_é and 日本_語",
       }) {
    const RichText text = {Paragraph{{::plenary::text(s)}}};
    EXPECT_EQ(describe(round_trip(text)), describe(text)) << write_rich_text(text);
  }
}

TEST(WriteRichText, MarksAndMarkupNextToText) {
  const std::vector<RichText> texts = {
      {Paragraph{{text("see"), footnote("a"), text("(not a link)")}}},
      {Paragraph{{footnote("a"), text(": not a link definition")}}},
      {Paragraph{{text("!"), link("https://x.org", {text("not an image")})}}},
      {Paragraph{{text("a["), footnote("a"), text("]")}}},
      {Paragraph{{text("word"), emphasis({text("inside")}), text("word")}}},
      {Paragraph{{strong({emphasis({text("emphasis")}), text(" in strong")})}}},
      {Paragraph{{emphasis({strong({text("strong")}), text(" in emphasis")})}}},
      {Paragraph{{emphasis({text("one")}), emphasis({text("two")})}}},
      {Paragraph{{emphasis({text("one")}), strong({text("two")})}}},
      {Paragraph{{strong({text("one")}), strong({text("two")})}}},
      {Paragraph{{strong({emphasis({text("alone in strong")})})}}},
      {Paragraph{{emphasis({text("a "), emphasis({text("nested")}), text(" b")})}}},
      {Paragraph{{text("a"), line_break(), text("- b"), line_break(), text("# c")}}},
      {Paragraph{{text("trailing space "), line_break(), text(" leading space")}}},
      {Paragraph{{line_break(), text("a")}}},
      {Paragraph{{text("a"), line_break(), line_break(), text("b")}}},
      {Paragraph{{link("https://x.org/a(b)c\\d e<f>", {text("url")})}}},
      {Paragraph{{link("https://x.org/?a=1&amp;b=2", {text("entity in url")})}}},
      {Paragraph{{text("one")}}, Paragraph{{text("1. two")}}},
  };
  for (const RichText& text : texts) EXPECT_EQ(describe(round_trip(text)), describe(text)) << write_rich_text(text);
}

// Random paragraphs of the characters Markdown cares about, with marks,
// emphasis and links between them.
TEST(WriteRichText, RandomTextComesBackTheSame) {
  const std::vector<std::string> pieces = {"a", "b", "1", " ", "  ", "\t", "*", "_", "[", "]", "(", ")", "\\", "`",
                                           "<", ">", "&", "#", ";", "-", "+", "=", "~", "!", ":", ".", "é", "{",
                                           "}", "^", "\"", "amp", "#38", "|"};
  std::mt19937 random(20220627);
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(random); };
  auto random_text = [&] {
    std::string s;
    for (size_t n = 1 + pick(8); n > 0; --n) s += pieces[pick(pieces.size())];
    return s;
  };
  // Text inside emphasis starts and ends with a letter, as parsed text does.
  auto word = [&] { return "w" + random_text() + "w"; };
  int tried = 0;
  for (int round = 0; round < 3000; ++round) {
    std::vector<Inline> content;
    for (size_t n = 1 + pick(5); n > 0; --n) {
      switch (pick(9)) {
        case 0: content.push_back(emphasis({text(word())})); break;
        case 1: content.push_back(strong({text(word())})); break;
        case 2: content.push_back(link("https://x.org/" + random_text(), {text(word())})); break;
        case 3: content.push_back(footnote("n" + std::to_string(pick(3)))); break;
        case 4: content.push_back(pick(2) ? Inline{InlineKind::opening, "", "", {}}
                                          : Inline{InlineKind::decision_ref, "", "calendar", {}});
          break;
        case 5:
          if (!content.empty() && content.back().kind != InlineKind::line_break) content.push_back(line_break());
          break;
        default:
          // The parser merges adjacent text.
          if (!content.empty() && content.back().kind == InlineKind::text)
            content.back().text += random_text();
          else
            content.push_back(text(random_text()));
      }
    }
    while (!content.empty() && content.back().kind == InlineKind::line_break) content.pop_back();
    // Not expressible (see write_rich_text): marks in text, a brace before
    // a mark, emphasis right after emphasis or strong after strong (then
    // written with '_', which a letter after it would keep from closing).
    bool repeated = false;
    for (size_t i = 1; i < content.size(); ++i)
      repeated |= content[i].kind == content[i - 1].kind &&
                  (content[i].kind == InlineKind::emphasis || content[i].kind == InlineKind::strong);
    const std::string shown = describe(content);
    if (content.empty() || repeated || shown.find("{{") != std::string::npos || shown.find("[^") != std::string::npos ||
        shown.find("{) decision") != std::string::npos || shown.find("{) opening") != std::string::npos)
      continue;
    ++tried;
    const RichText original = {Paragraph{content}};
    std::vector<RichTextProblem> problems;
    const std::string written = write_rich_text(original);
    const RichText back = parse_rich_text(written, problems);
    ASSERT_THAT(problems, IsEmpty()) << written;
    ASSERT_EQ(describe(back), describe(original)) << written;
  }
  EXPECT_GT(tried, 1000);
}

TEST(WriteRichText, WritesPlainMarkdown) {
  EXPECT_EQ(write_rich_text({Paragraph{{text("2 * 3 = 6 and snake_case, "), emphasis({text("emphasis")}),
                                        text(" "), strong({text("strong")}), text(" "),
                                        link("https://x.org", {text("link")}), footnote("a"), text(".")}},
                             Paragraph{{text("Next"), line_break(), text("line.")}}}),
            "2 \\* 3 = 6 and snake_case, *emphasis* **strong** [link](https://x.org)[^a].\n\nNext\\\nline.");
}

// Marks have no escape: "{{" and "[^" in text are always read as marks.
TEST(WriteRichText, MarksCannotBeEscaped) {
  std::vector<RichTextProblem> problems;
  const RichText text = {Paragraph{{::plenary::text("{{braces}} and [^caret]")}}};
  const RichText back = parse_rich_text(write_rich_text(text), problems);
  EXPECT_THAT(problems, ElementsAre(testing::Field(&RichTextProblem::message, HasSubstr("unknown mark"))));
  EXPECT_EQ(describe(back), "{text({{braces}} and ) footnote(caret) } ");
}

}  // namespace
}  // namespace plenary
