#include "planning/solver.h"
#include "planning/random_problem.h"

#include <gtest/gtest.h>

#include <random>

namespace plenary::planning {
namespace {

// Builds the pieces of an item started at (slot, offset) minute by minute:
// deliberately not the solver's code.
ItemPlacement simulate(const Problem& problem, int duration, int slot, int offset) {
  ItemPlacement placement;
  int s = slot, o = offset;
  for (int unit = 0; unit < duration; ++unit) {
    while (s < static_cast<int>(problem.capacity.size()) && o >= problem.capacity[static_cast<size_t>(s)]) ++s, o = 0;
    if (s >= static_cast<int>(problem.capacity.size())) return {};
    if (placement.pieces.empty() || placement.pieces.back().slot != s) placement.pieces.push_back({s, o, 0});
    ++placement.pieces.back().length;
    ++o;
  }
  return placement;
}

// Tries every start of every item; returns the least cost, or nothing.
struct Exhaustive {
  const Problem& problem;
  std::vector<ItemPlacement> current;
  bool found = false;
  Cost best;
  std::vector<ItemPlacement> best_placement;

  void search(size_t k) {
    if (k == problem.items.size()) {
      const Evaluation evaluation = evaluate(problem, current);
      if (evaluation.feasible && (!found || evaluation.cost < best)) {
        found = true;
        best = evaluation.cost;
        best_placement = current;
      }
      return;
    }
    for (int s = 0; s < static_cast<int>(problem.capacity.size()); ++s) {
      for (int o = 0; o < problem.capacity[static_cast<size_t>(s)]; ++o) {
        ItemPlacement placement = simulate(problem, problem.items[k].duration, s, o);
        if (placement.pieces.empty()) continue;
        current[k] = placement;
        search(k + 1);
      }
    }
  }
};

using testing::random_problem;

// The solver's optimum equals the exhaustive search's on random small
// agendas, and its placement passes the independent evaluation.
TEST(Solver, MatchesExhaustiveSearchOnRandomAgendas) {
  std::mt19937 random(20220627);
  int feasible = 0, with_previous = 0;
  for (int trial = 0; trial < 6000; ++trial) {
    const Problem problem = random_problem(random);
    Exhaustive exhaustive{problem, std::vector<ItemPlacement>(problem.items.size()), false, {}, {}};
    exhaustive.search(0);
    const Solution solution = solve(problem);
    ASSERT_EQ(solution.feasible, exhaustive.found) << "trial " << trial;
    if (!solution.feasible) continue;
    ++feasible;
    with_previous += problem.has_previous;
    const Evaluation check = evaluate(problem, solution.items);
    ASSERT_TRUE(check.feasible) << "trial " << trial << ": " << check.problem;
    EXPECT_EQ(check.cost, solution.cost) << "trial " << trial;
    EXPECT_EQ(solution.cost.changes, exhaustive.best.changes) << "trial " << trial;
    EXPECT_EQ(solution.cost, exhaustive.best) << "trial " << trial;
  }
  // The random agendas must exercise both outcomes, not only one.
  EXPECT_GT(feasible, 1500);
  EXPECT_GT(with_previous, 600);
}

TEST(Solver, PacksTheReferenceAgendaAsIssued) {
  // Four three-hour meetings in 15-minute units; items 1 (a), 1 (b), 2..6.
  Problem problem;
  problem.capacity = {12, 12, 12, 12};
  problem.min_piece = 2;
  for (int duration : {1, 1, 14, 14, 6, 2, 10}) problem.items.push_back({duration, false, 0, false, false, false, {}});
  problem.items.front().opens = true;
  problem.items.back().closes = true;
  const Solution solution = solve(problem);
  ASSERT_TRUE(solution.feasible);
  auto slots_of = [&](size_t k) {
    std::vector<int> slots;
    for (const Piece& piece : solution.items[k].pieces) slots.push_back(piece.slot);
    return slots;
  };
  EXPECT_EQ(slots_of(2), (std::vector<int>{0, 1}));
  EXPECT_EQ(slots_of(3), (std::vector<int>{1, 2}));
  EXPECT_EQ(slots_of(4), (std::vector<int>{2}));
  EXPECT_EQ(slots_of(5), (std::vector<int>{3}));
  EXPECT_EQ(solution.cost.splits, 2);
}

TEST(Solver, ImpossibleInputsGiveNoPlanAndNoCrash) {
  EXPECT_FALSE(solve(Problem{{}, {ProblemItem{}}, 1, false}).feasible);           // no slots
  EXPECT_FALSE(solve(Problem{{0, 0}, {ProblemItem{}}, 1, false}).feasible);       // zero-length slots
  EXPECT_FALSE(solve(Problem{{2}, {ProblemItem{3, false, 0, false, false, false, {}}}, 1, false}).feasible);
  EXPECT_TRUE(solve(Problem{{2}, {}, 1, false}).feasible);                        // nothing to place
  ItemPlacement placement;
  const Problem never_split{{2, 2}, {ProblemItem{3, true, 0, false, false, false, {}}}, 1, false};
  EXPECT_EQ(place_item(never_split, 0, 0, 0, placement), Obstacle::split);
  EXPECT_FALSE(solve(never_split).feasible);
}

TEST(Solver, PrefersKeepingPublishedAssignments) {
  // Item 1 was published in slot 1; moving it up to slot 0 would start it
  // earlier, but keeping it costs no change.
  Problem problem;
  problem.capacity = {4, 4};
  problem.has_previous = true;
  problem.items = {ProblemItem{2, false, 0, false, false, false, {0}}, ProblemItem{2, false, 0, false, false, false, {1}}};
  const Solution solution = solve(problem);
  ASSERT_TRUE(solution.feasible);
  EXPECT_EQ(solution.cost.changes, 0);
  EXPECT_EQ(solution.items[1].pieces.front().slot, 1);
}

}  // namespace
}  // namespace plenary::planning
