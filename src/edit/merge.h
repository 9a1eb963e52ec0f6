// Three-way merge of meetings, so that two editors can work on one meeting
// at once: an edit made to the version an editor read (`base` -> `mine`) is
// carried onto the meeting as it is now (`theirs`), field by field.
//
// The meetings are compared as the meeting file's JSON (meeting_to_json):
// objects key by key, arrays of items, documents, decisions, footnotes and
// slots element by element when both sides kept the same elements (by
// number, symbol, id, or date and start), anything else as one value. A
// value changed on one side only takes that side; changed on both sides to
// the same thing, that; changed differently, it is a conflict, and the
// merged meeting keeps `theirs` there. So edits to different items, fields
// or languages all land, and only a field that both sides changed is refused.
#pragma once

#include <string>
#include <vector>

#include "model/meeting.h"

namespace plenary::edit {

// One field that both sides changed, differently. Texts are the values as
// the meeting file writes them: a title or an annotation's Markdown as it
// is, other values as JSON; "" where the value is absent.
struct MergeConflict {
  std::string field;   // the path as check_meeting names it: "items[3].title.en"
  std::string base;    // as the editor read it
  std::string yours;   // as the editor wants it
  std::string theirs;  // as someone else saved it since
};

struct MergeResult {
  Meeting merged;                         // theirs where there is a conflict
  std::vector<MergeConflict> conflicts;   // empty when the merge is clean
};

struct MergeOptions {
  // Items are told apart by their numbers, which stay the same when an item
  // is moved: after a move, item 3 is another item. Only when neither side
  // added, removed or moved items may items be merged number by number;
  // otherwise the agenda merges as one value (one side's changes, or a
  // conflict).
  bool items_kept_their_places = true;
};

MergeResult merge_meetings(const Meeting& base, const Meeting& mine, const Meeting& theirs,
                           const MergeOptions& options = {});

// The paths of the values that differ between `before` and `after`, at the
// depth merge_meetings compares them ("items[3].title.en", "organization").
std::vector<std::string> changed_fields(const Meeting& before, const Meeting& after);

}  // namespace plenary::edit
