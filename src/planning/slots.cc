#include "planning/slots.h"

#include <fmt/format.h>

namespace plenary::planning {

namespace {

const std::vector<TimeWindow>& template_for(const PlanningSettings& settings, MeetingFormat format) {
  switch (format) {
    case MeetingFormat::hybrid: return settings.hybrid;
    case MeetingFormat::online: return settings.online;
    default: return settings.in_person;
  }
}

bool is_unavailable(const PlanningSettings& settings, const Date& date, const TimeWindow& window) {
  for (const UnavailableSlot& slot : settings.unavailable)
    if (slot.date == date && window.start <= slot.start && slot.start < window.end) return true;
  return false;
}

}  // namespace

std::string describe_minutes(int minutes) {
  if (minutes % 60 == 0) return fmt::format("{} h", minutes / 60);
  if (minutes < 60) return fmt::format("{} min", minutes);
  return fmt::format("{} h {} min", minutes / 60, minutes % 60);
}

namespace {

std::string day_and_month(const Date& date) {
  static constexpr const char* kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  static constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};
  return fmt::format("{} {} {}", kDays[weekday(date)], date.day, kMonths[date.month - 1]);
}

}  // namespace

std::string describe_day(const Date& date) { return fmt::format("{} {}", day_and_month(date), date.year); }

std::string describe_slot(const Slot& slot) {
  return fmt::format("{} {}-{}", day_and_month(slot.date), to_hhmm(slot.start), to_hhmm(slot.end));
}

std::vector<Slot> make_slots(const Meeting& meeting, MeetingFormat format, std::vector<std::string>& problems) {
  const PlanningSettings& settings = meeting.planning;
  const std::vector<TimeWindow>& windows = template_for(settings, format);
  const char* format_name = to_string(format);
  std::vector<TimeWindow> valid;
  for (size_t i = 0; i < windows.size(); ++i) {
    const TimeWindow& w = windows[i];
    if (!(w.start < w.end)) {
      problems.push_back(fmt::format("the {} template's meeting {}-{} has no length", format_name, to_hhmm(w.start),
                                     to_hhmm(w.end)));
      continue;
    }
    if (!valid.empty() && w.start < valid.back().end) {
      problems.push_back(fmt::format("the {} template's meetings {}-{} and {}-{} overlap or are out of order",
                                     format_name, to_hhmm(valid.back().start), to_hhmm(valid.back().end),
                                     to_hhmm(w.start), to_hhmm(w.end)));
      continue;
    }
    valid.push_back(w);
  }
  std::vector<Slot> slots;
  if (meeting.end < meeting.start || !is_valid(meeting.start) || !is_valid(meeting.end)) return slots;
  const long days = days_since_epoch(meeting.end) - days_since_epoch(meeting.start);
  for (long d = 0; d <= days && d < 366; ++d) {
    const Date date = add_days(meeting.start, d);
    if (settings.skip_weekends && weekday(date) >= 5) continue;
    for (TimeWindow w : valid) {
      if (d == 0 && settings.first_day_start) w.start = std::max(w.start, *settings.first_day_start);
      if (d == days && settings.last_day_end) w.end = std::min(w.end, *settings.last_day_end);
      if (!(w.start < w.end) || is_unavailable(settings, date, w)) continue;
      slots.push_back(Slot{date, w.start, w.end, {}});
    }
  }
  return slots;
}

}  // namespace plenary::planning
