// The meeting file as its author sees it: each bad input gives the message
// and the file:line:column that `plenary check` prints.
#include "format/meeting_file.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

namespace plenary {
namespace {

using ::testing::AllOf;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::StartsWith;

// A small valid meeting; each test below breaks one thing in it. The line
// numbers in the tests are those of this text.
constexpr std::string_view kValid = R"toml(format_version = 1

[body]
short_name = "CTOC/COP/WG.7"
name.en = "Working Group on the Smuggling of Migrants"
name.fr = "Groupe de travail sur le trafic illicite de migrants"

[meeting]
ordinal = 9
city.en = "Vienna"
city.fr = "Vienne"
start = 2022-06-27
end = 2022-06-28
time_zone = "Europe/Vienna"
languages = ["en", "fr"]

[document]
symbol = "CTOC/COP/WG.7/2022/1"
issued = 2022-03-16
original_language = "en"

[[decisions]]
id = "calendar"
by.en = "the extended Bureau"
by.fr = "le Bureau élargi"
date = 2021-07-30
approved.en = "the calendar of its meetings"
approved.fr = "le calendrier de ses réunions"

[footnotes]
hybrid.en = "Updates will be posted."
hybrid.fr = "Les actualisations seront communiquées."

[[documents]]
symbol = "CTOC/COP/WG.7/2022/2"
description.en = "Background paper"
description.fr = "Document d'information"

[[items]]
number = 1
kind = "organizational"
title.en = "Organizational matters"
title.fr = "Questions d'organisation"

[[items.subitems]]
number = "a"
kind = "opening"
title.en = "Opening of the meeting"
title.fr = "Ouverture de la réunion"
annotation.en = "The meeting will be opened on {{opening}}.[^hybrid]"
annotation.fr = "La réunion s'ouvrira le {{opening}}[^hybrid]."

[[items.subitems]]
number = "b"
kind = "adoption-of-agenda"
title.en = "Adoption of the agenda"
title.fr = "Adoption de l'ordre du jour"
annotation.en = "{{decision:calendar}}"
annotation.fr = "{{decision:calendar}}"

[[items]]
number = 2
title.en = "Good practices"
title.fr = "Bonnes pratiques"
documents = ["CTOC/COP/WG.7/2022/2"]
annotation.en = """
The Working Group may wish to share good practices.

It will have before it a background paper.
"""
annotation.fr = """
Le Groupe de travail voudra peut-être mettre en commun les bonnes pratiques.

Il sera saisi d'un document d'information.
"""

[[items]]
number = 3
kind = "review-mechanism"
title.en = "Review Mechanism"
title.fr = "Mécanisme d'examen"
no_documents = true
annotation.en = "A brief update."
annotation.fr = "Un bref point de la situation."

[[items]]
number = 4
kind = "adoption-of-report"
title.en = "Adoption of the report"
title.fr = "Adoption du rapport"
annotation.en = "The Working Group is expected to adopt a report."
annotation.fr = "Le Groupe de travail devrait adopter un rapport."

[organization]
footnote = "hybrid"

[[organization.slots]]
date = 2022-06-27
start = "10:00"
end = "13:00"
items = ["1 (a)", "1 (b)", "2"]

[[organization.slots]]
date = 2022-06-27
start = "15:00"
end = "18:00"
items = ["2", { item = "3", minutes = 60 }]

[[organization.slots]]
date = 2022-06-28
start = "10:00"
end = "13:00"
items = ["4"]
)toml";

// `text` (the valid meeting by default) with `from`, which must occur
// exactly once, replaced by `to`.
std::string with(std::string_view from, std::string_view to, std::string text = std::string(kValid)) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "not in the text: " << from;
  if (at == std::string::npos) return text;
  EXPECT_EQ(text.find(from, at + 1), std::string::npos) << "more than once in the text: " << from;
  return text.replace(at, from.size(), to);
}

// The first paragraph of the English annotation of item 2, as plain text.
std::string show_first_paragraph(std::string_view text) {
  const MeetingFile file = parse_meeting_file(text, "m.toml");
  if (!file.meeting) return "(unreadable)";
  std::string out;
  for (const Inline& in : file.meeting->items[1].annotation.at("en").at(0).content) out += in.text;
  return out;
}

// What `plenary check` prints for `text`, one diagnostic a line.
std::vector<std::string> check(std::string_view text, CheckOptions options = {}) {
  const MeetingFile file = parse_meeting_file(text, "m.toml");
  std::vector<std::string> lines;
  for (const Diagnostic& diagnostic : check_meeting_file(file, options)) lines.push_back(format_diagnostic(diagnostic));
  return lines;
}

// A diagnostic at `where` ("12:9: error") whose message contains `text`.
testing::Matcher<const std::string&> at(const std::string& where, const std::string& text) {
  return AllOf(StartsWith("m.toml:" + where + ": "), HasSubstr(text));
}

TEST(MeetingFile, TheValidMeetingIsClean) {
  EXPECT_THAT(check(kValid), IsEmpty());
  EXPECT_THAT(check(kValid, CheckOptions{.final = true}), IsEmpty());
}

TEST(MeetingFile, TheValidMeetingReadsAsWritten) {
  const MeetingFile file = parse_meeting_file(kValid, "m.toml");
  ASSERT_TRUE(file.meeting);
  const Meeting& meeting = *file.meeting;
  EXPECT_EQ(meeting.body.short_name, "CTOC/COP/WG.7");
  EXPECT_EQ(meeting.ordinal, 9);
  EXPECT_EQ(meeting.start, (Date{2022, 6, 27}));
  EXPECT_EQ(meeting.languages, (std::vector<std::string>{"en", "fr"}));
  ASSERT_EQ(meeting.items.size(), 4u);
  EXPECT_EQ(meeting.items[0].subitems.size(), 2u);
  EXPECT_EQ(meeting.items[0].subitems[1].number, 2);
  EXPECT_EQ(meeting.items[0].subitems[1].kind, ItemKind::adoption_of_agenda);
  EXPECT_TRUE(meeting.items[2].no_documents);
  ASSERT_EQ(meeting.organization.slots.size(), 3u);
  const Slot& afternoon = meeting.organization.slots[1];
  EXPECT_EQ(afternoon.start, TimeOfDay{15 * 60});
  ASSERT_EQ(afternoon.items.size(), 2u);
  EXPECT_EQ(afternoon.items[0].item, "2");
  EXPECT_TRUE(afternoon.items[0].continued);
  EXPECT_EQ(afternoon.items[1].item, "3");
  EXPECT_FALSE(afternoon.items[1].continued);
  EXPECT_EQ(afternoon.items[1].minutes, 60);
}

// ---- unknown keys, at every level

TEST(MeetingFileUnknownKey, AtTheTopLevel) {
  EXPECT_THAT(check(with("format_version = 1\n", "format_version = 1\nformat_verison = 1\n")),
              ElementsAre(at("2:1: error", "unknown key 'format_verison' in the top level; did you mean "
                                           "'format_version'?")));
}

TEST(MeetingFileUnknownKey, FarFromAnyKnownKeyListsThem) {
  EXPECT_THAT(check(with("ordinal = 9\n", "ordinal = 9\ncountry = \"Austria\"\n")),
              ElementsAre(at("10:1: error", "unknown key 'country' in [meeting]; expected one of: ordinal, title, "
                                            "city, venue, start, end, time_zone, format, languages")));
}

TEST(MeetingFileUnknownKey, InBody) {
  EXPECT_THAT(check(with("short_name = \"CTOC/COP/WG.7\"\n", "short_name = \"CTOC/COP/WG.7\"\nshortname = \"x\"\n")),
              ElementsAre(at("5:1: error", "unknown key 'shortname' in [body]; did you mean 'short_name'?")));
}

TEST(MeetingFileUnknownKey, InMeeting) {
  EXPECT_THAT(check(with("time_zone = \"Europe/Vienna\"\n", "timezone = \"Europe/Vienna\"\n")),
              ElementsAre(at("8:1: error", "[meeting] needs the key 'time_zone'"),
                          at("14:1: error", "unknown key 'timezone' in [meeting]; did you mean 'time_zone'?")));
}

TEST(MeetingFileUnknownKey, InDocument) {
  EXPECT_THAT(check(with("issued = 2022-03-16\n", "issued = 2022-03-16\nissue = 2022-03-16\n")),
              ElementsAre(at("20:1: error", "unknown key 'issue' in [document]; did you mean 'issued'?")));
}

TEST(MeetingFileUnknownKey, InItems) {
  EXPECT_THAT(check(with("number = 2\n", "number = 2\ntitel.es = \"Buenas prácticas\"\n")),
              ElementsAre(at("63:1: error", "unknown key 'titel' in [[items]]; did you mean 'title'?")));
}

TEST(MeetingFileUnknownKey, InSubitems) {
  EXPECT_THAT(check(with("number = \"b\"\n", "number = \"b\"\nkinds = \"opening\"\n")),
              ElementsAre(at("55:1: error", "unknown key 'kinds' in [[items.subitems]]; did you mean 'kind'?")));
}

TEST(MeetingFileUnknownKey, InDocuments) {
  EXPECT_THAT(check(with("description.en = \"Background paper\"\n",
                         "description.en = \"Background paper\"\nsymbols = \"x\"\n")),
              ElementsAre(at("37:1: error", "unknown key 'symbols' in [[documents]]; did you mean 'symbol'?")));
}

TEST(MeetingFileUnknownKey, InDecisions) {
  EXPECT_THAT(check(with("id = \"calendar\"\n", "id = \"calendar\"\nprocedur = \"silence\"\n")),
              ElementsAre(at("24:1: error", "unknown key 'procedur' in [[decisions]]; did you mean 'procedure'?")));
}

TEST(MeetingFileUnknownKey, InOrganization) {
  EXPECT_THAT(check(with("footnote = \"hybrid\"\n", "footnote = \"hybrid\"\nfootnotes = \"hybrid\"\n")),
              ElementsAre(at("96:1: error", "unknown key 'footnotes' in [organization]; did you mean 'footnote'?")));
}

TEST(MeetingFileUnknownKey, InSlots) {
  EXPECT_THAT(check(with("date = 2022-06-28\n", "date = 2022-06-28\nends = \"13:00\"\n")),
              ElementsAre(at("111:1: error", "unknown key 'ends' in [[organization.slots]]; did you mean 'end'?")));
  EXPECT_THAT(check(with("date = 2022-06-28\n", "date = 2022-06-28\nroom = \"M1\"\n")),
              ElementsAre(at("111:1: error", "unknown key 'room' in [[organization.slots]]; expected one of: date, "
                                             "start, end, items")));
}

TEST(MeetingFileUnknownKey, InSlotItemTables) {
  EXPECT_THAT(check(with("minutes = 60", "minute = 60")),
              ElementsAre(at("107:29: error", "unknown key 'minute' in an organization item; did you mean "
                                              "'minutes'?")));
}

// ---- wrong types

TEST(MeetingFileType, StringWhereAnIntegerIsExpected) {
  EXPECT_THAT(check(with("ordinal = 9", "ordinal = \"9\"")),
              ElementsAre(at("9:11: error", "'ordinal' should be an integer, found a string")));
  EXPECT_THAT(check(with("format_version = 1", "format_version = \"1\"")),
              ElementsAre(at("1:18: error", "'format_version' should be an integer, found a string")));
}

TEST(MeetingFileType, IntegerOutOfRange) {
  EXPECT_THAT(check(with("ordinal = 9", "ordinal = 0")),
              ElementsAre(at("9:11: error", "'ordinal' should be from 1 to 999, found 0")));
}

TEST(MeetingFileType, IntegerWhereAStringIsExpected) {
  EXPECT_THAT(check(with("time_zone = \"Europe/Vienna\"", "time_zone = 1")),
              ElementsAre(at("14:13: error", "'time_zone' should be a string, found an integer")));
}

TEST(MeetingFileType, StringWhereTextPerLanguageIsExpected) {
  EXPECT_THAT(check(with("city.en = \"Vienna\"\ncity.fr = \"Vienne\"", "city = \"Vienna\"")),
              ElementsAre(at("10:8: error", "'city' needs one text per language, e.g. city.en = \"...\" and city.fr = "
                                            "\"...\"")));
}

TEST(MeetingFileType, IntegerInTextPerLanguage) {
  // The text is left out, so the check also misses it.
  EXPECT_THAT(check(with("city.fr = \"Vienne\"", "city.fr = 1")),
              ElementsAre(at("11:11: error", "'city.fr' should be a string, found an integer"),
                          at("10:1: warning", "the city has no French text")));
}

TEST(MeetingFileType, StringWhereAnArrayIsExpected) {
  EXPECT_THAT(check(with("languages = [\"en\", \"fr\"]", "languages = \"en\"")),
              ElementsAre(at("15:13: error", "'languages' should be an array of strings, found a string")));
  EXPECT_THAT(check(with("documents = [\"CTOC/COP/WG.7/2022/2\"]", "documents = \"CTOC/COP/WG.7/2022/2\"")),
              ElementsAre(at("65:13: error", "'documents' should be an array of strings, found a string"),
                          at("35:10: warning", "document CTOC/COP/WG.7/2022/2 is declared but no item lists it")));
}

TEST(MeetingFileType, IntegerInAnArrayOfStrings) {
  EXPECT_THAT(check(with("languages = [\"en\", \"fr\"]", "languages = [\"en\", 2]")),
              ElementsAre(at("15:20: error", "'languages' should hold only strings, found an integer")));
}

TEST(MeetingFileType, TableWhereAnArrayOfTablesIsExpected) {
  EXPECT_THAT(check(with("[[decisions]]", "[decisions]")),
              Contains(at("22:1: error", "'decisions' should be an array of tables ([[decisions]]), found a table")));
}

TEST(MeetingFileType, StringWhereABooleanIsExpected) {
  EXPECT_THAT(check(with("no_documents = true", "no_documents = \"yes\"")),
              ElementsAre(at("82:16: error", "'no_documents' should be true or false, found a string")));
}

TEST(MeetingFileType, UnknownChoice) {
  EXPECT_THAT(check(with("kind = \"review-mechanism\"", "kind = \"review\"")),
              ElementsAre(at("79:8: error", "'kind' cannot be \"review\": expected one of organizational, opening, "
                                            "adoption-of-agenda, substantive, review-mechanism, other-matters, "
                                            "adoption-of-report")));
}

TEST(MeetingFileType, MissingRequiredKeyIsReportedAtItsTable) {
  EXPECT_THAT(check(with("time_zone = \"Europe/Vienna\"\n", "")),
              ElementsAre(at("8:1: error", "[meeting] needs the key 'time_zone'")));
  EXPECT_THAT(check(with("title.en = \"Good practices\"\ntitle.fr = \"Bonnes pratiques\"\n", "")),
              ElementsAre(at("61:1: error", "[[items]] needs the key 'title'")));
}

TEST(MeetingFileType, BlankText) {
  EXPECT_THAT(check(with("title.fr = \"Bonnes pratiques\"", "title.fr = \"  \"")),
              ElementsAre(at("64:12: error", "'title.fr' is empty")));
}

// ---- dates and times

TEST(MeetingFileDate, ImpossibleDateAsString) {
  EXPECT_THAT(check(with("start = 2022-06-27", "start = \"2022-13-45\"")),
              ElementsAre(at("12:9: error", "'start' is not a real date: there is no month 13 (found "
                                            "\"2022-13-45\")")));
}

TEST(MeetingFileDate, DayMonthYearString) {
  EXPECT_THAT(check(with("start = 2022-06-27", "start = \"27/06/2022\"")),
              ElementsAre(at("12:9: error", "found \"27/06/2022\"")));
}

TEST(MeetingFileDate, TwentyNinthOfFebruaryInACommonYear) {
  EXPECT_THAT(check(with("issued = 2022-03-16", "issued = \"2022-02-29\"")),
              ElementsAre(at("19:10: error", "'issued' is not a real date: February has 28 days in 2022 (found "
                                             "\"2022-02-29\")")));
}

TEST(MeetingFileDate, TheRightFormatButNoSuchDaySaysWhy) {
  EXPECT_THAT(check(with("start = 2022-06-27", "start = \"2022-06-31\"")),
              ElementsAre(at("12:9: error", "'start' is not a real date: June has 30 days (found \"2022-06-31\")")));
  EXPECT_THAT(check(with("start = 2022-06-27", "start = 2022-06-31")),
              ElementsAre(AllOf(StartsWith("m.toml:12:"),
                                HasSubstr("error: not valid TOML: 2022-06-31 is not a real date: June has 30 days"))));
  EXPECT_THAT(check(with("start = 2022-06-27", "start = 2022-13-01")),
              ElementsAre(HasSubstr("error: not valid TOML: 2022-13-01 is not a real date: there is no month 13")));
}

TEST(MeetingFileDate, ImpossibleTomlDateIsNotToml) {
  const std::string text = with("start = 2022-06-27", "start = 2022-13-45");
  const MeetingFile file = parse_meeting_file(text, "m.toml");
  EXPECT_TRUE(file.unreadable);
  EXPECT_FALSE(file.meeting);
  EXPECT_THAT(check(text), ElementsAre(at("12:16: error", "not valid TOML: 2022-13-45 is not a real date: there is no month 13")));
}

TEST(MeetingFileDate, NumberOrDateTimeWhereADateIsExpected) {
  EXPECT_THAT(check(with("issued = 2022-03-16", "issued = 20220316")),
              ElementsAre(at("19:10: error", "'issued' should be a date such as 2022-06-27, found an integer")));
  EXPECT_THAT(check(with("issued = 2022-03-16", "issued = 2022-03-16T10:00:00")),
              ElementsAre(at("19:10: error", "'issued' should be a date such as 2022-06-27, found a date and time")));
}

TEST(MeetingFileTime, HourPastMidnight) {
  EXPECT_THAT(check(with("date = 2022-06-27\nstart = \"10:00\"", "date = 2022-06-27\nstart = \"25:00\"")),
              ElementsAre(at("99:9: error", "'start' should be a time written as HH:MM (e.g. \"10:00\"), found "
                                            "\"25:00\"")));
}

TEST(MeetingFileTime, HourWithoutMinutes) {
  EXPECT_THAT(check(with("date = 2022-06-27\nstart = \"10:00\"", "date = 2022-06-27\nstart = \"10h\"")),
              ElementsAre(at("99:9: error", "found \"10h\"")));
}

TEST(MeetingFileTime, OneDigitMinutes) {
  EXPECT_THAT(check(with("start = \"15:00\"\nend = \"18:00\"", "start = \"15:00\"\nend = \"18:0\"")),
              ElementsAre(at("106:7: error", "'end' should be a time written as HH:MM (e.g. \"10:00\"), found "
                                             "\"18:0\"")));
  EXPECT_THAT(check(with("start = \"15:00\"\nend = \"18:00\"", "start = \"15:00\"\nend = \"10:5\"")),
              ElementsAre(at("106:7: error", "found \"10:5\"")));
}

TEST(MeetingFileTime, TomlTimesAreAccepted) {
  const std::string text = with("start = \"15:00\"\nend = \"18:00\"", "start = 15:00:00\nend = 18:00:00");
  EXPECT_THAT(check(text), IsEmpty());
  EXPECT_EQ(parse_meeting_file(text, "m.toml").meeting->organization.slots[1].end, TimeOfDay{18 * 60});
}

TEST(MeetingFileTime, NumberWhereATimeIsExpected) {
  EXPECT_THAT(check(with("start = \"15:00\"", "start = 15")),
              ElementsAre(at("105:9: error", "'start' should be a time such as \"10:00\", found an integer")));
}

// ---- what is not a readable meeting file

TEST(MeetingFileUnreadable, RawFFByteInAString) {
  const std::string text = with("city.en = \"Vienna\"", "city.en = \"Vie\xFFnna\"");
  const MeetingFile file = parse_meeting_file(text, "m.toml");
  EXPECT_TRUE(file.unreadable);
  EXPECT_FALSE(file.meeting);
  EXPECT_THAT(check(text), ElementsAre(at("10:15: error", "not valid UTF-8 (byte 0xFF)")));
}

TEST(MeetingFileUnreadable, TruncatedMultiByteSequence) {
  // "é" is C3 A9; here the C3 is followed by the closing quote.
  const std::string text = with("city.en = \"Vienna\"", "city.en = \"Vienn\xC3\"");
  EXPECT_TRUE(parse_meeting_file(text, "m.toml").unreadable);
  EXPECT_THAT(check(text), ElementsAre(at("10:17: error", "not valid UTF-8 (byte 0xC3)")));
}

TEST(MeetingFileUnreadable, BadUtf8AfterMultiByteCharactersCountsCharacters) {
  // Columns count characters: "é" is one column, as toml++ counts them.
  const std::string text = with("by.fr = \"le Bureau élargi\"", "by.fr = \"le Bureau élargi\xE2\x82\"");
  EXPECT_THAT(check(text), ElementsAre(at("25:26: error", "not valid UTF-8 (byte 0xE2)")));
}

TEST(MeetingFileUnreadable, OverlongEncodingAndSurrogates) {
  EXPECT_THAT(check(with("city.en = \"Vienna\"", "city.en = \"\xC0\xAF\"")),
              ElementsAre(at("10:12: error", "not valid UTF-8 (byte 0xC0)")));
  EXPECT_THAT(check(with("city.en = \"Vienna\"", "city.en = \"\xED\xA0\x80\"")),
              ElementsAre(at("10:12: error", "not valid UTF-8 (byte 0xED)")));
}

TEST(MeetingFileUnreadable, NonAsciiOutsideStrings) {
  // TOML allows non-ASCII characters only in strings and comments; toml++ 3.3
  // has undefined behaviour on some of them elsewhere, so they are caught first.
  const std::string text = with("city.fr = \"Vienne\"", "city.fr = \"Vienne\"é");
  EXPECT_TRUE(parse_meeting_file(text, "m.toml").unreadable);
  EXPECT_THAT(check(text), ElementsAre(at("11:19: error", "not valid TOML: 'é' outside a quoted string or comment")));
  EXPECT_THAT(check(with("ordinal = 9", "ordinal = 9\nréunion = 9")),
              ElementsAre(at("10:2: error", "'é' outside a quoted string or comment")));
  EXPECT_THAT(check(with("city.fr = \"Vienne\"", "city.fr = Vienne")), ElementsAre(at("11:11: error", "not valid "
                                                                                                           "TOML")));
}

TEST(MeetingFileUnreadable, NonAsciiInCommentsAndQuotedKeys) {
  EXPECT_THAT(check("# Réunion « hybride »\n" + std::string(kValid)), IsEmpty());
  EXPECT_THAT(check(with("city.fr = \"Vienne\"", "city.fr = \"Vienne\" # « Wien »")), IsEmpty());
  EXPECT_THAT(check(with("city.fr = \"Vienne\"", "city.\"fr\" = 'Vienne'\n\"clé\" = \"x\"")),
              ElementsAre(at("12:1: error", "unknown key 'clé' in [meeting]")));
}

TEST(MeetingFileUnreadable, NonAsciiAfterALineEndingBackslash) {
  const std::string continued = with("The Working Group may wish to share good practices.",
                                     "The Working Group may wish \\\n  to share good practices.");
  EXPECT_THAT(check(continued), IsEmpty());
  EXPECT_EQ(show_first_paragraph(continued), "The Working Group may wish to share good practices.");
  EXPECT_THAT(check(with("The Working Group may wish to share good practices.",
                         "The Working Group may wish \\\n  à share good practices.")),
              ElementsAre(at("68:3: error", "a line ending with a backslash cannot be followed by one starting with "
                                            "'à'")));
}

TEST(MeetingFileUnreadable, QuotesInsideStringsDoNotConfuseTheScanner) {
  // Content: Un « bref » point """ et "" de la situation."" then l'été.
  const std::string text =
      with("annotation.fr = \"Un bref point de la situation.\"",
           "annotation.fr = \"\"\"Un « bref » point \\\"\"\" et \"\" de la situation.\"\"\"\"\"\n"
           "venue.fr = '''l'été'''");
  EXPECT_THAT(check(text), ElementsAre(at("85:1: error", "unknown key 'venue' in [[items]]")));
}

TEST(MeetingFileUnreadable, MalformedDateTimeIsReportedNotAsserted) {
  // toml++ 3.3 asserts on this one unless its assertions are left out.
  const std::string text = with("end = 2022-06-28", "end = 2022-06-28Tq0:00:00");
  EXPECT_TRUE(parse_meeting_file(text, "m.toml").unreadable);
  EXPECT_THAT(check(text), ElementsAre(at("13:18: error", "not valid TOML: Error while parsing time: expected 2-digit "
                                                          "hour, found 'q'")));
}

TEST(MeetingFileUnreadable, ControlCharactersAreNamed) {
  const std::string message = check(with("ordinal = 9", "ordinal = 9\rx")).at(0);
  EXPECT_THAT(message, StartsWith("m.toml:9:"));
  EXPECT_THAT(message, HasSubstr("a carriage return"));
  EXPECT_THAT(message, testing::Not(HasSubstr("saw")));
  EXPECT_THAT(message, testing::Not(HasSubstr("\\r")));
  EXPECT_THAT(check(with("ordinal = 9", "ordinal\x01 = 9")),
              ElementsAre(at("9:8: error", "expected '=', found the control character U+0001")));
}

TEST(MeetingFileUnreadable, QuoteInsideABareValue) {
  // toml++ reads 9"é" as one bare value, up to the next space.
  EXPECT_THAT(check(with("ordinal = 9", "ordinal = 9\"é\"")),
              ElementsAre(at("9:13: error", "not valid TOML: 'é' outside a quoted string or comment")));
}

TEST(MeetingFileUnreadable, NonAsciiEscape) {
  EXPECT_THAT(check(with("annotation.en = \"A brief update.\"", "annotation.en = \"A brief \\é update.\"")),
              ElementsAre(at("83:26: error", "not valid TOML: '\\é' is not an escape sequence")));
}

TEST(MeetingFileUnreadable, CompactKeysValuesAndInlineTablesAreRead) {
  const std::string text = std::string(kValid) + "x = {}\ny=[{a=\"é\"},'ü']\n";
  EXPECT_THAT(check(text), ElementsAre(at("114:1: error", "unknown key 'x' in [[organization.slots]]"),
                                       at("115:1: error", "unknown key 'y' in [[organization.slots]]")));
}

TEST(MeetingFileUnreadable, ByteOrderMarkIsAccepted) {
  EXPECT_THAT(check("\xEF\xBB\xBF" + std::string(kValid)), IsEmpty());
}

TEST(MeetingFileUnreadable, TooLarge) {
  const std::string text(kMaxMeetingFileBytes + 1, '#');
  const auto begin = std::chrono::steady_clock::now();
  const MeetingFile file = parse_meeting_file(text, "m.toml");
  const auto elapsed = std::chrono::steady_clock::now() - begin;
  EXPECT_TRUE(file.unreadable);
  EXPECT_FALSE(file.meeting);
  EXPECT_THAT(check(text), ElementsAre(at("1:1: error", "the file is too large: a meeting file may have at most "
                                                        "8388608 bytes")));
  EXPECT_LT(elapsed, std::chrono::seconds(1));
}

TEST(MeetingFileUnreadable, TomlSyntaxError) {
  const std::string text = with("ordinal = 9", "ordinal = = 9");
  EXPECT_TRUE(parse_meeting_file(text, "m.toml").unreadable);
  EXPECT_THAT(check(text), ElementsAre(at("9:11: error", "not valid TOML: Error while parsing value")));
}

TEST(MeetingFileUnreadable, UnclosedTableHeader) {
  EXPECT_THAT(check(with("[meeting]", "[meeting")), ElementsAre(at("8:9: error", "not valid TOML")));
}

TEST(MeetingFileUnreadable, DuplicateKey) {
  const std::string text = with("ordinal = 9\n", "ordinal = 9\nordinal = 10\n");
  EXPECT_TRUE(parse_meeting_file(text, "m.toml").unreadable);
  EXPECT_THAT(check(text), ElementsAre(at("10:11: error", "cannot redefine existing integer 'ordinal'")));
}

TEST(MeetingFileUnreadable, DuplicateLanguageText) {
  EXPECT_THAT(check(with("city.fr = \"Vienne\"\n", "city.fr = \"Vienne\"\ncity.fr = \"Vienne\"\n")),
              ElementsAre(at("12:11: error", "cannot redefine existing string 'city.fr'")));
}

TEST(MeetingFileUnreadable, DuplicateTable) {
  EXPECT_THAT(check(with("[document]\n", "[meeting]\n[document]\n")),
              ElementsAre(at("17:1: error", "cannot redefine existing table 'meeting'")));
}

TEST(MeetingFile, EmptyFile) {
  const MeetingFile file = parse_meeting_file("", "m.toml");
  EXPECT_FALSE(file.unreadable);
  EXPECT_THAT(check(""), ElementsAre(at("1:1: error", "the file is empty: a meeting file needs at least [body], "
                                                      "[meeting], [document] and [[items]]")));
}

TEST(MeetingFile, OnlyWhitespaceAndComments) {
  EXPECT_THAT(check("\n   \n# the meeting of 2023, to be written\n\t\n"),
              ElementsAre(at("1:1: error", "the file is empty")));
}

TEST(MeetingFile, FormatVersion) {
  EXPECT_THAT(check(with("format_version = 1", "format_version = 2")),
              ElementsAre(at("1:18: error", "format_version 2 is not supported: expected 1")));
  EXPECT_THAT(check(with("format_version = 1\n", "")),
              ElementsAre(at("1:1: error", "the top level needs the key 'format_version'")));
}

// ---- numbering

TEST(MeetingFileNumbering, DuplicateItemNumber) {
  EXPECT_THAT(check(with("number = 3\n", "number = 2\n")),
              Contains(at("78:10: error", "duplicate or out-of-order item number 2: expected 3")));
}

TEST(MeetingFileNumbering, ItemNumbersSkipOne) {
  EXPECT_THAT(check(with("number = 2\n", "number = 3\n")),
              Contains(at("62:10: error", "item number 3 skips numbers: expected 2")));
}

TEST(MeetingFileNumbering, DuplicateSubitemLetter) {
  EXPECT_THAT(check(with("number = \"b\"", "number = \"a\"")),
              Contains(at("54:10: error", "duplicate or out-of-order sub-item letter a of item 1: expected b")));
}

TEST(MeetingFileNumbering, SubitemLettersSkipOne) {
  EXPECT_THAT(check(with("number = \"b\"", "number = \"c\"")),
              Contains(at("54:10: error", "sub-item letter c of item 1 skips letters: expected b")));
}

TEST(MeetingFileNumbering, SubitemLetterMustBeLowercase) {
  EXPECT_THAT(check(with("number = \"b\"", "number = \"B\"")),
              Contains(at("54:10: error", "a sub-item number is a lowercase letter such as \"a\", found \"B\"")));
}

TEST(MeetingFileNumbering, SubitemLetterCannotBeADigit) {
  EXPECT_THAT(check(with("number = \"b\"", "number = \"1\"")),
              Contains(at("54:10: error", "a sub-item number is a lowercase letter such as \"a\", found \"1\"")));
  EXPECT_THAT(check(with("number = \"b\"", "number = 2")),
              Contains(at("54:10: error", "'number' should be a string, found an integer")));
}

// ---- documents

TEST(MeetingFileDocuments, DeclaredTwice) {
  EXPECT_THAT(check(with("[[items]]\nnumber = 1\n",
                         "[[documents]]\nsymbol = \"CTOC/COP/WG.7/2022/2\"\ndescription.en = \"Again\"\n"
                         "description.fr = \"Encore\"\n\n[[items]]\nnumber = 1\n")),
              ElementsAre(at("40:10: error", "document CTOC/COP/WG.7/2022/2 is declared twice")));
}

TEST(MeetingFileDocuments, InvalidSymbol) {
  const std::string text = with("documents = [\"CTOC/COP/WG.7/2022/2\"]", "documents = [\"ctoc/COP/WG.7/2022/2\"]",
                                with("symbol = \"CTOC/COP/WG.7/2022/2\"", "symbol = \"ctoc/COP/WG.7/2022/2\""));
  EXPECT_THAT(check(text), ElementsAre(at("35:10: error", "'ctoc/COP/WG.7/2022/2' is not a valid UN document symbol: "
                                                          "series 'ctoc' must be in capital letters")));
}

TEST(MeetingFileDocuments, InvalidAgendaSymbol) {
  EXPECT_THAT(check(with("symbol = \"CTOC/COP/WG.7/2022/1\"", "symbol = \"CTOC//1\"")),
              ElementsAre(at("18:10: error", "'CTOC//1' is not a valid UN document symbol")));
}

TEST(MeetingFileDocuments, ItemRefersToAnUndeclaredDocument) {
  EXPECT_THAT(check(with("documents = [\"CTOC/COP/WG.7/2022/2\"]",
                         "documents = [\"CTOC/COP/WG.7/2022/2\", \"CTOC/COP/WG.7/2022/3\"]")),
              ElementsAre(at("65:38: error", "item 2 lists document CTOC/COP/WG.7/2022/3, which is not among the "
                                             "meeting's documents")));
}

TEST(MeetingFileDocuments, DeclaredButNeverListed) {
  EXPECT_THAT(check(with("documents = [\"CTOC/COP/WG.7/2022/2\"]\n", "")),
              ElementsAre(at("35:10: warning", "document CTOC/COP/WG.7/2022/2 is declared but no item lists it")));
}

// ---- meetings (slots) of the organization of work

TEST(MeetingFileSlots, OutsideTheMeetingDates) {
  EXPECT_THAT(check(with("date = 2022-06-28", "date = 2022-06-29")),
              ElementsAre(at("110:8: error", "2022-06-29 is outside the meeting's dates (2022-06-27 to 2022-06-28)")));
}

TEST(MeetingFileSlots, EndBeforeStart) {
  EXPECT_THAT(check(with("end = \"18:00\"", "end = \"14:00\"")),
              ElementsAre(at("106:7: error", "the meeting ends at 14:00, not after it starts at 15:00")));
}

TEST(MeetingFileSlots, Overlapping) {
  EXPECT_THAT(check(with("start = \"15:00\"", "start = \"12:30\"")),
              ElementsAre(at("105:9: error", "this meeting (2022-06-27 12:30) starts before the previous one ends "
                                             "(2022-06-27 13:00): meetings must be in order and must not overlap")));
}

TEST(MeetingFileSlots, OutOfOrder) {
  const std::string text = with("date = 2022-06-28\nstart = \"10:00\"", "date = 2022-06-27\nstart = \"10:00\"",
                                with("date = 2022-06-27\nstart = \"15:00\"", "date = 2022-06-28\nstart = \"15:00\""));
  EXPECT_THAT(check(text), ElementsAre(at("111:9: error", "this meeting (2022-06-27 10:00) starts before the "
                                                          "previous one ends (2022-06-28 18:00)")));
}

TEST(MeetingFileSlots, ItemThatIsNotAnItemNumber) {
  EXPECT_THAT(check(with("items = [\"4\"]", "items = [\"4\", \"four\"]")),
              ElementsAre(at("113:15: error", "\"four\" is not an item number: expected e.g. \"2\" or \"1 (a)\"")));
  EXPECT_THAT(check(with("items = [\"4\"]", "items = [\"4\", 5]")),
              ElementsAre(at("113:15: error", "each organization item should be an item number such as \"1 (a)\", "
                                              "found an integer")));
}

TEST(MeetingFileSlots, ItemTableWithoutItem) {
  EXPECT_THAT(check(with("{ item = \"3\", minutes = 60 }", "{ minutes = 60 }")),
              ElementsAre(at("107:15: error", "an organization item needs the key 'item'"),
                          at("113:10: error", "the organization of work skips item 3 before item 4")));
}

// ---- the organization of work follows the agenda

TEST(MeetingFileOrganization, SkipsAnItem) {
  EXPECT_THAT(check(with("items = [\"1 (a)\", \"1 (b)\", \"2\"]", "items = [\"1 (a)\", \"2\"]")),
              ElementsAre(at("101:19: error", "the organization of work skips item 1 (b) before item 2")));
}

TEST(MeetingFileOrganization, ReordersItems) {
  EXPECT_THAT(check(with("items = [\"1 (a)\", \"1 (b)\", \"2\"]", "items = [\"1 (b)\", \"1 (a)\", \"2\"]")),
              ElementsAre(at("101:10: error", "the organization of work skips item 1 (a) before item 1 (b)"),
                          at("101:19: error", "item 1 (a) comes after item 1 (b): the organization of work must "
                                              "follow the agenda order")));
}

TEST(MeetingFileOrganization, TakesAnItemUpAgainAfterLaterOnes) {
  EXPECT_THAT(check(with("items = [\"4\"]", "items = [\"4\", \"2\"]")),
              ElementsAre(at("113:15: error", "item 2 is taken up again after later items")));
}

TEST(MeetingFileOrganization, NeverTakesUpTheLastItem) {
  EXPECT_THAT(check(with("items = [\"4\"]", "items = [\"3\"]")),
              ElementsAre(at("97:1: error", "the organization of work never takes up item 4")));
}

TEST(MeetingFileOrganization, NamesAnUnknownItem) {
  EXPECT_THAT(check(with("items = [\"4\"]", "items = [\"4\", \"5\"]")),
              ElementsAre(at("113:15: error", "there is no item 5 on the agenda")));
  EXPECT_THAT(check(with("items = [\"4\"]", "items = [\"4\", \"2 (a)\"]")),
              ElementsAre(at("113:15: error", "there is no item 2 (a) on the agenda")));
}

TEST(MeetingFileOrganization, NamesAnItemThatHasSubitems) {
  EXPECT_THAT(check(with("items = [\"1 (a)\", \"1 (b)\", \"2\"]", "items = [\"1\", \"2\"]")),
              ElementsAre(at("101:10: error", "item 1 has sub-items: take up 1 (a) instead"),
                          at("101:15: error", "the organization of work skips items 1 (a), 1 (b) before item 2")));
}

TEST(MeetingFileOrganization, ItemListedTwiceInOneMeeting) {
  EXPECT_THAT(check(with("items = [\"4\"]", "items = [\"4\", \"4\"]")),
              ElementsAre(at("113:15: error", "item 4 is listed twice in the same meeting")));
}

TEST(MeetingFileOrganization, ItemNumbersAsPeopleWriteThem) {
  EXPECT_THAT(check(with("items = [\"1 (a)\", \"1 (b)\", \"2\"]", "items = [\"1(a)\", \"1 b)\", \"2\"]")), IsEmpty());
}

TEST(MeetingFileOrganization, UndefinedAnnexFootnote) {
  EXPECT_THAT(check(with("footnote = \"hybrid\"", "footnote = \"hybird\"")),
              ElementsAre(at("95:12: error", "the organization of work calls footnote 'hybird', but the "
                                             "meeting has no such footnote")));
}

// ---- rules of the reference agenda

TEST(MeetingFileRules, OneReviewMechanismItemPerMeeting) {
  EXPECT_THAT(check(with("number = 2\n", "number = 2\nkind = \"review-mechanism\"\n")),
              ElementsAre(at("80:8: error", "items 2 and 3 are both review-mechanism items; a working group devotes "
                                            "no more than one agenda item per meeting to the review process")));
}

TEST(MeetingFileRules, AdoptionOfTheReportComesLast) {
  const std::string text = with("kind = \"review-mechanism\"", "kind = \"adoption-of-report\"",
                                with("kind = \"adoption-of-report\"", "kind = \"other-matters\""));
  EXPECT_THAT(check(text), ElementsAre(at("79:8: error", "the adoption of the report (item 3) must be the last item; "
                                                         "item 4 follows it")));
}

// ---- languages

TEST(MeetingFileLanguages, MissingTitleIsAWarning) {
  EXPECT_THAT(check(with("title.fr = \"Bonnes pratiques\"\n", "")),
              ElementsAre(AllOf(at("63:1: warning", "the title of item 2 has no French text"),
                                testing::Not(HasSubstr("--final")))));
}

TEST(MeetingFileLanguages, MissingTitleIsAnErrorInAFinalDocument) {
  EXPECT_THAT(check(with("title.fr = \"Bonnes pratiques\"\n", ""), CheckOptions{.final = true}),
              ElementsAre(AllOf(at("63:1: error", "the title of item 2 has no French text"),
                                testing::Not(HasSubstr("--final")))));
}

TEST(MeetingFileLanguages, MissingAnnotationAndFootnoteText) {
  EXPECT_THAT(check(with("annotation.fr = \"Un bref point de la situation.\"\n", "")),
              ElementsAre(at("83:1: warning", "the annotation of item 3 has no French text")));
  EXPECT_THAT(check(with("hybrid.fr = \"Les actualisations seront communiquées.\"\n", "")),
              ElementsAre(at("31:1: warning", "footnote 'hybrid' has no French text")));
}

TEST(MeetingFileLanguages, UnknownLanguageCode) {
  EXPECT_THAT(check(with("languages = [\"en\", \"fr\"]", "languages = [\"en\", \"fr\", \"de\"]")),
              ElementsAre(at("15:26: error", "unknown language 'de': expected one of ar, zh, en, fr, ru, es")));
}

TEST(MeetingFileLanguages, UnknownLanguageInAText) {
  EXPECT_THAT(check(with("title.fr = \"Bonnes pratiques\"\n",
                         "title.fr = \"Bonnes pratiques\"\ntitle.de = \"Gute Praktiken\"\n")),
              ElementsAre(at("65:7: error", "unknown language 'de' in 'title': expected one of ar, zh, en, fr, ru, "
                                            "es")));
}

TEST(MeetingFileLanguages, LanguageListedTwice) {
  EXPECT_THAT(check(with("languages = [\"en\", \"fr\"]", "languages = [\"en\", \"fr\", \"en\"]")),
              ElementsAre(at("15:26: error", "language 'en' is listed twice")));
}

TEST(MeetingFileLanguages, NoLanguage) {
  EXPECT_THAT(check(with("languages = [\"en\", \"fr\"]", "languages = []")),
              ElementsAre(at("15:13: error", "'languages' should name at least one language")));
}

TEST(MeetingFileLanguages, OriginalLanguageMustBeOfficial) {
  EXPECT_THAT(check(with("original_language = \"en\"", "original_language = \"english\"")),
              ElementsAre(at("20:21: error", "unknown language 'english'")));
}

// ---- annotation text

TEST(MeetingFileText, CallToAnUndefinedFootnote) {
  EXPECT_THAT(check(with("opened on {{opening}}.[^hybrid]", "opened on {{opening}}.[^hybird]")),
              ElementsAre(at("50:17: error", "the text calls footnote [^hybird], but the meeting has no "
                                             "footnote 'hybird'")));
}

TEST(MeetingFileText, CitationOfAnUndefinedDecision) {
  EXPECT_THAT(check(with("annotation.en = \"{{decision:calendar}}\"", "annotation.en = \"{{decision:calender}}\"")),
              ElementsAre(at("58:17: error", "the text cites decision {{decision:calender}}, but the meeting "
                                             "has no decision 'calender'")));
}

TEST(MeetingFileText, UnknownMark) {
  EXPECT_THAT(check(with("annotation.en = \"{{decision:calendar}}\"", "annotation.en = \"{{decision:calendar}} "
                                                                      "{{closing}}\"")),
              ElementsAre(at("58:17: error", "unknown mark '{{closing}}': expected {{opening}} or {{decision:id}}")));
}

TEST(MeetingFileText, MalformedFootnoteCall) {
  EXPECT_THAT(check(with("{{opening}}.[^hybrid]", "{{opening}}.[^hy brid]")),
              ElementsAre(at("50:17: error", "a footnote call must look like [^id]")));
}

TEST(MeetingFileText, ListInAMultiLineAnnotationIsReportedOnItsLine) {
  EXPECT_THAT(check(with("It will have before it", "- It will have before it")),
              ElementsAre(at("69:1: error", "only paragraphs are allowed here, found a list")));
}

TEST(MeetingFileText, HeadingInAMultiLineAnnotationIsReportedOnItsLine) {
  EXPECT_THAT(check(with("The Working Group may wish", "# The Working Group may wish")),
              ElementsAre(at("67:1: error", "only paragraphs are allowed here, found a heading")));
}

TEST(MeetingFileText, MultiLineStringStartingOnTheKeyLine) {
  EXPECT_THAT(check(with("annotation.en = \"\"\"\nThe Working Group may wish to share good practices.\n\nIt will",
                         "annotation.en = \"\"\"The Working Group may wish to share good practices.\n\n# It will")),
              ElementsAre(at("68:1: error", "found a heading")));
  EXPECT_THAT(check(with("annotation.en = \"\"\"\nThe Working Group", "annotation.en = \"\"\"# The Working Group")),
              ElementsAre(at("66:17: error", "found a heading")));
}

TEST(MeetingFileText, LiteralMultiLineString) {
  const std::string text =
      with("annotation.en = \"\"\"\nThe Working Group may wish to share good practices.\n\nIt will have before it a "
           "background paper.\n\"\"\"",
           "annotation.en = '''\nThe Working Group may wish to share good practices.\n\n> It will have before it a "
           "background paper.\n'''");
  EXPECT_THAT(check(text), ElementsAre(at("69:1: error", "only paragraphs are allowed here, found a block quote")));
}

TEST(MeetingFileText, MarkOnTheSecondLineOfAParagraph) {
  EXPECT_THAT(check(with("It will have before it a background paper.",
                         "It will have before it\na background paper {{opening.")),
              ElementsAre(at("70:1: error", "a mark opened with '{{' is not closed with '}}'")));
}

TEST(MeetingFileText, BlockElementInAOneLineString) {
  // Escapes cannot be mapped to lines: the string's start is reported.
  EXPECT_THAT(check(with("annotation.en = \"{{decision:calendar}}\"", "annotation.en = \"- {{decision:calendar}}\"")),
              ElementsAre(at("58:17: error", "only paragraphs are allowed here, found a list")));
  EXPECT_THAT(check(with("annotation.en = \"{{decision:calendar}}\"",
                         "annotation.en = \"{{decision:calendar}}\\n\\n## Next\"")),
              ElementsAre(at("58:17: error", "found a heading")));
}

TEST(MeetingFileText, HtmlAndImages) {
  EXPECT_THAT(check(with("annotation.en = \"{{decision:calendar}}\"",
                         "annotation.en = \"{{decision:calendar}} <b>now</b>\"")),
              ElementsAre(at("58:17: error", "HTML is not allowed in annotation text")));
  EXPECT_THAT(check(with("annotation.en = \"{{decision:calendar}}\"",
                         "annotation.en = \"{{decision:calendar}} ![logo](logo.png)\"")),
              ElementsAre(at("58:17: error", "an image is not allowed in annotation text")));
}

TEST(MeetingFileText, FootnoteTextIsCheckedToo) {
  EXPECT_THAT(check(with("hybrid.en = \"Updates will be posted.\"", "hybrid.en = \"Updates will be posted.[^x]\"")),
              ElementsAre(at("31:13: error", "the text calls footnote [^x], but the meeting has no footnote 'x'")));
  EXPECT_THAT(check(with("hybrid.en = \"Updates will be posted.\"\nhybrid.fr = \"Les actualisations seront "
                         "communiquées.\"",
                         "hybrid = \"Updates will be posted.\"")),
              ElementsAre(at("31:10: error", "'hybrid' needs one text per language, e.g. hybrid.en = \"...\" and "
                                             "hybrid.fr = \"...\"")));
}

// ---- the example meeting

TEST(MeetingFileExample, LoadsWithoutFindings) {
  const MeetingFile file = load_meeting_file(PLENARY_SOURCE_DIR "/examples/ctoc-wg7-2022/meeting.toml");
  ASSERT_FALSE(file.unreadable);
  ASSERT_TRUE(file.meeting);
  EXPECT_THAT(check_meeting_file(file, {}), IsEmpty());
  EXPECT_THAT(check_meeting_file(file, CheckOptions{.final = true}), IsEmpty());

  const Meeting& meeting = *file.meeting;
  EXPECT_EQ(meeting.items.size(), 6u);
  std::vector<std::string> keys;
  for (const auto& [key, item] : schedulable_items(meeting)) keys.push_back(key);
  EXPECT_THAT(keys, ElementsAre("1 (a)", "1 (b)", "2", "3", "4", "5", "6"));
  EXPECT_EQ(meeting.documents.size(), 2u);
  EXPECT_EQ(meeting.decisions.size(), 2u);
  EXPECT_EQ(meeting.footnotes.size(), 2u);
  ASSERT_EQ(meeting.organization.slots.size(), 4u);

  // Items 2 and 3 run over two meetings each and are continued there.
  std::vector<std::string> continued;
  for (size_t s = 0; s < meeting.organization.slots.size(); ++s)
    for (const SlotItem& item : meeting.organization.slots[s].items)
      if (item.continued) continued.push_back(item.item + " in slot " + std::to_string(s + 1));
  EXPECT_THAT(continued, ElementsAre("2 in slot 2", "3 in slot 3"));
}

// ---- item keys

TEST(ParseItemKey, AcceptsTheWaysPeopleWriteThem) {
  EXPECT_EQ(parse_item_key("1 (a)"), "1 (a)");
  EXPECT_EQ(parse_item_key("1(a)"), "1 (a)");
  EXPECT_EQ(parse_item_key("1 a)"), "1 (a)");
  EXPECT_EQ(parse_item_key("1a"), "1 (a)");
  EXPECT_EQ(parse_item_key("1 a"), "1 (a)");
  EXPECT_EQ(parse_item_key("2"), "2");
  EXPECT_EQ(parse_item_key("12 (aa)"), "12 (aa)");
}

TEST(ParseItemKey, RejectsWhatIsNotAnItemNumber) {
  for (const char* text : {"", "0", "a", "(a)", "1 (A)", "1 (a", "1 ((a)", "1 (a))", "1 ()", "1 )", "1 (", "2 ",
                           " 2", "-1", "1.a", "1 (a) (b)", "1 (abcd)", "99999"})
    EXPECT_EQ(parse_item_key(text), std::nullopt) << '"' << text << '"';
}

// ---- files on disk

TEST(LoadMeetingFile, MissingFile) {
  const std::string path = testing::TempDir() + "/no-such-meeting.toml";
  const MeetingFile file = load_meeting_file(path);
  EXPECT_TRUE(file.unreadable);
  EXPECT_FALSE(file.meeting);
  ASSERT_EQ(file.diagnostics.size(), 1u);
  EXPECT_EQ(format_diagnostic(file.diagnostics[0]),
            path + ":1:1: error: cannot open the file: No such file or directory");
}

TEST(LoadMeetingFile, Directory) {
  const std::string path = testing::TempDir();
  const MeetingFile file = load_meeting_file(path);
  EXPECT_TRUE(file.unreadable);
  ASSERT_EQ(file.diagnostics.size(), 1u);
  EXPECT_EQ(format_diagnostic(file.diagnostics[0]), path + ":1:1: error: cannot read a directory as a meeting file");
}

TEST(LoadMeetingFile, TooLargeFile) {
  const std::string path = testing::TempDir() + "/huge-meeting.toml";
  {
    std::ofstream out(path, std::ios::binary);
    out << kValid << std::string(kMaxMeetingFileBytes, '#');
  }
  const MeetingFile file = load_meeting_file(path);
  std::filesystem::remove(path);
  EXPECT_TRUE(file.unreadable);
  ASSERT_EQ(file.diagnostics.size(), 1u);
  EXPECT_THAT(file.diagnostics[0].message, HasSubstr("the file is too large"));
}

TEST(LoadMeetingFile, NamesTheFileInDiagnostics) {
  const std::string path = testing::TempDir() + "/bad-meeting.toml";
  {
    std::ofstream out(path, std::ios::binary);
    out << with("ordinal = 9", "ordinal = \"9\"");
  }
  const MeetingFile file = load_meeting_file(path);
  std::filesystem::remove(path);
  EXPECT_FALSE(file.unreadable);
  EXPECT_THAT(check_meeting_file(file, {}),
              ElementsAre(testing::ResultOf(format_diagnostic, path + ":9:11: error: 'ordinal' should be an integer, "
                                                                      "found a string")));
}

}  // namespace
}  // namespace plenary

namespace plenary {
namespace {

TEST(MeetingFileIds, FootnoteAndDecisionIdsMustBeCallable) {
  EXPECT_THAT(check(with("hybrid.en = \"Updates will be posted.\"\nhybrid.fr = \"Les actualisations seront "
                         "communiquées.\"",
                         "\"hy brid\".en = \"Updates will be posted.\"\n\"hy brid\".fr = \"Les actualisations "
                         "seront communiquées.\"")),
              Contains(at("31:1: error", "footnote id 'hy brid' cannot be called")));
  EXPECT_THAT(check(with("id = \"calendar\"", "id = \"the calendar\"")),
              Contains(at("23:6: error", "decision id 'the calendar' cannot be cited")));
}

TEST(MeetingFileOrganization, AMeetingWithNoItemIsAWarning) {
  EXPECT_THAT(check(with("items = [\"4\"]", "items = []")),
              Contains(at("113:9: warning", "the meeting on 2022-06-28 at 10:00 takes up no item")));
}

}  // namespace
}  // namespace plenary
