// The edits of the meeting's own data, the agenda's heading and the
// planning settings (edit.h).
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <string_view>

#include "edit/edit.h"
#include "edit/rules.h"
#include "i18n/time_zone.h"

namespace plenary::edit {

using namespace detail;

namespace {

constexpr int kMinutesInADay = 24 * 60;
constexpr int kMaxItemMinutes = 30 * kMinutesInADay;  // as the meeting file's reader allows

void require_time_of_day(TimeOfDay time, const std::string& field) {
  if (time.minutes < 0 || time.minutes > kMinutesInADay)
    throw EditError(field, fmt::format("expected a time of day from 00:00 to 24:00, found {} minutes", time.minutes));
}

void require_in_range(int value, int low, int high, const std::string& field, const char* what) {
  if (value < low || value > high)
    throw EditError(field, fmt::format("{} should be from {} to {}, found {}", what, low, high, value));
}

// A format's plenary meetings in a day: each ends after it starts, in order,
// none overlapping the one before.
void require_windows(const std::vector<TimeWindow>& windows, const std::string& field) {
  for (size_t k = 0; k < windows.size(); ++k) {
    const std::string at = fmt::format("{}[{}]", field, k);
    require_time_of_day(windows[k].start, at);
    require_time_of_day(windows[k].end, at);
    if (!(windows[k].start < windows[k].end))
      throw EditError(at, fmt::format("the meeting from {} to {} ends before it starts", to_hhmm(windows[k].start),
                                      to_hhmm(windows[k].end)));
    if (k > 0 && windows[k].start < windows[k - 1].end)
      throw EditError(at, fmt::format("the meeting from {} to {} starts before the one from {} to {} ends; list them "
                                      "in order, without overlap",
                                      to_hhmm(windows[k].start), to_hhmm(windows[k].end),
                                      to_hhmm(windows[k - 1].start), to_hhmm(windows[k - 1].end)));
  }
}

void require_unavailable(const Meeting& meeting, const std::vector<UnavailableSlot>& slots) {
  for (size_t k = 0; k < slots.size(); ++k) {
    const std::string at = fmt::format("planning.unavailable[{}]", k);
    require_date(slots[k].date, at + ".date", "the day of the unavailable meeting");
    if (slots[k].date < meeting.start || meeting.end < slots[k].date)
      throw EditError(at + ".date", fmt::format("{} is outside the meeting's dates ({} to {})", to_iso(slots[k].date),
                                                to_iso(meeting.start), to_iso(meeting.end)));
    require_time_of_day(slots[k].start, at + ".start");
  }
}

void require_default_minutes(const std::map<std::string, int>& minutes) {
  for (const auto& [kind, value] : minutes) {
    const std::string at = "planning.default_minutes." + kind;
    if (!item_kind_from(kind))
      throw EditError(at, fmt::format("'{}' is not an item kind: expected opening, adoption-of-agenda, substantive, "
                                      "review-mechanism, other-matters, adoption-of-report or organizational",
                                      shown(kind)));
    require_in_range(value, 1, kMaxItemMinutes, at, "the default minutes");
  }
}

}  // namespace

// ---- The meeting's own data

Meeting set_meeting_title(const Meeting& meeting, const std::string& lang, const std::string& text) {
  return with_text(meeting, "meeting.title", lang, text, [](Meeting& m) -> LangText& { return m.title; });
}

Meeting set_meeting_city(const Meeting& meeting, const std::string& lang, const std::string& text) {
  return with_text(meeting, "meeting.city", lang, text, [](Meeting& m) -> LangText& { return m.city; });
}

Meeting set_meeting_venue(const Meeting& meeting, const std::string& lang, const std::string& text) {
  return with_text(meeting, "meeting.venue", lang, text, [](Meeting& m) -> LangText& { return m.venue; });
}

Meeting set_ordinal(const Meeting& meeting, int ordinal) {
  require_in_range(ordinal, 1, 999, "meeting.ordinal", "the meeting's ordinal");
  Meeting result = meeting;
  result.ordinal = ordinal;
  return accepted(meeting, std::move(result));
}

Meeting set_time_zone(const Meeting& meeting, const std::string& time_zone) {
  require_text(time_zone, "meeting.time_zone", kMaxKeyBytes);
  if (!is_known_time_zone(time_zone))
    throw EditError("meeting.time_zone", fmt::format("'{}' is not a known time zone: expected an IANA name such as "
                                                     "Europe/Vienna",
                                                     shown(time_zone)));
  Meeting result = meeting;
  result.time_zone = time_zone;
  return accepted(meeting, std::move(result));
}

Meeting set_format(const Meeting& meeting, MeetingFormat format) {
  if (std::string_view(to_string(format)) == "?")
    throw EditError("meeting.format", "unknown format: expected in-person, hybrid or online");
  Meeting result = meeting;
  result.format = format;
  return accepted(meeting, std::move(result));
}

Meeting set_languages(const Meeting& meeting, const std::vector<std::string>& languages) {
  if (languages.empty()) throw EditError("meeting.languages", "the agenda needs at least one language");
  std::set<std::string> seen;
  for (size_t k = 0; k < languages.size(); ++k) {
    const std::string field = fmt::format("meeting.languages[{}]", k);
    require_text(languages[k], field, kMaxKeyBytes);
    if (!is_official_language(languages[k]))
      throw EditError(field, fmt::format("'{}' is not an official language: expected one of ar, zh, en, fr, ru, es",
                                         shown(languages[k])));
    if (!seen.insert(languages[k]).second)
      throw EditError(field, fmt::format("{} is listed twice", language_name(languages[k])));
  }
  const std::string& original = meeting.document.original_language;
  if (!original.empty() && is_official_language(original) && !seen.count(original))
    throw EditError("meeting.languages",
                    fmt::format("the agenda's original language, {}, must stay among its languages; change the "
                                "original language first",
                                language_name(original)));
  Meeting result = meeting;
  result.languages = languages;
  return accepted(meeting, std::move(result));
}

Meeting set_body_name(const Meeting& meeting, const std::string& lang, const std::string& text) {
  return with_text(meeting, "body.name", lang, text, [](Meeting& m) -> LangText& { return m.body.name; });
}

Meeting set_body_parent(const Meeting& meeting, const std::string& lang, const std::string& text) {
  return with_text(meeting, "body.parent", lang, text, [](Meeting& m) -> LangText& { return m.body.parent; });
}

Meeting set_mandate(const Meeting& meeting, const std::vector<std::string>& mandate) {
  Meeting result = meeting;
  result.body.mandate.clear();
  for (size_t k = 0; k < mandate.size(); ++k) {
    require_text(mandate[k], fmt::format("body.mandate[{}]", k), kMaxTitleBytes);
    if (!blank(mandate[k])) result.body.mandate.push_back(mandate[k]);
  }
  return accepted(meeting, std::move(result));
}

// ---- The agenda's heading

Meeting set_agenda_symbol(const Meeting& meeting, const std::string& symbol) {
  Meeting result = meeting;
  result.document.symbol = normalized_symbol(symbol, "document.symbol");
  if (find_document(meeting, result.document.symbol))
    throw EditError("document.symbol", fmt::format("{} is one of the meeting's documents; the agenda needs a symbol "
                                                   "of its own",
                                                   result.document.symbol));
  return accepted(meeting, std::move(result));
}

Meeting set_issued(const Meeting& meeting, Date issued) {
  require_date(issued, "document.issued", "the date of issue");
  Meeting result = meeting;
  result.document.issued = issued;
  return accepted(meeting, std::move(result));
}

Meeting set_distribution(const Meeting& meeting, Distribution distribution) {
  if (std::string_view(to_string(distribution)) == "?")
    throw EditError("document.distribution", "unknown distribution: expected general, limited or restricted");
  Meeting result = meeting;
  result.document.distribution = distribution;
  return accepted(meeting, std::move(result));
}

Meeting set_original_language(const Meeting& meeting, const std::string& lang) {
  require_language(meeting, lang, "document.original_language");
  Meeting result = meeting;
  result.document.original_language = lang;
  return accepted(meeting, std::move(result));
}

// ---- Planning settings

Meeting set_planning(const Meeting& meeting, PlanningSettings planning) {
  require_windows(planning.in_person, "planning.in_person");
  require_windows(planning.hybrid, "planning.hybrid");
  require_windows(planning.online, "planning.online");
  if (planning.first_day_start) require_time_of_day(*planning.first_day_start, "planning.first_day_start");
  if (planning.last_day_end) require_time_of_day(*planning.last_day_end, "planning.last_day_end");
  require_unavailable(meeting, planning.unavailable);
  require_in_range(planning.min_continuation, 1, kMinutesInADay, "planning.min_continuation",
                   "the shortest continuation");
  require_in_range(planning.min_substantive_minutes, 1, kMinutesInADay, "planning.min_substantive_minutes",
                   "the shortest substantive item");
  require_default_minutes(planning.default_minutes);
  Meeting result = meeting;
  result.planning = std::move(planning);
  return accepted(meeting, std::move(result));
}

}  // namespace plenary::edit
