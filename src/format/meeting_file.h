// The meeting file: one TOML file per meeting (docs/meeting-file.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "format/diagnostic.h"
#include "model/meeting.h"

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

// Accepts an item number as people write it ("2", "1 (a)", "1(a)", "1 a)",
// "1a") and returns the model's key ("2", "1 (a)").
std::optional<std::string> parse_item_key(const std::string& text);

// The file's own diagnostics followed by the model's checks, placed in the file.
std::vector<Diagnostic> check_meeting_file(const MeetingFile& file, const CheckOptions& options);

}  // namespace plenary
