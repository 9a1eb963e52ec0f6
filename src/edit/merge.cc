#include "edit/merge.h"

#include <map>
#include <optional>
#include <set>

#include <nlohmann/json.hpp>

#include "format/meeting_json.h"

namespace plenary::edit {

namespace {

using nlohmann::json;
using Value = std::optional<json>;  // nothing: the key is absent on that side

// How the elements of an array are told apart across versions. Symbols, ids
// and a slot's day and start do not change when other elements are added or
// moved; item numbers do (renumbering), so arrays of items merge element by
// element only when all three sides have the same numbers in the same order.
enum class Identity { none, stable, positional };

std::optional<std::string> element_key(const json& element, Identity* kind) {
  if (!element.is_object()) return std::nullopt;
  if (element.contains("symbol") && element["symbol"].is_string()) {
    *kind = Identity::stable;
    return "s:" + element["symbol"].get<std::string>();
  }
  if (element.contains("id") && element["id"].is_string()) {
    *kind = Identity::stable;
    return "i:" + element["id"].get<std::string>();
  }
  if (element.contains("date") && element.contains("start")) {
    *kind = Identity::stable;
    return "t:" + element["date"].dump() + element["start"].dump();
  }
  if (element.contains("number")) {
    *kind = Identity::positional;
    return "n:" + element["number"].dump();
  }
  return std::nullopt;
}

// The keys of an array's elements in order, if every element has one, of one
// kind, and no two share one.
std::optional<std::vector<std::string>> keys_of(const json& array, Identity* kind) {
  std::vector<std::string> keys;
  std::set<std::string> seen;
  Identity found = Identity::none;
  for (const json& element : array) {
    Identity this_kind = Identity::none;
    std::optional<std::string> key = element_key(element, &this_kind);
    if (!key || (found != Identity::none && this_kind != found) || !seen.insert(*key).second) return std::nullopt;
    found = this_kind;
    keys.push_back(*key);
  }
  *kind = found;
  return keys;
}

std::string text_of(const Value& value) {
  if (!value) return "";
  if (value->is_string()) return value->get<std::string>();
  return value->dump();
}

std::string child_path(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

class Merger {
 public:
  explicit Merger(MergeOptions options) : options_(options) {}
  std::vector<MergeConflict> conflicts;

  Value merge(const std::string& path, const Value& base, const Value& mine, const Value& theirs) {
    if (mine == theirs) return mine;
    if (mine == base) return theirs;
    if (theirs == base) return mine;
    if (base && mine && theirs) {
      if (base->is_object() && mine->is_object() && theirs->is_object()) return merge_objects(path, *base, *mine, *theirs);
      if (base->is_array() && mine->is_array() && theirs->is_array())
        if (std::optional<json> merged = merge_arrays(path, *base, *mine, *theirs)) return merged;
    }
    conflicts.push_back({path, text_of(base), text_of(mine), text_of(theirs)});
    return theirs;
  }

 private:
  static Value member(const json& object, const std::string& key) {
    auto found = object.find(key);
    return found == object.end() ? Value{} : Value{*found};
  }

  json merge_objects(const std::string& path, const json& base, const json& mine, const json& theirs) {
    // Keys in theirs' order, then those only mine has (the meeting file's
    // order is the same on every side, so this keeps it).
    std::vector<std::string> keys;
    std::set<std::string> seen;
    for (const json* side : {&theirs, &mine, &base})
      for (auto it = side->begin(); it != side->end(); ++it)
        if (seen.insert(it.key()).second) keys.push_back(it.key());
    json out = json::object();
    for (const std::string& key : keys) {
      Value merged = merge(child_path(path, key), member(base, key), member(mine, key), member(theirs, key));
      if (merged) out[key] = *merged;
    }
    return out;
  }

  // Nothing when the arrays cannot be merged element by element.
  std::optional<json> merge_arrays(const std::string& path, const json& base, const json& mine, const json& theirs) {
    Identity kinds[3] = {Identity::none, Identity::none, Identity::none};
    std::optional<std::vector<std::string>> b = keys_of(base, &kinds[0]);
    std::optional<std::vector<std::string>> m = keys_of(mine, &kinds[1]);
    std::optional<std::vector<std::string>> t = keys_of(theirs, &kinds[2]);
    if (!b || !m || !t) return std::nullopt;
    Identity kind = Identity::none;
    for (Identity k : kinds)
      if (k != Identity::none) {
        if (kind != Identity::none && k != kind) return std::nullopt;
        kind = k;
      }
    if (kind == Identity::none) return std::nullopt;  // all empty: equal, handled above
    if (kind == Identity::positional && (!options_.items_kept_their_places || !(*b == *m && *m == *t)))
      return std::nullopt;

    // The order: whichever side changed it; both changed it alike, or a clash.
    const std::vector<std::string>* order = &*t;
    if (*t == *b) order = &*m;
    else if (*m != *b && !same_relative_order(*m, *t)) return std::nullopt;

    std::map<std::string, const json*> by_key[3];
    const json* arrays[3] = {&base, &mine, &theirs};
    const std::vector<std::string>* key_lists[3] = {&*b, &*m, &*t};
    for (int side = 0; side < 3; ++side)
      for (size_t i = 0; i < key_lists[side]->size(); ++i) by_key[side][(*key_lists[side])[i]] = &(*arrays[side])[i];
    auto at = [&](int side, const std::string& key) {
      auto found = by_key[side].find(key);
      return found == by_key[side].end() ? Value{} : Value{*found->second};
    };

    // Every key of the order, then keys added by the side whose order was not taken.
    std::vector<std::string> keys = *order;
    std::set<std::string> placed(keys.begin(), keys.end());
    for (const std::vector<std::string>* side : {&*t, &*m})
      for (const std::string& key : *side)
        if (placed.insert(key).second) keys.push_back(key);

    json out = json::array();
    for (const std::string& key : keys) {
      const std::string element_path = path + "[" + std::to_string(out.size()) + "]";
      Value merged = merge(element_path, at(0, key), at(1, key), at(2, key));
      if (merged) out.push_back(*merged);
    }
    return out;
  }

  MergeOptions options_;

  // Whether the keys the two lists share come in the same order in both.
  static bool same_relative_order(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::set<std::string> in_b(b.begin(), b.end());
    std::set<std::string> in_a(a.begin(), a.end());
    std::vector<std::string> a_shared, b_shared;
    for (const std::string& key : a)
      if (in_b.count(key)) a_shared.push_back(key);
    for (const std::string& key : b)
      if (in_a.count(key)) b_shared.push_back(key);
    return a_shared == b_shared;
  }
};

void collect_changes(const std::string& path, const Value& before, const Value& after, std::vector<std::string>& out) {
  if (before == after) return;
  if (before && after && before->is_object() && after->is_object()) {
    std::set<std::string> keys;
    for (auto it = before->begin(); it != before->end(); ++it) keys.insert(it.key());
    for (auto it = after->begin(); it != after->end(); ++it) keys.insert(it.key());
    for (const std::string& key : keys) {
      auto b = before->find(key), a = after->find(key);
      collect_changes(child_path(path, key), b == before->end() ? Value{} : Value{*b},
                      a == after->end() ? Value{} : Value{*a}, out);
    }
    return;
  }
  if (before && after && before->is_array() && after->is_array() && before->size() == after->size()) {
    Identity kind_before = Identity::none, kind_after = Identity::none;
    std::optional<std::vector<std::string>> b = keys_of(*before, &kind_before), a = keys_of(*after, &kind_after);
    if (b && a && *b == *a && kind_before != Identity::none) {
      for (size_t i = 0; i < before->size(); ++i)
        collect_changes(path + "[" + std::to_string(i) + "]", (*before)[i], (*after)[i], out);
      return;
    }
  }
  out.push_back(path);
}

json as_json(const Meeting& meeting) { return json::parse(meeting_to_json(meeting)); }

}  // namespace

MergeResult merge_meetings(const Meeting& base, const Meeting& mine, const Meeting& theirs,
                           const MergeOptions& options) {
  Merger merger(options);
  Value merged = merger.merge("", as_json(base), as_json(mine), as_json(theirs));
  MergeResult result;
  result.conflicts = std::move(merger.conflicts);
  if (!result.conflicts.empty() || !merged) {
    result.merged = theirs;
    return result;
  }
  MeetingFile file = parse_meeting_json(merged->dump(), "merged meeting");
  // Each side reads back; a merge of two readable meetings that does not is
  // a clash of the two edits, reported on the whole meeting.
  if (!file.meeting) {
    result.merged = theirs;
    result.conflicts.push_back({"", "", "", ""});
    return result;
  }
  result.merged = std::move(*file.meeting);
  return result;
}

std::vector<std::string> changed_fields(const Meeting& before, const Meeting& after) {
  std::vector<std::string> out;
  collect_changes("", as_json(before), as_json(after), out);
  return out;
}

}  // namespace plenary::edit
