#include "cbc_model.h"

#include <algorithm>
#include <chrono>
#include <climits>
#include <cmath>
#include <iterator>
#include <stdexcept>
#include <string>

// CBC's C header is not written for -Wpedantic; keep our warnings for our code.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
#include <coin/Cbc_C_Interface.h>
#pragma GCC diagnostic pop

namespace plenary::bench {

using planning::Cost;
using planning::ItemPlacement;
using planning::Obstacle;
using planning::Problem;

namespace {

// One feasible start of one item: a binary column of the model.
struct Start {
  int slot = 0;
  int offset = 0;
  int begin = 0;       // position of the start
  int end = 0;         // position of the end
  int end_slot = 0;
  Cost cost;           // this item's share of the cost
};

// Frees the model however we leave.
struct Model {
  Cbc_Model* cbc = Cbc_newModel();
  Model() = default;
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;
  ~Model() { Cbc_deleteModel(cbc); }
};

// Written from the rule, like evaluate(), not copied from the solver.
int64_t changes_against(const std::vector<int>& previous, const ItemPlacement& placement) {
  std::vector<int> now;
  for (const planning::Piece& piece : placement.pieces) now.push_back(piece.slot);
  std::vector<int> difference;
  std::set_symmetric_difference(now.begin(), now.end(), previous.begin(), previous.end(),
                                std::back_inserter(difference));
  return static_cast<int64_t>(difference.size());
}

// Every feasible start of every item. Positions number the slot boundaries
// as the solver does: slot s covers base[s] .. base[s] + capacity, so the end
// of a slot comes before the start of the next.
std::vector<std::vector<Start>> enumerate_starts(const Problem& problem) {
  const size_t slots = problem.capacity.size();
  std::vector<int> base(slots);
  std::vector<int64_t> minutes_before(slots);
  for (size_t s = 1; s < slots; ++s) {
    base[s] = base[s - 1] + std::max(0, problem.capacity[s - 1]) + 1;
    minutes_before[s] = minutes_before[s - 1] + problem.capacity[s - 1];
  }
  std::vector<std::vector<Start>> starts(problem.items.size());
  ItemPlacement placement;
  for (size_t k = 0; k < problem.items.size(); ++k) {
    for (size_t s = 0; s < slots; ++s) {
      for (int o = 0; o < problem.capacity[s]; ++o) {
        if (planning::place_item(problem, static_cast<int>(k), static_cast<int>(s), o, placement) != Obstacle::none)
          continue;
        const planning::Piece& last = placement.pieces.back();
        Start start{static_cast<int>(s), o, base[s] + o,
                    base[static_cast<size_t>(last.slot)] + last.offset + last.length, last.slot, {}};
        start.cost.start = minutes_before[s] + o;
        start.cost.splits = static_cast<int64_t>(placement.pieces.size()) - 1;
        if (problem.has_previous) start.cost.changes = changes_against(problem.items[k].previous_slots, placement);
        starts[k].push_back(start);
      }
    }
  }
  return starts;
}

}  // namespace

CbcResult solve_with_cbc(const Problem& problem) {
  const auto clock_start = std::chrono::steady_clock::now();
  CbcResult result;
  auto finish = [&]() -> CbcResult {
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - clock_start).count();
    return result;
  };
  const size_t items = problem.items.size();
  const int slots = static_cast<int>(problem.capacity.size());
  if (items == 0) {
    result.feasible = true;
    return finish();
  }
  const std::vector<std::vector<Start>> starts = enumerate_starts(problem);
  for (const auto& options : starts)
    if (options.empty()) return finish();  // an item that fits nowhere

  // Each item takes exactly one start, so its least cost per component is a
  // constant: subtracting it keeps the coefficients small. Each weight then
  // exceeds the whole range of the components below it, which makes the
  // weighted sum order plans exactly as Cost's lexicographic order does.
  std::vector<Cost> least(items);
  Cost range;
  for (size_t k = 0; k < items; ++k) {
    Cost low = starts[k].front().cost, high = low;
    for (const Start& start : starts[k]) {
      low = {std::min(low.changes, start.cost.changes), std::min(low.start, start.cost.start),
             std::min(low.splits, start.cost.splits)};
      high = {std::max(high.changes, start.cost.changes), std::max(high.start, start.cost.start),
              std::max(high.splits, start.cost.splits)};
    }
    least[k] = low;
    range.changes += high.changes - low.changes;
    range.start += high.start - low.start;
    range.splits += high.splits - low.splits;
  }
  const int64_t split_weight = 1;
  const int64_t start_weight = range.splits + 1;
  const int64_t change_weight = (range.start + 1) * start_weight;
  // Doubles hold every integer below 2^53; stay below 2^52 for CBC's arithmetic.
  if ((static_cast<double>(range.changes) + 1) * static_cast<double>(change_weight) >= std::ldexp(1.0, 52))
    throw std::runtime_error("cbc_model: the weighted cost is too large for a double");

  // Rows: one assignment per item (sum of its binaries = 1), then precedence.
  // Precedence, time-indexed: for each pair (k, k+1) and position t, "k+1 has
  // started by t" implies "k has ended by t". Written out, each such row would
  // hold O(starts) entries; instead a continuous gap[k][t] = ended_k(t) -
  // started_k+1(t) >= 0 is carried from t to t+1, with one row per (k, t):
  //   gap[k][t] - gap[k][t-1] - (k ends at t) + (k+1 starts at t) = 0.
  // This is the strong form (a single row "mean start >= mean end" per pair
  // relaxes so weakly that CBC needs over a second for 10 items in one day).
  int rows = static_cast<int>(items);
  std::vector<int> first_t(items), last_t(items), gap_row(items);
  for (size_t k = 0; k + 1 < items; ++k) {
    int low = INT_MAX, high = INT_MIN;
    for (const Start& start : starts[k]) low = std::min(low, start.end), high = std::max(high, start.end);
    for (const Start& start : starts[k + 1]) low = std::min(low, start.begin), high = std::max(high, start.begin);
    first_t[k] = low;
    last_t[k] = high;
    gap_row[k] = rows - low;  // the row of (k, t) is gap_row[k] + t
    rows += high - low + 1;
  }
  // An item in the same meeting as the previous one, per slot: it starts
  // there exactly when the previous item ends there.
  std::vector<int> same_slot_row(items, -1);
  for (size_t k = 1; k < items; ++k)
    if (problem.items[k].same_slot_as_previous) {
      same_slot_row[k] = rows;
      rows += slots;
    }
  std::vector<double> row_lower(static_cast<size_t>(rows), 0), row_upper(static_cast<size_t>(rows), 0);
  std::fill_n(row_lower.begin(), items, 1);
  std::fill_n(row_upper.begin(), items, 1);

  // The matrix column by column: the binaries, then the gaps.
  std::vector<CoinBigIndex> column_start{0};
  std::vector<int> row_index;
  std::vector<double> value, objective, column_lower, column_upper;
  auto put = [&](int row, double coefficient) {
    row_index.push_back(row);
    value.push_back(coefficient);
  };
  auto close_column = [&](double cost) {
    column_start.push_back(static_cast<CoinBigIndex>(row_index.size()));
    objective.push_back(cost);
    column_lower.push_back(0);
    column_upper.push_back(1);
  };
  for (size_t k = 0; k < items; ++k) {
    for (const Start& start : starts[k]) {
      put(static_cast<int>(k), 1);
      if (k > 0) put(gap_row[k - 1] + start.begin, 1);
      if (k + 1 < items) put(gap_row[k] + start.end, -1);
      if (same_slot_row[k] >= 0) put(same_slot_row[k] + start.slot, 1);
      if (k + 1 < items && same_slot_row[k + 1] >= 0) put(same_slot_row[k + 1] + start.end_slot, -1);
      close_column(static_cast<double>(change_weight * (start.cost.changes - least[k].changes) +
                                       start_weight * (start.cost.start - least[k].start) +
                                       split_weight * (start.cost.splits - least[k].splits)));
    }
  }
  const int binaries = static_cast<int>(objective.size());
  // gap[k][last_t] is zero (every item has ended and started by then): no column.
  for (size_t k = 0; k + 1 < items; ++k)
    for (int t = first_t[k]; t < last_t[k]; ++t) {
      put(gap_row[k] + t, 1);
      put(gap_row[k] + t + 1, -1);
      close_column(0);
    }
  result.columns = binaries;

  Model model;
  Cbc_loadProblem(model.cbc, static_cast<int>(objective.size()), rows, column_start.data(), row_index.data(),
                  value.data(), column_lower.data(), column_upper.data(), objective.data(), row_lower.data(),
                  row_upper.data());
  for (int c = 0; c < binaries; ++c) Cbc_setInteger(model.cbc, c);
  Cbc_setObjSense(model.cbc, 1);  // minimise
  Cbc_setLogLevel(model.cbc, 0);
  Cbc_setParameter(model.cbc, "log", "0");
  Cbc_setParameter(model.cbc, "slog", "0");
  // Exact optimum: no relative gap. The objective is integral, so an absolute
  // gap below one still proves optimality.
  Cbc_setAllowableFractionGap(model.cbc, 0);
  Cbc_setAllowablePercentageGap(model.cbc, 0);
  Cbc_setAllowableGap(model.cbc, 0.5);
  Cbc_setParameter(model.cbc, "ratioGap", "0");
  Cbc_setParameter(model.cbc, "allowableGap", "0.5");
  Cbc_solve(model.cbc);

  if (Cbc_isProvenInfeasible(model.cbc)) return finish();
  if (!Cbc_isProvenOptimal(model.cbc))
    throw std::runtime_error("cbc_model: CBC stopped with status " + std::to_string(Cbc_status(model.cbc)) + "/" +
                             std::to_string(Cbc_secondaryStatus(model.cbc)));

  // The chosen start of each item, its pieces rebuilt, the cost recomputed.
  const double* x = Cbc_getColSolution(model.cbc);
  result.items.resize(items);
  for (size_t k = 0, column = 0; k < items; ++k) {
    const Start* chosen = nullptr;
    for (const Start& start : starts[k])
      if (x[column++] > 0.5) chosen = &start;
    if (chosen == nullptr) throw std::runtime_error("cbc_model: item " + std::to_string(k) + " has no start");
    planning::place_item(problem, static_cast<int>(k), chosen->slot, chosen->offset, result.items[k]);
  }
  const planning::Evaluation evaluation = planning::evaluate(problem, result.items);
  if (!evaluation.feasible) throw std::runtime_error("cbc_model: CBC's plan breaks a rule: " + evaluation.problem);
  result.feasible = true;
  result.cost = evaluation.cost;
  return finish();
}

}  // namespace plenary::bench
