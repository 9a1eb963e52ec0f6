#include "i18n/catalog.h"

#include <fmt/format.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>


#include "i18n/embedded.h"
#include "toml/toml.h"
#include "model/meeting.h"

namespace plenary {

namespace {

void flatten(const toml::table& table, const std::string& prefix, std::map<std::string, std::string>& out,
             const std::string& name) {
  for (auto&& [key, node] : table) {
    const std::string path = prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
    if (auto* sub = node.as_table())
      flatten(*sub, path, out, name);
    else if (auto* text = node.as_string())
      out[path] = text->get();
    else
      throw CatalogError(fmt::format("{}:{}:{}: '{}' should be a string", name, node.source().begin.line,
                                     node.source().begin.column, path));
  }
}

// Replaces, in an ICU date pattern, the field written as `width` times
// `letter` ("MMMM") by `literal`, quoted so ICU copies it as it is. Quoted
// text ('de', 'года') is skipped, so a letter inside it is never taken for a
// field.
std::string replace_field(const std::string& pattern, char letter, size_t width, const std::string& literal) {
  std::string quoted = "'";
  for (char c : literal) quoted += c == '\'' ? std::string("''") : std::string(1, c);
  quoted += "'";
  std::string out;
  bool in_quote = false;
  for (size_t i = 0; i < pattern.size();) {
    const char c = pattern[i];
    if (c == '\'') {
      const bool doubled = i + 1 < pattern.size() && pattern[i + 1] == '\'';
      if (!doubled) in_quote = !in_quote;
      out.append(pattern, i, doubled ? 2 : 1);
      i += doubled ? 2 : 1;
      continue;
    }
    const bool ascii_letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (in_quote || !ascii_letter) {
      out += c;
      ++i;
      continue;
    }
    size_t run = 1;
    while (i + run < pattern.size() && pattern[i + run] == c) ++run;
    if (c == letter && run == width)
      out += quoted;
    else
      out.append(pattern, i, run);
    i += run;
  }
  return out;
}

}  // namespace

std::string fill(std::string_view pattern, const Placeholders& values) {
  std::string out;
  size_t pos = 0;
  while (pos < pattern.size()) {
    const size_t open = pattern.find('{', pos);
    if (open == std::string_view::npos) break;
    const size_t close = pattern.find('}', open);
    if (close == std::string_view::npos)
      throw CatalogError(fmt::format("unclosed placeholder in \"{}\"", pattern));
    out.append(pattern.substr(pos, open - pos));
    const std::string name(pattern.substr(open + 1, close - open - 1));
    auto it = values.find(name);
    if (it == values.end()) throw CatalogError(fmt::format("unknown placeholder {{{}}} in \"{}\"", name, pattern));
    out += it->second;
    pos = close + 1;
  }
  out.append(pattern.substr(pos));
  return out;
}

Catalog Catalog::parse(std::string_view text, const std::string& name) {
  Catalog catalog;
  try {
    flatten(toml::parse(text, name), "", catalog.entries_, name);
  } catch (const toml::parse_error& e) {
    throw CatalogError(fmt::format("{}:{}:{}: {}", name, e.source().begin.line, e.source().begin.column,
                                   e.description()));
  }
  catalog.language_ = catalog.text("language");
  return catalog;
}

Catalog Catalog::load(const std::string& language) {
  const auto& files = embedded_files();
  auto it = files.find(language + ".toml");
  if (it == files.end())
    throw CatalogError(fmt::format("no catalog for language '{}' (have: {})", language, fmt::join(languages(), ", ")));
  Catalog catalog = parse(it->second, language + ".toml");
  if (language != "en") {
    // Every language must say everything English says; clock words differ.
    const Catalog english = load("en");
    for (const auto& [key, value] : english.entries_)
      if (!key.starts_with("times.") && !catalog.entries_.count(key))
        throw CatalogError(fmt::format("catalog {}.toml lacks '{}' (English: \"{}\")", language, key, value));
  }
  return catalog;
}

std::vector<std::string> Catalog::languages() {
  std::vector<std::string> result;
  for (const char* lang : kOfficialLanguages)
    if (embedded_files().count(std::string(lang) + ".toml")) result.push_back(lang);
  return result;
}

const std::string& Catalog::text(const std::string& key) const {
  auto it = entries_.find(key);
  if (it == entries_.end())
    throw CatalogError(fmt::format("catalog '{}' has no '{}'", language_.empty() ? "?" : language_, key));
  return it->second;
}

const std::string* Catalog::find(const std::string& key) const {
  auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : &it->second;
}

std::string Catalog::icu_pattern(const Date& date, const std::string& pattern, const std::string& locale_name) const {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale(locale_name.c_str());
  icu::SimpleDateFormat formatter(icu::UnicodeString::fromUTF8(pattern), locale, status);
  if (U_FAILURE(status))
    throw CatalogError(fmt::format("ICU rejects the date pattern \"{}\": {}", pattern, u_errorName(status)));
  formatter.adoptTimeZone(icu::TimeZone::getGMT()->clone());
  const UDate when = static_cast<double>(days_since_epoch(date)) * 86400000.0;
  icu::UnicodeString result;
  formatter.format(when, result);
  std::string out;
  return result.toUTF8String(out);
}

std::string Catalog::icu_pattern(const Date& date, const std::string& pattern) const {
  return icu_pattern(date, pattern, text("icu_locale"));
}

std::string Catalog::date(const Date& date, const std::string& pattern_key) const {
  std::string pattern = text(pattern_key);
  // "1er juillet": the first of the month may have its own form.
  if (date.day == 1 && entries_.count("dates.first_of_month") && text("dates.first_of_month") != "1")
    pattern = replace_field(pattern, 'd', 1, text("dates.first_of_month"));
  // Names ICU does not have in the UN's form ("حزيران/يونيه"), or not in the
  // case the sentence needs ("в среду").
  if (const std::string* month = find("months." + std::to_string(date.month)))
    pattern = replace_field(pattern, 'M', 4, *month);
  if (const std::string* day = find(pattern_key + "_weekdays." + std::to_string(weekday(date) + 1)))
    pattern = replace_field(pattern, 'E', 4, *day);
  std::string out = icu_pattern(date, pattern);
  if (pattern_key == "dates.table_day" && text("dates.capitalize_table_day") == "yes")
    out = capitalize_first(out);
  return out;
}

std::string Catalog::head_date(const Date& date) const {
  const std::string* pattern = find("dates.head");
  if (!pattern) return this->date(date, "dates.issue");
  // The head is another language's text: the catalog's own names (months.N)
  // do not apply to it.
  const std::string* locale = find("dates.head_locale");
  return icu_pattern(date, *pattern, locale ? *locale : text("icu_locale"));
}

std::string Catalog::day_number(const Date& date) const {
  if (date.day == 1) return text("dates.first_of_month");
  return icu_pattern(date, "d");
}

std::string Catalog::month_name(const Date& date) const {
  if (const std::string* month = find("months." + std::to_string(date.month))) return *month;
  return icu_pattern(date, "MMMM");
}

std::string Catalog::date_range(const Date& first, const Date& last) const {
  if (first == last) return this->date(first, "dates.issue");
  const std::string year1 = icu_pattern(first, "y"), year2 = icu_pattern(last, "y");
  Placeholders values{{"day1", day_number(first)},   {"day2", day_number(last)},
                      {"month", month_name(last)},   {"month1", month_name(first)},
                      {"month2", month_name(last)},  {"year", year2},
                      {"year1", year1},              {"year2", year2}};
  if (first.year != last.year) return format("dates.different_years", values);
  if (first.month != last.month) return format("dates.same_year", values);
  if (days_since_epoch(last) - days_since_epoch(first) == 1) return format("dates.same_month_two_days", values);
  return format("dates.same_month", values);
}

std::string Catalog::subitem_letter(int n) const {
  const std::string* list = find("agenda.letters");
  if (!list) return ::plenary::subitem_letter(n);
  std::vector<std::string> letters;
  for (size_t pos = 0; pos < list->size();) {
    const size_t space = list->find(' ', pos);
    const size_t end = space == std::string::npos ? list->size() : space;
    if (end > pos) letters.push_back(list->substr(pos, end - pos));
    pos = end + 1;
  }
  if (letters.empty()) throw CatalogError(fmt::format("catalog '{}' has an empty 'agenda.letters'", language_));
  // As with Latin letters, the list starts over doubled after its last letter.
  const int count = static_cast<int>(letters.size());
  std::string out;
  for (; n > 0; n = (n - 1) / count) out.insert(0, letters[static_cast<size_t>((n - 1) % count)]);
  return out;
}

std::string Catalog::time(TimeOfDay time) const {
  const bool twelve = text("times.clock") == "12h";
  if (twelve && time.minutes == 12 * 60 && entries_.count("times.noon")) return text("times.noon");
  const int hour = time.hour() % 24;
  const int shown = twelve ? (hour % 12 == 0 ? 12 : hour % 12) : time.hour();
  Placeholders values{{"hour", std::to_string(shown)},
                      {"minute", fmt::format("{:02}", time.minute())},
                      {"period", twelve ? text(hour < 12 ? "times.am" : "times.pm") : ""}};
  return format(time.minute() == 0 ? "times.on_the_hour" : "times.with_minutes", values);
}

// The time without the words a range says once: "3" in "3–6 p.m.", "6时" in
// "下午3时至6时", "10.00" in "10.00 a 13.00 horas" (times.bare, when the
// words are not a period).
std::string Catalog::bare_time(TimeOfDay time) const {
  const bool twelve = text("times.clock") == "12h";
  int hour = time.hour();
  if (twelve) hour = hour % 12 == 0 ? 12 : hour % 12;
  Placeholders values{{"hour", std::to_string(hour)},
                      {"minute", fmt::format("{:02}", time.minute())},
                      {"period", ""}};
  if (entries_.count("times.bare")) return format("times.bare", values);
  std::string out = format(time.minute() == 0 ? "times.on_the_hour" : "times.with_minutes", values);
  while (!out.empty() && out.back() == ' ') out.pop_back();  // drop the empty {period}
  return out;
}

std::string Catalog::time_range(TimeOfDay start, TimeOfDay end) const {
  const Placeholders values{{"start", time(start)},
                            {"end", time(end)},
                            {"start_bare", bare_time(start)},
                            {"end_bare", bare_time(end)}};
  if (text("times.clock") == "12h" && entries_.count("times.range_same_period")) {
    const bool noon = start.minutes == 12 * 60 || end.minutes == 12 * 60;
    const bool same_period = (start.hour() < 12) == (end.hour() < 12 || end.minutes == 24 * 60);
    if (same_period && !noon) return format("times.range_same_period", values);
  }
  return format("times.range", values);
}

std::string Catalog::capitalize_first(const std::string& text) const {
  const icu::Locale locale(this->text("icu_locale").c_str());
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(text);
  if (s.isEmpty()) return text;
  const int32_t first_length = U16_LENGTH(s.char32At(0));
  icu::UnicodeString first = s.tempSubString(0, first_length);
  first.toUpper(locale);
  s.replace(0, first_length, first);
  std::string out;
  return s.toUTF8String(out);
}

}  // namespace plenary
