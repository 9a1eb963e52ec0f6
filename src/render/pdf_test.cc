#include "render/pdf.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <vector>

#include "render/release_font_caches.h"
#include "render/test_support.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

// Drops ASCII white space and the bidi marks U+200E, U+200F, U+202A-U+202E.
std::string squeeze(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') continue;
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      const unsigned char d = static_cast<unsigned char>(text[i + 2]);
      if (d == 0x8E || d == 0x8F || (d >= 0xAA && d <= 0xAE)) {
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

// pdftotext's reading of `pdf` in content order (-raw), with white space and
// bidi marks removed: poppler splits Arabic words into letters and puts
// spaces where fonts change, but the letters come back in reading order.
// Nothing when poppler-utils is absent.
std::optional<std::string> extract_text(const std::string& pdf, const std::string& name) {
  if (std::system("command -v pdftotext >/dev/null 2>&1") != 0) return std::nullopt;
  const fs::path dir = fs::path(PLENARY_BINARY_DIR) / "test-artifacts" / "pdf";
  fs::create_directories(dir);
  const fs::path file = dir / (name + ".pdf"), text = dir / (name + ".txt");
  std::ofstream(file, std::ios::binary) << pdf;
  const std::string command = "pdftotext -raw -enc UTF-8 '" + file.string() + "' '" + text.string() + "'";
  if (std::system(command.c_str()) != 0) return std::nullopt;
  return squeeze(testing::read_text(text.string()));
}

class Pdf : public ::testing::TestWithParam<std::string> {};

TEST_P(Pdf, TextComesBackWithHeadingsTitlesAndSymbols) {
  const AgendaLayout layout = lay_out_agenda(testing::load_example(), Catalog::load(GetParam()));
  const std::string pdf = render_pdf(layout);
  ASSERT_TRUE(pdf.starts_with("%PDF-"));
  auto text = extract_text(pdf, "ctoc-wg7-2022." + GetParam());
  // The first page as a picture, for people to look at (build/test-artifacts/pdf/).
  const std::string artifacts = PLENARY_BINARY_DIR "/test-artifacts/pdf/ctoc-wg7-2022." + GetParam();
  if (std::system("command -v pdftoppm >/dev/null 2>&1") == 0) {
    const std::string command =
        "pdftoppm -r 80 -png -f 1 -l 1 -singlefile '" + artifacts + ".pdf' '" + artifacts + "-page1'";
    EXPECT_EQ(std::system(command.c_str()), 0);
  }
  if (!text) GTEST_SKIP() << "skipped: pdftotext (poppler-utils) is not installed";
  std::vector<std::string> expected{layout.symbol,
                                    layout.title,
                                    layout.agenda_heading,
                                    layout.annotations_heading,
                                    layout.annex_title,
                                    layout.items[0].subitems[0].title,
                                    layout.items[4].title,
                                    layout.items[5].title,
                                    "CTOC/COP/WG.7/2022/2",
                                    "CTOC/COP/WG.7/2022/3"};
  // Mixed-direction runs (Arabic words with digits) come back in visual
  // order, so the day headings are checked in left-to-right languages only.
  if (!layout.right_to_left) expected.push_back(layout.days[0].heading);
  for (const std::string& words : expected)
    EXPECT_NE(text->find(squeeze(words)), std::string::npos) << "missing: " << words;
}

INSTANTIATE_TEST_SUITE_P(Languages, Pdf, ::testing::ValuesIn(Catalog::languages()));

}  // namespace
}  // namespace plenary
