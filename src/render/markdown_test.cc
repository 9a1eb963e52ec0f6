#include "render/markdown.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "render/test_support.h"

namespace plenary {
namespace {

// Golden files: tests/golden/ctoc-wg7-2022.LANG.md. To accept a deliberate
// change, run the test with PLENARY_UPDATE_GOLDEN=1 and review the diff.
void expect_golden(const std::string& lang) {
  const std::string rendered = render_markdown(lay_out_agenda(testing::load_example(), Catalog::load(lang)));
  const std::string path = PLENARY_SOURCE_DIR "/tests/golden/ctoc-wg7-2022." + lang + ".md";
  if (std::getenv("PLENARY_UPDATE_GOLDEN")) {
    std::ofstream(path, std::ios::binary) << rendered;
  }
  EXPECT_EQ(rendered, testing::read_text(path)) << "the rendering differs from " << path;
}

TEST(MarkdownGolden, French) { expect_golden("fr"); }
TEST(MarkdownGolden, English) { expect_golden("en"); }

TEST(Markdown, EscapesMarkupInTitles) {
  Meeting meeting = testing::load_example();
  meeting.items[4].title["fr"] = "Questions *diverses* [x] | <b>";
  const std::string md = render_markdown(lay_out_agenda(meeting, Catalog::load("fr")));
  EXPECT_NE(md.find("Questions \\*diverses\\* \\[x\\] \\| \\<b\\>"), std::string::npos);
}

}  // namespace
}  // namespace plenary
