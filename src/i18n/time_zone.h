// Meeting time zones (IANA names such as "Europe/Vienna"), through ICU.
#pragma once

#include <optional>
#include <string>

#include "model/calendar.h"

namespace plenary {

bool is_known_time_zone(const std::string& zone);

// Minutes east of UTC at local `date` `time` in `zone` (summer time
// included), or nothing for an unknown zone.
std::optional<int> utc_offset_minutes(const std::string& zone, const Date& date, TimeOfDay time);

// "2022-06-27T10:00:00+02:00", or "" for an unknown zone.
std::string local_iso_with_offset(const std::string& zone, const Date& date, TimeOfDay time);

}  // namespace plenary
