#include "planning/planner.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <numeric>
#include <set>

#include "model/check.h"
#include "planning/slots.h"

namespace plenary::planning {

namespace {

// A slot is "the same meeting" across plans when it is the same day's n-th
// meeting: the hybrid Monday morning replaces the in-person Monday morning.
using SlotIdentity = std::pair<Date, int>;

std::vector<SlotIdentity> identities(const std::vector<Slot>& slots) {
  std::vector<SlotIdentity> ids;
  for (size_t s = 0; s < slots.size(); ++s) {
    const int index = s > 0 && slots[s - 1].date == slots[s].date ? ids.back().second + 1 : 0;
    ids.emplace_back(slots[s].date, index);
  }
  return ids;
}

int length(const Slot& slot) { return slot.end.minutes - slot.start.minutes; }

std::string join_slots(const std::vector<Slot>& slots) {
  std::string out;
  for (size_t i = 0; i < slots.size(); ++i)
    out += (i == 0 ? "" : i + 1 == slots.size() ? " and " : ", ") + describe_slot(slots[i]);
  return out.empty() ? "nowhere" : out;
}

class Planner {
 public:
  Planner(const Meeting& meeting, const PlanOptions& options) : meeting_(meeting), options_(options) {}

  Plan run() {
    slots_ = make_slots(meeting_, options_.format, plan_.problems);
    if (slots_.empty()) {
      plan_.problems.push_back(fmt::format("the meeting has no plenary meetings in the {} format between {} and {}",
                                           to_string(options_.format), to_iso(meeting_.start), to_iso(meeting_.end)));
      return std::move(plan_);
    }
    unit_ = std::gcd(5, std::max(1, meeting_.planning.min_continuation));
    int capacity = 0;
    for (const Slot& slot : slots_) unit_ = std::gcd(unit_, length(slot)), capacity += length(slot);
    keys_.clear();
    for (const auto& [key, item] : schedulable_items(meeting_)) keys_.push_back(key), items_.push_back(item);

    Durations durations = plan_durations(meeting_, capacity, unit_);
    plan_.durations = durations.items;
    plan_.shrunk = durations.shrunk;
    if (!durations.ok) {
      plan_.problems.push_back(fmt::format("Too little time: {} in the {} format.", durations.problem,
                                           to_string(options_.format)));
      return std::move(plan_);
    }
    problem_ = build_problem(durations);
    Solution solution = solve(problem_);
    if (!solution.feasible) solution = retry_with_slack(capacity);
    if (!solution.feasible) {
      explain_infeasible();
      return std::move(plan_);
    }
    plan_.ok = true;
    plan_.cost = solution.cost;
    fill_organization(solution);
    list_changes();
    explain(solution);
    return std::move(plan_);
  }

 private:
  int index_of(const std::string& key) const {
    auto it = std::find(keys_.begin(), keys_.end(), key);
    return it == keys_.end() ? -1 : static_cast<int>(it - keys_.begin());
  }

  int earliest_slot(const Item& item) const {
    if (!item.constraints.not_before_date) return 0;
    const Date date = *item.constraints.not_before_date;
    const TimeOfDay time = item.constraints.not_before_time.value_or(TimeOfDay{0});
    for (size_t s = 0; s < slots_.size(); ++s)
      if (slots_[s].date > date || (slots_[s].date == date && slots_[s].start >= time)) return static_cast<int>(s);
    return static_cast<int>(slots_.size());
  }

  Problem build_problem(const Durations& durations) const {
    Problem problem;
    for (const Slot& slot : slots_) problem.capacity.push_back(length(slot) / unit_);
    problem.min_piece = std::max(1, (meeting_.planning.min_continuation + unit_ - 1) / unit_);
    const auto now = identities(slots_);
    std::map<std::string, std::vector<int>> previous_slots;
    if (options_.previous) {
      problem.has_previous = true;
      const auto before = identities(options_.previous->slots);
      for (size_t s = 0; s < before.size(); ++s) {
        auto match = std::find(now.begin(), now.end(), before[s]);
        // A published meeting that no longer exists can never be kept.
        const int slot = match == now.end() ? static_cast<int>(now.size() + s) : static_cast<int>(match - now.begin());
        for (const SlotItem& entry : options_.previous->slots[s].items) previous_slots[entry.item].push_back(slot);
      }
    }
    for (size_t k = 0; k < items_.size(); ++k) {
      const Item& item = *items_[k];
      ProblemItem p;
      p.duration = std::max(1, durations.items[k].minutes / unit_);
      p.never_split = item.constraints.never_split;
      p.earliest_slot = earliest_slot(item);
      p.opens = k == 0 && item.kind == ItemKind::opening;
      p.closes = k + 1 == items_.size() && item.kind == ItemKind::adoption_of_report;
      // The adoption of the agenda joins the opening in the first meeting.
      p.same_slot_as_previous = k > 0 && item.kind == ItemKind::adoption_of_agenda &&
                                items_[k - 1]->kind == ItemKind::opening;
      p.previous_slots = previous_slots[keys_[k]];
      std::sort(p.previous_slots.begin(), p.previous_slots.end());
      p.previous_slots.erase(std::unique(p.previous_slots.begin(), p.previous_slots.end()), p.previous_slots.end());
      problem.items.push_back(std::move(p));
    }
    // "In the same meeting as": every item from the first to the second starts
    // in the meeting where the first ends.
    for (size_t k = 0; k < items_.size(); ++k) {
      const int other = index_of(items_[k]->constraints.same_meeting_as);
      if (other < 0) continue;
      const auto [low, high] = std::minmax(static_cast<int>(k), other);
      for (int j = low + 1; j <= high; ++j) problem.items[static_cast<size_t>(j)].same_slot_as_previous = true;
    }
    return problem;
  }

  // Items that share the time left fill the meetings exactly, which can leave
  // a continuation too short to hold. Leaving a little time unused, a unit at
  // a time, gives the packing room; the first cut that plans is kept.
  Solution retry_with_slack(int capacity) {
    bool shares = false;
    for (const ItemTime& t : plan_.durations) shares |= t.shares_rest;
    if (!shares) return {};
    const int limit = std::min(capacity / 4, 2 * meeting_.planning.min_continuation * static_cast<int>(keys_.size()));
    for (int cut = unit_; cut <= limit; cut += unit_) {
      Durations durations = plan_durations(meeting_, capacity - cut, unit_);
      if (!durations.ok) break;
      Problem problem = build_problem(durations);
      Solution solution = solve(problem);
      if (!solution.feasible) continue;
      problem_ = std::move(problem);
      plan_.durations = durations.items;
      plan_.shrunk = durations.shrunk;
      plan_.shrunk.push_back(fmt::format("{} of the meetings' time is left unused so that no continuation is shorter "
                                         "than {}.",
                                         describe_minutes(cut), describe_minutes(meeting_.planning.min_continuation)));
      return solution;
    }
    return {};
  }

  void fill_organization(const Solution& solution) {
    plan_.organization.footnote = meeting_.organization.footnote;
    plan_.organization.slots = slots_;
    for (size_t k = 0; k < solution.items.size(); ++k)
      for (const Piece& piece : solution.items[k].pieces)
        plan_.organization.slots[static_cast<size_t>(piece.slot)].items.push_back(
            SlotItem{keys_[k], false, piece.length * unit_});
    mark_continuations(plan_.organization);
  }

  void list_changes() {
    if (!options_.previous) return;
    const auto before_ids = identities(options_.previous->slots);
    const auto now_ids = identities(plan_.organization.slots);
    auto slots_of = [](const OrganizationOfWork& organization, const std::vector<SlotIdentity>& ids,
                       const std::string& key, std::vector<SlotIdentity>& found) {
      std::vector<Slot> slots;
      for (size_t s = 0; s < organization.slots.size(); ++s)
        for (const SlotItem& entry : organization.slots[s].items)
          if (entry.item == key) slots.push_back(organization.slots[s]), found.push_back(ids[s]);
      return slots;
    };
    for (const std::string& key : keys_) {
      std::vector<SlotIdentity> was, is;
      PlanChange change;
      change.item = key;
      change.from = slots_of(*options_.previous, before_ids, key, was);
      change.to = slots_of(plan_.organization, now_ids, key, is);
      if (was == is) continue;
      if (was.empty())
        change.text = fmt::format("Item {} is added in {}.", key, join_slots(change.to));
      else
        change.text = fmt::format("Item {} moves from {} to {}.", key, join_slots(change.from), join_slots(change.to));
      plan_.changes.push_back(std::move(change));
    }
  }

  void explain(const Solution& solution) {
    for (size_t k = 0; k < solution.items.size(); ++k) {
      const auto& pieces = solution.items[k].pieces;
      const Piece& first = pieces.front();
      const ProblemItem& item = problem_.items[k];
      std::string why = fmt::format("Item {} ({}): ", keys_[k], describe_minutes(item.duration * unit_));
      if (item.opens) {
        why += "opens the first meeting";
      } else if (k == 0) {
        why += fmt::format("starts in {}", describe_slot(slots_[static_cast<size_t>(first.slot)]));
      } else {
        const Piece& before = solution.items[k - 1].pieces.back();
        int slot = before.slot, offset = before.offset + before.length;
        if (offset >= problem_.capacity[static_cast<size_t>(slot)]) ++slot, offset = 0;
        if (slot == first.slot && offset == first.offset) {
          why += fmt::format("follows item {} directly", keys_[k - 1]);
        } else {
          ItemPlacement probe;
          const Obstacle obstacle = place_item(problem_, static_cast<int>(k), slot, offset, probe);
          const std::string where = describe_slot(slots_[static_cast<size_t>(first.slot)]);
          if (obstacle == Obstacle::none)
            why += fmt::format("waits for {} to keep its published meeting", where);
          else
            why += fmt::format("starts in {}, not right after item {}: {}", where, keys_[k - 1], describe(obstacle));
        }
      }
      if (pieces.size() > 1) {
        std::vector<Slot> rest;
        for (size_t i = 1; i < pieces.size(); ++i) rest.push_back(slots_[static_cast<size_t>(pieces[i].slot)]);
        why += fmt::format("; it runs over and continues in {}", join_slots(rest));
      }
      if (item.closes) why += "; the adoption of the report closes the last meeting";
      plan_.explanations.push_back(why + ".");
    }
  }

  // Finds the rules that, each alone, stand in the way of a plan.
  void explain_infeasible() {
    struct Rule {
      std::string text;
      std::function<void(Problem&)> relax;
    };
    std::vector<Rule> rules;
    for (size_t k = 0; k < problem_.items.size(); ++k) {
      const ProblemItem& item = problem_.items[k];
      const std::string& key = keys_[k];
      if (item.never_split)
        rules.push_back({fmt::format("item {} may not be split", key), [k](Problem& p) { p.items[k].never_split = false; }});
      if (item.earliest_slot > 0)
        rules.push_back({fmt::format("item {} may not start before {}", key,
                                     item.earliest_slot < static_cast<int>(slots_.size())
                                         ? describe_slot(slots_[static_cast<size_t>(item.earliest_slot)])
                                         : std::string("the end of the meeting")),
                         [k](Problem& p) { p.items[k].earliest_slot = 0; }});
      if (item.same_slot_as_previous)
        rules.push_back({fmt::format("item {} must be taken up in the same meeting as item {}", key, keys_[k - 1]),
                         [k](Problem& p) { p.items[k].same_slot_as_previous = false; }});
      if (item.opens) rules.push_back({"the opening must start the first meeting", [k](Problem& p) { p.items[k].opens = false; }});
      if (item.closes)
        rules.push_back({"the adoption of the report must close the last meeting",
                         [k](Problem& p) { p.items[k].closes = false; }});
    }
    if (problem_.min_piece > 1)
      rules.push_back({fmt::format("no continuation may be shorter than {}",
                                   describe_minutes(meeting_.planning.min_continuation)),
                       [](Problem& p) { p.min_piece = 1; }});
    std::vector<std::string> blocking;
    for (const Rule& rule : rules) {
      Problem relaxed = problem_;
      rule.relax(relaxed);
      if (solve(relaxed).feasible) blocking.push_back(rule.text);
    }
    if (blocking.empty())
      plan_.problems.push_back(
          "The items fit in the time in total, but no order of them fits the meetings: together the rules on "
          "splitting, continuations and fixed meetings leave no room. Shorten items or add a meeting.");
    else
      for (const std::string& text : blocking)
        plan_.problems.push_back(fmt::format("No plan fits while {}; without that rule one does.", text));
  }

  const Meeting& meeting_;
  const PlanOptions& options_;
  Plan plan_;
  std::vector<Slot> slots_;
  std::vector<std::string> keys_;
  std::vector<const Item*> items_;
  Problem problem_;
  int unit_ = 5;
};

}  // namespace

Plan plan_meeting(const Meeting& meeting, const PlanOptions& options) { return Planner(meeting, options).run(); }

}  // namespace plenary::planning
