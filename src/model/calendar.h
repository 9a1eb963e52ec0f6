// Civil dates and times of day, without time zones: a meeting's days and its
// plenary meetings are local to its venue.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace plenary {

struct Date {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-31

  auto operator<=>(const Date&) const = default;
};

// True for a real day of the proleptic Gregorian calendar, years 1-9999.
bool is_valid(const Date& date);

// Days since 1970-01-01 (negative before).
long days_since_epoch(const Date& date);
Date date_from_days(long days);
Date add_days(const Date& date, long days);

// 0 = Monday ... 6 = Sunday (ISO order).
int weekday(const Date& date);

// "2022-06-27".
std::string to_iso(const Date& date);

// Parses exactly "YYYY-MM-DD" into a valid date.
std::optional<Date> parse_iso_date(std::string_view text);

// Minutes since local midnight, 0-1440 (1440 is the end of the day).
struct TimeOfDay {
  int minutes = 0;

  int hour() const { return minutes / 60; }
  int minute() const { return minutes % 60; }
  auto operator<=>(const TimeOfDay&) const = default;
};

// "10:00".
std::string to_hhmm(TimeOfDay time);

// Parses exactly "HH:MM" (00:00-24:00).
std::optional<TimeOfDay> parse_hhmm(std::string_view text);

}  // namespace plenary
