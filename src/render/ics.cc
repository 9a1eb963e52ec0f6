#include "render/ics.h"

#include <fmt/format.h>
#include <libical/ical.h>

#include <cctype>
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

// A day's slot in the layout, with the heading of its day.
struct LaidOutMeeting {
  const LaidOutDay* day;
  const LaidOutSlot* slot;
};

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

// "CTOC/COP/WG.7/2022/1" -> "ctoc-cop-wg.7-2022-1".
std::string uid_stem(const std::string& symbol) {
  std::string out;
  for (char c : symbol) {
    const unsigned char u = static_cast<unsigned char>(c);
    out += std::isalnum(u) || c == '.' || c == '-' ? static_cast<char>(std::tolower(u)) : '-';
  }
  return out.empty() ? "agenda" : out;
}

// The text in `lang`, or "" when the meeting lacks it.
std::string text_or_empty(const LangText& text, const std::string& lang) {
  const std::string* found = text_in(text, lang);
  return found ? *found : "";
}

// "Vienna International Centre, Vienna", leaving out what is missing.
std::string location_of(const Meeting& meeting, const std::string& lang) {
  std::string out;
  for (const std::string& part : {text_or_empty(meeting.venue, lang), text_or_empty(meeting.city, lang)}) {
    if (part.empty()) continue;
    if (!out.empty()) out += ", ";
    out += part;
  }
  return out;
}

// One line per item taken up: "2 Good practices ... (continued)".
std::string description_of(const LaidOutSlot& slot, const AgendaLayout& layout) {
  std::string out;
  for (const LaidOutRow& row : slot.rows) {
    if (!out.empty()) out += '\n';
    out += row.item + " " + row.title;
    if (row.continued) out += " " + layout.continued;
  }
  return out;
}

// A text property in the layout's language. libical escapes the text and
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

}  // namespace

std::string render_icalendar(const Meeting& meeting, const AgendaLayout& layout) {
  const std::vector<Slot>& slots = meeting.organization.slots;
  std::vector<LaidOutMeeting> laid_out;
  for (const LaidOutDay& day : layout.days)
    for (const LaidOutSlot& slot : day.slots) laid_out.push_back({&day, &slot});
  if (laid_out.size() != slots.size())
    throw std::invalid_argument(fmt::format("render_icalendar: the layout has {} meetings, the meeting {}",
                                            laid_out.size(), slots.size()));
  const std::string& lang = layout.language;

  ComponentPtr calendar(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
  icalcomponent_add_property(calendar.get(), icalproperty_new_prodid("-//plenary//plenary//EN"));
  icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
  icalcomponent_add_property(calendar.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
  std::string name = layout.body;
  if (const std::string* title = text_in(meeting.title, lang)) name += " — " + *title;
  name += " — " + layout.venue_and_dates;
  icalproperty* calendar_name = icalproperty_new_x(name.c_str());
  icalproperty_set_x_name(calendar_name, "X-WR-CALNAME");
  icalcomponent_add_property(calendar.get(), calendar_name);

  icaltimezone* zone = meeting.time_zone.empty() ? nullptr : icaltimezone_get_builtin_timezone(meeting.time_zone.c_str());
  if (zone) {
    const Date first_day = slots.empty() ? meeting.start : slots.front().date;
    if (ComponentPtr vtimezone = vtimezone_of(zone, meeting.time_zone, first_day))
      icalcomponent_add_component(calendar.get(), vtimezone.release());
  }

  // Reproducible output: the stamp is the issue date, not the time of the run.
  const Date issued = is_valid(meeting.document.issued) ? meeting.document.issued : Date{1970, 1, 1};
  const icaltimetype stamp = utc_midnight(issued);
  const std::string stem = uid_stem(meeting.document.symbol);

  for (size_t i = 0; i < slots.size(); ++i) {
    const Slot& slot = slots[i];
    // A slot is "the same" across plans when it is the same day's n-th
    // meeting, as for the planner; its items and texts may change.
    int index_in_day = 1;
    for (size_t j = 0; j < i; ++j)
      if (slots[j].date == slot.date) ++index_in_day;

    icalcomponent* event = icalcomponent_new(ICAL_VEVENT_COMPONENT);
    icalcomponent_add_component(calendar.get(), event);
    const std::string uid = fmt::format("{}-{}-{}-{}@plenary", stem, to_iso(slot.date), index_in_day, lang);
    icalcomponent_add_property(event, icalproperty_new_uid(uid.c_str()));
    icalcomponent_add_property(event, icalproperty_new_dtstamp(stamp));
    add_local_time(event, icalproperty_new_dtstart(ical_time(slot.date, slot.start, zone)), zone, meeting.time_zone);
    add_local_time(event, icalproperty_new_dtend(ical_time(slot.date, slot.end, zone)), zone, meeting.time_zone);
    icalcomponent_add_property(event, icalproperty_new_sequence(meeting.organization.sequence));
    icalcomponent_add_property(event, icalproperty_new_status(ICAL_STATUS_CONFIRMED));

    // The catalog has no word for "plenary meeting": the body's short name
    // with the day and time as the layout writes them.
    const LaidOutMeeting& laid = laid_out[i];
    const std::string summary = fmt::format("{} — {}, {}", meeting.body.short_name, laid.day->heading, laid.slot->time);
    add_text(event, icalproperty_new_summary(summary.c_str()), lang);
    const std::string location = location_of(meeting, lang);
    if (!location.empty()) add_text(event, icalproperty_new_location(location.c_str()), lang);
    const std::string description = description_of(*laid.slot, layout);
    if (!description.empty()) add_text(event, icalproperty_new_description(description.c_str()), lang);
  }

  char* text = icalcomponent_as_ical_string_r(calendar.get());
  std::string out = text ? text : "";
  icalmemory_free_buffer(text);
  return out;
}

std::string merge_icalendars(const std::vector<std::string>& calendars, const std::string& name) {
  ComponentPtr merged(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
  icalcomponent_add_property(merged.get(), icalproperty_new_prodid("-//plenary//plenary//EN"));
  icalcomponent_add_property(merged.get(), icalproperty_new_version("2.0"));
  icalcomponent_add_property(merged.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
  icalproperty* calendar_name = icalproperty_new_x(name.c_str());
  icalproperty_set_x_name(calendar_name, "X-WR-CALNAME");
  icalcomponent_add_property(merged.get(), calendar_name);
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
  char* text = icalcomponent_as_ical_string_r(merged.get());
  std::string out = text ? text : "";
  icalmemory_free_buffer(text);
  return out;
}

}  // namespace plenary
