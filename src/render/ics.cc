#include "render/ics.h"

#include <fmt/format.h>
#include <libical/ical.h>

#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <vector>

namespace plenary {

namespace {

struct ComponentFree {
  void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
using ComponentPtr = std::unique_ptr<icalcomponent, ComponentFree>;

// A civil date and time. The minutes go through icaltime_adjust so that an
// end at 24:00 becomes midnight of the next day.
icaltimetype ical_time(const Date& date, TimeOfDay time, const icaltimezone* zone) {
  icaltimetype out = icaltime_null_time();
  out.year = date.year;
  out.month = date.month;
  out.day = date.day;
  icaltime_adjust(&out, 0, 0, time.minutes, 0);
  out.zone = zone;
  return out;
}

// Midnight UTC at the start of `date`.
icaltimetype utc_midnight(const Date& date) { return ical_time(date, TimeOfDay{0}, icaltimezone_get_utc_timezone()); }

// "2024-05-01T09:30:00Z" as a UTC time; a time that is not a real one
// (month 13, 25 o'clock) would read as another after normalizing.
icaltimetype utc_time(const std::string& iso) {
  const icaltimetype time = icaltime_from_string(iso.c_str());
  if (iso.size() != 20 || icaltime_is_null_time(time) || !icaltime_is_utc(time) ||
      icaltime_compare(time, icaltime_normalize(time)) != 0)
    throw std::invalid_argument("render_icalendar: '" + iso + "' is not an ISO 8601 UTC time like 2024-05-01T09:30:00Z");
  return time;
}

// The zone's VTIMEZONE, named by its IANA name. libical names the zones it
// reads from the system's tzdata with a prefix
// ("/freeassociation.sourceforge.net/Europe/Vienna"), which readers would
// show; the copy takes the plain name that DTSTART and DTEND refer to.
ComponentPtr vtimezone_of(icaltimezone* zone, const std::string& name, const Date& first_day) {
  icalcomponent* source = icaltimezone_get_component(zone);
  if (!source) return nullptr;
  ComponentPtr out(icalcomponent_new_clone(source));
  if (icalproperty* tzid = icalcomponent_get_first_property(out.get(), ICAL_TZID_PROPERTY))
    icalproperty_set_tzid(tzid, name.c_str());
  // Only the rules in force from the day before the meeting on (a day of
  // margin for zones east of UTC): the full history back to 1893 is a hundred
  // lines that no reader needs. The rules keep their first DTSTART, as
  // Outlook expects.
  if (is_valid(first_day)) icaltimezone_truncate_vtimezone(out.get(), utc_midnight(add_days(first_day, -1)),
                                                           icaltime_null_time(), 1);
  return out;
}

// libical's zone of that IANA name, or nullptr (the times float).
icaltimezone* zone_named(const std::string& name) {
  return name.empty() ? nullptr : icaltimezone_get_builtin_timezone(name.c_str());
}

// A VTIMEZONE for each zone the events use (and the meeting's, even without
// events), holding the rules from the zone's first event on.
void add_time_zones(icalcomponent* calendar, const Meeting& meeting, const std::vector<CalendarEvent>& events) {
  std::map<std::string, Date> first_days;
  for (const CalendarEvent& event : events) {
    auto [found, added] = first_days.try_emplace(event.time_zone, event.date);
    if (!added && event.date < found->second) found->second = event.date;
  }
  first_days.try_emplace(meeting.time_zone, meeting.start);
  for (const auto& [name, first_day] : first_days)
    if (icaltimezone* zone = zone_named(name))
      if (ComponentPtr vtimezone = vtimezone_of(zone, name, first_day))
        icalcomponent_add_component(calendar, vtimezone.release());
}

// A text property in the event's language. libical escapes the text and
// folds the line when the calendar is written.
void add_text(icalcomponent* event, icalproperty* property, const std::string& lang) {
  icalproperty_add_parameter(property, icalparameter_new_language(lang.c_str()));
  icalcomponent_add_property(event, property);
}

// A DTSTART or DTEND local to the venue, with its TZID; floating when
// libical does not know the zone.
void add_local_time(icalcomponent* event, icalproperty* property, const icaltimezone* zone,
                    const std::string& zone_name) {
  if (zone) icalproperty_add_parameter(property, icalparameter_new_tzid(zone_name.c_str()));
  icalcomponent_add_property(event, property);
}

void add_event(icalcomponent* calendar, const CalendarEvent& event, const EventRevision& revision,
               const icaltimetype& stamp) {
  icalcomponent* vevent = icalcomponent_new(ICAL_VEVENT_COMPONENT);
  icalcomponent_add_component(calendar, vevent);
  icalcomponent_add_property(vevent, icalproperty_new_uid(event.uid.c_str()));
  icalcomponent_add_property(vevent, icalproperty_new_dtstamp(stamp));
  const icaltimezone* zone = zone_named(event.time_zone);
  add_local_time(vevent, icalproperty_new_dtstart(ical_time(event.date, event.start, zone)), zone, event.time_zone);
  add_local_time(vevent, icalproperty_new_dtend(ical_time(event.date, event.end, zone)), zone, event.time_zone);
  icalcomponent_add_property(vevent, icalproperty_new_lastmodified(utc_time(revision.last_modified)));
  icalcomponent_add_property(vevent, icalproperty_new_sequence(revision.sequence));
  icalcomponent_add_property(vevent, icalproperty_new_status(event.status == EventStatus::cancelled
                                                                 ? ICAL_STATUS_CANCELLED
                                                                 : ICAL_STATUS_CONFIRMED));
  add_text(vevent, icalproperty_new_summary(event.summary.c_str()), event.language);
  if (!event.location.empty()) add_text(vevent, icalproperty_new_location(event.location.c_str()), event.language);
  if (!event.description.empty())
    add_text(vevent, icalproperty_new_description(event.description.c_str()), event.language);
}

// A VCALENDAR with the properties every calendar of plenary starts with.
ComponentPtr new_calendar(const std::string& name) {
  ComponentPtr calendar(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
  icalcomponent_add_property(calendar.get(), icalproperty_new_prodid("-//plenary//plenary//EN"));
  icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
  icalcomponent_add_property(calendar.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
  icalproperty* calendar_name = icalproperty_new_x(name.c_str());
  icalproperty_set_x_name(calendar_name, "X-WR-CALNAME");
  icalcomponent_add_property(calendar.get(), calendar_name);
  return calendar;
}

std::string text_of(const ComponentPtr& calendar) {
  char* text = icalcomponent_as_ical_string_r(calendar.get());
  std::string out = text ? text : "";
  icalmemory_free_buffer(text);
  return out;
}

}  // namespace

std::string render_icalendar(const Meeting& meeting, const AgendaLayout& layout, const CalendarHistory& history) {
  std::vector<CalendarEvent> events = calendar_events(meeting, layout);
  events.insert(events.end(), history.cancelled.begin(), history.cancelled.end());

  std::string name = layout.body;
  if (const std::string* title = text_in(meeting.title, layout.language)) name += " — " + *title;
  name += " — " + layout.venue_and_dates;
  ComponentPtr calendar = new_calendar(name);
  add_time_zones(calendar.get(), meeting, events);

  const icaltimetype stamp = utc_time(history.written_at);
  for (const CalendarEvent& event : events) {
    const auto found = history.revisions.find(event.uid);
    const EventRevision revision = found != history.revisions.end()
                                       ? found->second
                                       : EventRevision{history.written_at, meeting.organization.sequence};
    add_event(calendar.get(), event, revision, stamp);
  }
  return text_of(calendar);
}

std::string merge_icalendars(const std::vector<std::string>& calendars, const std::string& name) {
  ComponentPtr merged = new_calendar(name);
  std::set<std::string> zones;
  for (const std::string& text : calendars) {
    ComponentPtr calendar(icalparser_parse_string(text.c_str()));
    if (!calendar || icalcomponent_isa(calendar.get()) != ICAL_VCALENDAR_COMPONENT)
      throw std::invalid_argument("merge_icalendars: not a VCALENDAR");
    // Detach first: removing a component while iterating over its parent's
    // components would skip the next one.
    std::vector<icalcomponent*> parts;
    for (icalcomponent* part = icalcomponent_get_first_component(calendar.get(), ICAL_ANY_COMPONENT); part;
         part = icalcomponent_get_next_component(calendar.get(), ICAL_ANY_COMPONENT))
      parts.push_back(part);
    for (icalcomponent* part : parts) {
      icalcomponent_remove_component(calendar.get(), part);
      ComponentPtr owned(part);
      if (icalcomponent_isa(part) == ICAL_VTIMEZONE_COMPONENT) {
        icalproperty* tzid = icalcomponent_get_first_property(part, ICAL_TZID_PROPERTY);
        if (!tzid || !zones.insert(icalproperty_get_tzid(tzid)).second) continue;
      }
      icalcomponent_add_component(merged.get(), owned.release());
    }
  }
  return text_of(merged);
}

}  // namespace plenary
