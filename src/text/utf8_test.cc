#include "text/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace plenary {
namespace {

TEST(Utf8, AcceptsEveryWellFormedLength) {
  EXPECT_EQ(invalid_utf8_offset("a"), std::string_view::npos);
  EXPECT_EQ(invalid_utf8_offset("é"), std::string_view::npos);
  EXPECT_EQ(invalid_utf8_offset("会议"), std::string_view::npos);
  EXPECT_EQ(invalid_utf8_offset("\xF0\x9F\x98\x80"), std::string_view::npos);  // U+1F600
  EXPECT_EQ(invalid_utf8_offset("\xF4\x8F\xBF\xBF"), std::string_view::npos);  // U+10FFFF
  EXPECT_EQ(invalid_utf8_offset(""), std::string_view::npos);
}

TEST(Utf8, NamesTheFirstBadByte) {
  EXPECT_EQ(invalid_utf8_offset("ab\x80"), 2u);                  // stray continuation
  EXPECT_EQ(invalid_utf8_offset("\xC0\xAF"), 0u);                // overlong '/'
  EXPECT_EQ(invalid_utf8_offset("x\xE0\x80\xAF"), 1u);           // overlong, three bytes
  EXPECT_EQ(invalid_utf8_offset("\xED\xA0\x80"), 0u);            // a surrogate
  EXPECT_EQ(invalid_utf8_offset("\xF4\x90\x80\x80"), 0u);        // past U+10FFFF
  EXPECT_EQ(invalid_utf8_offset("ok\xE4\xBC"), 2u);              // cut short at the end
  EXPECT_EQ(invalid_utf8_offset("\xFF"), 0u);
  EXPECT_EQ(invalid_utf8_offset(std::string_view("a\0b", 3)), std::string_view::npos);  // NUL is UTF-8
}

TEST(Utf8, CountsCodePoints) {
  EXPECT_EQ(count_code_points("Réunion"), 7u);
  EXPECT_EQ(count_code_points("会议"), 2u);
  EXPECT_EQ(count_code_points("\xF0\x9F\x98\x80!"), 2u);
  EXPECT_FALSE(count_code_points("a\xFF"));
}

TEST(Utf8, SequenceLengthAtEachPlace) {
  const std::string text = "aé会\xF0\x9F\x98\x80";
  EXPECT_EQ(utf8_sequence_length(text, 0), 1u);
  EXPECT_EQ(utf8_sequence_length(text, 1), 2u);
  EXPECT_EQ(utf8_sequence_length(text, 3), 3u);
  EXPECT_EQ(utf8_sequence_length(text, 6), 4u);
  EXPECT_EQ(utf8_sequence_length(text, 2), 0u);  // inside a sequence
}

}  // namespace
}  // namespace plenary
