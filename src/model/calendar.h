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

// Reads "YYYY-MM-DD" by its digits alone, a real day or not: "2022-06-31"
// gives {2022, 6, 31}, which why_not_a_date explains. std::nullopt when the
// text is not written so.
std::optional<Date> read_iso_date_digits(std::string_view text);

// Why `date` is not a real day, for messages: "June has 30 days", "February
// has 28 days in 2022", "there is no month 13"; "" for a real day.
std::string why_not_a_date(const Date& date);

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
