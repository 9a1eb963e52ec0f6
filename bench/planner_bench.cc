// Times the planner's exact solver against CBC on the same agendas, then
// prints the medians side by side. Nothing here asserts a time.
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "cbc_model.h"
#include "planning/solver.h"

namespace {

using plenary::planning::Problem;
using plenary::planning::ProblemItem;
using plenary::planning::Solution;

constexpr int kSlotMinutes = 180;         // two three-hour meetings a day
constexpr int kReplanSlotMinutes = 120;   // the same meetings cut to two hours
constexpr int kMinPiece = 30;

// CBC gets one binary per item and feasible start minute; past this many a
// solve takes well over a few seconds (on the machine of docs/performance.md,
// 8 s at 125k binaries, 33 s at 347k), so those instances are skipped.
constexpr long kCbcMaxColumns = 150000;

struct Instance {
  std::string name;     // "50x10d"
  Problem fresh;        // the in-person plan
  Problem replan;       // two-hour meetings, against the fresh plan
  Solution fresh_plan;
  Solution replan_plan;
  long columns = 0;     // CBC's binaries for the larger of the two problems
};

// Durations summing to `total`, each at least one minute, uneven like a real agenda.
std::vector<int> durations(int items, int total, std::mt19937& random) {
  std::uniform_real_distribution<double> weight(0.2, 1.0);
  std::vector<double> weights(static_cast<size_t>(items));
  double sum = 0;
  for (double& w : weights) sum += w = weight(random);
  std::vector<int> result(static_cast<size_t>(items));
  int given = 0;
  for (size_t k = 0; k < result.size(); ++k) {
    result[k] = 1 + static_cast<int>((total - items) * weights[k] / sum);
    given += result[k];
  }
  for (size_t k = 0; given < total; k = (k + 1) % result.size(), ++given) ++result[k];
  return result;
}

Problem agenda(int items, int days, std::mt19937& random) {
  Problem problem;
  problem.capacity.assign(static_cast<size_t>(2 * days), kSlotMinutes);
  problem.min_piece = kMinPiece;
  const int capacity = 2 * days * kSlotMinutes;
  const double load = std::uniform_real_distribution<double>(0.60, 0.95)(random);
  for (int d : durations(items, static_cast<int>(load * capacity), random)) {
    ProblemItem item;
    item.duration = d;
    problem.items.push_back(item);
  }
  problem.items.front().opens = true;
  problem.items.back().closes = true;
  return problem;
}

// The same agenda in two-hour meetings, each item shrunk in proportion, its
// published slots those of the in-person plan.
Problem replanned(const Problem& fresh, const Solution& plan) {
  Problem problem = fresh;
  problem.capacity.assign(fresh.capacity.size(), kReplanSlotMinutes);
  problem.has_previous = true;
  for (size_t k = 0; k < problem.items.size(); ++k) {
    ProblemItem& item = problem.items[k];
    item.duration = std::max(1, item.duration * kReplanSlotMinutes / kSlotMinutes);
    for (const auto& piece : plan.items[k].pieces) item.previous_slots.push_back(piece.slot);
  }
  return problem;
}

long count_starts(const Problem& problem) {
  long columns = 0;
  plenary::planning::ItemPlacement placement;
  for (int k = 0; k < static_cast<int>(problem.items.size()); ++k)
    for (int s = 0; s < static_cast<int>(problem.capacity.size()); ++s)
      for (int o = 0; o < problem.capacity[static_cast<size_t>(s)]; ++o)
        columns += plenary::planning::place_item(problem, k, s, o, placement) == plenary::planning::Obstacle::none;
  return columns;
}

// Deterministic: the same seed per size; the first draw that both plans can
// place is kept (a 95% load with 30-minute pieces can fail to pack).
Instance make_instance(int items, int days) {
  std::mt19937 random(static_cast<unsigned>(1000 * items + days));
  for (;;) {
    Instance instance;
    instance.name = std::to_string(items) + "x" + std::to_string(days) + "d";
    instance.fresh = agenda(items, days, random);
    instance.fresh_plan = plenary::planning::solve(instance.fresh);
    if (!instance.fresh_plan.feasible) continue;
    instance.replan = replanned(instance.fresh, instance.fresh_plan);
    instance.replan_plan = plenary::planning::solve(instance.replan);
    if (!instance.replan_plan.feasible) continue;
    instance.columns = std::max(count_starts(instance.fresh), count_starts(instance.replan));
    return instance;
  }
}

void plenary_solve(benchmark::State& state, const Problem* problem) {
  for (auto _ : state) {
    Solution solution = plenary::planning::solve(*problem);
    benchmark::DoNotOptimize(solution);
  }
}

void cbc_solve(benchmark::State& state, const Problem* problem, const Solution* expected) {
  plenary::bench::CbcResult result;
  for (auto _ : state) {
    result = plenary::bench::solve_with_cbc(*problem);
    benchmark::DoNotOptimize(result);
  }
  state.counters["columns"] = result.columns;
  // Not a time: a wrong optimum would make the comparison meaningless.
  if (result.feasible != expected->feasible || result.cost != expected->cost)
    state.SkipWithError("CBC and solve() disagree on the optimum");
}

// Keeps the median of every benchmark for the closing table.
class MedianReporter : public benchmark::ConsoleReporter {
 public:
  struct Median {
    double cpu = 0, wall = 0;  // seconds per solve
  };
  std::map<std::string, Median> medians;
  std::map<std::string, std::string> errors;
  int64_t repetitions = 1;

  using ConsoleReporter::ConsoleReporter;

  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      const std::string& name = run.run_name.function_name;
      if (run.error_occurred) errors[name] = run.error_message;
      const bool median = run.run_type == Run::RT_Aggregate && run.aggregate_name == "median";
      // With a single repetition there is no aggregate: the run is its own median.
      const bool single = run.run_type == Run::RT_Iteration && run.repetitions <= 1;
      const double unit = benchmark::GetTimeUnitMultiplier(run.time_unit);
      if ((median || single) && !run.error_occurred)
        medians[name] = {run.GetAdjustedCPUTime() / unit, run.GetAdjustedRealTime() / unit};
      repetitions = std::max(repetitions, run.repetitions);
    }
    ConsoleReporter::ReportRuns(runs);
  }
};

// Share of the meetings' time the agenda fills.
double load(const Problem& problem) {
  double used = 0, available = 0;
  for (const ProblemItem& item : problem.items) used += item.duration;
  for (int capacity : problem.capacity) available += capacity;
  return used / available;
}

std::string show(double seconds) {
  char text[32];
  if (seconds < 1e-3) std::snprintf(text, sizeof text, "%.1f us", seconds * 1e6);
  else if (seconds < 1) std::snprintf(text, sizeof text, "%.2f ms", seconds * 1e3);
  else std::snprintf(text, sizeof text, "%.2f s", seconds);
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  // Defaults first, so that flags given on the command line override them.
  std::vector<char*> args{argv[0]};
  std::string repetitions = "--benchmark_repetitions=3", aggregates = "--benchmark_display_aggregates_only=true";
  args.push_back(repetitions.data());
  args.push_back(aggregates.data());
  for (int i = 1; i < argc; ++i) args.push_back(argv[i]);
  int count = static_cast<int>(args.size());
  benchmark::Initialize(&count, args.data());
  if (benchmark::ReportUnrecognizedArguments(count, args.data())) return 1;

  std::vector<Instance> instances;
  for (int items : {10, 50, 200})
    for (int days : {1, 2, 5, 10}) instances.push_back(make_instance(items, days));

  std::vector<std::string> skipped;
  for (const Instance& instance : instances) {
    benchmark::RegisterBenchmark(("plenary/fresh/" + instance.name).c_str(), plenary_solve, &instance.fresh)
        ->Unit(benchmark::kMicrosecond)->MinTime(0.05);
    benchmark::RegisterBenchmark(("plenary/replan/" + instance.name).c_str(), plenary_solve, &instance.replan)
        ->Unit(benchmark::kMicrosecond)->MinTime(0.05);
  }
  for (const Instance& instance : instances) {
    if (instance.columns > kCbcMaxColumns) {
      skipped.push_back(instance.name + " (" + std::to_string(instance.columns) + ")");
      continue;
    }
    // One solve per repetition: CBC takes milliseconds to seconds.
    benchmark::RegisterBenchmark(("cbc/fresh/" + instance.name).c_str(), cbc_solve, &instance.fresh,
                                 &instance.fresh_plan)
        ->Unit(benchmark::kMillisecond)->Iterations(1);
    benchmark::RegisterBenchmark(("cbc/replan/" + instance.name).c_str(), cbc_solve, &instance.replan,
                                 &instance.replan_plan)
        ->Unit(benchmark::kMillisecond)->Iterations(1);
  }

  // Colours only on a terminal, so that a saved run stays readable.
  MedianReporter reporter(isatty(fileno(stdout)) ? benchmark::ConsoleReporter::OO_Defaults
                                                 : benchmark::ConsoleReporter::OO_Tabular);
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();

  // CPU time is the table's measure: both solvers are single-threaded, and on
  // a shared machine it is what the wall time would be on an idle one.
  std::printf("\nMedian CPU time per solve over %lld repetitions (plenary's wall time too).\n",
              static_cast<long long>(reporter.repetitions));
  std::printf("%-16s %6s %6s %5s %12s %12s %12s %12s\n", "instance", "items", "slots", "load", "plenary",
              "(wall)", "CBC", "CBC/plenary");
  for (const Instance& instance : instances) {
    for (const char* kind : {"fresh", "replan"}) {
      const std::string name = std::string(kind) + "/" + instance.name;
      const auto plenary = reporter.medians.find("plenary/" + name);
      const auto cbc = reporter.medians.find("cbc/" + name);
      if (plenary == reporter.medians.end()) continue;  // filtered out
      std::string cbc_text = "-", ratio = "-";
      if (instance.columns > kCbcMaxColumns) cbc_text = "skipped";
      if (reporter.errors.count("cbc/" + name)) cbc_text = "DISAGREES";
      else if (cbc != reporter.medians.end()) {
        cbc_text = show(cbc->second.cpu);
        char text[32];
        std::snprintf(text, sizeof text, "%.0fx", cbc->second.cpu / plenary->second.cpu);
        ratio = text;
      }
      const Problem& problem = std::string(kind) == "fresh" ? instance.fresh : instance.replan;
      std::printf("%-16s %6zu %6zu %4.0f%% %12s %12s %12s %12s\n", name.c_str(), problem.items.size(),
                  problem.capacity.size(), 100 * load(problem), show(plenary->second.cpu).c_str(),
                  show(plenary->second.wall).c_str(), cbc_text.c_str(), ratio.c_str());
    }
  }
  if (!skipped.empty()) {
    std::printf("CBC skipped (binaries over %ld, well over a few seconds a solve):", kCbcMaxColumns);
    for (const std::string& name : skipped) std::printf(" %s", name.c_str());
    std::printf("\n");
  }
  return 0;
}
