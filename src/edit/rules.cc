#include "edit/rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "format/meeting_file.h"
#include "format/rich_text.h"
#include "model/check.h"
#include "symbol/symbol.h"
#include "text/utf8.h"

namespace plenary::edit::detail {

// ---- Text

// User input as a message may quote it: valid UTF-8 without control
// characters, at most kMaxShown characters. Messages end up in JSON and HTML.
std::string shown(std::string_view text) {
  std::string out;
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++chars) {
    if (chars == kMaxShown) return out + "…";
    const auto c = static_cast<unsigned char>(text[i]);
    const size_t length = utf8_sequence_length(text, i);
    const bool control = c < 0x20 || c == 0x7F;
    if (length == 0 || control) {
      out += fmt::format("\\x{:02X}", c);
      ++i;
      continue;
    }
    out.append(text.substr(i, length));
    i += length;
  }
  return out;
}

bool blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

void require_text(std::string_view text, const std::string& field, size_t max_bytes) {
  if (text.size() > max_bytes)
    throw EditError(field, fmt::format("the text is {} bytes long; at most {} are accepted", text.size(), max_bytes));
  if (auto invalid = find_invalid_utf8(text))
    throw EditError(field, fmt::format("the text is not valid UTF-8: byte 0x{:02X} at line {}, column {}",
                                       invalid->second, invalid->first.line, invalid->first.column));
  if (text.find('\0') != std::string_view::npos) throw EditError(field, "the text contains a NUL character");
}

void require_language(const Meeting& meeting, const std::string& lang, const std::string& field) {
  if (std::find(meeting.languages.begin(), meeting.languages.end(), lang) != meeting.languages.end()) return;
  if (meeting.languages.empty()) throw EditError(field, "the meeting has no languages; add them first");
  throw EditError(field, fmt::format("'{}' is not one of the meeting's languages; use {}", shown(lang),
                                     fmt::join(meeting.languages, ", ")));
}

// Sets or, for blank text, removes the text in `lang`.
void put(LangText& text, const std::string& lang, const std::string& value) {
  if (blank(value))
    text.erase(lang);
  else
    text[lang] = value;
}

// `text` with its languages and texts checked and blank texts left out.
LangText checked(const Meeting& meeting, const LangText& text, const std::string& field) {
  LangText out;
  for (const auto& [lang, value] : text) {
    require_language(meeting, lang, field);
    require_text(value, field + "." + lang, kMaxTitleBytes);
    if (!blank(value)) out.emplace(lang, value);
  }
  return out;
}

std::string listing(const std::vector<std::string>& names, const char* what) {
  if (names.empty()) return fmt::format("the meeting has no {}", what);
  return fmt::format("the meeting's {} are {}", what, fmt::join(names, ", "));
}

std::string footnote_ids(const Meeting& meeting) {
  std::vector<std::string> ids;
  for (const Footnote& footnote : meeting.footnotes) ids.push_back(footnote.id);
  return listing(ids, "footnotes");
}

std::string decision_ids(const Meeting& meeting) {
  std::vector<std::string> ids;
  for (const Decision& decision : meeting.decisions) ids.push_back(decision.id);
  return listing(ids, "decisions");
}

void require_inlines(const Meeting& meeting, const std::vector<Inline>& inlines, const std::string& field) {
  for (const Inline& in : inlines) {
    require_text(in.text, field, kMaxAnnotationBytes);
    require_text(in.target, field, kMaxAnnotationBytes);
    if (in.kind == InlineKind::footnote_ref && !find_footnote(meeting, in.target))
      throw EditError(field, fmt::format("the text calls footnote [^{0}], but the meeting has no footnote '{0}': add "
                                         "it first ({1})",
                                         shown(in.target), footnote_ids(meeting)));
    if (in.kind == InlineKind::decision_ref && !find_decision(meeting, in.target))
      throw EditError(field, fmt::format("the text cites decision {{{{decision:{0}}}}}, but the meeting has no "
                                         "decision '{0}': add it first ({1})",
                                         shown(in.target), decision_ids(meeting)));
    require_inlines(meeting, in.children, field);
  }
}

// `text` with its languages, texts and marks checked and empty languages left out.
LangRichText checked(const Meeting& meeting, const LangRichText& text, const std::string& field) {
  LangRichText out;
  for (const auto& [lang, paragraphs] : text) {
    require_language(meeting, lang, field);
    for (const Paragraph& paragraph : paragraphs) require_inlines(meeting, paragraph.content, field + "." + lang);
    if (!paragraphs.empty()) out.emplace(lang, paragraphs);
  }
  return out;
}

// ---- Addressing items

std::string normalized_key(const std::string& key, const std::string& field) {
  require_text(key, field, kMaxKeyBytes);
  auto parsed = parse_item_key(key);
  if (!parsed)
    throw EditError(field, fmt::format("\"{}\" is not an item number: expected e.g. \"2\" or \"1 (a)\"", shown(key)));
  return *parsed;
}

std::string agenda_range(const Meeting& meeting) {
  const auto& items = meeting.items;
  if (items.empty()) return "the agenda has no items";
  if (items.size() == 1) return fmt::format("the agenda has only item {}", items[0].number);
  return fmt::format("the agenda has items {} to {}", items.front().number, items.back().number);
}

std::string subitem_range(const Item& parent) {
  const auto& subs = parent.subitems;
  if (subs.empty()) return fmt::format("item {} has no sub-items", parent.number);
  if (subs.size() == 1)
    return fmt::format("item {} has only sub-item {}", parent.number, item_key(parent.number, subs[0].number));
  return fmt::format("item {} has sub-items {} to {}", parent.number, item_key(parent.number, subs.front().number),
                     item_key(parent.number, subs.back().number));
}

Place locate(const Meeting& meeting, const std::string& key, const std::string& field) {
  const std::string wanted = normalized_key(key, field);
  const auto& items = meeting.items;
  for (size_t i = 0; i < items.size(); ++i) {
    if (item_key(items[i].number) == wanted) return {i, std::nullopt};
    for (size_t j = 0; j < items[i].subitems.size(); ++j)
      if (item_key(items[i].number, items[i].subitems[j].number) == wanted) return {i, j};
  }
  const std::string parent = wanted.substr(0, wanted.find(' '));
  for (const Item& item : items)
    if (parent != wanted && item_key(item.number) == parent)
      throw EditError(field, fmt::format("there is no item {}; {}", wanted, subitem_range(item)));
  throw EditError(field, fmt::format("there is no item {}; {}", wanted, agenda_range(meeting)));
}

Item& at(Meeting& meeting, const Place& place) {
  Item& item = meeting.items[place.item];
  return place.sub ? item.subitems[*place.sub] : item;
}

const Item& at(const Meeting& meeting, const Place& place) {
  const Item& item = meeting.items[place.item];
  return place.sub ? item.subitems[*place.sub] : item;
}

std::string path_of(const Place& place) {
  if (place.sub) return fmt::format("items[{}].subitems[{}]", place.item, *place.sub);
  return fmt::format("items[{}]", place.item);
}

std::string key_of(const Meeting& meeting, const Place& place) {
  const Item& item = meeting.items[place.item];
  return place.sub ? item_key(item.number, item.subitems[*place.sub].number) : item_key(item.number);
}

// The items of the place's level: the agenda's or the parent's sub-items.
std::vector<Item>& level_of(Meeting& meeting, const Place& place) {
  return place.sub ? meeting.items[place.item].subitems : meeting.items;
}

// Every item and sub-item in agenda order, with its key.
std::vector<std::pair<std::string, const Item*>> all_items(const Meeting& meeting) {
  std::vector<std::pair<std::string, const Item*>> all;
  for (const Item& item : meeting.items) {
    all.emplace_back(item_key(item.number), &item);
    for (const Item& sub : item.subitems) all.emplace_back(item_key(item.number, sub.number), &sub);
  }
  return all;
}

void for_each_item(Meeting& meeting, const std::function<void(Item&, const std::string&)>& visit) {
  for (Item& item : meeting.items) {
    visit(item, item_key(item.number));
    for (Item& sub : item.subitems) visit(sub, item_key(item.number, sub.number));
  }
}

// ---- Rules an edit must not break

long meeting_days(const Meeting& meeting) {
  if (!is_valid(meeting.start) || !is_valid(meeting.end) || meeting.end < meeting.start) return 1;
  return days_since_epoch(meeting.end) - days_since_epoch(meeting.start) + 1;
}

void require_minutes(const Meeting& meeting, std::optional<int> minutes, const std::string& field) {
  if (!minutes) return;
  if (*minutes < 1)
    throw EditError(field, fmt::format("expected a duration of 1 minute or more, found {}", *minutes));
  const long days = meeting_days(meeting);
  if (*minutes > days * 24 * 60)
    throw EditError(field, fmt::format("{} minutes is longer than the meeting's {} day{} ({} minutes)", *minutes,
                                       days, days == 1 ? "" : "s", days * 24 * 60));
}

Meeting accepted(const Meeting& before, Meeting after) {
  const CheckOptions options;
  if (has_errors(check_meeting(before, options))) return after;
  for (const Finding& finding : check_meeting(after, options))
    if (finding.severity == Severity::error) throw EditError(finding.path, finding.message);
  return after;
}

// ---- Dates and symbols

void require_date(const Date& date, const std::string& field, const char* what) {
  if (is_valid(date)) return;
  throw EditError(field, fmt::format("{}, {}, is not a real date: {}", what, to_iso(date), why_not_a_date(date)));
}

void require_dates(Date start, Date end) {
  require_date(start, "meeting.start", "the date the meeting starts");
  require_date(end, "meeting.end", "the date the meeting ends");
  if (end < start)
    throw EditError("meeting.end",
                    fmt::format("the meeting ends ({}) before it starts ({})", to_iso(end), to_iso(start)));
  const long days = days_since_epoch(end) - days_since_epoch(start) + 1;
  if (days > kMaxMeetingDays)
    throw EditError("meeting.end",
                    fmt::format("the meeting would last {} days; at most {} are accepted", days, kMaxMeetingDays));
}

std::string normalized_symbol(const std::string& text, const std::string& field) {
  require_text(text, field, kMaxSymbolBytes);
  auto parsed = symbol::parse(text);
  if (!parsed)
    throw EditError(field,
                    fmt::format("'{}' is not a valid UN document symbol: {}", shown(text), parsed.error->message));
  return parsed.symbol->text;
}

size_t document_index(const Meeting& meeting, const std::string& symbol, const std::string& field) {
  require_text(symbol, field, kMaxSymbolBytes);
  std::string wanted = symbol;
  if (auto parsed = symbol::parse(symbol)) wanted = parsed.symbol->text;
  for (size_t i = 0; i < meeting.documents.size(); ++i)
    if (meeting.documents[i].symbol == symbol || meeting.documents[i].symbol == wanted) return i;
  std::vector<std::string> symbols;
  for (const Document& document : meeting.documents) symbols.push_back(document.symbol);
  const std::string declared = symbols.empty() ? "the meeting declares no documents"
                                               : fmt::format("the meeting declares {}", fmt::join(symbols, ", "));
  throw EditError(field, fmt::format("there is no document {}; {}", shown(symbol), declared));
}

void require_mark_id(const std::string& id, const std::string& field, const char* what) {
  require_text(id, field, kMaxKeyBytes);
  if (!is_mark_id(id))
    throw EditError(field, fmt::format("a {} id is made of letters, digits, '-' or '_', at most {} characters; "
                                       "found '{}'",
                                       what, kMaxMarkIdLength, shown(id)));
}

RichText parsed_markdown(const Meeting& meeting, const std::string& markdown, const std::string& field) {
  std::vector<RichTextProblem> problems;
  RichText text = parse_rich_text(markdown, problems);
  if (!problems.empty()) {
    // Every problem, so that one round of corrections can fix them all.
    std::vector<std::string> said;
    for (const RichTextProblem& problem : problems)
      said.push_back(problems.size() > 1 || problem.line > 1 ? fmt::format("line {}: {}", problem.line, problem.message)
                                                              : problem.message);
    throw EditError(field, fmt::format("{}", fmt::join(said, "; ")));
  }
  for (const Paragraph& paragraph : text) require_inlines(meeting, paragraph.content, field);
  return text;
}

}  // namespace plenary::edit::detail
