#include "cbc_model.h"

#include <algorithm>
#include <climits>
#include <chrono>
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

// One feasible start of one item: a column of the model.
struct Start {
  int slot = 0;
  int offset = 0;
  int begin = 0;       // position index of the start
  int end = 0;         // position index of the end
  int end_slot = 0;
  Cost cost;           // this item's share of the cost
};

// Closes the model however we leave.
struct Model {
  Cbc_Model* cbc = Cbc_newModel();
  Model() = default;
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;
  ~Model() { Cbc_deleteModel(cbc); }
};

int64_t changes_against(const std::vector<int>& previous, const ItemPlacement& placement) {
  std::vector<int> now;
  for (const planning::Piece& piece : placement.pieces) now.push_back(piece.slot);
  std::vector<int> difference;
  std::set_symmetric_difference(now.begin(), now.end(), previous.begin(), previous.end(),
                                std::back_inserter(difference));
  return static_cast<int64_t>(difference.size());
}

}  // namespace

CbcResult solve_with_cbc(const Problem& problem) {
  const auto clock_start = std::chrono::steady_clock::now();
  CbcResult result;
  auto finish = [&]() -> CbcResult {
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - clock_start).count();
    return result;
  };
  const int slots = static_cast<int>(problem.capacity.size());
  const int items = static_cast<int>(problem.items.size());
  if (items == 0) {
    result.feasible = true;
    return finish();
  }

  // Positions as in the solver: slot s covers base[s] .. base[s] + capacity,
  // so that the end of a slot comes before the start of the next.
  std::vector<int> base(static_cast<size_t>(slots));
  std::vector<int64_t> slot_begin(static_cast<size_t>(slots));
  for (int s = 0, next = 0; s < slots; ++s) {
    base[static_cast<size_t>(s)] = next;
    next += std::max(0, problem.capacity[static_cast<size_t>(s)]) + 1;
    if (s > 0)
      slot_begin[static_cast<size_t>(s)] = slot_begin[static_cast<size_t>(s - 1)] + problem.capacity[static_cast<size_t>(s - 1)];
  }

  std::vector<std::vector<Start>> starts(static_cast<size_t>(items));
  ItemPlacement placement;
  for (int k = 0; k < items; ++k) {
    const planning::ProblemItem& item = problem.items[static_cast<size_t>(k)];
    for (int s = 0; s < slots; ++s) {
      for (int o = 0; o < problem.capacity[static_cast<size_t>(s)]; ++o) {
        if (planning::place_item(problem, k, s, o, placement) != Obstacle::none) continue;
        const planning::Piece& last = placement.pieces.back();
        Start start{s, o, base[static_cast<size_t>(s)] + o,
                    base[static_cast<size_t>(last.slot)] + last.offset + last.length, last.slot, {}};
        start.cost.start = slot_begin[static_cast<size_t>(s)] + o;
        start.cost.splits = static_cast<int64_t>(placement.pieces.size()) - 1;
        if (problem.has_previous) start.cost.changes = changes_against(item.previous_slots, placement);
        starts[static_cast<size_t>(k)].push_back(start);
      }
    }
    if (starts[static_cast<size_t>(k)].empty()) return finish();  // this item fits nowhere
  }

  // Each item takes exactly one start, so its least cost per component is a
  // constant: subtracting it keeps the objective's coefficients small. The
  // weights then exceed the whole range of the lower components.
  std::vector<Cost> least(static_cast<size_t>(items));
  Cost range;
  for (int k = 0; k < items; ++k) {
    const auto& options = starts[static_cast<size_t>(k)];
    Cost low = options.front().cost, high = options.front().cost;
    for (const Start& start : options) {
      low = {std::min(low.changes, start.cost.changes), std::min(low.start, start.cost.start),
             std::min(low.splits, start.cost.splits)};
      high = {std::max(high.changes, start.cost.changes), std::max(high.start, start.cost.start),
              std::max(high.splits, start.cost.splits)};
    }
    least[static_cast<size_t>(k)] = low;
    range.changes += high.changes - low.changes;
    range.start += high.start - low.start;
    range.splits += high.splits - low.splits;
  }
  const int64_t split_weight = 1;
  const int64_t start_weight = range.splits + 1;
  const int64_t change_weight = (range.start + 1) * start_weight;
  // Doubles hold every integer below 2^53; stay a bit below it.
  const double largest = (static_cast<double>(range.changes) + 1) * static_cast<double>(change_weight);
  if (largest >= std::ldexp(1.0, 52)) throw std::runtime_error("cbc_model: the weighted cost is too large for a double");

  // Precedence, time-indexed: for every pair (k, k+1) and position t,
  // "k+1 has started by t" implies "k has ended by t". One row per t would
  // hold O(starts) entries; instead a continuous gap[k][t] = ended_k(t) -
  // started_k+1(t) >= 0 is carried from t to t+1, one row per (k, t). This is
  // the strong form of the constraint (a single row comparing the mean end
  // with the mean start gives a weak relaxation: CBC then needs over a
  // second for 10 items in one day).
  const int assign_row = 0;
  int rows = items;
  std::vector<int> first_t(static_cast<size_t>(items), 0), last_t(static_cast<size_t>(items), -1), gap_row(static_cast<size_t>(items), -1);
  for (int k = 0; k + 1 < items; ++k) {
    int low = INT_MAX, high = INT_MIN;
    for (const Start& start : starts[static_cast<size_t>(k)]) low = std::min(low, start.end), high = std::max(high, start.end);
    for (const Start& start : starts[static_cast<size_t>(k + 1)]) low = std::min(low, start.begin), high = std::max(high, start.begin);
    first_t[static_cast<size_t>(k)] = low;
    last_t[static_cast<size_t>(k)] = high;
    gap_row[static_cast<size_t>(k)] = rows - low;  // row of (k, t) is gap_row[k] + t
    rows += high - low + 1;
  }
  // For an item in the same meeting as the previous one, per slot: it starts
  // there exactly when the previous item ends there.
  std::vector<int> same_slot_row(static_cast<size_t>(items), -1);
  for (int k = 1; k < items; ++k)
    if (problem.items[static_cast<size_t>(k)].same_slot_as_previous) {
      same_slot_row[static_cast<size_t>(k)] = rows;
      rows += slots;
    }
  std::vector<double> row_lower(static_cast<size_t>(rows), 0), row_upper(static_cast<size_t>(rows), 0);
  for (int k = 0; k < items; ++k) row_lower[static_cast<size_t>(assign_row + k)] = row_upper[static_cast<size_t>(assign_row + k)] = 1;

  // Column-major matrix, column by column: the binaries, then the gaps.
  std::vector<CoinBigIndex> column_start{0};
  std::vector<int> row_index;
  std::vector<double> value, objective, column_lower, column_upper;
  auto put = [&](int row, double coefficient) {
    row_index.push_back(row);
    value.push_back(coefficient);
  };
  auto close_column = [&](double cost, double upper) {
    column_start.push_back(static_cast<CoinBigIndex>(row_index.size()));
    objective.push_back(cost);
    column_lower.push_back(0);
    column_upper.push_back(upper);
  };
  for (int k = 0; k < items; ++k) {
    const Cost& low = least[static_cast<size_t>(k)];
    for (const Start& start : starts[static_cast<size_t>(k)]) {
      put(assign_row + k, 1);
      // gap[k-1][t] = gap[k-1][t-1] + (k-1 ends at t) - (k starts at t)
      if (k > 0) put(gap_row[static_cast<size_t>(k - 1)] + start.begin, 1);
      if (k + 1 < items) put(gap_row[static_cast<size_t>(k)] + start.end, -1);
      if (same_slot_row[static_cast<size_t>(k)] >= 0) put(same_slot_row[static_cast<size_t>(k)] + start.slot, 1);
      if (k + 1 < items && same_slot_row[static_cast<size_t>(k + 1)] >= 0)
        put(same_slot_row[static_cast<size_t>(k + 1)] + start.end_slot, -1);
      close_column(static_cast<double>(change_weight * (start.cost.changes - low.changes) +
                                       start_weight * (start.cost.start - low.start) +
                                       split_weight * (start.cost.splits - low.splits)),
                   1);
    }
  }
  const int binaries = static_cast<int>(objective.size());
  for (int k = 0; k + 1 < items; ++k)
    for (int t = first_t[static_cast<size_t>(k)]; t < last_t[static_cast<size_t>(k)]; ++t) {
      put(gap_row[static_cast<size_t>(k)] + t, 1);
      put(gap_row[static_cast<size_t>(k)] + t + 1, -1);
      close_column(0, 1);
    }
  const int columns = static_cast<int>(objective.size());
  result.columns = binaries;

  Model model;
  Cbc_loadProblem(model.cbc, columns, rows, column_start.data(), row_index.data(), value.data(), column_lower.data(),
                  column_upper.data(), objective.data(), row_lower.data(), row_upper.data());
  for (int c = 0; c < binaries; ++c) Cbc_setInteger(model.cbc, c);
  Cbc_setObjSense(model.cbc, 1);  // minimise
  Cbc_setLogLevel(model.cbc, 0);
  Cbc_setParameter(model.cbc, "log", "0");
  Cbc_setParameter(model.cbc, "slog", "0");
  // Exact optimum: no relative gap; the objective is integral, so an
  // absolute gap below one still proves optimality.
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

  // Read the chosen start of each item and rebuild its pieces.
  const double* x = Cbc_getColSolution(model.cbc);
  result.items.resize(static_cast<size_t>(items));
  int column = 0;
  for (int k = 0; k < items; ++k) {
    const Start* chosen = nullptr;
    for (const Start& start : starts[static_cast<size_t>(k)]) {
      if (x[column] > 0.5) chosen = &start;
      ++column;
    }
    if (chosen == nullptr) throw std::runtime_error("cbc_model: item " + std::to_string(k) + " has no start");
    planning::place_item(problem, k, chosen->slot, chosen->offset, result.items[static_cast<size_t>(k)]);
  }
  const planning::Evaluation evaluation = planning::evaluate(problem, result.items);
  if (!evaluation.feasible) throw std::runtime_error("cbc_model: CBC's plan breaks a rule: " + evaluation.problem);
  result.feasible = true;
  result.cost = evaluation.cost;
  return finish();
}

}  // namespace plenary::bench
