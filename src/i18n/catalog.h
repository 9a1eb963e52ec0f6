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

  // Dates and times in the house style.
  std::string date(const Date& date, const std::string& pattern_key) const;  // "dates.full"
  std::string date_range(const Date& first, const Date& last) const;
  std::string time(TimeOfDay time) const;
  std::string time_range(TimeOfDay start, TimeOfDay end) const;

  const std::map<std::string, std::string>& entries() const { return entries_; }

 private:
  std::string icu_pattern(const Date& date, const std::string& pattern) const;
  std::string day_number(const Date& date) const;
  std::string month_name(const Date& date) const;
  std::string bare_time(TimeOfDay time) const;

  std::string language_;
  std::map<std::string, std::string> entries_;
};

}  // namespace plenary
