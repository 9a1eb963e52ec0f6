// A plan from the planner as JSON: what `plenary plan --json` prints and
// the web API answers. Slots carry their local start and end with the UTC
// offset of the meeting's time zone.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "planning/planner.h"

namespace plenary {

nlohmann::json plan_json(const planning::Plan& plan, MeetingFormat format, const std::string& time_zone);

}  // namespace plenary
