#include "render/formats.h"

#include <gtest/gtest.h>

namespace plenary {
namespace {

TEST(FileStem, ReplacesEverythingButLettersDigitsDotsAndHyphens) {
  EXPECT_EQ(file_stem("CTOC/COP/WG.7/2022/1"), "CTOC_COP_WG.7_2022_1");
  EXPECT_EQ(file_stem("CTOC/COP/WG.7"), "CTOC_COP_WG.7");
  EXPECT_EQ(file_stem("A/RES/77-1 Rev.1"), "A_RES_77-1_Rev.1");
  EXPECT_EQ(file_stem(""), "");
  EXPECT_EQ(file_stem("../../etc/passwd"), ".._.._etc_passwd");
  EXPECT_EQ(file_stem("a\"<b>'&c"), "a__b___c");
  EXPECT_EQ(file_stem("Réunion"), "R_union");  // one '_' per character, not per byte
  EXPECT_EQ(file_stem("会议"), "__");
  EXPECT_EQ(file_stem("a\xFF\xFE"
                      "b"),
            "a__b");  // each broken byte
}

TEST(OutputFormats, AreFoundByNameOrSuffix) {
  ASSERT_NE(find_output_format("akn"), nullptr);
  EXPECT_EQ(find_output_format("akn.xml"), find_output_format("akn"));
  EXPECT_STREQ(find_output_format("pdf")->media_type, "application/pdf");
  EXPECT_EQ(find_output_format("exe"), nullptr);
  EXPECT_EQ(output_format_names(), "pdf, docx, html, md, akn, ics");
}

}  // namespace
}  // namespace plenary
