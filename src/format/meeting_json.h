// The meeting as JSON, for the web API: the same keys and nesting as the
// meeting file (docs/meeting-file.md), dates as "YYYY-MM-DD", times as
// "HH:MM", annotations and footnotes as their Markdown source.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "format/meeting_file.h"
#include "model/meeting.h"

namespace plenary {

// Deepest nesting of objects and arrays accepted; a meeting needs 6.
inline constexpr int kMaxJsonDepth = 64;

// The offset of the first '[' or '{' nested deeper than kMaxJsonDepth, if
// any: checked before parsing so that no level past it is ever built.
std::optional<size_t> find_too_deep_json(std::string_view json);

// Reads a meeting from JSON with the meeting file's reader and checks, so a
// request gets the same diagnostics as `plenary check`. JSON values have no
// position: diagnostics name the value's path ("items[2].number") instead.
// Unreadable (with a line:column): JSON that does not parse, is not UTF-8,
// is larger than kMaxMeetingFileBytes or nested deeper than kMaxJsonDepth,
// or repeats a key; also a top level that is not an object and an integer
// beyond 64 bits. Numbers with a fraction and nulls are read as such and
// reported where the reader expects something else ("'number' should be
// an integer, found null").
MeetingFile parse_meeting_json(std::string_view json, const std::string& name);

// The meeting as pretty JSON (2 spaces) that parse_meeting_json reads back as
// the same meeting, keys in the file's order. Optional values are left out
// when they are empty or the reader's default; [planning] is written whole.
std::string meeting_to_json(const Meeting& meeting);

}  // namespace plenary
