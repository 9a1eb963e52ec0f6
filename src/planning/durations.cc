#include "planning/durations.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "planning/slots.h"

namespace plenary::planning {

namespace {

bool is_fixed_kind(ItemKind kind) {
  return kind == ItemKind::opening || kind == ItemKind::adoption_of_agenda || kind == ItemKind::adoption_of_report;
}

int default_priority(ItemKind kind) {
  if (is_fixed_kind(kind)) return 3;
  return kind == ItemKind::other_matters ? 2 : 1;
}

int round_down(int minutes, int unit) { return minutes / unit * unit; }

ItemTime time_of(const PlanningSettings& settings, const std::string& key, const Item& item, int unit) {
  ItemTime time;
  time.key = key;
  time.priority = item.constraints.priority.value_or(default_priority(item.kind));
  auto kind_default = settings.default_minutes.find(to_string(item.kind));
  if (item.minutes) time.requested = *item.minutes;
  else if (kind_default != settings.default_minutes.end()) time.requested = kind_default->second;
  else time.shares_rest = true;
  time.requested = round_down(time.requested, unit);
  const int floor = is_fixed_kind(item.kind) && !time.shares_rest ? time.requested : settings.min_substantive_minutes;
  time.minimum = round_down(item.constraints.min_minutes.value_or(floor), unit);
  if (!time.shares_rest) time.minimum = std::min(time.minimum, time.requested);
  time.minimum = std::max(time.minimum, unit);
  time.minutes = time.shares_rest ? time.minimum : time.requested;
  return time;
}

// Gives `left` minutes to the items that share the rest, by weight, none
// below its minimum.
void share_rest(std::vector<ItemTime>& items, const std::vector<int>& weights, int left, int unit) {
  std::vector<size_t> open;
  for (size_t i = 0; i < items.size(); ++i)
    if (items[i].shares_rest) open.push_back(i);
  // Water-filling: an item whose share falls below its minimum keeps the
  // minimum and leaves the sharing.
  bool changed = true;
  while (changed && !open.empty()) {
    changed = false;
    long weight = 0;
    for (size_t i : open) weight += weights[i];
    for (size_t n = 0; n < open.size(); ++n) {
      const size_t i = open[n];
      if (static_cast<long>(left) * weights[i] / weight < items[i].minimum) {
        items[i].minutes = items[i].minimum;
        left -= items[i].minimum;
        open.erase(open.begin() + static_cast<long>(n));
        changed = true;
        break;
      }
    }
  }
  if (open.empty()) return;
  long weight = 0;
  for (size_t i : open) weight += weights[i];
  int given = 0;
  for (size_t i : open) {
    items[i].minutes = round_down(static_cast<int>(static_cast<long>(left) * weights[i] / weight), unit);
    given += items[i].minutes;
  }
  // Whole units left over by rounding go to the first items.
  for (size_t n = 0; left - given >= unit; n = (n + 1) % open.size()) {
    items[open[n]].minutes += unit;
    given += unit;
  }
}

std::string list_keys(const std::vector<std::string>& keys) {
  if (keys.size() == 1) return "item " + keys[0];
  std::string out = "items ";
  for (size_t i = 0; i < keys.size(); ++i)
    out += (i == 0 ? "" : i + 1 == keys.size() ? " and " : ", ") + keys[i];
  return out;
}

}  // namespace

Durations plan_durations(const Meeting& meeting, int capacity, int unit) {
  Durations result;
  std::vector<int> weights;
  for (const auto& [key, item] : schedulable_items(meeting)) {
    result.items.push_back(time_of(meeting.planning, key, *item, unit));
    weights.push_back(std::max(1, item->constraints.weight));
  }
  int fixed = 0, shared_minimum = 0;
  for (const ItemTime& t : result.items) (t.shares_rest ? shared_minimum : fixed) += t.shares_rest ? t.minimum : t.requested;
  if (capacity - fixed >= shared_minimum) {
    share_rest(result.items, weights, capacity - fixed, unit);
    result.ok = true;
    return result;
  }
  // Too little time: shrink the lowest priorities first, each tier in
  // proportion to what its items can give.
  int deficit = fixed + shared_minimum - capacity;
  std::vector<int> tiers;
  for (const ItemTime& t : result.items) tiers.push_back(t.priority);
  std::sort(tiers.begin(), tiers.end());
  tiers.erase(std::unique(tiers.begin(), tiers.end()), tiers.end());
  for (int tier : tiers) {
    if (deficit <= 0) break;
    int can_give = 0;
    for (const ItemTime& t : result.items)
      if (t.priority == tier) can_give += t.minutes - t.minimum;
    if (can_give <= 0) continue;
    const int take = std::min(deficit, can_give);
    int taken = 0;
    for (ItemTime& t : result.items) {
      if (t.priority != tier) continue;
      const int share = (t.minutes - t.minimum) * take / can_give;
      const int cut = std::min(t.minutes - t.minimum, (share + unit - 1) / unit * unit);
      t.minutes -= cut;
      taken += cut;
    }
    for (ItemTime& t : result.items) {  // rounding: take whole units until covered
      if (taken >= take) break;
      if (t.priority == tier && t.minutes - unit >= t.minimum) t.minutes -= unit, taken += unit;
    }
    deficit -= taken;
  }
  if (deficit > 0) {
    std::vector<ItemTime> largest = result.items;
    std::sort(largest.begin(), largest.end(), [](const ItemTime& a, const ItemTime& b) { return a.minimum > b.minimum; });
    std::vector<std::string> keys;
    for (size_t i = 0; i < largest.size() && i < 3; ++i)
      keys.push_back(fmt::format("{} ({})", largest[i].key, describe_minutes(largest[i].minimum)));
    int total_minimum = 0;
    for (const ItemTime& t : result.items) total_minimum += t.minimum;
    result.problem = fmt::format("the items need at least {} in all ({} the most); the meetings give {}",
                                 describe_minutes(total_minimum), list_keys(keys), describe_minutes(capacity));
    return result;
  }
  for (const ItemTime& t : result.items)
    if (!t.shares_rest && t.minutes < t.requested)
      result.shrunk.push_back(fmt::format("Item {} loses {} ({} -> {}).", t.key, describe_minutes(t.requested - t.minutes),
                                          describe_minutes(t.requested), describe_minutes(t.minutes)));
  result.ok = true;
  return result;
}

}  // namespace plenary::planning
