// Calendars read back with libical, as a calendar program reads them: for
// the tests of the iCalendar writer and of the server's calendar files.
#pragma once

#include <gtest/gtest.h>
#include <libical/ical.h>

#include <memory>
#include <string>
#include <vector>

namespace plenary::testing {

struct ComponentFree {
  void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
using Calendar = std::unique_ptr<icalcomponent, ComponentFree>;

inline Calendar parse_calendar(const std::string& text) { return Calendar(icalparser_parse_string(text.c_str())); }

inline std::vector<icalcomponent*> events_of(icalcomponent* calendar) {
  std::vector<icalcomponent*> out;
  for (icalcomponent* event = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); event;
       event = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT))
    out.push_back(event);
  return out;
}

// What tells a calendar program whether an event it holds is out of date;
// times as iCalendar writes them, "20220601T093000Z".
struct EventDates {
  std::string uid;
  std::string dtstamp;
  std::string last_modified;  // "" when there is none
  int sequence = 0;
  icalproperty_status status = ICAL_STATUS_NONE;
};

inline std::vector<EventDates> event_dates(const std::string& text) {
  const Calendar calendar = parse_calendar(text);
  EXPECT_TRUE(calendar) << text.substr(0, 300);
  std::vector<EventDates> out;
  if (!calendar) return out;
  for (icalcomponent* event : events_of(calendar.get())) {
    EventDates dates;
    dates.uid = icalcomponent_get_uid(event);
    dates.dtstamp = icaltime_as_ical_string(icalcomponent_get_dtstamp(event));
    if (icalproperty* property = icalcomponent_get_first_property(event, ICAL_LASTMODIFIED_PROPERTY))
      dates.last_modified = icaltime_as_ical_string(icalproperty_get_lastmodified(property));
    dates.sequence = icalcomponent_get_sequence(event);
    dates.status = icalcomponent_get_status(event);
    out.push_back(dates);
  }
  return out;
}

}  // namespace plenary::testing
