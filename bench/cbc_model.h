// The planner's problem as a mixed-integer program solved by CBC (COIN-OR
// branch and cut): the baseline the benchmark holds solve() against, and an
// independent check of its optimum.
#pragma once

#include "planning/solver.h"

namespace plenary::bench {

struct CbcResult {
  bool feasible = false;
  planning::Cost cost;                              // recomputed with evaluate()
  std::vector<planning::ItemPlacement> items;
  double seconds = 0;                               // building the model and solving it
  int columns = 0;                                  // binaries: one per item and feasible start
};

// Time-indexed model: x[k][p] = 1 if item k starts at position p. The
// lexicographic cost becomes one weighted sum whose weights come from the
// instance's bounds. Throws if CBC stops without proving optimality or
// infeasibility, or if the weights would not be exact in a double.
CbcResult solve_with_cbc(const planning::Problem& problem);

}  // namespace plenary::bench
