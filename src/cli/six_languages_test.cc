// The whole publishing set: every official language in every format, from
// the example meeting, through the command line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "i18n/catalog.h"
#include "render/release_font_caches.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(SixLanguages, EveryLanguageInEveryFormat) {
  const fs::path dir = fs::path(PLENARY_BINARY_DIR) / "test-artifacts" / "six-languages";
  fs::remove_all(dir);
  const std::string example = PLENARY_SOURCE_DIR "/examples/ctoc-wg7-2022/meeting.toml";
  const char* argv[] = {"plenary", "render", example.c_str(), "--lang", "all", "--to", "all", "-o", dir.c_str()};
  std::ostringstream out, err;
  ASSERT_EQ(run_cli(9, argv, out, err), kExitOk) << err.str();
  const bool have_xmllint = std::system("command -v xmllint >/dev/null 2>&1") == 0;
  for (const std::string lang : {"ar", "zh", "en", "fr", "ru", "es"}) {
    SCOPED_TRACE(lang);
    const Catalog catalog = Catalog::load(lang);
    const fs::path stem = dir / ("CTOC_COP_WG.7_2022_1." + lang);
    EXPECT_TRUE(read(stem.string() + ".pdf").starts_with("%PDF-"));
    EXPECT_TRUE(read(stem.string() + ".docx").starts_with("PK\x03\x04"));  // a zip
    const std::string html = read(stem.string() + ".html");
    EXPECT_NE(html.find("<html lang=\"" + lang + "\" dir=\"" + (lang == "ar" ? "rtl" : "ltr") + "\">"),
              std::string::npos);
    EXPECT_NE(html.find(catalog.text("heading.provisional_agenda")), std::string::npos);
    // Head lines keep their own direction: Arabic documents head in English.
    EXPECT_NE(html.find("<p dir=\"auto\">" + catalog.head_date(Date{2022, 3, 16}) + "</p>"), std::string::npos);
    const std::string markdown = read(stem.string() + ".md");
    EXPECT_NE(markdown.find(catalog.text("heading.annotations")), std::string::npos);
    EXPECT_NE(markdown.find("CTOC/COP/WG.7/2022/2"), std::string::npos);
    const std::string calendar = read(stem.string() + ".ics");
    EXPECT_TRUE(calendar.starts_with("BEGIN:VCALENDAR\r\n"));
    EXPECT_EQ(count(calendar, "BEGIN:VEVENT"), 4u);
    const std::string akn = stem.string() + ".akn.xml";
    EXPECT_NE(read(akn).find("showAs=\"CTOC/COP/WG.7/2022/1\""), std::string::npos);
    if (have_xmllint) {
      const std::string command = "xmllint --noout --nonet --schema '" PLENARY_SOURCE_DIR
                                  "/data/akomantoso/akomantoso30.xsd' '" + akn + "' 2>/dev/null";
      EXPECT_EQ(std::system(command.c_str()), 0) << akn << " does not validate";
    }
  }
}

}  // namespace
}  // namespace plenary
