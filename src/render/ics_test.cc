#include "render/ics.h"

#include <gtest/gtest.h>
#include <libical/ical.h>

#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "render/ics_test_support.h"
#include "render/test_support.h"

namespace plenary {
namespace {

// The output is read back with libical, as a calendar program would.
using testing::Calendar;
using testing::event_dates;
using testing::events_of;

// As `plenary render` writes it: published once, on the date of issue.
std::string render(const Meeting& meeting, const std::string& lang) {
  const AgendaLayout layout = lay_out_agenda(meeting, Catalog::load(lang));
  return render_icalendar(meeting, layout, published_on_issue(meeting, layout));
}

// As the server writes it: from the meeting's publications.
std::string render(const std::vector<Publication>& publications, const std::string& lang,
                   const std::string& written_at) {
  const Catalog catalog = Catalog::load(lang);
  const Meeting& last = publications.back().meeting;
  return render_icalendar(last, lay_out_agenda(last, catalog), calendar_history(publications, catalog, written_at));
}

Calendar parse(const std::string& text) { return testing::parse_calendar(text); }

std::string text_of(icalcomponent* event, icalproperty_kind kind) {
  icalproperty* property = icalcomponent_get_first_property(event, kind);
  if (!property) return "";
  const char* value = icalvalue_get_text(icalproperty_get_value(property));
  return value ? value : "";
}

std::string parameter_of(icalcomponent* event, icalproperty_kind property_kind, icalparameter_kind kind) {
  icalproperty* property = icalcomponent_get_first_property(event, property_kind);
  icalparameter* parameter = property ? icalproperty_get_first_parameter(property, kind) : nullptr;
  if (!parameter) return "";
  const char* value = kind == ICAL_TZID_PARAMETER ? icalparameter_get_tzid(parameter) : icalparameter_get_language(parameter);
  return value ? value : "";
}

// Seconds since the epoch of a UTC date and time, computed without libical.
time_t utc(int year, unsigned month, unsigned day, int hour) {
  using namespace std::chrono;
  const sys_seconds at = sys_days{std::chrono::year{year} / month / day} + hours{hour};
  return static_cast<time_t>(at.time_since_epoch().count());
}

// The physical lines of the output, which must all end with CRLF.
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    const size_t end = text.find("\r\n", start);
    if (end == std::string::npos) {
      ADD_FAILURE() << "the output does not end with CRLF";
      break;
    }
    out.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  return out;
}

// Unfolded content lines (RFC 5545 section 3.1): a line starting with a space
// continues the one before it.
std::string unfolded(const std::string& text) {
  std::string out;
  for (const std::string& line : lines_of(text)) {
    if (!line.empty() && line[0] == ' ')
      out += line.substr(1);
    else
      out += (out.empty() ? "" : "\n") + line;
  }
  return out;
}

// True when `bytes` is whole UTF-8: no sequence cut at either end.
bool whole_utf8(const std::string& bytes) {
  for (size_t i = 0; i < bytes.size();) {
    const unsigned char lead = static_cast<unsigned char>(bytes[i]);
    const size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > bytes.size()) return false;
    for (size_t k = 1; k < length; ++k)
      if ((static_cast<unsigned char>(bytes[i + k]) & 0xC0) != 0x80) return false;
    i += length;
  }
  return true;
}

TEST(ICalendar, CalendarHasOneEventPerPlenaryMeeting) {
  const Calendar calendar = parse(render(testing::load_example(), "en"));
  ASSERT_TRUE(calendar);
  EXPECT_EQ(icalcomponent_isa(calendar.get()), ICAL_VCALENDAR_COMPONENT);
  EXPECT_STREQ(icalproperty_get_version(icalcomponent_get_first_property(calendar.get(), ICAL_VERSION_PROPERTY)), "2.0");
  EXPECT_NE(icalcomponent_get_first_property(calendar.get(), ICAL_PRODID_PROPERTY), nullptr);
  EXPECT_EQ(icalcomponent_get_method(calendar.get()), ICAL_METHOD_PUBLISH);
  icalproperty* name = icalcomponent_get_first_property(calendar.get(), ICAL_X_PROPERTY);
  ASSERT_NE(name, nullptr);
  EXPECT_STREQ(icalproperty_get_x_name(name), "X-WR-CALNAME");
  EXPECT_STREQ(icalproperty_get_x(name), "Working Group on the Smuggling of Migrants — Vienna, 27 and 28 June 2022");

  icalcomponent* zone = icalcomponent_get_first_component(calendar.get(), ICAL_VTIMEZONE_COMPONENT);
  ASSERT_NE(zone, nullptr);
  EXPECT_STREQ(icalproperty_get_tzid(icalcomponent_get_first_property(zone, ICAL_TZID_PROPERTY)), "Europe/Vienna");
  EXPECT_EQ(icalcomponent_get_next_component(calendar.get(), ICAL_VTIMEZONE_COMPONENT), nullptr);

  const std::vector<icalcomponent*> events = events_of(calendar.get());
  ASSERT_EQ(events.size(), 4u);
  for (icalcomponent* event : events) {
    EXPECT_EQ(icalcomponent_get_status(event), ICAL_STATUS_CONFIRMED);
    EXPECT_EQ(icalcomponent_get_sequence(event), 0);
  }
}

TEST(ICalendar, TimesAreLocalToTheVenueAndRightInUtc) {
  const Calendar calendar = parse(render(testing::load_example(), "en"));
  ASSERT_TRUE(calendar);
  // The zone as the file itself defines it, not libical's own copy.
  icaltimezone* vienna = icalcomponent_get_timezone(calendar.get(), "Europe/Vienna");
  ASSERT_NE(vienna, nullptr);
  const std::vector<icalcomponent*> events = events_of(calendar.get());
  ASSERT_EQ(events.size(), 4u);

  struct Expected {
    int day, start_hour, end_hour;
  };
  const Expected expected[] = {{27, 10, 13}, {27, 15, 18}, {28, 10, 13}, {28, 15, 18}};
  for (size_t i = 0; i < events.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(parameter_of(events[i], ICAL_DTSTART_PROPERTY, ICAL_TZID_PARAMETER), "Europe/Vienna");
    EXPECT_EQ(parameter_of(events[i], ICAL_DTEND_PROPERTY, ICAL_TZID_PARAMETER), "Europe/Vienna");
    const icaltimetype start =
        icalproperty_get_dtstart(icalcomponent_get_first_property(events[i], ICAL_DTSTART_PROPERTY));
    const icaltimetype end = icalproperty_get_dtend(icalcomponent_get_first_property(events[i], ICAL_DTEND_PROPERTY));
    EXPECT_EQ(start.year, 2022);
    EXPECT_EQ(start.month, 6);
    EXPECT_EQ(start.day, expected[i].day);
    EXPECT_EQ(start.hour, expected[i].start_hour);
    EXPECT_EQ(start.minute, 0);
    EXPECT_EQ(end.day, expected[i].day);
    EXPECT_EQ(end.hour, expected[i].end_hour);
    // Summer time in Vienna: two hours ahead of UTC.
    EXPECT_EQ(icaltime_as_timet_with_zone(start, vienna), utc(2022, 6, expected[i].day, expected[i].start_hour - 2));
    EXPECT_EQ(icaltime_as_timet_with_zone(end, vienna), utc(2022, 6, expected[i].day, expected[i].end_hour - 2));
  }
}

TEST(ICalendar, WinterMeetingIsOneHourAheadOfUtc) {
  Meeting meeting = testing::load_example();
  for (Slot& slot : meeting.organization.slots) slot.date.month = 1;  // 27 and 28 January
  const Calendar calendar = parse(render(meeting, "en"));
  ASSERT_TRUE(calendar);
  icaltimezone* vienna = icalcomponent_get_timezone(calendar.get(), "Europe/Vienna");
  ASSERT_NE(vienna, nullptr);
  const std::vector<icalcomponent*> events = events_of(calendar.get());
  ASSERT_EQ(events.size(), 4u);
  const icaltimetype start = icalproperty_get_dtstart(icalcomponent_get_first_property(events[0], ICAL_DTSTART_PROPERTY));
  EXPECT_EQ(icaltime_as_timet_with_zone(start, vienna), utc(2022, 1, 27, 9));
}

TEST(ICalendar, EnglishTexts) {
  const Calendar calendar = parse(render(testing::load_example(), "en"));
  ASSERT_TRUE(calendar);
  const std::vector<icalcomponent*> events = events_of(calendar.get());
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(text_of(events[0], ICAL_SUMMARY_PROPERTY), "CTOC/COP/WG.7 — Monday, 27 June, 10 a.m.–1 p.m.");
  EXPECT_EQ(text_of(events[3], ICAL_SUMMARY_PROPERTY), "CTOC/COP/WG.7 — Tuesday, 28 June, 3–6 p.m.");
  EXPECT_EQ(text_of(events[0], ICAL_LOCATION_PROPERTY), "Vienna International Centre, Vienna");
  EXPECT_EQ(text_of(events[0], ICAL_DESCRIPTION_PROPERTY),
            "1 (a) Opening of the meeting\n"
            "1 (b) Adoption of the agenda and organization of work\n"
            "2 Good practices in cooperation with the private sector in preventing and combating the smuggling of "
            "migrants");
  EXPECT_TRUE(text_of(events[1], ICAL_DESCRIPTION_PROPERTY)
                  .starts_with("2 Good practices in cooperation with the private sector in preventing and combating "
                               "the smuggling of migrants (continued)\n3 Sharing of national"));
  EXPECT_EQ(text_of(events[3], ICAL_DESCRIPTION_PROPERTY), "5 Other matters\n6 Adoption of the report");
  EXPECT_EQ(parameter_of(events[0], ICAL_SUMMARY_PROPERTY, ICAL_LANGUAGE_PARAMETER), "en");
}

TEST(ICalendar, FrenchTextsKeepTheirAccents) {
  const Calendar calendar = parse(render(testing::load_example(), "fr"));
  ASSERT_TRUE(calendar);
  icalproperty* name = icalcomponent_get_first_property(calendar.get(), ICAL_X_PROPERTY);
  ASSERT_NE(name, nullptr);
  EXPECT_STREQ(icalproperty_get_x(name),
               "Groupe de travail sur le trafic illicite de migrants — Vienne, 27 et 28 juin 2022");
  const std::vector<icalcomponent*> events = events_of(calendar.get());
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(text_of(events[0], ICAL_SUMMARY_PROPERTY), "CTOC/COP/WG.7 — Lundi 27 juin, 10 heures-13 heures");
  EXPECT_EQ(text_of(events[0], ICAL_LOCATION_PROPERTY), "Centre international de Vienne, Vienne");
  EXPECT_TRUE(text_of(events[0], ICAL_DESCRIPTION_PROPERTY)
                  .starts_with("1 a) Ouverture de la réunion\n1 b) Adoption de l'ordre du jour et organisation des "
                               "travaux\n2 Bonnes pratiques"));
  EXPECT_NE(text_of(events[1], ICAL_DESCRIPTION_PROPERTY)
                .find("2 Bonnes pratiques suivies en matière de coopération avec le secteur privé pour prévenir et "
                      "combattre le trafic illicite de migrants (suite)\n"),
            std::string::npos);
  EXPECT_NE(text_of(events[2], ICAL_DESCRIPTION_PROPERTY).find("4 Questions concernant le Mécanisme d'examen"),
            std::string::npos);
  EXPECT_EQ(parameter_of(events[0], ICAL_DESCRIPTION_PROPERTY, ICAL_LANGUAGE_PARAMETER), "fr");
  EXPECT_EQ(icalcomponent_get_uid(events[0]), std::string("ctoc-cop-wg.7-2022-1-2022-06-27-1-fr@plenary"));
}

TEST(ICalendar, UidsStayWhenThePlanChanges) {
  const Meeting before = testing::load_example();
  Meeting after = before;
  // Item 4 moves from the third meeting to the fourth, and a title changes.
  std::vector<SlotItem>& third = after.organization.slots[2].items;
  ASSERT_EQ(third.back().item, "4");
  after.organization.slots[3].items.insert(after.organization.slots[3].items.begin(), third.back());
  third.pop_back();
  after.items[4].title["en"] = "Any other business";
  after.organization.sequence = before.organization.sequence + 1;

  const Calendar old_calendar = parse(render(before, "en"));
  const Calendar new_calendar = parse(render(after, "en"));
  ASSERT_TRUE(old_calendar && new_calendar);
  const std::vector<icalcomponent*> old_events = events_of(old_calendar.get());
  const std::vector<icalcomponent*> new_events = events_of(new_calendar.get());
  ASSERT_EQ(old_events.size(), 4u);
  ASSERT_EQ(new_events.size(), 4u);
  EXPECT_EQ(icalcomponent_get_uid(old_events[0]), std::string("ctoc-cop-wg.7-2022-1-2022-06-27-1-en@plenary"));
  EXPECT_EQ(icalcomponent_get_uid(old_events[3]), std::string("ctoc-cop-wg.7-2022-1-2022-06-28-2-en@plenary"));
  for (size_t i = 0; i < 4; ++i) {
    SCOPED_TRACE(i);
    EXPECT_STREQ(icalcomponent_get_uid(old_events[i]), icalcomponent_get_uid(new_events[i]));
    EXPECT_EQ(icalcomponent_get_sequence(new_events[i]), icalcomponent_get_sequence(old_events[i]) + 1);
  }
  EXPECT_TRUE(text_of(new_events[3], ICAL_DESCRIPTION_PROPERTY).starts_with("4 Matters relating to the Mechanism"));
  EXPECT_NE(text_of(new_events[3], ICAL_DESCRIPTION_PROPERTY).find("5 Any other business"), std::string::npos);
}

// The example with item 4 moved from the third meeting to the fourth, as a
// re-plan stores it: the first two meetings stay as they were.
Meeting with_item_4_moved(const Meeting& meeting) {
  Meeting out = meeting;
  std::vector<SlotItem>& third = out.organization.slots[2].items;
  EXPECT_EQ(third.back().item, "4");
  out.organization.slots[3].items.insert(out.organization.slots[3].items.begin(), third.back());
  third.pop_back();
  ++out.organization.sequence;
  return out;
}

// Issue 9, defect 12: calendars kept the old times after a re-plan, as
// every publication carried the same DTSTAMP and no LAST-MODIFIED.
TEST(ICalendar, ARepublishedPlanUpdatesTheEventsItChanged) {
  const Meeting first = testing::load_example();
  const Meeting second = with_item_4_moved(first);
  const std::vector<testing::EventDates> before =
      event_dates(render({{"2022-05-02T08:00:00Z", first}}, "en", "2022-05-02T08:00:05Z"));
  const std::string after_text =
      render({{"2022-05-02T08:00:00Z", first}, {"2022-06-01T09:30:00Z", second}}, "en", "2022-06-10T12:00:00Z");
  const std::vector<testing::EventDates> after = event_dates(after_text);
  ASSERT_EQ(before.size(), 4u);
  ASSERT_EQ(after.size(), 4u);
  for (size_t i = 0; i < 4; ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(before[i].uid, after[i].uid);
    EXPECT_EQ(before[i].dtstamp, "20220502T080005Z");
    EXPECT_EQ(before[i].last_modified, "20220502T080000Z");
    EXPECT_EQ(before[i].sequence, 0);
    // The time the file was written, not the agenda's date of issue.
    EXPECT_EQ(after[i].dtstamp, "20220610T120000Z");
  }
  // The morning of 28 June lost item 4, the afternoon gained it.
  for (size_t changed : {2u, 3u}) {
    SCOPED_TRACE(changed);
    EXPECT_EQ(after[changed].last_modified, "20220601T093000Z");
    EXPECT_EQ(after[changed].sequence, 1);
  }
  const Calendar calendar = parse(after_text);
  ASSERT_TRUE(calendar);
  EXPECT_TRUE(text_of(events_of(calendar.get())[3], ICAL_DESCRIPTION_PROPERTY)
                  .starts_with("4 Matters relating to the Mechanism"));
  // 27 June is as it was: calendars need not touch it.
  for (size_t unchanged : {0u, 1u}) {
    SCOPED_TRACE(unchanged);
    EXPECT_EQ(after[unchanged].last_modified, "20220502T080000Z");
    EXPECT_EQ(after[unchanged].sequence, 0);
  }
}

TEST(ICalendar, AMeetingDroppedFromThePlanIsCancelled) {
  const Meeting first = testing::load_example();
  Meeting second = first;
  std::vector<Slot>& slots = second.organization.slots;
  for (const SlotItem& item : slots[3].items) slots[2].items.push_back(item);
  slots.pop_back();
  const std::string text =
      render({{"2022-05-02T08:00:00Z", first}, {"2022-06-01T09:30:00Z", second}}, "en", "2022-06-10T12:00:00Z");
  const std::vector<testing::EventDates> dates = event_dates(text);
  ASSERT_EQ(dates.size(), 4u);
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(dates[i].status, ICAL_STATUS_CONFIRMED);
  EXPECT_EQ(dates[3].uid, "ctoc-cop-wg.7-2022-1-2022-06-28-2-en@plenary");
  EXPECT_EQ(dates[3].status, ICAL_STATUS_CANCELLED);
  EXPECT_EQ(dates[3].sequence, 1);
  EXPECT_EQ(dates[3].last_modified, "20220601T093000Z");
  // As it was last shown, so that a calendar finds the event it holds.
  const Calendar calendar = parse(text);
  ASSERT_TRUE(calendar);
  icalcomponent* dropped = events_of(calendar.get())[3];
  EXPECT_EQ(text_of(dropped, ICAL_SUMMARY_PROPERTY), "CTOC/COP/WG.7 — Tuesday, 28 June, 3–6 p.m.");
  EXPECT_EQ(parameter_of(dropped, ICAL_DTSTART_PROPERTY, ICAL_TZID_PARAMETER), "Europe/Vienna");
  EXPECT_EQ(icalproperty_get_dtstart(icalcomponent_get_first_property(dropped, ICAL_DTSTART_PROPERTY)).hour, 15);
  ASSERT_NE(icalcomponent_get_first_component(calendar.get(), ICAL_VTIMEZONE_COMPONENT), nullptr);
  EXPECT_EQ(icalcomponent_get_next_component(calendar.get(), ICAL_VTIMEZONE_COMPONENT), nullptr);
}

TEST(ICalendar, OutputIsReproducible) {
  const Meeting meeting = testing::load_example();
  const std::string first = render(meeting, "en");
  EXPECT_EQ(first, render(meeting, "en"));
  // The issue date, for the file and for each event's last change.
  EXPECT_NE(first.find("\r\nDTSTAMP:20220316T000000Z\r\n"), std::string::npos);
  EXPECT_NE(first.find("\r\nLAST-MODIFIED:20220316T000000Z\r\n"), std::string::npos);
}

TEST(ICalendar, EscapesTextSpecials) {
  Meeting meeting = testing::load_example();
  meeting.items[4].title["en"] = "Other matters, notes; a\\b\nsecond line";
  const std::string text = render(meeting, "en");
  EXPECT_NE(unfolded(text).find("5 Other matters\\, notes\\; a\\\\b\\nsecond line\\n6 Adoption"), std::string::npos)
      << text;
  const Calendar calendar = parse(text);
  ASSERT_TRUE(calendar);
  const std::vector<icalcomponent*> events = events_of(calendar.get());
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(text_of(events[3], ICAL_DESCRIPTION_PROPERTY),
            "5 Other matters, notes; a\\b\nsecond line\n6 Adoption of the report");
}

TEST(ICalendar, LinesAreFoldedAt75OctetsBetweenCharacters) {
  Meeting meeting = testing::load_example();
  // No space to fold at, and characters of two, three and four bytes.
  std::string long_word;
  for (int i = 0; i < 40; ++i) long_word += "é€𝄞";
  meeting.items[4].title["fr"] = long_word;
  const std::string text = render(meeting, "fr");
  int continuations = 0;
  for (const std::string& line : lines_of(text)) {
    EXPECT_LE(line.size(), 75u) << line;
    EXPECT_EQ(line.find('\n'), std::string::npos) << line;
    EXPECT_TRUE(whole_utf8(line)) << line;
    if (!line.empty() && line[0] == ' ') ++continuations;
  }
  EXPECT_GT(continuations, 10);
  const Calendar calendar = parse(text);
  ASSERT_TRUE(calendar);
  const std::vector<icalcomponent*> events = events_of(calendar.get());
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(text_of(events[3], ICAL_DESCRIPTION_PROPERTY), "5 " + long_word + "\n6 Adoption du rapport");
}

TEST(ICalendar, NoSlotsGivesNoEvents) {
  Meeting meeting = testing::load_example();
  meeting.organization.slots.clear();
  const Calendar calendar = parse(render(meeting, "en"));
  ASSERT_TRUE(calendar);
  EXPECT_TRUE(events_of(calendar.get()).empty());
  EXPECT_NE(icalcomponent_get_first_component(calendar.get(), ICAL_VTIMEZONE_COMPONENT), nullptr);
}

TEST(ICalendar, ZoneUnknownToLibicalGivesFloatingTimes) {
  Meeting meeting = testing::load_example();
  meeting.time_zone = "Nowhere/Atlantis";
  const std::string text = render(meeting, "en");
  EXPECT_NE(text.find("\r\nDTSTART:20220627T100000\r\n"), std::string::npos);
  const Calendar calendar = parse(text);
  ASSERT_TRUE(calendar);
  EXPECT_EQ(icalcomponent_get_first_component(calendar.get(), ICAL_VTIMEZONE_COMPONENT), nullptr);
  EXPECT_EQ(events_of(calendar.get()).size(), 4u);
}

TEST(ICalendar, RefusesALayoutOfAnotherPlan) {
  const Meeting meeting = testing::load_example();
  Meeting shorter = meeting;
  shorter.organization.slots.pop_back();
  EXPECT_THROW(render_icalendar(meeting, lay_out_agenda(shorter, Catalog::load("en")), {"2022-03-16T00:00:00Z", {}, {}}),
               std::invalid_argument);
}

TEST(ICalendar, RefusesATimeThatIsNotUtc) {
  const Meeting meeting = testing::load_example();
  const AgendaLayout layout = lay_out_agenda(meeting, Catalog::load("en"));
  for (const char* time : {"2022-03-16", "2022-03-16T00:00:00", "2022-13-16T00:00:00Z", "2022-02-30T00:00:00Z",
                           "2022-03-16T25:00:00Z", "soon"}) {
    SCOPED_TRACE(time);
    EXPECT_THROW(render_icalendar(meeting, layout, {time, {}, {}}), std::invalid_argument);
    CalendarHistory history = published_on_issue(meeting, layout);
    history.revisions.begin()->second.last_modified = time;
    EXPECT_THROW(render_icalendar(meeting, layout, history), std::invalid_argument);
  }
}

}  // namespace
}  // namespace plenary
