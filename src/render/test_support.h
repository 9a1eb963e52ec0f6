// Helpers shared by the rendering tests: the example meeting, loaded once.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "format/meeting_file.h"

namespace plenary::testing {

inline std::string example_path() { return PLENARY_SOURCE_DIR "/examples/ctoc-wg7-2022/meeting.toml"; }

inline Meeting load_example() {
  MeetingFile file = load_meeting_file(example_path());
  EXPECT_TRUE(file.meeting.has_value());
  EXPECT_TRUE(file.diagnostics.empty()) << (file.diagnostics.empty() ? "" : format_diagnostic(file.diagnostics[0]));
  return file.meeting.value_or(Meeting{});
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace plenary::testing
