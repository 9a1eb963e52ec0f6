// The meeting written as a meeting file and read back: the same meeting,
// whatever its texts hold.
#include "format/meeting_toml.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>

#include "format/meeting_file.h"
#include "format/meeting_json.h"
#include "format/test_meetings.h"

namespace plenary {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::vector<std::string> errors_of(const MeetingFile& file) {
  std::vector<std::string> lines;
  for (const Diagnostic& d : check_meeting_file(file, {}))
    if (d.severity == Severity::error) lines.push_back(format_diagnostic(d));
  return lines;
}

Meeting read_toml(std::string_view toml, const std::string& name) {
  const MeetingFile file = parse_meeting_file(toml, name);
  EXPECT_THAT(errors_of(file), IsEmpty()) << toml;
  EXPECT_TRUE(file.meeting.has_value());
  return file.meeting.value_or(Meeting{});
}

// Written as TOML and read back: the same meeting, as its JSON says; and
// written again, the same file.
void expect_round_trip(const Meeting& meeting) {
  const std::string toml = meeting_to_toml(meeting);
  const Meeting again = read_toml(toml, "exported.toml");
  EXPECT_EQ(meeting_to_json(again), meeting_to_json(meeting));
  EXPECT_EQ(meeting_to_toml(again), toml);
}

TEST(MeetingToml, TheExampleComesBackTheSame) {
  const std::string toml = read_file(PLENARY_SOURCE_DIR "/examples/ctoc-wg7-2022/meeting.toml");
  ASSERT_FALSE(toml.empty());
  expect_round_trip(read_toml(toml, "meeting.toml"));
}

TEST(MeetingToml, EveryFieldComesBackTheSame) { expect_round_trip(read_toml(kEveryField, "every.toml")); }

TEST(MeetingToml, KeysComeInTheDocumentedOrder) {
  const std::string toml = meeting_to_toml(read_toml(kEveryField, "every.toml"));
  const std::vector<std::string> headers{"format_version = 1",  "[body]",           "[meeting]",
                                         "[document]",          "[[decisions]]",    "[footnotes]",
                                         "[[documents]]",       "[[items]]",        "[[items.subitems]]",
                                         "[organization]",      "[[organization.slots]]", "[planning]",
                                         "[planning.default_minutes]", "[[planning.unavailable]]"};
  size_t at = 0;
  for (const std::string& header : headers) {
    const size_t found = toml.find(header, at);
    ASSERT_NE(found, std::string::npos) << header << " missing or out of order in\n" << toml;
    at = found;
  }
  EXPECT_EQ(toml.rfind("format_version = 1\n", 0), 0u);
  // Within a table: the meeting's keys as docs/meeting-file.md lists them.
  const size_t meeting = toml.find("[meeting]");
  std::vector<size_t> places;
  for (const char* key : {"ordinal = ", "title.en = ", "city.en = ", "venue.en = ", "start = ", "end = ",
                          "time_zone = ", "format = ", "languages = "})
    places.push_back(toml.find(key, meeting));
  EXPECT_TRUE(std::is_sorted(places.begin(), places.end())) << toml.substr(meeting, 600);
}

TEST(MeetingToml, WritesTheFileAsPeopleWriteIt) {
  const std::string toml = meeting_to_toml(read_toml(kEveryField, "every.toml"));
  EXPECT_THAT(toml, HasSubstr("\nstart = 2022-06-27\n"));
  EXPECT_THAT(toml, HasSubstr("\ntitle.en = \"Organizational matters\"\n"));
  EXPECT_THAT(toml, HasSubstr("\nnot_before = 2022-06-27T15:00:00\n"));
  EXPECT_THAT(toml, HasSubstr("\nitems = [\"2\", { item = \"3\", minutes = 60 }]\n"));
  EXPECT_THAT(toml, HasSubstr("\nstart = \"12:00\"\n"));
  // An annotation of several paragraphs as Markdown in a multi-line string,
  // its backslashes as typed.
  EXPECT_THAT(toml, HasSubstr("annotation.fr = '''\nLe Groupe de travail voudra peut-être"));
  EXPECT_THAT(toml, HasSubstr("\n\nIl sera saisi d'un document d'information.\n'''\n"));
}

Meeting example() {
  return read_toml(read_file(PLENARY_SOURCE_DIR "/examples/ctoc-wg7-2022/meeting.toml"), "meeting.toml");
}

TEST(MeetingToml, TextsThatNeedEscapesComeBackExactly) {
  Meeting meeting = example();
  const std::vector<std::string> texts{
      "quotes \"here\" and 'there'",
      "a backslash \\ and \\n as typed",
      "tab\tand\rreturn",
      "a bell \x07 and delete \x7F",
      "two lines\nin a title",
      "ends with a quote\"",
      "ends with a newline\n",
      "\nstarts with one",
      "has ''' three single quotes\nand a newline",
      "has \"\"\" three double quotes\nand a newline\"",
      "ends in a single quote'\nafter a newline'",
      "a backslash at the end of a line\\\nthen more",
      "Arabic: الفريق العامل, Chinese: 工作组",
  };
  for (size_t i = 0; i < texts.size(); ++i) {
    meeting.items[i % meeting.items.size()].title["en"] = texts[i];
    meeting.documents[0].description["fr"] = texts[i];
    const Meeting again = read_toml(meeting_to_toml(meeting), "texts.toml");
    EXPECT_EQ(again.items[i % again.items.size()].title.at("en"), texts[i]);
    EXPECT_EQ(again.documents[0].description.at("fr"), texts[i]);
  }
}

TEST(MeetingToml, RandomTitlesComeBackExactly) {
  const std::string pieces[] = {"a", " ", "\"", "'", "\\", "\n", "\t", "\r", "{", "}", "[", "#", "=",
                                "é", "中", "\x01", "'''", "\"\"\"", "\\n", "\\u0041"};
  std::mt19937 random(20220627);
  Meeting meeting = example();
  for (int round = 0; round < 100; ++round) {
    std::string text = "x";
    const int length = static_cast<int>(random() % 12);
    for (int i = 0; i < length; ++i) text += pieces[random() % std::size(pieces)];
    meeting.items[1].title["fr"] = text;
    const MeetingFile file = parse_meeting_file(meeting_to_toml(meeting), "random.toml");
    ASSERT_TRUE(file.meeting) << text;
    ASSERT_EQ(file.meeting->items[1].title.at("fr"), text);
  }
}

TEST(MeetingToml, WhatTheReaderWouldRefuseStillParses) {
  // A date that is not a real one is written as text, so the file parses
  // and the reader names the date.
  Meeting meeting = example();
  meeting.end = Date{2022, 6, 31};
  const MeetingFile file = parse_meeting_file(meeting_to_toml(meeting), "bad.toml");
  EXPECT_FALSE(file.unreadable);
  EXPECT_FALSE(errors_of(file).empty());
}

TEST(MeetingToml, OptionalPartsAreLeftOutWhenEmpty) {
  Meeting meeting = example();
  meeting.decisions.clear();
  meeting.footnotes.clear();
  meeting.documents.clear();
  for (Item& item : meeting.items) item.documents.clear();
  meeting.organization = OrganizationOfWork{};
  const std::string toml = meeting_to_toml(meeting);
  EXPECT_THAT(toml, ::testing::Not(HasSubstr("[[decisions]]")));
  EXPECT_THAT(toml, ::testing::Not(HasSubstr("[footnotes]")));
  EXPECT_THAT(toml, ::testing::Not(HasSubstr("[[documents]]")));
  EXPECT_THAT(toml, ::testing::Not(HasSubstr("[organization")));
  const MeetingFile file = parse_meeting_file(toml, "plain.toml");
  ASSERT_TRUE(file.meeting);
  EXPECT_EQ(meeting_to_json(*file.meeting), meeting_to_json(meeting));
}

}  // namespace
}  // namespace plenary
