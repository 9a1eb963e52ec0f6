// Shared by the command-line tests: the example file and a fresh scratch
// folder per test, under the build tree.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>

namespace plenary::testing {

inline const std::string kExample = PLENARY_SOURCE_DIR "/examples/ctoc-wg7-2022/meeting.toml";

// A test whose commands write into dir_ and whose streams are out_ and err_.
class CommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::path(PLENARY_BINARY_DIR) / "test-tmp" / info->test_suite_name() / info->name();
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void clear_streams() {
    out_.str("");
    err_.str("");
  }

  std::filesystem::path dir_;
  std::ostringstream out_, err_;
};

}  // namespace plenary::testing
