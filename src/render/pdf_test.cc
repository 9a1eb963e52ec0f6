#include "render/pdf.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "render/test_support.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

// pdftotext's reading of `pdf`, or nothing when poppler-utils is absent.
std::optional<std::string> extract_text(const std::string& pdf, const std::string& name) {
  if (std::system("command -v pdftotext >/dev/null 2>&1") != 0) return std::nullopt;
  const fs::path dir = fs::path(PLENARY_BINARY_DIR) / "test-artifacts" / "pdf";
  fs::create_directories(dir);
  const fs::path file = dir / (name + ".pdf"), text = dir / (name + ".txt");
  std::ofstream(file, std::ios::binary) << pdf;
  const std::string command = "pdftotext -enc UTF-8 '" + file.string() + "' '" + text.string() + "'";
  if (std::system(command.c_str()) != 0) return std::nullopt;
  return testing::read_text(text.string());
}

class Pdf : public ::testing::TestWithParam<std::string> {};

TEST_P(Pdf, TextComesBackWithHeadingsTitlesAndSymbols) {
  const AgendaLayout layout = lay_out_agenda(testing::load_example(), Catalog::load(GetParam()));
  const std::string pdf = render_pdf(layout);
  ASSERT_TRUE(pdf.starts_with("%PDF-"));
  auto text = extract_text(pdf, "ctoc-wg7-2022." + GetParam());
  if (!text) GTEST_SKIP() << "skipped: pdftotext (poppler-utils) is not installed";
  // pdftotext joins wrapped lines with newlines; compare with spaces.
  std::string flat = *text;
  for (char& c : flat)
    if (c == '\n') c = ' ';
  for (const std::string& expected :
       {layout.symbol, layout.title, layout.agenda_heading, layout.annotations_heading, layout.annex_title,
        layout.items[0].subitems[0].title, layout.items[4].title, layout.items[5].title, layout.days[0].heading,
        std::string("CTOC/COP/WG.7/2022/2"), std::string("CTOC/COP/WG.7/2022/3")})
    EXPECT_NE(flat.find(expected), std::string::npos) << "missing: " << expected;
}

INSTANTIATE_TEST_SUITE_P(Languages, Pdf, ::testing::Values("fr", "en"));

}  // namespace
}  // namespace plenary
