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
#include "edit/rules.h"
#include "model/check.h"
#include "symbol/symbol.h"

namespace plenary::edit {

EditError::EditError(std::string field_name, const std::string& message)
    : std::runtime_error(message), field(std::move(field_name)) {}

using namespace detail;

namespace {

// ---- Rules an edit must not break

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

// The index among the top-level items of the adoption of the report, if it
// is one of them.
std::optional<size_t> report_index(const Meeting& meeting) {
  for (size_t i = 0; i < meeting.items.size(); ++i)
    if (meeting.items[i].kind == ItemKind::adoption_of_report) return i;
  return std::nullopt;
}

// Closing items come after the others, in this order: other matters, then
// the adoption of the report.
int closing_rank(ItemKind kind) {
  if (kind == ItemKind::other_matters) return 1;
  if (kind == ItemKind::adoption_of_report) return 2;
  return 0;
}

// Where "at the end" puts a new item of `kind` in `level`: before the closing
// items that must follow it.
size_t end_index(const std::vector<Item>& level, ItemKind kind) {
  size_t index = level.size();
  while (index > 0 && closing_rank(level[index - 1].kind) > closing_rank(kind)) --index;
  return index;
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


// Checks the planner's constraints of an item whose estimate is `minutes`,
// and writes same_meeting_as as the agenda numbers items. `field` is the
// item's: "item", "items[2]".
void check_constraints(const Meeting& meeting, ItemConstraints& rules, std::optional<int> minutes,
                       const std::string& field) {
  require_minutes(meeting, rules.min_minutes, field + ".min_minutes");
  if (rules.min_minutes && minutes && *rules.min_minutes > *minutes)
    throw EditError(field + ".min_minutes", fmt::format("the minimum ({} min) is more than the estimate ({} min)",
                                                        *rules.min_minutes, *minutes));
  if (rules.priority && (*rules.priority < 0 || *rules.priority > 9))
    throw EditError(field + ".priority", fmt::format("expected a priority from 0 to 9, found {}", *rules.priority));
  if (rules.weight < 1 || rules.weight > 100)
    throw EditError(field + ".weight", fmt::format("expected a weight from 1 to 100, found {}", rules.weight));
  if (!rules.same_meeting_as.empty()) {
    const std::string same_field = field + ".same_meeting_as";
    rules.same_meeting_as = key_of(meeting, locate(meeting, rules.same_meeting_as, same_field));
  }
  if (rules.not_before_time && !rules.not_before_date)
    throw EditError(field + ".not_before", "a time to start after needs its day");
  if (rules.not_before_date) {
    require_date(*rules.not_before_date, field + ".not_before", "the day the item may start");
    if (*rules.not_before_date < meeting.start || meeting.end < *rules.not_before_date)
      throw EditError(field + ".not_before",
                      fmt::format("{} is outside the meeting's dates ({} to {})", to_iso(*rules.not_before_date),
                                  to_iso(meeting.start), to_iso(meeting.end)));
  }
  if (rules.not_before_time && (rules.not_before_time->minutes < 0 || rules.not_before_time->minutes > 24 * 60))
    throw EditError(field + ".not_before", "expected a time of day from 00:00 to 24:00");
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
  check_constraints(meeting, item.constraints, item.minutes, field);
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
  const auto report = report_index(meeting);
  if (parent_key.empty() && report && !report_problem(meeting) && position > static_cast<int>(*report) + 1)
    throw EditError("position", fmt::format("position {} would put the new item after the adoption of the report "
                                            "(item {}), which must be the last item; choose a position from 1 to {}, "
                                            "or 0 to add it before the closing items",
                                            position, *report + 1, *report + 1));
  item.number = 0;  // new: renumber() maps no old key to it
  for (Item& sub : item.subitems) sub.number = 0;
  const size_t index = position == 0 ? end_index(*level, item.kind) : static_cast<size_t>(position - 1);
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
  if (const auto report = report_index(meeting); report && !place.sub && !report_problem(meeting)) {
    if (from == *report)
      throw EditError("position", fmt::format("the adoption of the report (item {}) must stay the last item",
                                              *report + 1));
    if (to >= *report)
      throw EditError("position", fmt::format("item {} cannot go to position {}: the adoption of the report (item {}) "
                                              "must stay the last item; choose a position from 1 to {}",
                                              key_of(meeting, place), new_position, *report + 1, *report));
  }
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

Meeting set_item_constraints(const Meeting& meeting, const std::string& key, ItemConstraints constraints) {
  const Place place = locate(meeting, key, "key");
  const std::string field = path_of(place);
  check_constraints(meeting, constraints, at(meeting, place).minutes, field);
  if (constraints.same_meeting_as == key_of(meeting, place))
    throw EditError(field + ".same_meeting_as",
                    fmt::format("item {} cannot share a meeting with itself", key_of(meeting, place)));
  Meeting result = meeting;
  at(result, place).constraints = std::move(constraints);
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
  RichText text = parsed_markdown(meeting, markdown, field);
  item.annotation[lang] = std::move(text);
  return accepted(meeting, std::move(result));
}

// ---- The meeting's dates and plan

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
  std::vector<UnavailableSlot>& unavailable = result.planning.unavailable;
  for (UnavailableSlot& slot : unavailable)
    if (is_valid(slot.date)) slot.date = add_days(slot.date, shift);
  std::erase_if(unavailable, [&](const UnavailableSlot& slot) { return !inside(slot.date); });
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

std::string next_agenda_symbol(const Meeting& previous, Date start) {
  auto parsed = symbol::parse(previous.document.symbol);
  if (!parsed || parsed.symbol->session.empty() || !is_valid(start)) return "";
  const symbol::Symbol& old = *parsed.symbol;
  // The session is the component after the series and the bodies.
  std::vector<std::string> parts;
  for (size_t from = 0, slash = 0; slash != std::string::npos; from = slash + 1) {
    slash = old.text.find('/', from);
    parts.push_back(old.text.substr(from, slash == std::string::npos ? std::string::npos : slash - from));
  }
  const size_t at = 1 + old.bodies.size();
  if (at >= parts.size() || parts[at] != old.session || old.session.size() > 4 ||
      old.session.find_first_not_of("0123456789") != std::string::npos)
    return "";
  const int session = std::stoi(old.session);
  const bool is_year = old.session.size() == 4 && is_valid(previous.start) && session == previous.start.year;
  const int next = is_year ? session + (start.year - previous.start.year) : session + 1;
  if (next == session) return "";
  parts[at] = std::to_string(next);
  std::string text = parts[0];
  for (size_t k = 1; k < parts.size(); ++k) text += "/" + parts[k];
  auto checked = symbol::parse(text);
  return checked ? checked.symbol->text : "";
}

Meeting next_meeting(const Meeting& previous, const std::string& symbol, Date start, Date end, Date issued) {
  if (previous.ordinal >= 999)
    throw EditError("meeting.ordinal", "the previous meeting's ordinal is too large to count on from");
  require_dates(start, end);
  require_date(issued, "document.issued", "the date of issue");
  Meeting next = previous;
  if (blank(symbol)) {
    next.document.symbol = next_agenda_symbol(previous, start);
    if (next.document.symbol.empty())
      throw EditError("document.symbol", fmt::format("give the agenda symbol of the next meeting: it cannot be told "
                                                     "from {}",
                                                     shown(previous.document.symbol)));
  } else {
    next.document.symbol = normalized_symbol(symbol, "document.symbol");
  }
  if (next.document.symbol == previous.document.symbol)
    throw EditError("document.symbol", fmt::format("{} is the previous meeting's agenda symbol; the next meeting "
                                                   "needs its own",
                                                   next.document.symbol));
  if (is_valid(previous.end) && !(previous.end < start))
    throw EditError("meeting.start", fmt::format("the next meeting must start after the previous one ends ({})",
                                                 to_iso(previous.end)));
  next.ordinal = previous.ordinal + 1;
  next.document.issued = issued;
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
