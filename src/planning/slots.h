// The plenary meetings (slots) a meeting has in a given format: its days,
// the format's daily template, a late first day, an early last day, and the
// slots declared unavailable.
#pragma once

#include <string>
#include <vector>

#include "model/meeting.h"

namespace plenary::planning {

// Slots in order, without items. Problems with the template (overlapping or
// empty windows) are described in `problems`, and such windows are dropped.
std::vector<Slot> make_slots(const Meeting& meeting, MeetingFormat format, std::vector<std::string>& problems);

// "Monday 27 June 2022", for messages (English, plain).
std::string describe_day(const Date& date);

// "Monday 27 June 10:00-13:00", for messages (English, plain).
std::string describe_slot(const Slot& slot);

// "3 h 30 min", "45 min", "2 h".
std::string describe_minutes(int minutes);

}  // namespace plenary::planning
