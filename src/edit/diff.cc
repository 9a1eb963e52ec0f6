#include "edit/diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <iterator>
#include <map>
#include <optional>
#include <set>

#include <nlohmann/json.hpp>

#include "edit/equal.h"
#include "format/meeting_json.h"

namespace plenary::edit {

namespace {

// Above this many title comparisons, items are matched by place alone.
constexpr size_t kMaxAlignCells = size_t{1} << 20;
constexpr size_t kMaxTitleShown = 80;  // characters of a title quoted in a line

// The languages of two texts, official ones in UN order first.
template <typename Map>
std::vector<std::string> languages_of(const Map& a, const Map& b) {
  std::set<std::string> all;
  for (const auto& entry : a) all.insert(entry.first);
  for (const auto& entry : b) all.insert(entry.first);
  std::vector<std::string> ordered(all.begin(), all.end());
  auto rank = [](const std::string& lang) {
    auto found = std::find(std::begin(kOfficialLanguages), std::end(kOfficialLanguages), lang);
    return found - std::begin(kOfficialLanguages);
  };
  std::stable_sort(ordered.begin(), ordered.end(),
                   [&](const std::string& x, const std::string& y) { return rank(x) < rank(y); });
  return ordered;
}

// At most `limit` characters of `text`, cut between characters.
std::string shortened(const std::string& text, size_t limit) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (chars++ == limit) return text.substr(0, i) + "…";
  }
  return text;
}

std::string or_none(const std::string& text) { return text.empty() ? "none" : text; }

template <typename T>
std::string or_none(const std::optional<T>& value) {
  return value ? fmt::format("{}", *value) : "none";
}

std::string yes_no(bool value) { return value ? "yes" : "no"; }

std::string hours(const std::vector<TimeWindow>& windows) {
  std::vector<std::string> parts;
  for (const TimeWindow& window : windows) parts.push_back(to_hhmm(window.start) + "-" + to_hhmm(window.end));
  return parts.empty() ? "none" : fmt::format("{}", fmt::join(parts, ", "));
}

std::string time_or_none(const std::optional<TimeOfDay>& time) { return time ? to_hhmm(*time) : "none"; }

std::string not_before(const ItemConstraints& rules) {
  if (!rules.not_before_date) return "none";
  return to_iso(*rules.not_before_date) + (rules.not_before_time ? " " + to_hhmm(*rules.not_before_time) : "");
}

// How the items of one level (the agenda, or one item's sub-items) pair up.
struct Alignment {
  std::vector<std::optional<size_t>> before_of;  // per item after: its index before, if any
  std::vector<bool> moved;                       // per item after
  std::vector<size_t> removed;                   // indices before, in order
};

bool same_title(const Item& a, const Item& b) { return !a.title.empty() && a.title == b.title; }

// Matches items with the same title keeping their order (longest common
// subsequence); then an unmatched item whose title reappears elsewhere has
// moved; then the items left between two matches pair up by place: those
// were edited in place.
Alignment align(const std::vector<Item>& before, const std::vector<Item>& after) {
  const size_t n = before.size();
  const size_t m = after.size();
  std::vector<std::optional<size_t>> after_of(n);
  std::vector<bool> anchor(n, false);
  if (n * m <= kMaxAlignCells) {
    std::vector<std::vector<unsigned>> common(n + 1, std::vector<unsigned>(m + 1, 0));
    for (size_t i = n; i-- > 0;)
      for (size_t j = m; j-- > 0;)
        common[i][j] =
            same_title(before[i], after[j]) ? common[i + 1][j + 1] + 1 : std::max(common[i + 1][j], common[i][j + 1]);
    for (size_t i = 0, j = 0; i < n && j < m;) {
      if (same_title(before[i], after[j])) {
        after_of[i] = j;
        anchor[i] = true;
        ++i;
        ++j;
      } else if (common[i + 1][j] > common[i][j + 1]) {  // on a tie the item that went up is the one moved
        ++i;
      } else {
        ++j;
      }
    }
  } else {
    for (size_t i = 0; i < std::min(n, m); ++i) {
      after_of[i] = i;
      anchor[i] = true;
    }
  }
  std::vector<bool> taken(m, false);
  for (size_t i = 0; i < n; ++i)
    if (after_of[i]) taken[*after_of[i]] = true;
  std::vector<bool> moved_before(n, false);
  for (size_t i = 0; i < n; ++i) {
    if (after_of[i]) continue;
    for (size_t j = 0; j < m; ++j)
      if (!taken[j] && same_title(before[i], after[j])) {
        after_of[i] = j;
        taken[j] = true;
        moved_before[i] = true;
        break;
      }
  }
  // Pair by place within each gap between anchors.
  size_t i = 0;
  size_t j = 0;
  while (i < n || j < m) {
    size_t next_i = i;
    while (next_i < n && !anchor[next_i]) ++next_i;
    const size_t next_j = next_i < n ? *after_of[next_i] : m;
    std::vector<size_t> left;
    std::vector<size_t> right;
    for (size_t k = i; k < next_i; ++k)
      if (!after_of[k]) left.push_back(k);
    for (size_t k = j; k < next_j; ++k)
      if (!taken[k]) right.push_back(k);
    for (size_t k = 0; k < std::min(left.size(), right.size()); ++k) {
      after_of[left[k]] = right[k];
      taken[right[k]] = true;
    }
    i = next_i + 1;
    j = next_j + 1;
  }

  Alignment alignment;
  alignment.before_of.resize(m);
  alignment.moved.resize(m, false);
  for (size_t k = 0; k < n; ++k) {
    if (!after_of[k]) {
      alignment.removed.push_back(k);
      continue;
    }
    alignment.before_of[*after_of[k]] = k;
    alignment.moved[*after_of[k]] = moved_before[k];
  }
  return alignment;
}

class Differ {
 public:
  Differ(const Meeting& before, const Meeting& after) : before_(before), after_(after) {}

  std::vector<std::string> run() {
    body();
    meeting_data();
    agenda_document();
    items();
    documents();
    decisions();
    footnotes();
    organization();
    planning();
    return std::move(lines_);
  }

 private:
  void add(std::string line) { lines_.push_back(std::move(line)); }

  template <typename T>
  void value(const std::string& prefix, const char* name, const T& a, const T& b) {
    if (a != b) add(fmt::format("{}{}: {} -> {}", prefix, name, a, b));
  }

  void text(const std::string& prefix, const char* name, const LangText& a, const LangText& b) {
    for (const std::string& lang : languages_of(a, b)) {
      const std::string* x = text_in(a, lang);
      const std::string* y = text_in(b, lang);
      if (!x)
        add(fmt::format("{}{} ({}) added", prefix, name, lang));
      else if (!y)
        add(fmt::format("{}{} ({}) removed", prefix, name, lang));
      else if (*x != *y)
        add(fmt::format("{}{} ({}) changed", prefix, name, lang));
    }
  }

  void rich_text(const std::string& prefix, const char* name, const LangRichText& a, const LangRichText& b) {
    for (const std::string& lang : languages_of(a, b)) {
      auto x = a.find(lang);
      auto y = b.find(lang);
      if (x == a.end())
        add(fmt::format("{}{} ({}) added", prefix, name, lang));
      else if (y == b.end())
        add(fmt::format("{}{} ({}) removed", prefix, name, lang));
      else if (!same(x->second, y->second))
        add(fmt::format("{}{} ({}) changed", prefix, name, lang));
    }
  }

  void body() {
    const Body& a = before_.body;
    const Body& b = after_.body;
    value("body: ", "short name", or_none(a.short_name), or_none(b.short_name));
    text("body: ", "name", a.name, b.name);
    text("body: ", "parent body", a.parent, b.parent);
    if (a.mandate != b.mandate)
      add(fmt::format("body: mandate: {} -> {}", or_none(fmt::format("{}", fmt::join(a.mandate, ", "))),
                      or_none(fmt::format("{}", fmt::join(b.mandate, ", ")))));
  }

  void meeting_data() {
    value("meeting: ", "ordinal", before_.ordinal, after_.ordinal);
    text("meeting: ", "title", before_.title, after_.title);
    text("meeting: ", "city", before_.city, after_.city);
    text("meeting: ", "venue", before_.venue, after_.venue);
    if (before_.start != after_.start || before_.end != after_.end)
      add(fmt::format("dates changed: {}..{} -> {}..{}", to_iso(before_.start), to_iso(before_.end),
                      to_iso(after_.start), to_iso(after_.end)));
    value("meeting: ", "time zone", or_none(before_.time_zone), or_none(after_.time_zone));
    value("", "format", std::string(to_string(before_.format)), std::string(to_string(after_.format)));
    if (before_.languages != after_.languages)
      add(fmt::format("meeting: languages: {} -> {}", or_none(fmt::format("{}", fmt::join(before_.languages, ", "))),
                      or_none(fmt::format("{}", fmt::join(after_.languages, ", ")))));
  }

  void agenda_document() {
    const AgendaDocumentInfo& a = before_.document;
    const AgendaDocumentInfo& b = after_.document;
    value("agenda: ", "symbol", or_none(a.symbol), or_none(b.symbol));
    value("agenda: ", "distribution", std::string(to_string(a.distribution)), std::string(to_string(b.distribution)));
    value("agenda: ", "issued", to_iso(a.issued), to_iso(b.issued));
    value("agenda: ", "original language", or_none(a.original_language), or_none(b.original_language));
  }

  // The title to quote for an item: in the agenda's original language,
  // English, or the first the item has.
  std::string quoted_title(const Item& item) const {
    const std::string* title = text_in(item.title, after_.document.original_language);
    if (!title) title = text_in(item.title, "en");
    if (!title && !item.title.empty()) title = &item.title.begin()->second;
    return title ? fmt::format(": \"{}\"", shortened(*title, kMaxTitleShown)) : "";
  }

  void items() {
    const Alignment top = align(before_.items, after_.items);
    std::vector<Alignment> subs(after_.items.size());
    // Old keys to new ones, to compare same_meeting_as across renumbering.
    for (size_t k = 0; k < after_.items.size(); ++k) {
      if (!top.before_of[k]) continue;
      const Item& a = before_.items[*top.before_of[k]];
      const Item& b = after_.items[k];
      new_keys_[item_key(a.number)] = item_key(b.number);
      subs[k] = align(a.subitems, b.subitems);
      for (size_t s = 0; s < b.subitems.size(); ++s)
        if (subs[k].before_of[s])
          new_keys_[item_key(a.number, a.subitems[*subs[k].before_of[s]].number)] =
              item_key(b.number, b.subitems[s].number);
    }

    for (size_t i : top.removed)
      add(fmt::format("item {} removed{}", item_key(before_.items[i].number), quoted_title(before_.items[i])));
    for (size_t k = 0; k < after_.items.size(); ++k) {
      const Item& b = after_.items[k];
      const std::string key = item_key(b.number);
      if (!top.before_of[k]) {
        add(fmt::format("item {} added{}", key, quoted_title(b)));
        continue;
      }
      const Item& a = before_.items[*top.before_of[k]];
      if (top.moved[k]) add(fmt::format("item {} moved: now item {}", item_key(a.number), key));
      item(key, a, b);
      for (size_t i : subs[k].removed)
        add(fmt::format("item {} removed{}", item_key(a.number, a.subitems[i].number), quoted_title(a.subitems[i])));
      for (size_t s = 0; s < b.subitems.size(); ++s) {
        const Item& sub_b = b.subitems[s];
        const std::string sub_key = item_key(b.number, sub_b.number);
        if (!subs[k].before_of[s]) {
          add(fmt::format("item {} added{}", sub_key, quoted_title(sub_b)));
          continue;
        }
        const Item& sub_a = a.subitems[*subs[k].before_of[s]];
        if (subs[k].moved[s])
          add(fmt::format("item {} moved: now item {}", item_key(a.number, sub_a.number), sub_key));
        item(sub_key, sub_a, sub_b);
      }
    }
  }

  void item(const std::string& key, const Item& a, const Item& b) {
    const std::string prefix = "item " + key + ": ";
    text(prefix, "title", a.title, b.title);
    value(prefix, "kind", std::string(to_string(a.kind)), std::string(to_string(b.kind)));
    rich_text(prefix, "annotation", a.annotation, b.annotation);
    for (const std::string& symbol : b.documents)
      if (std::find(a.documents.begin(), a.documents.end(), symbol) == a.documents.end())
        add(fmt::format("{}document {} listed", prefix, symbol));
    for (const std::string& symbol : a.documents)
      if (std::find(b.documents.begin(), b.documents.end(), symbol) == b.documents.end() &&
          find_document(after_, symbol))  // a removed document is reported once, as removed
        add(fmt::format("{}document {} no longer listed", prefix, symbol));
    if (a.documents != b.documents &&
        std::is_permutation(a.documents.begin(), a.documents.end(), b.documents.begin(), b.documents.end()))
      add(prefix + "documents reordered");
    if (a.no_documents != b.no_documents)
      add(prefix +
          (b.no_documents ? "now says no documents are planned" : "no longer says no documents are planned"));
    value(prefix, "minutes", or_none(a.minutes), or_none(b.minutes));
    const ItemConstraints& x = a.constraints;
    const ItemConstraints& y = b.constraints;
    value(prefix, "minimum minutes", or_none(x.min_minutes), or_none(y.min_minutes));
    value(prefix, "priority", or_none(x.priority), or_none(y.priority));
    value(prefix, "weight", x.weight, y.weight);
    value(prefix, "not before", not_before(x), not_before(y));
    auto renamed = new_keys_.find(x.same_meeting_as);
    const std::string same_before = renamed == new_keys_.end() ? x.same_meeting_as : renamed->second;
    if (same_before != y.same_meeting_as)
      add(fmt::format("{}same meeting as: {} -> {}", prefix,
                      x.same_meeting_as.empty() ? "none" : "item " + x.same_meeting_as,
                      y.same_meeting_as.empty() ? "none" : "item " + y.same_meeting_as));
    value(prefix, "never split", yes_no(x.never_split), yes_no(y.never_split));
  }

  void documents() {
    for (const Document& a : before_.documents)
      if (!find_document(after_, a.symbol)) add(fmt::format("document {} removed", a.symbol));
    for (const Document& b : after_.documents) {
      const Document* a = find_document(before_, b.symbol);
      if (!a) {
        add(fmt::format("document {} added", b.symbol));
        continue;
      }
      const std::string prefix = "document " + b.symbol + ": ";
      text(prefix, "title", a->title, b.title);
      text(prefix, "description", a->description, b.description);
    }
  }

  void decisions() {
    for (const Decision& a : before_.decisions)
      if (!find_decision(after_, a.id)) add(fmt::format("decision {} removed", a.id));
    for (const Decision& b : after_.decisions) {
      const Decision* a = find_decision(before_, b.id);
      if (!a) {
        add(fmt::format("decision {} added", b.id));
        continue;
      }
      const std::string prefix = "decision " + b.id + ": ";
      text(prefix, "by", a->by, b.by);
      value(prefix, "date", to_iso(a->date), to_iso(b.date));
      value(prefix, "procedure", std::string(to_string(a->procedure)), std::string(to_string(b.procedure)));
      text(prefix, "approved", a->approved, b.approved);
    }
  }

  void footnotes() {
    for (const Footnote& a : before_.footnotes)
      if (!find_footnote(after_, a.id)) add(fmt::format("footnote {} removed", a.id));
    for (const Footnote& b : after_.footnotes) {
      const Footnote* a = find_footnote(before_, b.id);
      if (!a)
        add(fmt::format("footnote {} added", b.id));
      else
        rich_text("footnote " + b.id + ": ", "text", a->text, b.text);
    }
  }

  void organization() {
    const OrganizationOfWork& a = before_.organization;
    const OrganizationOfWork& b = after_.organization;
    if (!same(a.slots, b.slots)) {
      const char* what = b.slots.empty() ? "cleared" : a.slots.empty() ? "added" : "changed";
      add(fmt::format("organization of work {} (revision {})", what, b.sequence));
    } else {
      value("organization of work: ", "revision", a.sequence, b.sequence);
    }
    value("organization of work: ", "footnote", or_none(a.footnote), or_none(b.footnote));
  }

  void planning() {
    const PlanningSettings& a = before_.planning;
    const PlanningSettings& b = after_.planning;
    value("planning: ", "in-person hours", hours(a.in_person), hours(b.in_person));
    value("planning: ", "hybrid hours", hours(a.hybrid), hours(b.hybrid));
    value("planning: ", "online hours", hours(a.online), hours(b.online));
    value("planning: ", "first day starts", time_or_none(a.first_day_start), time_or_none(b.first_day_start));
    value("planning: ", "last day ends", time_or_none(a.last_day_end), time_or_none(b.last_day_end));
    if (!same_elements(a.unavailable, b.unavailable)) add("planning: unavailable meetings changed");
    value("planning: ", "skip weekends", yes_no(a.skip_weekends), yes_no(b.skip_weekends));
    value("planning: ", "minimum continuation", a.min_continuation, b.min_continuation);
    if (a.default_minutes != b.default_minutes) add("planning: default minutes changed");
    value("planning: ", "minimum substantive minutes", a.min_substantive_minutes, b.min_substantive_minutes);
  }

  const Meeting& before_;
  const Meeting& after_;
  std::map<std::string, std::string> new_keys_;
  std::vector<std::string> lines_;
};

}  // namespace

namespace {

using Json = nlohmann::ordered_json;

// Where a value is on each side, and how a person names it.
struct Where {
  std::string before_path;
  std::string after_path;
  std::string place;
  std::string name;
  std::string language;

  // The member `key` of the value here; a language code names the language.
  Where child(const std::string& key) const {
    Where out = *this;
    out.before_path = before_path.empty() ? key : before_path + "." + key;
    out.after_path = after_path.empty() ? key : after_path + "." + key;
    if (is_official_language(key)) {
      out.language = key;
    } else {
      std::string words = key;
      std::replace(words.begin(), words.end(), '_', ' ');
      out.name = name.empty() ? words : name + ", " + words;
    }
    return out;
  }
};

const Json* member(const Json* value, const std::string& key) {
  if (!value || !value->is_object()) return nullptr;
  auto found = value->find(key);
  return found == value->end() ? nullptr : &*found;
}

const Json* element(const Json* array, size_t index) {
  return array && array->is_array() && index < array->size() ? &(*array)[index] : nullptr;
}

std::string value_text(const Json* value) {
  if (!value) return "";
  return value->is_string() ? value->get<std::string>() : value->dump();
}

// The keys of two objects, `after`'s order first: the file's order.
std::vector<std::string> keys_of(const Json* before, const Json* after) {
  std::vector<std::string> keys;
  for (const Json* side : {after, before})
    if (side && side->is_object())
      for (auto it = side->begin(); it != side->end(); ++it)
        if (std::find(keys.begin(), keys.end(), it.key()) == keys.end()) keys.push_back(it.key());
  return keys;
}

// One side of an item: the model (for pairing its sub-items by title) and its JSON.
struct ItemSide {
  const Item* item = nullptr;
  const Json* json = nullptr;
  std::string path;  // "items[1]", "items[0].subitems[1]"
  std::string key;   // "2", "1 (b)"
};

// One level of the agenda on one side: the items and their JSON array.
struct ItemLevel {
  const std::vector<Item>* items = nullptr;  // null: the parent is absent on this side
  const Json* json = nullptr;
  std::string path;  // "items", "items[0].subitems"
  int parent = 0;    // the parent item's number, for sub-items
};

class FieldComparer {
 public:
  // `a` and `b` are the meetings' JSON; {} for `a` lists every value of `after`.
  FieldComparer(const Meeting& before, const Meeting& after, Json a, Json b)
      : before_(before), after_(after), a_(std::move(a)), b_(std::move(b)) {}

  std::vector<FieldChange> run() {
    for (const std::string& key : keys_of(&a_, &b_)) {
      const Json* a = member(&a_, key);
      const Json* b = member(&b_, key);
      const Where where{key, key, "", "", ""};
      if (key == "items") {
        levels(ItemLevel{&before_.items, a, "items", 0}, ItemLevel{&after_.items, b, "items", 0});
      } else if (key == "decisions") {
        keyed(where, a, b, [](const Json& d) { return "decision " + d.value("id", ""); }, {"id"});
      } else if (key == "documents") {
        keyed(where, a, b, [](const Json& d) { return "document " + d.value("symbol", ""); }, {"symbol"});
      } else if (key == "footnotes") {
        for (const std::string& id : keys_of(a, b)) {
          Where note = where.child(id);
          note.place = "footnote " + id;
          note.name = "text";
          compare(note, member(a, id), member(b, id));
        }
      } else if (key == "organization") {
        organization(a, b);
      } else if (key != "format_version") {
        Where section = where;
        section.place = key == "document" ? "agenda document" : key;
        compare(section, a, b);
      }
    }
    return std::move(changes_);
  }

 private:
  void add(const Where& where, const Json* a, const Json* b) {
    changes_.push_back({b ? where.after_path : where.before_path, where.place, where.name, where.language,
                        value_text(a), value_text(b)});
  }

  // Objects key by key, down to their texts; anything else as one value.
  void compare(const Where& where, const Json* a, const Json* b) {
    if ((!a && !b) || (a && b && *a == *b)) return;
    const bool objects = (!a || a->is_object()) && (!b || b->is_object());
    if (!objects) return add(where, a, b);
    for (const std::string& key : keys_of(a, b)) compare(where.child(key), member(a, key), member(b, key));
  }

  // Arrays whose elements are told apart by `place_of` (a symbol, an id, a
  // day and start), which names them; the keys in `identity` are the
  // element's name, not values of it.
  void keyed(const Where& where, const Json* a, const Json* b, const std::function<std::string(const Json&)>& place_of,
             const std::vector<std::string>& identity) {
    const size_t a_size = a && a->is_array() ? a->size() : 0;
    const size_t b_size = b && b->is_array() ? b->size() : 0;
    std::vector<bool> paired(a_size, false);
    auto element_where = [&](const std::string& place, std::optional<size_t> i, std::optional<size_t> k) {
      Where out = where;
      out.before_path = i ? fmt::format("{}[{}]", where.before_path, *i) : "";
      out.after_path = k ? fmt::format("{}[{}]", where.after_path, *k) : "";
      out.place = place;
      out.name.clear();
      return out;
    };
    auto members = [&](const Where& at, const Json* x, const Json* y) {
      for (const std::string& key : keys_of(x, y))
        if (std::find(identity.begin(), identity.end(), key) == identity.end())
          compare(at.child(key), member(x, key), member(y, key));
    };
    std::vector<std::pair<std::optional<size_t>, size_t>> after_order;
    for (size_t k = 0; k < b_size; ++k) {
      const std::string place = place_of((*b)[k]);
      std::optional<size_t> match;
      for (size_t i = 0; i < a_size && !match; ++i)
        if (!paired[i] && place_of((*a)[i]) == place) match = i, paired[i] = true;
      after_order.emplace_back(match, k);
    }
    for (size_t i = 0; i < a_size; ++i)
      if (!paired[i]) members(element_where(place_of((*a)[i]), i, std::nullopt), element(a, i), nullptr);
    for (const auto& [i, k] : after_order)
      members(element_where(place_of((*b)[k]), i, k), i ? element(a, *i) : nullptr, element(b, k));
  }

  void organization(const Json* a, const Json* b) {
    const Where where{"organization", "organization", "organization of work", "", ""};
    for (const std::string& key : keys_of(a, b)) {
      if (key == "slots")
        keyed(where.child("slots"), member(a, key), member(b, key),
              [](const Json& slot) {
                return fmt::format("organization of work, meeting of {} at {}", slot.value("date", ""),
                                   slot.value("start", ""));
              },
              {"date", "start"});
      else
        compare(where.child(key), member(a, key), member(b, key));
    }
  }

  static ItemSide side_of(const ItemLevel& level, size_t index) {
    const Item& item = (*level.items)[index];
    return {&item, element(level.json, index), fmt::format("{}[{}]", level.path, index),
            level.parent ? item_key(level.parent, item.number) : item_key(item.number)};
  }

  // One level of the agenda, its items paired as describe_changes pairs them.
  void levels(const ItemLevel& a, const ItemLevel& b) {
    static const std::vector<Item> kNone;
    const Alignment paired = align(a.items ? *a.items : kNone, b.items ? *b.items : kNone);
    for (size_t i : paired.removed) one_item(side_of(a, i), ItemSide{});
    for (size_t k = 0; k < paired.before_of.size(); ++k)
      one_item(paired.before_of[k] ? side_of(a, *paired.before_of[k]) : ItemSide{}, side_of(b, k));
  }

  void one_item(const ItemSide& a, const ItemSide& b) {
    const Where where{a.path, b.path, "item " + (b.item ? b.key : a.key), "", ""};
    for (const std::string& key : keys_of(a.json, b.json)) {
      if (key == "number") continue;  // the place names the item; renumbering is not a change to it
      if (key != "subitems") {
        compare(where.child(key), member(a.json, key), member(b.json, key));
        continue;
      }
      auto level = [&](const ItemSide& side) {
        return side.item ? ItemLevel{&side.item->subitems, member(side.json, key), side.path + ".subitems",
                                     side.item->number}
                         : ItemLevel{};
      };
      levels(level(a), level(b));
    }
  }

  const Meeting& before_;
  const Meeting& after_;
  const Json a_;
  const Json b_;
  std::vector<FieldChange> changes_;
};

}  // namespace

std::vector<std::string> describe_changes(const Meeting& before, const Meeting& after) {
  return Differ(before, after).run();
}

std::vector<FieldChange> compare_fields(const Meeting& before, const Meeting& after) {
  return FieldComparer(before, after, Json::parse(meeting_to_json(before)), Json::parse(meeting_to_json(after))).run();
}

std::vector<FieldChange> meeting_fields(const Meeting& meeting) {
  const Meeting nothing;
  return FieldComparer(nothing, meeting, Json::object(), Json::parse(meeting_to_json(meeting))).run();
}

}  // namespace plenary::edit
