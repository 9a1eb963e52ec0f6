#include "planning/solver.h"

#include <algorithm>
#include <limits>
#include <optional>

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

// Where an item started at (slot, offset) ends, found without building its
// pieces: the solver asks this for every start of every item.
struct Reach {
  bool ok = false;
  int end_slot = 0;
  int end_offset = 0;
  int pieces = 0;
};

Reach reach(const Problem& problem, const ProblemItem& item, int slot, int offset) {
  Reach r;
  const int slots = static_cast<int>(problem.capacity.size());
  if (slot < item.earliest_slot || (item.opens && (slot != 0 || offset != 0))) return r;
  int remaining = item.duration;
  int shortest = remaining;
  for (int s = slot, off = offset; remaining > 0; ++s, off = 0) {
    if (s >= slots) return r;
    const int room = problem.capacity[static_cast<size_t>(s)] - off;
    if (room <= 0) continue;
    const int take = std::min(room, remaining);
    shortest = std::min(shortest, take);
    remaining -= take;
    ++r.pieces;
    r.end_slot = s;
    r.end_offset = off + take;
  }
  if (r.pieces > 1 && (item.never_split || shortest < problem.min_piece)) return r;
  if (item.closes && r.end_slot != slots - 1) return r;
  r.ok = true;
  return r;
}

// The lexicographic cost packed into one integer, so that the inner loop
// adds and compares single words, when the instance's bounds allow it.
struct PackedCost {
  using Word = int64_t;
  int64_t start_scale = 1;  // one change outweighs every start and split
  int64_t split_scale = 1;  // one unit of start outweighs every split
  static constexpr Word kUnreached = std::numeric_limits<int64_t>::max();

  // Nothing when the bounds do not fit in 62 bits.
  static std::optional<PackedCost> for_problem(const Problem& problem) {
    int64_t total = 0, changes = 1;
    for (int c : problem.capacity) total += std::max(0, c);
    const auto items = static_cast<int64_t>(problem.items.size());
    const auto slots = static_cast<int64_t>(problem.capacity.size());
    for (const ProblemItem& item : problem.items) changes += static_cast<int64_t>(item.previous_slots.size()) + slots;
    PackedCost packed;
    int64_t max_start = 0, product = 0;
    if (__builtin_mul_overflow(items, slots, &packed.split_scale) ||
        __builtin_mul_overflow(items, total + 1, &max_start) ||
        __builtin_mul_overflow(max_start + 1, ++packed.split_scale, &packed.start_scale) ||
        __builtin_mul_overflow(changes, packed.start_scale, &product) || product > (int64_t{1} << 62))
      return std::nullopt;
    return packed;
  }
  Word pack(int64_t changes, int64_t start, int64_t splits) const {
    return changes * start_scale + start * split_scale + splits;
  }
  Cost unpack(Word value) const {
    return Cost{value / start_scale, value % start_scale / split_scale, value % split_scale};
  }
};

// The same interface over the plain Cost, for instances too large to pack.
struct PlainCost {
  using Word = Cost;
  static constexpr Word kUnreached = Cost{std::numeric_limits<int64_t>::max(), 0, 0};
  Word pack(int64_t changes, int64_t start, int64_t splits) const { return Cost{changes, start, splits}; }
  Cost unpack(Word value) const { return value; }
};

template <typename CostModel>
Solution solve_with(const Problem& problem, const CostModel& packing) {
  using Word = typename CostModel::Word;
  Solution solution;
  const int slots = static_cast<int>(problem.capacity.size());
  const int items = static_cast<int>(problem.items.size());
  const Positions positions(problem.capacity);
  const auto size = static_cast<size_t>(positions.size);
  std::vector<int64_t> slot_begin(static_cast<size_t>(slots), 0);
  std::vector<int> nonempty_before(static_cast<size_t>(slots) + 1, 0);  // slots with room, before s
  for (int s = 0; s < slots; ++s) {
    const auto u = static_cast<size_t>(s);
    if (s > 0) slot_begin[u] = slot_begin[u - 1] + std::max(0, problem.capacity[u - 1]);
    nonempty_before[u + 1] = nonempty_before[u] + (problem.capacity[u] > 0 ? 1 : 0);
  }

  int64_t total_time = 0;
  for (int c : problem.capacity) total_time += std::max(0, c);
  std::vector<int64_t> time_needed(static_cast<size_t>(items) + 1, 0);  // by items k.. together
  for (int k = items - 1; k >= 0; --k)
    time_needed[static_cast<size_t>(k)] = time_needed[static_cast<size_t>(k) + 1] + problem.items[static_cast<size_t>(k)].duration;

  // best[e]: least cost of placing items 0..k with item k ending at index e.
  const Word kUnreached = CostModel::kUnreached;
  std::vector<Word> best(size, kUnreached), next(size, kUnreached);
  // For tracing back: the start index item k used to end at e, and the end
  // index of item k-1 that start came after.
  std::vector<int> start_for_end(static_cast<size_t>(items) * size, kNone);
  std::vector<int> end_before_start(static_cast<size_t>(items) * size, kNone);
  std::vector<int> best_upto(size, kNone), best_in_slot_upto(size, kNone);
  std::vector<int> previous_upto(static_cast<size_t>(slots) + 1);  // previous slots (with room) before s

  for (int k = 0; k < items; ++k) {
    const ProblemItem& item = problem.items[static_cast<size_t>(k)];
    int* starts = &start_for_end[static_cast<size_t>(k) * size];
    int* befores = &end_before_start[static_cast<size_t>(k) * size];
    // No start before the earliest end of the previous item, nor so late
    // that the items left cannot fit in the time left.
    const int64_t latest_start = total_time - time_needed[static_cast<size_t>(k)];
    size_t first = 0;
    if (k > 0) {
      while (first < size && best[first] == kUnreached) ++first;
      if (first == size) return solution;
      // Prefix minima of `best`, over the whole row and within each slot.
      int running = kNone, in_slot = kNone, slot = positions.slot_of[first];
      for (size_t i = first; i < size; ++i) {
        if (positions.slot_of[i] != slot) slot = positions.slot_of[i], in_slot = kNone;
        if (best[i] != kUnreached) {
          if (running == kNone || best[i] < best[static_cast<size_t>(running)]) running = static_cast<int>(i);
          if (in_slot == kNone || best[i] < best[static_cast<size_t>(in_slot)]) in_slot = static_cast<int>(i);
        }
        best_upto[i] = running;
        best_in_slot_upto[i] = in_slot;
      }
    }
    int64_t previous_total = 0;
    if (problem.has_previous) {
      for (int s = 0; s < slots; ++s) {
        const bool had = problem.capacity[static_cast<size_t>(s)] > 0 &&
                         std::binary_search(item.previous_slots.begin(), item.previous_slots.end(), s);
        previous_upto[static_cast<size_t>(s) + 1] = previous_upto[static_cast<size_t>(s)] + (had ? 1 : 0);
      }
      previous_total = static_cast<int64_t>(item.previous_slots.size());
    }
    std::fill(next.begin(), next.end(), kUnreached);
    for (int s = positions.slot_of[first]; s < slots; ++s) {
      const int64_t begin = slot_begin[static_cast<size_t>(s)];
      if (begin > latest_start) break;
      const int capacity =
          static_cast<int>(std::min<int64_t>(problem.capacity[static_cast<size_t>(s)], latest_start - begin + 1));
      const int from = std::max(0, static_cast<int>(first) - positions.base[static_cast<size_t>(s)]);
      for (int o = from; o < capacity; ++o) {
        const int p = positions.index(s, o);
        int before = kNone;
        Word so_far = packing.pack(0, 0, 0);
        if (k > 0) {
          before = item.same_slot_as_previous ? best_in_slot_upto[static_cast<size_t>(p)]
                                              : best_upto[static_cast<size_t>(p)];
          if (before == kNone) continue;
          so_far = best[static_cast<size_t>(before)];
        }
        const Reach r = reach(problem, item, s, o);
        if (!r.ok) continue;
        int64_t changes = 0;
        if (problem.has_previous) {
          const int common = previous_upto[static_cast<size_t>(r.end_slot) + 1] - previous_upto[static_cast<size_t>(s)];
          changes = previous_total + r.pieces - 2 * common;
        }
        const Word total =
            so_far + packing.pack(changes, slot_begin[static_cast<size_t>(s)] + o, r.pieces - 1);
        const auto e = static_cast<size_t>(positions.index(r.end_slot, r.end_offset));
        if (total < next[e]) {
          next[e] = total;
          starts[e] = p;
          befores[p] = before;
        }
      }
    }
    std::swap(best, next);
  }

  int end = kNone;
  for (size_t i = 0; i < size; ++i)
    if (best[i] != kUnreached && (end == kNone || best[i] < best[static_cast<size_t>(end)])) end = static_cast<int>(i);
  if (end == kNone) return solution;

  solution.feasible = true;
  solution.cost = packing.unpack(best[static_cast<size_t>(end)]);
  solution.items.resize(static_cast<size_t>(items));
  for (int k = items - 1; k >= 0; --k) {
    const int p = start_for_end[static_cast<size_t>(k) * size + static_cast<size_t>(end)];
    const int s = positions.slot_of[static_cast<size_t>(p)];
    place_item(problem, k, s, p - positions.base[static_cast<size_t>(s)], solution.items[static_cast<size_t>(k)]);
    end = end_before_start[static_cast<size_t>(k) * size + static_cast<size_t>(p)];
  }
  return solution;
}

}  // namespace

Solution solve(const Problem& problem) {
  if (problem.items.empty()) return Solution{true, {}, {}};
  if (problem.capacity.empty()) return Solution{};
  if (auto packed = PackedCost::for_problem(problem)) return solve_with(problem, *packed);
  return solve_with(problem, PlainCost{});
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
