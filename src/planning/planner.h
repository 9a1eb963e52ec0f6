// The organization of work of a meeting: slots from its days and format,
// durations from its items, and the exact placement; against a published
// plan, the placement that changes the fewest item-slot assignments.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/meeting.h"
#include "planning/durations.h"
#include "planning/solver.h"

namespace plenary::planning {

struct PlanOptions {
  MeetingFormat format = MeetingFormat::in_person;
  const OrganizationOfWork* previous = nullptr;  // the published plan, if any
};

// An item that is no longer taken up in exactly the same meetings.
struct PlanChange {
  std::string item;
  std::vector<Slot> from;  // slots of the previous plan (times as published)
  std::vector<Slot> to;
  std::string text;        // "Item 3 moves from Tuesday 28 June 10:00-13:00 to ..."
};

struct Plan {
  bool ok = false;
  OrganizationOfWork organization;       // slots with items and minutes
  std::vector<ItemTime> durations;
  std::vector<std::string> problems;     // why there is no plan, in plain words
  std::vector<std::string> shrunk;       // which items lose time
  std::vector<PlanChange> changes;       // against the previous plan
  std::vector<std::string> explanations; // why each item sits where it does
  Cost cost;
};

Plan plan_meeting(const Meeting& meeting, const PlanOptions& options);

}  // namespace plenary::planning
