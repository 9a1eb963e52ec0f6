#include "cbc_model.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <random>

namespace plenary::bench {
namespace {

using planning::Problem;
using planning::ProblemItem;

// Small random agendas, as in the solver's own test, a little larger so that
// CBC has to branch: every rule is drawn now and then.
Problem random_problem(std::mt19937& random) {
  auto pick = [&](int low, int high) { return std::uniform_int_distribution<int>(low, high)(random); };
  Problem problem;
  const int slots = pick(2, 5);
  for (int s = 0; s < slots; ++s) problem.capacity.push_back(pick(0, 5) == 0 ? 0 : pick(2, 8));
  problem.min_piece = pick(1, 3);
  problem.has_previous = pick(0, 1) == 1;
  const int items = pick(1, 5);
  for (int k = 0; k < items; ++k) {
    ProblemItem item;
    item.duration = pick(1, 5);
    item.never_split = pick(0, 5) == 0;
    item.earliest_slot = pick(0, 4) == 0 ? pick(0, slots - 1) : 0;
    item.opens = k == 0 && pick(0, 2) == 0;
    item.closes = k == items - 1 && pick(0, 2) == 0;
    item.same_slot_as_previous = k > 0 && pick(0, 4) == 0;
    if (problem.has_previous)
      for (int s = 0; s < slots; ++s)
        if (pick(0, 2) == 0) item.previous_slots.push_back(s);
    problem.items.push_back(item);
  }
  return problem;
}

std::string describe(const Problem& problem) {
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
