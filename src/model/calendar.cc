#include "model/calendar.h"

#include <fmt/format.h>

namespace plenary {

namespace {

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

// Parses exactly `width` ASCII digits.
std::optional<int> digits(std::string_view text, size_t pos, size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

bool is_valid(const Date& date) {
  if (date.year < 1 || date.year > 9999 || date.month < 1 || date.month > 12) return false;
  return date.day >= 1 && date.day <= days_in_month(date.year, date.month);
}

// Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar.
long days_since_epoch(const Date& date) {
  const long y = date.year - (date.month <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long mp = (date.month + 9) % 12;
  const long doy = (153 * mp + 2) / 5 + date.day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date date_from_days(long days) {
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const long doe = days - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return Date{year, month, day};
}

Date add_days(const Date& date, long days) { return date_from_days(days_since_epoch(date) + days); }

int weekday(const Date& date) {
  // 1970-01-01 was a Thursday (ISO index 3).
  const long d = days_since_epoch(date);
  return static_cast<int>(((d % 7) + 7 + 3) % 7);
}

std::string to_iso(const Date& date) {
  return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

std::optional<Date> read_iso_date_digits(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto year = digits(text, 0, 4), month = digits(text, 5, 2), day = digits(text, 8, 2);
  if (!year || !month || !day) return std::nullopt;
  return Date{*year, *month, *day};
}

std::optional<Date> parse_iso_date(std::string_view text) {
  auto date = read_iso_date_digits(text);
  if (!date || !is_valid(*date)) return std::nullopt;
  return date;
}

std::string why_not_a_date(const Date& date) {
  static constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};
  if (is_valid(date)) return "";
  if (date.year < 1 || date.year > 9999) return fmt::format("the year must be from 1 to 9999, not {}", date.year);
  if (date.month < 1 || date.month > 12) return fmt::format("there is no month {}", date.month);
  if (date.day < 1) return fmt::format("there is no day {}", date.day);
  const int days = days_in_month(date.year, date.month);
  if (date.month == 2) return fmt::format("February has {} days in {}", days, date.year);
  return fmt::format("{} has {} days", kMonths[date.month - 1], days);
}

std::string to_hhmm(TimeOfDay time) {
  return fmt::format("{:02}:{:02}", time.hour(), time.minute());
}

std::optional<TimeOfDay> parse_hhmm(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  auto hour = digits(text, 0, 2), minute = digits(text, 3, 2);
  if (!hour || !minute || *minute > 59 || *hour > 24 || (*hour == 24 && *minute != 0))
    return std::nullopt;
  return TimeOfDay{*hour * 60 + *minute};
}

}  // namespace plenary
