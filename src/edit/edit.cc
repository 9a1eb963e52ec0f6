#include "edit/edit.h"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <map>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

#include "edit/equal.h"
#include "format/meeting_file.h"
#include "format/rich_text.h"
#include "model/check.h"
#include "symbol/symbol.h"
#include "text/utf8.h"


namespace plenary::edit {

EditError::EditError(std::string field_name, const std::string& message)
    : std::runtime_error(message), field(std::move(field_name)) {}

namespace {

constexpr long kMaxMeetingDays = 366;
constexpr size_t kMaxShown = 60;      // characters of user input quoted in a message
constexpr size_t kMaxKeyBytes = 256;  // item keys, ids and language codes
constexpr size_t kMaxSymbolBytes = 1024;

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
      throw EditError(field, fmt::format("the text calls footnote [^{}], which is not defined; {}", shown(in.target),
                                         footnote_ids(meeting)));
    if (in.kind == InlineKind::decision_ref && !find_decision(meeting, in.target))
      throw EditError(field, fmt::format("the text cites decision {{{{decision:{}}}}}, which is not defined; {}",
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

struct Place {
  size_t item = 0;
  std::optional<size_t> sub;
};

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

std::optional<std::string> report_problem(const Meeting& meeting) {
  const auto all = all_items(meeting);
  for (size_t k = 0; k + 1 < all.size(); ++k)
    if (all[k].second->kind == ItemKind::adoption_of_report)
      return fmt::format("the adoption of the report (item {}) must be the last item; item {} would follow it",
                         all[k].first, all.back().first);
  return std::nullopt;
}

std::optional<std::string> review_problem(const Meeting& meeting) {
  std::string first;
  for (const auto& [key, item] : all_items(meeting)) {
    if (item->kind != ItemKind::review_mechanism) continue;
    if (first.empty()) {
      first = key;
      continue;
    }
    return fmt::format(
        "items {} and {} would both be review-mechanism items; a working group devotes no more than "
        "one agenda item per meeting to the review process",
        first, key);
  }
  return std::nullopt;
}

// The agenda rules broken by `after` but not by `before`, with their own
// field: the report's place or the review item's kind.
void keep_rules(const Meeting& before, const Meeting& after, const std::string& place_field,
                const std::string& kind_field) {
  if (!report_problem(before))
    if (auto problem = report_problem(after)) throw EditError(place_field, *problem);
  if (!review_problem(before))
    if (auto problem = review_problem(after)) throw EditError(kind_field, *problem);
}

// The last guard: an edit of an accepted meeting must leave it accepted.
// The edits check what they can with their own messages first; this catches
// the rest, named as check_meeting names it.
Meeting accepted(const Meeting& before, Meeting after) {
  const CheckOptions options;
  if (has_errors(check_meeting(before, options))) return after;
  for (const Finding& finding : check_meeting(after, options))
    if (finding.severity == Severity::error) throw EditError(finding.path, finding.message);
  return after;
}

// Checks a new item's content and drops its blank texts. `field` is
// "item" or "item.subitems[0]".
void check_item(const Meeting& meeting, Item& item, const std::string& field) {
  if (std::string_view(to_string(item.kind)) == "?") throw EditError(field + ".kind", "unknown item kind");
  item.title = checked(meeting, item.title, field + ".title");
  item.annotation = checked(meeting, item.annotation, field + ".annotation");
  std::set<std::string> listed;
  for (size_t d = 0; d < item.documents.size(); ++d) {
    const std::string& symbol = item.documents[d];
    const std::string doc_field = fmt::format("{}.documents[{}]", field, d);
    require_text(symbol, doc_field, kMaxSymbolBytes);
    if (!find_document(meeting, symbol))
      throw EditError(doc_field,
                      fmt::format("document {} is not declared; add it to the meeting first", shown(symbol)));
    if (!listed.insert(symbol).second) throw EditError(doc_field, fmt::format("document {} is listed twice", symbol));
  }
  if (!item.documents.empty() && item.no_documents)
    throw EditError(field + ".no_documents", "the item lists documents and also says none are planned");
  if (item.minutes && !item.subitems.empty())
    throw EditError(field + ".minutes", "an item with sub-items takes no estimate: its sub-items do");
  require_minutes(meeting, item.minutes, field + ".minutes");
  ItemConstraints& rules = item.constraints;
  require_minutes(meeting, rules.min_minutes, field + ".min_minutes");
  if (rules.min_minutes && item.minutes && *rules.min_minutes > *item.minutes)
    throw EditError(field + ".min_minutes", fmt::format("the minimum ({} min) is more than the estimate ({} min)",
                                                        *rules.min_minutes, *item.minutes));
  if (rules.weight < 1)
    throw EditError(field + ".weight", fmt::format("expected a weight of 1 or more, found {}", rules.weight));
  if (!rules.same_meeting_as.empty()) {
    const std::string same_field = field + ".same_meeting_as";
    rules.same_meeting_as = key_of(meeting, locate(meeting, rules.same_meeting_as, same_field));
  }
  if (rules.not_before_date && (!is_valid(*rules.not_before_date) || *rules.not_before_date < meeting.start ||
                                meeting.end < *rules.not_before_date))
    throw EditError(field + ".not_before",
                    fmt::format("{} is outside the meeting's dates ({} to {})", to_iso(*rules.not_before_date),
                                to_iso(meeting.start), to_iso(meeting.end)));
}

// ---- Keeping the organization of work in step with the agenda

bool is_slot_order_finding(const Finding& finding) {
  return finding.severity == Severity::error &&
         (finding.path == "organization.slots" ||
          (finding.path.starts_with("organization.slots[") && finding.path.find(".items[") != std::string::npos));
}

bool slots_follow_agenda(const Meeting& meeting) {
  const auto findings = check_meeting(meeting, CheckOptions{});
  return std::none_of(findings.begin(), findings.end(), is_slot_order_finding);
}

// See renumber(): slot items already name the new keys, or "" when gone.
void follow_agenda(Meeting& meeting) {
  std::vector<Slot>& slots = meeting.organization.slots;
  if (slots.empty()) return;
  const auto order = schedulable_items(meeting);
  std::map<std::string, size_t> rank;
  for (size_t k = 0; k < order.size(); ++k) rank.emplace(order[k].first, k);

  for (Slot& slot : slots) {
    std::vector<SlotItem> kept;
    for (SlotItem entry : slot.items) {
      if (const Item* item = find_item(meeting, entry.item); item && !item->subitems.empty())
        entry.item = item_key(item->number, item->subitems.front().number);
      if (!rank.count(entry.item)) continue;
      auto twice = std::find_if(kept.begin(), kept.end(), [&](const SlotItem& k) { return k.item == entry.item; });
      if (twice == kept.end()) {
        kept.push_back(entry);
      } else if (entry.minutes) {
        twice->minutes = twice->minutes.value_or(0) + *entry.minutes;
      }
    }
    std::stable_sort(kept.begin(), kept.end(),
                     [&](const SlotItem& a, const SlotItem& b) { return rank[a.item] < rank[b.item]; });
    slot.items = std::move(kept);
  }

  std::set<std::string> taken;
  for (const Slot& slot : slots)
    for (const SlotItem& entry : slot.items) taken.insert(entry.item);
  for (size_t k = 0; k < order.size(); ++k) {
    if (taken.count(order[k].first)) continue;
    // Right after the last time the item before it is taken up, which by
    // now is somewhere; the first item goes first.
    size_t slot_index = 0;
    size_t position = 0;
    if (k > 0) {
      for (size_t s = 0; s < slots.size(); ++s)
        for (size_t e = 0; e < slots[s].items.size(); ++e)
          if (slots[s].items[e].item == order[k - 1].first) {
            slot_index = s;
            position = e + 1;
          }
    }
    auto& entries = slots[slot_index].items;
    entries.insert(entries.begin() + static_cast<long>(position), SlotItem{order[k].first, false, std::nullopt});
    taken.insert(order[k].first);
  }

  mark_continuations(meeting.organization);
  if (!slots_follow_agenda(meeting)) slots.clear();
}

// ---- Dates and symbols

void require_dates(Date start, Date end) {
  if (!is_valid(start))
    throw EditError("meeting.start",
                    fmt::format("expected the date the meeting starts as a real date, found {}", to_iso(start)));
  if (!is_valid(end))
    throw EditError("meeting.end",
                    fmt::format("expected the date the meeting ends as a real date, found {}", to_iso(end)));
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

size_t document_index(const Meeting& meeting, const std::string& symbol) {
  require_text(symbol, "symbol", kMaxSymbolBytes);
  std::string wanted = symbol;
  if (auto parsed = symbol::parse(symbol)) wanted = parsed.symbol->text;
  for (size_t i = 0; i < meeting.documents.size(); ++i)
    if (meeting.documents[i].symbol == symbol || meeting.documents[i].symbol == wanted) return i;
  std::vector<std::string> symbols;
  for (const Document& document : meeting.documents) symbols.push_back(document.symbol);
  const std::string declared = symbols.empty() ? "the meeting declares no documents"
                                               : fmt::format("the meeting declares {}", fmt::join(symbols, ", "));
  throw EditError("symbol", fmt::format("there is no document {}; {}", shown(symbol), declared));
}

bool cites(const std::vector<Inline>& inlines, const std::string& id) {
  return std::any_of(inlines.begin(), inlines.end(), [&](const Inline& in) {
    return (in.kind == InlineKind::decision_ref && in.target == id) || cites(in.children, id);
  });
}

// The languages of `text` that cite decision `id`: "en, fr".
std::vector<std::string> citing_languages(const LangRichText& text, const std::string& id) {
  std::vector<std::string> langs;
  for (const auto& [lang, paragraphs] : text)
    if (std::any_of(paragraphs.begin(), paragraphs.end(), [&](const Paragraph& p) { return cites(p.content, id); }))
      langs.push_back(lang);
  return langs;
}

Meeting set_meeting_text(const Meeting& meeting, LangText Meeting::*member, const char* name, const std::string& lang,
                         const std::string& text) {
  require_language(meeting, lang, "lang");
  require_text(text, fmt::format("meeting.{}.{}", name, lang), kMaxTitleBytes);
  Meeting result = meeting;
  put(result.*member, lang, text);
  return accepted(meeting, std::move(result));
}

bool is_standard(ItemKind kind) {
  return kind == ItemKind::organizational || kind == ItemKind::opening || kind == ItemKind::adoption_of_agenda ||
         kind == ItemKind::other_matters || kind == ItemKind::adoption_of_report;
}

void start_afresh(Item& item) {
  item.documents.clear();
  item.annotation.clear();
  item.constraints.not_before_date.reset();
  item.constraints.not_before_time.reset();
  if (!is_standard(item.kind)) {
    item.minutes.reset();
    item.no_documents = false;
  }
  for (Item& sub : item.subitems) start_afresh(sub);
}

}  // namespace

// ---- Items

Meeting renumber(const Meeting& meeting) {
  Meeting result = meeting;
  std::map<std::string, std::string> new_keys;  // old key -> new key
  for (size_t i = 0; i < result.items.size(); ++i) {
    Item& item = result.items[i];
    const int number = static_cast<int>(i) + 1;
    for (size_t j = 0; j < item.subitems.size(); ++j) {
      Item& sub = item.subitems[j];
      const int letter = static_cast<int>(j) + 1;
      if (item.number > 0 && sub.number > 0)
        new_keys.emplace(item_key(item.number, sub.number), item_key(number, letter));
      sub.number = letter;
    }
    if (item.number > 0) new_keys.emplace(item_key(item.number), item_key(number));
    item.number = number;
  }
  auto new_key = [&](const std::string& old) {
    auto it = new_keys.find(old);
    return it == new_keys.end() ? std::string() : it->second;
  };
  for (Item& item : result.items) {
    if (!item.constraints.same_meeting_as.empty())
      item.constraints.same_meeting_as = new_key(item.constraints.same_meeting_as);
    for (Item& sub : item.subitems)
      if (!sub.constraints.same_meeting_as.empty())
        sub.constraints.same_meeting_as = new_key(sub.constraints.same_meeting_as);
  }
  for (Slot& slot : result.organization.slots)
    for (SlotItem& entry : slot.items) entry.item = new_key(entry.item);
  follow_agenda(result);
  if (!same(meeting.organization.slots, result.organization.slots)) ++result.organization.sequence;
  return result;
}

Meeting add_item(const Meeting& meeting, Item item, const std::string& parent_key, int position) {
  Meeting result = meeting;
  std::vector<Item>* level = &result.items;
  std::string level_name = agenda_range(meeting);
  if (!parent_key.empty()) {
    const Place parent = locate(meeting, parent_key, "parent_key");
    if (parent.sub)
      throw EditError("parent_key", fmt::format("item {} is a sub-item, and sub-items cannot have sub-items",
                                                key_of(meeting, parent)));
    if (!item.subitems.empty()) throw EditError("item.subitems", "a sub-item cannot have sub-items");
    level = &result.items[parent.item].subitems;
    level_name = subitem_range(meeting.items[parent.item]);
  }
  check_item(meeting, item, "item");
  for (size_t j = 0; j < item.subitems.size(); ++j) {
    const std::string field = fmt::format("item.subitems[{}]", j);
    if (!item.subitems[j].subitems.empty()) throw EditError(field + ".subitems", "a sub-item cannot have sub-items");
    check_item(meeting, item.subitems[j], field);
  }
  if (item.kind == ItemKind::adoption_of_report)
    for (const auto& [key, other] : all_items(meeting))
      if (other->kind == ItemKind::adoption_of_report)
        throw EditError("item.kind", fmt::format("the agenda already has an adoption of the report (item {})", key));

  const int count = static_cast<int>(level->size());
  if (position < 0 || position > count + 1)
    throw EditError("position", fmt::format("position {} is not between 1 and {} (0 adds at the end); {}", position,
                                            count + 1, level_name));
  item.number = 0;  // new: renumber() maps no old key to it
  for (Item& sub : item.subitems) sub.number = 0;
  const size_t index = position == 0 ? level->size() : static_cast<size_t>(position - 1);
  level->insert(level->begin() + static_cast<long>(index), std::move(item));

  Meeting numbered = renumber(result);
  keep_rules(meeting, numbered, "position", "item.kind");
  return accepted(meeting, std::move(numbered));
}

Meeting remove_item(const Meeting& meeting, const std::string& key) {
  const Place place = locate(meeting, key, "key");
  if (!place.sub && meeting.items.size() == 1)
    throw EditError(
        "key", fmt::format("item {} is the only item, and an agenda needs at least one", key_of(meeting, place)));
  Meeting result = meeting;
  auto& level = level_of(result, place);
  level.erase(level.begin() + static_cast<long>(place.sub ? *place.sub : place.item));
  Meeting numbered = renumber(result);
  keep_rules(meeting, numbered, "key", "key");
  return accepted(meeting, std::move(numbered));
}

Meeting move_item(const Meeting& meeting, const std::string& key, int new_position) {
  const Place place = locate(meeting, key, "key");
  Meeting result = meeting;
  auto& level = level_of(result, place);
  const int count = static_cast<int>(level.size());
  if (new_position < 1 || new_position > count) {
    const std::string level_name = place.sub ? subitem_range(meeting.items[place.item]) : agenda_range(meeting);
    throw EditError("position",
                    fmt::format("position {} is not between 1 and {}; {}", new_position, count, level_name));
  }
  const size_t from = place.sub ? *place.sub : place.item;
  const size_t to = static_cast<size_t>(new_position - 1);
  if (from == to) return result;
  if (from < to)
    std::rotate(level.begin() + static_cast<long>(from), level.begin() + static_cast<long>(from + 1),
                level.begin() + static_cast<long>(to + 1));
  else
    std::rotate(level.begin() + static_cast<long>(to), level.begin() + static_cast<long>(from),
                level.begin() + static_cast<long>(from + 1));
  Meeting numbered = renumber(result);
  keep_rules(meeting, numbered, "position", "position");
  return accepted(meeting, std::move(numbered));
}

Meeting set_item_title(const Meeting& meeting, const std::string& key, const std::string& lang,
                       const std::string& text) {
  const Place place = locate(meeting, key, "key");
  require_language(meeting, lang, "lang");
  require_text(text, path_of(place) + ".title." + lang, kMaxTitleBytes);
  Meeting result = meeting;
  put(at(result, place).title, lang, text);
  return accepted(meeting, std::move(result));
}

Meeting set_item_kind(const Meeting& meeting, const std::string& key, ItemKind kind) {
  const Place place = locate(meeting, key, "key");
  const std::string field = path_of(place) + ".kind";
  if (std::string_view(to_string(kind)) == "?") throw EditError(field, "unknown item kind");
  Meeting result = meeting;
  at(result, place).kind = kind;
  keep_rules(meeting, result, field, field);
  return accepted(meeting, std::move(result));
}

Meeting set_item_minutes(const Meeting& meeting, const std::string& key, std::optional<int> minutes) {
  const Place place = locate(meeting, key, "key");
  const Item& item = at(meeting, place);
  const std::string field = path_of(place) + ".minutes";
  if (minutes && !item.subitems.empty())
    throw EditError(field, fmt::format("item {} has sub-items: set the minutes of its sub-items instead",
                                       key_of(meeting, place)));
  require_minutes(meeting, minutes, field);
  const auto& minimum = item.constraints.min_minutes;
  if (minutes && minimum && *minimum > *minutes)
    throw EditError(field, fmt::format("item {} may not take less than {} minutes (its minimum), found {}",
                                       key_of(meeting, place), *minimum, *minutes));
  Meeting result = meeting;
  at(result, place).minutes = minutes;
  return accepted(meeting, std::move(result));
}

Meeting set_annotation(const Meeting& meeting, const std::string& key, const std::string& lang,
                       const std::string& markdown) {
  const Place place = locate(meeting, key, "key");
  require_language(meeting, lang, "lang");
  const std::string field = path_of(place) + ".annotation." + lang;
  require_text(markdown, field, kMaxAnnotationBytes);
  Meeting result = meeting;
  Item& item = at(result, place);
  if (blank(markdown)) {
    item.annotation.erase(lang);
    return accepted(meeting, std::move(result));
  }
  std::vector<RichTextProblem> problems;
  RichText text = parse_rich_text(markdown, problems);
  if (!problems.empty()) {
    const RichTextProblem& first = problems.front();
    std::string message = first.line > 1 ? fmt::format("line {}: {}", first.line, first.message) : first.message;
    if (problems.size() > 1)
      message += fmt::format(" (and {} more problem{})", problems.size() - 1, problems.size() > 2 ? "s" : "");
    throw EditError(field, message);
  }
  for (const Paragraph& paragraph : text) require_inlines(meeting, paragraph.content, field);
  item.annotation[lang] = std::move(text);
  return accepted(meeting, std::move(result));
}

// ---- Documents

Meeting add_document(const Meeting& meeting, Document document, const std::string& key) {
  document.symbol = normalized_symbol(document.symbol, "document.symbol");
  const std::string& symbol = document.symbol;
  if (symbol == meeting.document.symbol)
    throw EditError("document.symbol", fmt::format("{} is the agenda's own symbol", symbol));
  document.title = checked(meeting, document.title, "document.title");
  document.description = checked(meeting, document.description, "document.description");
  std::optional<Place> place;
  if (!key.empty()) place = locate(meeting, key, "key");

  Meeting result = meeting;
  if (const Document* declared = find_document(meeting, symbol)) {
    const bool only_symbol = document.title.empty() && document.description.empty();
    const bool as_declared = document.title == declared->title && document.description == declared->description;
    if (!only_symbol && !as_declared)
      throw EditError("document.symbol",
                      fmt::format("document {} is already declared with other texts; to list it under another item, "
                                  "give only its symbol, and change its texts on the document itself",
                                  symbol));
    if (!place) throw EditError("document.symbol", fmt::format("document {} is already declared", symbol));
  } else {
    result.documents.push_back(document);
  }
  if (place) {
    Item& item = at(result, *place);
    if (std::find(item.documents.begin(), item.documents.end(), symbol) != item.documents.end())
      throw EditError("key", fmt::format("item {} already lists document {}", key_of(meeting, *place), symbol));
    item.documents.push_back(symbol);
    item.no_documents = false;
  }
  return accepted(meeting, std::move(result));
}

Meeting remove_document(const Meeting& meeting, const std::string& symbol) {
  const size_t index = document_index(meeting, symbol);
  Meeting result = meeting;
  const std::string declared = result.documents[index].symbol;
  result.documents.erase(result.documents.begin() + static_cast<long>(index));
  auto unlist = [&](Item& item) { std::erase(item.documents, declared); };
  for (Item& item : result.items) {
    unlist(item);
    for (Item& sub : item.subitems) unlist(sub);
  }
  return accepted(meeting, std::move(result));
}

Meeting set_document_title(const Meeting& meeting, const std::string& symbol, const std::string& lang,
                           const std::string& text) {
  const size_t index = document_index(meeting, symbol);
  require_language(meeting, lang, "lang");
  require_text(text, fmt::format("documents[{}].title.{}", index, lang), kMaxTitleBytes);
  Meeting result = meeting;
  put(result.documents[index].title, lang, text);
  return accepted(meeting, std::move(result));
}

// ---- Decisions

Meeting add_decision(const Meeting& meeting, Decision decision) {
  require_text(decision.id, "decision.id", kMaxKeyBytes);
  if (!is_mark_id(decision.id))
    throw EditError("decision.id", fmt::format("a decision id is made of letters, digits, '-' or '_', at most 64 "
                                               "characters; found '{}'",
                                               shown(decision.id)));
  if (find_decision(meeting, decision.id))
    throw EditError("decision.id", fmt::format("decision id '{}' is already used", decision.id));
  if (!is_valid(decision.date))
    throw EditError("decision.date",
                    fmt::format("expected the date of the decision as a real date, found {}", to_iso(decision.date)));
  if (std::string_view(to_string(decision.procedure)) == "?")
    throw EditError("decision.procedure", "unknown procedure: expected meeting or silence");
  decision.by = checked(meeting, decision.by, "decision.by");
  decision.approved = checked(meeting, decision.approved, "decision.approved");
  Meeting result = meeting;
  result.decisions.push_back(std::move(decision));
  return accepted(meeting, std::move(result));
}

Meeting remove_decision(const Meeting& meeting, const std::string& id) {
  require_text(id, "id", kMaxKeyBytes);
  auto found = std::find_if(meeting.decisions.begin(), meeting.decisions.end(),
                            [&](const Decision& decision) { return decision.id == id; });
  if (found == meeting.decisions.end())
    throw EditError("id", fmt::format("there is no decision '{}'; {}", shown(id), decision_ids(meeting)));
  for (const auto& [key, item] : all_items(meeting))
    if (auto langs = citing_languages(item->annotation, id); !langs.empty())
      throw EditError("id", fmt::format("decision '{}' is cited in the annotation of item {} ({}); remove the "
                                        "citation first",
                                        id, key, fmt::join(langs, ", ")));
  for (const Footnote& footnote : meeting.footnotes)
    if (auto langs = citing_languages(footnote.text, id); !langs.empty())
      throw EditError("id", fmt::format("decision '{}' is cited in footnote '{}' ({}); remove the citation first", id,
                                        footnote.id, fmt::join(langs, ", ")));
  Meeting result = meeting;
  result.decisions.erase(result.decisions.begin() + (found - meeting.decisions.begin()));
  return accepted(meeting, std::move(result));
}

// ---- The meeting's own data

Meeting set_meeting_title(const Meeting& meeting, const std::string& lang, const std::string& text) {
  return set_meeting_text(meeting, &Meeting::title, "title", lang, text);
}

Meeting set_meeting_city(const Meeting& meeting, const std::string& lang, const std::string& text) {
  return set_meeting_text(meeting, &Meeting::city, "city", lang, text);
}

Meeting set_meeting_venue(const Meeting& meeting, const std::string& lang, const std::string& text) {
  return set_meeting_text(meeting, &Meeting::venue, "venue", lang, text);
}

Meeting set_dates(const Meeting& meeting, Date start, Date end) {
  require_dates(start, end);
  Meeting result = meeting;
  result.start = start;
  result.end = end;
  const long shift = is_valid(meeting.start) ? days_since_epoch(start) - days_since_epoch(meeting.start) : 0;
  auto inside = [&](const Date& date) { return is_valid(date) && !(date < start) && !(end < date); };

  std::vector<Slot>& slots = result.organization.slots;
  for (Slot& slot : slots)
    if (is_valid(slot.date)) slot.date = add_days(slot.date, shift);
  if (!std::all_of(slots.begin(), slots.end(), [&](const Slot& slot) { return inside(slot.date); })) slots.clear();
  if (!same(meeting.organization.slots, slots)) ++result.organization.sequence;

  auto move_constraint = [&](Item& item) {
    ItemConstraints& rules = item.constraints;
    if (!rules.not_before_date) return;
    if (is_valid(*rules.not_before_date)) rules.not_before_date = add_days(*rules.not_before_date, shift);
    if (!inside(*rules.not_before_date)) {
      rules.not_before_date.reset();
      rules.not_before_time.reset();
    }
  };
  for (Item& item : result.items) {
    move_constraint(item);
    for (Item& sub : item.subitems) move_constraint(sub);
  }
  return accepted(meeting, std::move(result));
}

Meeting set_format(const Meeting& meeting, MeetingFormat format) {
  if (std::string_view(to_string(format)) == "?")
    throw EditError("meeting.format", "unknown format: expected in-person, hybrid or online");
  Meeting result = meeting;
  result.format = format;
  return accepted(meeting, std::move(result));
}

Meeting set_organization(const Meeting& meeting, OrganizationOfWork organization) {
  for (size_t s = 0; s < organization.slots.size(); ++s)
    for (size_t k = 0; k < organization.slots[s].items.size(); ++k) {
      SlotItem& entry = organization.slots[s].items[k];
      entry.item = normalized_key(entry.item, fmt::format("organization.slots[{}].items[{}]", s, k));
      if (entry.minutes)
        require_minutes(meeting, entry.minutes, fmt::format("organization.slots[{}].items[{}].minutes", s, k));
    }
  if (!organization.footnote.empty()) {
    require_text(organization.footnote, "organization.footnote", kMaxKeyBytes);
    if (!find_footnote(meeting, organization.footnote))
      throw EditError("organization.footnote", fmt::format("there is no footnote '{}'; {}",
                                                           shown(organization.footnote), footnote_ids(meeting)));
  }
  Meeting result = meeting;
  organization.sequence = meeting.organization.sequence;
  result.organization = std::move(organization);
  mark_continuations(result.organization);
  if (!same(meeting.organization.slots, result.organization.slots)) ++result.organization.sequence;
  for (const Finding& finding : check_meeting(result, CheckOptions{}))
    if (finding.severity == Severity::error && finding.path.starts_with("organization"))
      throw EditError(finding.path, finding.message);
  return accepted(meeting, std::move(result));
}

// ---- The next meeting

Meeting next_meeting(const Meeting& previous, const std::string& symbol, Date start, Date end) {
  if (previous.ordinal == INT_MAX)
    throw EditError("meeting.ordinal", "the previous meeting's ordinal is too large to count on from");
  Meeting next = previous;
  next.document.symbol = normalized_symbol(symbol, "document.symbol");
  if (next.document.symbol == previous.document.symbol)
    throw EditError("document.symbol", fmt::format("{} is the previous meeting's agenda symbol; the next meeting "
                                                   "needs its own",
                                                   next.document.symbol));
  require_dates(start, end);
  if (is_valid(previous.end) && !(previous.end < start))
    throw EditError("meeting.start", fmt::format("the next meeting must start after the previous one ends ({})",
                                                 to_iso(previous.end)));
  next.ordinal = previous.ordinal + 1;
  next.title.clear();
  next.start = start;
  next.end = end;
  next.documents.clear();
  next.decisions.clear();
  next.footnotes.clear();
  next.organization = OrganizationOfWork{};
  next.planning.unavailable.clear();
  for (Item& item : next.items) start_afresh(item);
  return accepted(previous, std::move(next));
}

}  // namespace plenary::edit
