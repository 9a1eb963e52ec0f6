#include "cbc_model.h"
#include "planning/random_problem.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <random>

namespace plenary::bench {
namespace {

using planning::Problem;
using planning::ProblemItem;

// A little larger than the solver's own test, so that CBC has to branch.
Problem random_problem(std::mt19937& random) {
  return planning::testing::random_problem(random, {2, 5, 2, 8, 5, 5, 6});
}

using planning::testing::describe;

constexpr int kProblems = 200;

// The MIP and the dynamic programme are written independently: they must
// agree on whether a plan exists and on its exact lexicographic cost.
TEST(CbcModel, AgreesWithSolverOnRandomAgendas) {
  std::mt19937 random(20240611);
  int feasible = 0, with_previous = 0, same_slot = 0;
  for (int trial = 0; trial < kProblems; ++trial) {
    const Problem problem = random_problem(random);
    const planning::Solution solution = planning::solve(problem);
    const CbcResult cbc = solve_with_cbc(problem);
    ASSERT_EQ(cbc.feasible, solution.feasible) << "trial " << trial << ": " << describe(problem);
    if (!cbc.feasible) continue;
    ++feasible;
    with_previous += problem.has_previous;
    for (const ProblemItem& item : problem.items) same_slot += item.same_slot_as_previous;
    EXPECT_EQ(cbc.cost, solution.cost) << "trial " << trial << ": " << describe(problem) << "\n  cbc "
                                       << cbc.cost.changes << "/" << cbc.cost.start << "/" << cbc.cost.splits
                                       << ", solve " << solution.cost.changes << "/" << solution.cost.start << "/"
                                       << solution.cost.splits;
  }
  std::printf("%d problems: %d feasible, %d of them with a previous plan; %d same-meeting items\n", kProblems, feasible,
              with_previous, same_slot);
  // Both outcomes, and the rules that tie an item to the plan or to its
  // neighbour, must be exercised.
  EXPECT_GT(feasible, kProblems / 4);
  EXPECT_LT(feasible, kProblems);
  EXPECT_GT(with_previous, kProblems / 10);
  EXPECT_GT(same_slot, 5);
}

TEST(CbcModel, HandlesTheEdges) {
  EXPECT_TRUE(solve_with_cbc(Problem{{2}, {}, 1, false}).feasible);                        // nothing to place
  EXPECT_FALSE(solve_with_cbc(Problem{{}, {ProblemItem{}}, 1, false}).feasible);           // no slots
  EXPECT_FALSE(solve_with_cbc(Problem{{0, 0}, {ProblemItem{}}, 1, false}).feasible);       // zero-length slots
  // Each item fits alone but not both: only the model's rows can tell.
  const ProblemItem two{2, false, 0, false, false, false, {}};
  const Problem crowded{{3}, {two, two}, 1, false};
  EXPECT_FALSE(solve_with_cbc(crowded).feasible);
}

}  // namespace
}  // namespace plenary::bench
