#include "model/calendar.h"

#include <gtest/gtest.h>

namespace plenary {
namespace {

TEST(Date, Validity) {
  EXPECT_TRUE(is_valid(Date{2022, 6, 27}));
  EXPECT_TRUE(is_valid(Date{2022, 12, 31}));
  EXPECT_TRUE(is_valid(Date{1, 1, 1}));
  EXPECT_TRUE(is_valid(Date{9999, 12, 31}));
  EXPECT_FALSE(is_valid(Date{}));
  EXPECT_FALSE(is_valid(Date{2022, 0, 1}));
  EXPECT_FALSE(is_valid(Date{2022, 13, 1}));
  EXPECT_FALSE(is_valid(Date{2022, 6, 0}));
  EXPECT_FALSE(is_valid(Date{2022, 6, 31}));
  EXPECT_FALSE(is_valid(Date{2022, 4, 31}));
  EXPECT_TRUE(is_valid(Date{2022, 7, 31}));
  EXPECT_FALSE(is_valid(Date{0, 1, 1}));
  EXPECT_FALSE(is_valid(Date{10000, 1, 1}));
  EXPECT_FALSE(is_valid(Date{2022, -1, 1}));
}

TEST(Date, LeapYears) {
  EXPECT_TRUE(is_valid(Date{2024, 2, 29}));   // divisible by 4
  EXPECT_FALSE(is_valid(Date{2022, 2, 29}));  // not
  EXPECT_FALSE(is_valid(Date{1900, 2, 29}));  // divisible by 100
  EXPECT_TRUE(is_valid(Date{2000, 2, 29}));   // divisible by 400
  EXPECT_FALSE(is_valid(Date{2024, 2, 30}));
  EXPECT_TRUE(is_valid(Date{2023, 2, 28}));
}

TEST(Date, Order) {
  EXPECT_LT((Date{2022, 6, 27}), (Date{2022, 6, 28}));
  EXPECT_LT((Date{2022, 6, 28}), (Date{2022, 7, 1}));
  EXPECT_LT((Date{2021, 12, 31}), (Date{2022, 1, 1}));
  EXPECT_EQ((Date{2022, 6, 27}), (Date{2022, 6, 27}));
}

TEST(Date, DaysSinceEpoch) {
  EXPECT_EQ(days_since_epoch(Date{1970, 1, 1}), 0);
  EXPECT_EQ(days_since_epoch(Date{1970, 1, 2}), 1);
  EXPECT_EQ(days_since_epoch(Date{1969, 12, 31}), -1);
  EXPECT_EQ(days_since_epoch(Date{2000, 3, 1}), 11017);
  EXPECT_EQ(days_since_epoch(Date{2022, 6, 27}), 19170);
  EXPECT_EQ(date_from_days(19170), (Date{2022, 6, 27}));
  EXPECT_EQ(date_from_days(-719162), (Date{1, 1, 1}));
}

TEST(Date, RoundTripsOverFiveCenturies) {
  const long first = days_since_epoch(Date{1800, 1, 1});
  const long last = days_since_epoch(Date{2300, 12, 31});
  Date previous = date_from_days(first - 1);
  for (long days = first; days <= last; ++days) {
    const Date date = date_from_days(days);
    ASSERT_TRUE(is_valid(date)) << days;
    ASSERT_EQ(days_since_epoch(date), days) << to_iso(date);
    ASSERT_LT(previous, date) << to_iso(date);  // one day later, never a day skipped or repeated
    ASSERT_EQ(add_days(previous, 1), date) << to_iso(date);
    previous = date;
  }
}

TEST(Date, AddDays) {
  EXPECT_EQ(add_days(Date{2022, 6, 28}, 1), (Date{2022, 6, 29}));
  EXPECT_EQ(add_days(Date{2022, 6, 30}, 1), (Date{2022, 7, 1}));
  EXPECT_EQ(add_days(Date{2024, 2, 28}, 1), (Date{2024, 2, 29}));
  EXPECT_EQ(add_days(Date{2022, 2, 28}, 1), (Date{2022, 3, 1}));
  EXPECT_EQ(add_days(Date{2022, 1, 1}, -1), (Date{2021, 12, 31}));
  EXPECT_EQ(add_days(Date{2022, 6, 27}, 0), (Date{2022, 6, 27}));
}

TEST(Date, Weekday) {
  EXPECT_EQ(weekday(Date{2022, 6, 27}), 0);  // Monday, the opening of the reference meeting
  EXPECT_EQ(weekday(Date{2022, 6, 28}), 1);  // Tuesday
  EXPECT_EQ(weekday(Date{2022, 7, 3}), 6);   // Sunday
  EXPECT_EQ(weekday(Date{1970, 1, 1}), 3);   // Thursday
  EXPECT_EQ(weekday(Date{1969, 12, 29}), 0);  // Monday, before the epoch
  EXPECT_EQ(weekday(Date{2000, 2, 29}), 1);   // Tuesday
}

TEST(Date, ToIso) {
  EXPECT_EQ(to_iso(Date{2022, 6, 27}), "2022-06-27");
  EXPECT_EQ(to_iso(Date{987, 1, 2}), "0987-01-02");
  EXPECT_EQ(to_iso(Date{}), "0000-00-00");
}

TEST(ParseIsoDate, Valid) {
  EXPECT_EQ(parse_iso_date("2022-06-27"), (Date{2022, 6, 27}));
  EXPECT_EQ(parse_iso_date("2024-02-29"), (Date{2024, 2, 29}));
  EXPECT_EQ(parse_iso_date("0001-01-01"), (Date{1, 1, 1}));
}

TEST(ParseIsoDate, RejectsBadInput) {
  for (const char* text : {"", "2022-6-27", "2022-06-7", "22-06-27", "2022/06/27", "27/06/2022", "2022-06-27 ",
                           " 2022-06-27", "2022-06-27T10:00", "2022-13-01", "2022-00-10", "2022-06-31",
                           "2022-02-29", "1900-02-29", "0000-01-01", "2022-O6-27", "+022-06-27", "2022--6-27",
                           "2022-06-2x", "20220627"})
    EXPECT_EQ(parse_iso_date(text), std::nullopt) << '"' << text << '"';
}

TEST(WhyNotADate, NamesWhatIsWrong) {
  EXPECT_EQ(why_not_a_date(Date{2022, 6, 27}), "");
  EXPECT_EQ(why_not_a_date(Date{2022, 6, 31}), "June has 30 days");
  EXPECT_EQ(why_not_a_date(Date{2022, 1, 32}), "January has 31 days");
  EXPECT_EQ(why_not_a_date(Date{2022, 2, 29}), "February has 28 days in 2022");
  EXPECT_EQ(why_not_a_date(Date{2024, 2, 30}), "February has 29 days in 2024");
  EXPECT_EQ(why_not_a_date(Date{2022, 13, 1}), "there is no month 13");
  EXPECT_EQ(why_not_a_date(Date{2022, 0, 1}), "there is no month 0");
  EXPECT_EQ(why_not_a_date(Date{2022, 6, 0}), "there is no day 0");
  EXPECT_EQ(why_not_a_date(Date{0, 6, 1}), "the year must be from 1 to 9999, not 0");
}

TEST(ReadIsoDateDigits, ReadsImpossibleDaysToo) {
  EXPECT_EQ(read_iso_date_digits("2022-06-31"), (Date{2022, 6, 31}));
  EXPECT_EQ(read_iso_date_digits("2022-13-45"), (Date{2022, 13, 45}));
  EXPECT_EQ(read_iso_date_digits("27/06/2022"), std::nullopt);
  EXPECT_EQ(read_iso_date_digits("2022-6-27"), std::nullopt);
}

TEST(TimeOfDay, Parts) {
  const TimeOfDay time{10 * 60 + 5};
  EXPECT_EQ(time.hour(), 10);
  EXPECT_EQ(time.minute(), 5);
  EXPECT_EQ(to_hhmm(time), "10:05");
  EXPECT_EQ(to_hhmm(TimeOfDay{0}), "00:00");
  EXPECT_EQ(to_hhmm(TimeOfDay{1440}), "24:00");
  EXPECT_LT(TimeOfDay{600}, TimeOfDay{601});
}

TEST(ParseHhmm, Valid) {
  EXPECT_EQ(parse_hhmm("10:00"), TimeOfDay{600});
  EXPECT_EQ(parse_hhmm("00:00"), TimeOfDay{0});
  EXPECT_EQ(parse_hhmm("09:30"), TimeOfDay{570});
  EXPECT_EQ(parse_hhmm("23:59"), TimeOfDay{1439});
  EXPECT_EQ(parse_hhmm("24:00"), TimeOfDay{1440});
}

TEST(ParseHhmm, RejectsBadInput) {
  for (const char* text : {"", "25:00", "24:01", "10:60", "10h", "10h00", "10:5", "1:00", "10:000", "10.00",
                           "10-00", " 10:00", "10:00 ", "1O:00", "-1:00", "10:-5", "10:00:00", "ab:cd"})
    EXPECT_EQ(parse_hhmm(text), std::nullopt) << '"' << text << '"';
}

TEST(ParseHhmm, RoundTripsEveryMinute) {
  for (int minutes = 0; minutes <= 1440; ++minutes)
    ASSERT_EQ(parse_hhmm(to_hhmm(TimeOfDay{minutes})), TimeOfDay{minutes}) << minutes;
}

}  // namespace
}  // namespace plenary
