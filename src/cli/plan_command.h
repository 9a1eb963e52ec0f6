// plenary plan: the organization of work, planned or re-planned.
#pragma once

#include <iosfwd>
#include <string>

namespace plenary {

struct PlanCommandOptions {
  std::string file;
  std::string format;        // "", "in-person", "hybrid", "online" ("" = the file's)
  std::string previous;      // a plan written by --json, to change as little as possible
  bool against_file = false; // use the file's [organization] as the previous plan
  bool explain = false;
  bool json = false;
  bool write = false;        // store the plan in the meeting file
};

int run_plan(const PlanCommandOptions& options, std::ostream& out, std::ostream& err);

}  // namespace plenary
