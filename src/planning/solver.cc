#include "planning/solver.h"

#include <algorithm>
#include <limits>

namespace plenary::planning {

const char* describe(Obstacle obstacle) {
  switch (obstacle) {
    case Obstacle::none: return "fits";
    case Obstacle::past_the_end: return "it would run past the last meeting";
    case Obstacle::short_piece: return "a part of it would be shorter than the minimum continuation";
    case Obstacle::split: return "it may not be split across meetings";
    case Obstacle::too_early: return "it may not be taken up before then";
    case Obstacle::not_opening: return "the opening must start the first meeting";
    case Obstacle::not_closing: return "the adoption of the report must end in the last meeting";
    case Obstacle::different_slot: return "it must be taken up in the same meeting as the item before it";
  }
  return "?";
}

Obstacle place_item(const Problem& problem, int item, int slot, int offset, ItemPlacement& placement) {
  const ProblemItem& it = problem.items[static_cast<size_t>(item)];
  const int slots = static_cast<int>(problem.capacity.size());
  placement.pieces.clear();
  if (slot < it.earliest_slot) return Obstacle::too_early;
  if (it.opens && (slot != 0 || offset != 0)) return Obstacle::not_opening;
  int remaining = it.duration;
  for (int s = slot, off = offset; remaining > 0; ++s, off = 0) {
    if (s >= slots) return Obstacle::past_the_end;
    const int room = problem.capacity[static_cast<size_t>(s)] - off;
    if (room <= 0) continue;  // an empty slot holds no piece
    const int take = std::min(room, remaining);
    placement.pieces.push_back({s, off, take});
    remaining -= take;
  }
  if (placement.pieces.size() > 1) {
    if (it.never_split) return Obstacle::split;
    for (const Piece& piece : placement.pieces)
      if (piece.length < problem.min_piece) return Obstacle::short_piece;
  }
  if (it.closes && placement.pieces.back().slot != slots - 1) return Obstacle::not_closing;
  return Obstacle::none;
}

namespace {

int64_t changes_against(const std::vector<int>& previous, const ItemPlacement& placement) {
  int64_t common = 0;
  for (const Piece& piece : placement.pieces)
    if (std::binary_search(previous.begin(), previous.end(), piece.slot)) ++common;
  return static_cast<int64_t>(previous.size() + placement.pieces.size()) - 2 * common;
}

Cost cost_of(const Problem& problem, const ProblemItem& item, const ItemPlacement& placement,
             const std::vector<int64_t>& slot_begin) {
  const Piece& first = placement.pieces.front();
  Cost cost;
  cost.start = slot_begin[static_cast<size_t>(first.slot)] + first.offset;
  cost.splits = static_cast<int64_t>(placement.pieces.size()) - 1;
  if (problem.has_previous) cost.changes = changes_against(item.previous_slots, placement);
  return cost;
}

// Positions in one row: slot s covers indices index(s, 0) .. index(s, c_s),
// so that the end of a slot comes before the start of the next.
struct Positions {
  std::vector<int> base;        // index of (s, 0)
  std::vector<int> slot_of;     // slot of each index
  int size = 0;

  explicit Positions(const std::vector<int>& capacity) {
    for (size_t s = 0; s < capacity.size(); ++s) {
      base.push_back(size);
      size += std::max(0, capacity[s]) + 1;
      slot_of.resize(static_cast<size_t>(size), static_cast<int>(s));
    }
  }
  int index(int slot, int offset) const { return base[static_cast<size_t>(slot)] + offset; }
};

constexpr int kNone = -1;

}  // namespace

Solution solve(const Problem& problem) {
  Solution solution;
  const int slots = static_cast<int>(problem.capacity.size());
  const int items = static_cast<int>(problem.items.size());
  if (items == 0) {
    solution.feasible = true;
    return solution;
  }
  if (slots == 0) return solution;

  const Positions positions(problem.capacity);
  const auto size = static_cast<size_t>(positions.size);
  std::vector<int64_t> slot_begin(static_cast<size_t>(slots), 0);
  for (int s = 1; s < slots; ++s)
    slot_begin[static_cast<size_t>(s)] = slot_begin[static_cast<size_t>(s - 1)] + problem.capacity[static_cast<size_t>(s - 1)];

  // best[e]: least cost of placing items 0..k with item k ending at index e.
  std::vector<Cost> best(size), next(size);
  std::vector<char> reached(size, 0), next_reached(size, 0);
  // For tracing back: the start index item k used to end at e, and the end
  // index of item k-1 that start came after.
  std::vector<std::vector<int>> start_for_end(static_cast<size_t>(items), std::vector<int>(size, kNone));
  std::vector<std::vector<int>> end_before_start(static_cast<size_t>(items), std::vector<int>(size, kNone));
  std::vector<int> best_upto(size, kNone), best_in_slot_upto(size, kNone);
  ItemPlacement placement;

  for (int k = 0; k < items; ++k) {
    const ProblemItem& item = problem.items[static_cast<size_t>(k)];
    // Prefix minima of `best`, over the whole row and within each slot.
    if (k > 0) {
      int running = kNone, in_slot = kNone;
      for (size_t i = 0; i < size; ++i) {
        if (i > 0 && positions.slot_of[i] != positions.slot_of[i - 1]) in_slot = kNone;
        if (reached[i]) {
          if (running == kNone || best[i] < best[static_cast<size_t>(running)]) running = static_cast<int>(i);
          if (in_slot == kNone || best[i] < best[static_cast<size_t>(in_slot)]) in_slot = static_cast<int>(i);
        }
        best_upto[i] = running;
        best_in_slot_upto[i] = in_slot;
      }
    }
    std::fill(next_reached.begin(), next_reached.end(), 0);
    for (int s = 0; s < slots; ++s) {
      for (int o = 0; o < problem.capacity[static_cast<size_t>(s)]; ++o) {
        const int p = positions.index(s, o);
        int before = kNone;
        Cost so_far;
        if (k > 0) {
          before = item.same_slot_as_previous ? best_in_slot_upto[static_cast<size_t>(p)]
                                              : best_upto[static_cast<size_t>(p)];
          if (before == kNone) continue;
          so_far = best[static_cast<size_t>(before)];
        }
        if (place_item(problem, k, s, o, placement) != Obstacle::none) continue;
        const Cost total = so_far + cost_of(problem, item, placement, slot_begin);
        const Piece& last = placement.pieces.back();
        const auto e = static_cast<size_t>(positions.index(last.slot, last.offset + last.length));
        if (!next_reached[e] || total < next[e]) {
          next[e] = total;
          next_reached[e] = 1;
          start_for_end[static_cast<size_t>(k)][e] = p;
          end_before_start[static_cast<size_t>(k)][static_cast<size_t>(p)] = before;
        }
      }
    }
    std::swap(best, next);
    std::swap(reached, next_reached);
  }

  int end = kNone;
  for (size_t i = 0; i < size; ++i)
    if (reached[i] && (end == kNone || best[i] < best[static_cast<size_t>(end)])) end = static_cast<int>(i);
  if (end == kNone) return solution;

  solution.feasible = true;
  solution.cost = best[static_cast<size_t>(end)];
  solution.items.resize(static_cast<size_t>(items));
  for (int k = items - 1; k >= 0; --k) {
    const int p = start_for_end[static_cast<size_t>(k)][static_cast<size_t>(end)];
    const int s = positions.slot_of[static_cast<size_t>(p)];
    place_item(problem, k, s, p - positions.base[static_cast<size_t>(s)], solution.items[static_cast<size_t>(k)]);
    end = end_before_start[static_cast<size_t>(k)][static_cast<size_t>(p)];
  }
  return solution;
}

Evaluation evaluate(const Problem& problem, const std::vector<ItemPlacement>& placement) {
  Evaluation result;
  const int slots = static_cast<int>(problem.capacity.size());
  auto fail = [&](std::string why) {
    result.feasible = false;
    result.problem = std::move(why);
    return result;
  };
  if (placement.size() != problem.items.size()) return fail("not every item is placed");
  int64_t elapsed_before_slot = 0;
  std::vector<int64_t> begin(static_cast<size_t>(slots));
  for (int s = 0; s < slots; ++s) {
    begin[static_cast<size_t>(s)] = elapsed_before_slot;
    elapsed_before_slot += problem.capacity[static_cast<size_t>(s)];
  }
  // (slot, offset) where the previous item ended; an end at a slot's close
  // lets the next item start in any later slot.
  int free_slot = 0, free_offset = 0;
  for (size_t k = 0; k < placement.size(); ++k) {
    const ProblemItem& item = problem.items[k];
    const auto& pieces = placement[k].pieces;
    const std::string name = "item " + std::to_string(k);
    if (pieces.empty()) return fail(name + " has no time");
    int total = 0;
    for (size_t i = 0; i < pieces.size(); ++i) {
      const Piece& piece = pieces[i];
      if (piece.slot < 0 || piece.slot >= slots) return fail(name + " is outside the slots");
      const int capacity = problem.capacity[static_cast<size_t>(piece.slot)];
      if (piece.length <= 0 || piece.offset < 0 || piece.offset + piece.length > capacity)
        return fail(name + " does not fit its slot");
      if (i > 0) {
        const Piece& before = pieces[i - 1];
        if (before.offset + before.length != problem.capacity[static_cast<size_t>(before.slot)] || piece.offset != 0)
          return fail(name + " pauses inside a meeting");
        for (int s = before.slot + 1; s < piece.slot; ++s)
          if (problem.capacity[static_cast<size_t>(s)] > 0) return fail(name + " skips a meeting");
        if (piece.slot <= before.slot) return fail(name + " goes backwards");
      }
      total += piece.length;
    }
    if (total != item.duration) return fail(name + " does not get its duration");
    const Piece& first = pieces.front();
    const Piece& last = pieces.back();
    if (k > 0 && (first.slot < free_slot || (first.slot == free_slot && first.offset < free_offset)))
      return fail(name + " starts before the previous item ends");
    if (item.same_slot_as_previous && k > 0 && first.slot != free_slot)
      return fail(name + " is not in the same meeting as the previous item");
    if (first.slot < item.earliest_slot) return fail(name + " is too early");
    if (item.opens && (first.slot != 0 || first.offset != 0)) return fail(name + " does not open the meeting");
    if (item.closes && last.slot != slots - 1) return fail(name + " does not close the meeting");
    if (pieces.size() > 1 && item.never_split) return fail(name + " is split");
    if (pieces.size() > 1)
      for (const Piece& piece : pieces)
        if (piece.length < problem.min_piece) return fail(name + " has a short piece");
    result.cost.start += begin[static_cast<size_t>(first.slot)] + first.offset;
    result.cost.splits += static_cast<int64_t>(pieces.size()) - 1;
    if (problem.has_previous) {
      std::vector<int> now;
      for (const Piece& piece : pieces) now.push_back(piece.slot);
      std::vector<int> difference;
      std::set_symmetric_difference(now.begin(), now.end(), item.previous_slots.begin(), item.previous_slots.end(),
                                    std::back_inserter(difference));
      result.cost.changes += static_cast<int64_t>(difference.size());
    }
    free_slot = last.slot;
    free_offset = last.offset + last.length;
  }
  result.feasible = true;
  return result;
}

}  // namespace plenary::planning
