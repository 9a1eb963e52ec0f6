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

// One value that differs between two versions of a meeting, with its text
// on each side, for showing the two side by side.
struct FieldChange {
  std::string field;     // its path, in `after` ("items[1].title.fr"), or in `before` when it is gone
  std::string place;     // what it belongs to: "item 2", "item 1 (b)", "document CTOC/COP/WG.7/2022/2",
                         // "decision topics", "footnote hybrid", "meeting", "body", "agenda document",
                         // "organization of work", "organization of work, meeting of 2022-06-27 at 10:00",
                         // "planning"
  std::string name;      // the value in words, within its place: "title", "annotation", "min minutes"
  std::string language;  // "fr" for a text in one language; "" otherwise
  std::string before;    // as the meeting file writes it: the text, the annotation's Markdown, other
  std::string after;     // values as JSON; "" where the value is absent
};

// The values that differ, in the order of the meeting file. Items are
// paired as describe_changes pairs them (so an added item is one item with
// every value new, not every later item changed) and named by their new
// key, removed ones by their old key; documents, decisions and footnotes
// by symbol or id; the meetings of the organization of work by day and
// start. Objects are compared key by key, down to each text in each
// language; lists of values (languages, documents listed, slot items) as
// one value.
std::vector<FieldChange> compare_fields(const Meeting& before, const Meeting& after);

// Every value of the meeting, as compare_fields would list them against a
// meeting that had none: to show one version in full, place by place.
std::vector<FieldChange> meeting_fields(const Meeting& meeting);

}  // namespace plenary::edit
