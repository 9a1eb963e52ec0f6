// The meeting file: one TOML file per meeting (docs/meeting-file.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "format/diagnostic.h"
#include "model/meeting.h"

namespace toml {
inline namespace v3 {  // toml++ 3, as meeting_file.cc includes it
class table;
}
}  // namespace toml

namespace plenary {

// Files larger than this are refused rather than parsed.
inline constexpr size_t kMaxMeetingFileBytes = 8 * 1024 * 1024;

struct MeetingFile {
  std::string name;                       // as given, used in diagnostics
  std::optional<Meeting> meeting;         // set unless the file is unreadable
  std::vector<Diagnostic> diagnostics;    // the file's own problems
  SourceMap sources;
  bool unreadable = false;                // not opened, too large, or not TOML
};

// Reads and parses a meeting file from disk.
MeetingFile load_meeting_file(const std::string& path);

// Parses meeting-file text; `name` appears in diagnostics.
MeetingFile parse_meeting_file(std::string_view text, const std::string& name);

// The reader behind parse_meeting_file and parse_meeting_json: reads a parsed
// document into file.meeting, adding to file.diagnostics and file.sources.
// `toml_text` is the TOML source, which places the lines of multi-line
// strings; it is empty for JSON, whose values have no position.
void read_meeting_document(const toml::table& root, std::string_view toml_text, MeetingFile& file);

// The position and value of the first byte of `text` that is not valid
// UTF-8, if any. Columns count characters.
std::optional<std::pair<Position, unsigned char>> find_invalid_utf8(std::string_view text);

// Accepts an item number as people write it ("2", "1 (a)", "1(a)", "1 a)",
// "1a") and returns the model's key ("2", "1 (a)").
std::optional<std::string> parse_item_key(const std::string& text);

// The file's own diagnostics followed by the model's checks, placed in the file.
std::vector<Diagnostic> check_meeting_file(const MeetingFile& file, const CheckOptions& options);

}  // namespace plenary
