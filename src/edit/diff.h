// What changed between two versions of a meeting, in plain English lines a
// person reads in a conflict response (409) and in the audit view.
#pragma once

#include <string>
#include <vector>

#include "model/meeting.h"

namespace plenary::edit {

// One line per change, compared field by field, in the order of the meeting
// file: body and meeting data, the agenda document, items, documents,
// decisions, footnotes, the organization of work, planning. Empty when the
// meetings are equal. For example:
//   "meeting: city (fr) changed", "dates changed: 2022-06-27..2022-06-28 -> 2022-07-04..2022-07-05",
//   "format: in-person -> hybrid", "item 4 added: \"Other matters\"", "item 3: title (fr) changed",
//   "item 2: annotation (ar) changed", "item 4 moved: now item 2",
//   "document CTOC/COP/WG.7/2022/3 removed", "organization of work changed (revision 2)".
//
// Items are matched by their titles, not their numbers, so adding an item
// before item 2 reads as one added item rather than as every later item
// changing; an item whose title changed in place is matched by its place.
// Items are named by their new key, removed ones by their old key.
std::vector<std::string> describe_changes(const Meeting& before, const Meeting& after);

}  // namespace plenary::edit
