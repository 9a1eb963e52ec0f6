// A language's house style: headings, labels, phrases, and date and time
// formats. The texts are data (data/catalog/LANG.toml, compiled in); this
// code only fills in placeholders and asks ICU for day and month names.
#pragma once

#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "model/calendar.h"

namespace plenary {

class CatalogError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Named values for {placeholders}.
using Placeholders = std::map<std::string, std::string>;

// Replaces each {name} in `pattern`; throws CatalogError for an unknown name.
std::string fill(std::string_view pattern, const Placeholders& values);

class Catalog {
 public:
  // The catalog of `language` ("fr"); throws CatalogError if there is none or
  // it lacks a key that English has.
  static Catalog load(const std::string& language);

  // Parses catalog text; `name` appears in errors.
  static Catalog parse(std::string_view text, const std::string& name);

  // Languages that have a catalog, in UN order.
  static std::vector<std::string> languages();

  const std::string& language() const { return language_; }
  bool right_to_left() const { return text("direction") == "rtl"; }

  // The text at a dotted key ("heading.annex"); throws CatalogError if absent.
  const std::string& text(const std::string& key) const;
  std::string format(const std::string& key, const Placeholders& values) const { return fill(text(key), values); }

  // Dates and times in the house style. date() uses ICU for day and month
  // names unless the catalog names them itself: "months.6" replaces MMMM (the
  // UN's Arabic "حزيران/يونيه"), "<pattern_key>_weekdays.3" replaces EEEE in
  // that one pattern (Russian "в среду" in the opening), 1 = Monday.
  std::string date(const Date& date, const std::string& pattern_key) const;  // "dates.full"
  std::string date_range(const Date& first, const Date& last) const;
  std::string time(TimeOfDay time) const;
  std::string time_range(TimeOfDay start, TimeOfDay end) const;

  // The date of issue as the document head writes it. Arabic, Chinese and
  // Russian UN documents keep the head block in English ("16 March 2022")
  // while their text dates are in the language ("dates.issue"); the optional
  // keys dates.head (ICU pattern) and dates.head_locale say so. Without them
  // this is date(date, "dates.issue").
  std::string head_date(const Date& date) const;

  // The letter of sub-item n, 1-based: from agenda.letters, a space-separated
  // list ("أ ب ج ..."), when the language has its own letters; otherwise the
  // Latin "a", "b", ... "z", "aa" of plenary::subitem_letter().
  std::string subitem_letter(int n) const;

  // `text` with its first character in upper case, by the language's rules.
  std::string capitalize_first(const std::string& text) const;

  const std::map<std::string, std::string>& entries() const { return entries_; }

 private:
  const std::string* find(const std::string& key) const;
  std::string icu_pattern(const Date& date, const std::string& pattern, const std::string& locale) const;
  std::string icu_pattern(const Date& date, const std::string& pattern) const;
  std::string day_number(const Date& date) const;
  std::string month_name(const Date& date) const;
  std::string bare_time(TimeOfDay time) const;

  std::string language_;
  std::map<std::string, std::string> entries_;
};

}  // namespace plenary
