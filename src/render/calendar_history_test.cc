#include "render/calendar_history.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "render/test_support.h"

namespace plenary {
namespace {

const std::string kMonday = "ctoc-cop-wg.7-2022-1-2022-06-27-1-en@plenary";
const std::string kTuesdayAfternoon = "ctoc-cop-wg.7-2022-1-2022-06-28-2-en@plenary";
const std::string kFirst = "2022-05-02T08:00:00Z", kSecond = "2022-06-01T09:30:00Z", kThird = "2022-06-20T16:00:00Z";
const std::string kWritten = "2022-06-25T00:00:00Z";

CalendarHistory history_of(const std::vector<Publication>& publications, const std::string& lang = "en") {
  return calendar_history(publications, Catalog::load(lang), kWritten);
}

void expect_revision(const CalendarHistory& history, const std::string& uid, const std::string& last_modified,
                     int sequence) {
  SCOPED_TRACE(uid);
  ASSERT_TRUE(history.revisions.count(uid));
  EXPECT_EQ(history.revisions.at(uid).last_modified, last_modified);
  EXPECT_EQ(history.revisions.at(uid).sequence, sequence);
}

TEST(CalendarEvents, OneEventPerSlotWithWhatACalendarShows) {
  const Meeting meeting = testing::load_example();
  const std::vector<CalendarEvent> events = calendar_events(meeting, lay_out_agenda(meeting, Catalog::load("en")));
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[0].uid, kMonday);
  EXPECT_EQ(events[3].uid, kTuesdayAfternoon);
  EXPECT_EQ(events[0].date, (Date{2022, 6, 27}));
  EXPECT_EQ(to_hhmm(events[0].start), "10:00");
  EXPECT_EQ(to_hhmm(events[0].end), "13:00");
  EXPECT_EQ(events[0].time_zone, "Europe/Vienna");
  EXPECT_EQ(events[0].summary, "CTOC/COP/WG.7 — Monday, 27 June, 10 a.m.–1 p.m.");
  EXPECT_EQ(events[0].location, "Vienna International Centre, Vienna");
  EXPECT_EQ(events[3].description, "5 Other matters\n6 Adoption of the report");
  EXPECT_EQ(events[0].language, "en");
  EXPECT_EQ(events[0].status, EventStatus::confirmed);
}

TEST(CalendarHistory, NoPublicationsKnowNoEvents) {
  const CalendarHistory history = history_of({});
  EXPECT_EQ(history.written_at, kWritten);
  EXPECT_TRUE(history.revisions.empty());
  EXPECT_TRUE(history.cancelled.empty());
}

TEST(CalendarHistory, EventsFirstSeenTakeThePlansRevision) {
  Meeting meeting = testing::load_example();
  meeting.organization.sequence = 3;
  const CalendarHistory history = history_of({{kFirst, meeting}});
  EXPECT_EQ(history.written_at, kWritten);
  EXPECT_EQ(history.revisions.size(), 4u);
  expect_revision(history, kMonday, kFirst, 3);
  expect_revision(history, kTuesdayAfternoon, kFirst, 3);
  EXPECT_TRUE(history.cancelled.empty());
}

TEST(CalendarHistory, ARepublicationThatChangesNothingKeepsEveryRevision) {
  const Meeting meeting = testing::load_example();
  Meeting renoticed = meeting;
  // What no calendar shows: a document's title and the plan's revision.
  renoticed.documents[0].title["en"] = "A new title";
  ++renoticed.organization.sequence;
  const CalendarHistory history = history_of({{kFirst, meeting}, {kSecond, meeting}, {kThird, renoticed}});
  expect_revision(history, kMonday, kFirst, 0);
  expect_revision(history, kTuesdayAfternoon, kFirst, 0);
}

TEST(CalendarHistory, EachChangeOfAnEventCountsOnce) {
  const Meeting first = testing::load_example();
  Meeting second = first;
  second.organization.slots[0].end = TimeOfDay{12 * 60};  // the end: Monday morning only
  Meeting third = second;
  third.items[4].title["en"] = "Any other business";  // the description: Tuesday afternoon only
  const CalendarHistory history = history_of({{kFirst, first}, {kSecond, second}, {kThird, third}});
  expect_revision(history, kMonday, kSecond, 1);
  expect_revision(history, "ctoc-cop-wg.7-2022-1-2022-06-27-2-en@plenary", kFirst, 0);
  expect_revision(history, kTuesdayAfternoon, kThird, 1);

  // The English title is not in the French calendar.
  const CalendarHistory french = history_of({{kFirst, first}, {kSecond, second}, {kThird, third}}, "fr");
  expect_revision(french, "ctoc-cop-wg.7-2022-1-2022-06-27-1-fr@plenary", kSecond, 1);
  expect_revision(french, "ctoc-cop-wg.7-2022-1-2022-06-28-2-fr@plenary", kFirst, 0);
}

TEST(CalendarHistory, ThePlaceAndTheZoneAreChangesToo) {
  const Meeting first = testing::load_example();
  Meeting moved = first;
  moved.venue["en"] = "Palais des Nations";
  Meeting rezoned = moved;
  rezoned.time_zone = "Europe/Zurich";
  const CalendarHistory history = history_of({{kFirst, first}, {kSecond, moved}, {kThird, rezoned}});
  expect_revision(history, kMonday, kThird, 2);
  expect_revision(history, kTuesdayAfternoon, kThird, 2);
}

TEST(CalendarHistory, AnEventTheLastPlanLacksIsCancelledUntilItComesBack) {
  const Meeting first = testing::load_example();
  Meeting shorter = first;
  shorter.organization.slots.pop_back();
  CalendarHistory history = history_of({{kFirst, first}, {kSecond, shorter}});
  expect_revision(history, kTuesdayAfternoon, kSecond, 1);
  ASSERT_EQ(history.cancelled.size(), 1u);
  EXPECT_EQ(history.cancelled[0].uid, kTuesdayAfternoon);
  EXPECT_EQ(history.cancelled[0].status, EventStatus::cancelled);
  EXPECT_EQ(history.cancelled[0].summary, "CTOC/COP/WG.7 — Tuesday, 28 June, 3–6 p.m.");  // as last shown

  // Still cancelled, not cancelled again.
  history = history_of({{kFirst, first}, {kSecond, shorter}, {kThird, shorter}});
  expect_revision(history, kTuesdayAfternoon, kSecond, 1);
  EXPECT_EQ(history.cancelled.size(), 1u);

  history = history_of({{kFirst, first}, {kSecond, shorter}, {kThird, first}});
  expect_revision(history, kTuesdayAfternoon, kThird, 2);
  EXPECT_TRUE(history.cancelled.empty());
  expect_revision(history, kMonday, kFirst, 0);
}

TEST(CalendarHistory, PublishedOnIssueDatesEverythingOnTheDateOfIssue) {
  Meeting meeting = testing::load_example();
  meeting.organization.sequence = 2;
  const CalendarHistory history = published_on_issue(meeting, lay_out_agenda(meeting, Catalog::load("en")));
  EXPECT_EQ(history.written_at, "2022-03-16T00:00:00Z");
  EXPECT_EQ(history.revisions.size(), 4u);
  expect_revision(history, kMonday, "2022-03-16T00:00:00Z", 2);
  EXPECT_TRUE(history.cancelled.empty());
}

}  // namespace
}  // namespace plenary
