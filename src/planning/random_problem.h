// Random small placement problems for tests that hold the solver against an
// independent method (exhaustive search, CBC). Every rule is drawn now and then.
#pragma once

#include <random>
#include <string>

#include "planning/solver.h"

namespace plenary::planning::testing {

struct ProblemShape {
  int min_slots = 1, max_slots = 4;
  int min_capacity = 0, max_capacity = 6;  // a capacity of 0 is an empty slot
  int max_items = 4;
  int max_duration = 6;
  int empty_one_in = 0;                    // also draw empty slots, one in this many (0: no)
};

inline Problem random_problem(std::mt19937& random, const ProblemShape& shape = {}) {
  auto pick = [&](int low, int high) { return std::uniform_int_distribution<int>(low, high)(random); };
  Problem problem;
  const int slots = pick(shape.min_slots, shape.max_slots);
  for (int s = 0; s < slots; ++s) {
    const bool empty = shape.empty_one_in > 0 && pick(1, shape.empty_one_in) == 1;
    problem.capacity.push_back(empty ? 0 : pick(shape.min_capacity, shape.max_capacity));
  }
  problem.min_piece = pick(1, 3);
  problem.has_previous = pick(0, 1) == 1;
  const int items = pick(1, shape.max_items);
  for (int k = 0; k < items; ++k) {
    ProblemItem item;
    item.duration = pick(1, shape.max_duration);
    item.never_split = pick(0, 5) == 0;
    item.earliest_slot = pick(0, 4) == 0 ? pick(0, slots - 1) : 0;
    item.opens = k == 0 && pick(0, 2) == 0;
    item.closes = k == items - 1 && pick(0, 2) == 0;
    item.same_slot_as_previous = k > 0 && pick(0, 5) == 0;
    if (problem.has_previous)
      for (int s = 0; s < slots; ++s)
        if (pick(0, 2) == 0) item.previous_slots.push_back(s);
    problem.items.push_back(item);
  }
  return problem;
}

// The problem in words, for a failing test's message.
inline std::string describe(const Problem& problem) {
  std::string text = "capacity";
  for (int c : problem.capacity) text += " " + std::to_string(c);
  text += "; min_piece " + std::to_string(problem.min_piece) + (problem.has_previous ? "; with previous" : "");
  for (const ProblemItem& item : problem.items) {
    text += "\n  item duration " + std::to_string(item.duration) + " earliest " + std::to_string(item.earliest_slot);
    if (item.never_split) text += " never_split";
    if (item.opens) text += " opens";
    if (item.closes) text += " closes";
    if (item.same_slot_as_previous) text += " same_slot";
    if (!item.previous_slots.empty()) {
      text += " previous";
      for (int s : item.previous_slots) text += " " + std::to_string(s);
    }
  }
  return text;
}

}  // namespace plenary::planning::testing
