// How long each item gets: its estimate, or its kind's default; substantive
// items without an estimate share the time left by weight; when the items
// need more than the slots give, the lowest priorities shrink first.
#pragma once

#include <string>
#include <vector>

#include "model/meeting.h"

namespace plenary::planning {

struct ItemTime {
  std::string key;         // "1 (a)"
  int requested = 0;       // minutes asked for; 0 when the item shares the rest
  int minutes = 0;         // minutes given
  int minimum = 0;         // never less
  int priority = 1;        // higher keeps its time longer
  bool shares_rest = false;
};

struct Durations {
  bool ok = false;
  std::vector<ItemTime> items;       // in agenda order (schedulable items)
  std::vector<std::string> shrunk;   // "Item 2 loses 30 min (3 h -> 2 h 30 min)."
  std::string problem;               // why the items cannot fit, when !ok
};

// Durations in multiples of `unit` minutes that fit in `capacity` minutes.
Durations plan_durations(const Meeting& meeting, int capacity, int unit);

}  // namespace plenary::planning
