// The exact core of the planner: place items, in agenda order, into a row of
// plenary meetings (slots). It knows nothing of dates or languages: slots are
// capacities and items are durations, both in whole time units.
//
// A placement gives each item a start (slot, offset). An item fills its slot
// from there and, if it runs over, continues at the start of the next slots;
// each piece is a "(continued)" row in the annex. The next item starts where
// the previous one ended, or later (the meeting may close early).
//
// Among the feasible placements the solver finds the one with the least cost,
// compared in this order:
//   1. changes: item-slot assignments added or removed against a previous plan;
//   2. start: the sum of the items' start times (each item as early as it can);
//   3. splits: the number of continuations.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <vector>

namespace plenary::planning {

struct ProblemItem {
  int duration = 1;                // units, 1 or more
  bool never_split = false;
  int earliest_slot = 0;           // not before this slot
  bool opens = false;              // must start at the very start of slot 0
  bool closes = false;             // must end in the last slot
  bool same_slot_as_previous = false;  // must start in the slot where the previous item ends
  std::vector<int> previous_slots; // slots of the previous plan, sorted; empty if none
};

struct Problem {
  std::vector<int> capacity;       // per slot, in units
  std::vector<ProblemItem> items;
  int min_piece = 1;               // units; every piece of a split item
  bool has_previous = false;       // count changes against previous_slots
};

struct Cost {
  int64_t changes = 0;
  int64_t start = 0;
  int64_t splits = 0;

  Cost operator+(const Cost& o) const { return {changes + o.changes, start + o.start, splits + o.splits}; }
  auto operator<=>(const Cost&) const = default;
};

struct Piece {
  int slot = 0;
  int offset = 0;                  // units from the slot's start
  int length = 0;                  // units
};

struct ItemPlacement {
  std::vector<Piece> pieces;
};

struct Solution {
  bool feasible = false;
  Cost cost;
  std::vector<ItemPlacement> items;
};

// Why an item cannot start at a position.
enum class Obstacle {
  none,
  past_the_end,        // runs beyond the last slot
  short_piece,         // a piece would be shorter than the minimum
  split,               // the item may not be split
  too_early,           // before its earliest slot
  not_opening,         // the opening must start the first meeting
  not_closing,         // the adoption of the report must end in the last meeting
  different_slot,      // must share the meeting of the previous item
};

const char* describe(Obstacle obstacle);

// The pieces of `item` started at (slot, offset), and what stops it, if anything.
Obstacle place_item(const Problem& problem, int item, int slot, int offset, ItemPlacement& placement);

// The least-cost feasible placement (dynamic programming over start positions;
// exact for the cost above).
Solution solve(const Problem& problem);

// Checks a complete placement against every rule and returns its cost;
// independent of solve(), so tests can hold one against the other.
struct Evaluation {
  bool feasible = false;
  std::string problem;             // the first rule broken
  Cost cost;
};
Evaluation evaluate(const Problem& problem, const std::vector<ItemPlacement>& placement);

}  // namespace plenary::planning
