// The .docx of every language converted to PDF by LibreOffice and read back
// with pdftotext: LibreOffice must find the headings, the items and the
// symbols where Word would. Its own binary, labelled slow: LibreOffice takes
// a few seconds to start.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "render/docx.h"
#include "render/test_support.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

bool has_command(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

std::string office_command() {
  for (const char* name : {"libreoffice", "soffice"})
    if (has_command(name)) return name;
  return "";
}

// The text without what pdftotext adds or LibreOffice draws differently:
// whitespace (lines break anywhere, CJK gets spaced), bidi controls, Arabic
// vowel marks (pdftotext puts them before their letter), and the kashida
// that justified Arabic is stretched with (tatweel, or glyphs that come back
// as one Latin letter repeated in a left-to-right embedding: "GGG", "FFF").
std::string normalized(const std::string& text) {
  std::string out;
  for (size_t at = 0; at < text.size();) {
    if (text.compare(at, 3, "\u202a") == 0 && at + 3 < text.size() &&
        std::isalpha(static_cast<unsigned char>(text[at + 3]))) {
      const size_t end = text.find_first_not_of(text[at + 3], at + 3);
      if (end != std::string::npos && text.compare(end, 3, "\u202c") == 0) {
        at = end + 3;
        continue;
      }
    }
    const auto lead = static_cast<unsigned char>(text[at]);
    const size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
    for (size_t i = 1; i < length && at + i < text.size(); ++i)
      cp = (cp << 6) | (static_cast<unsigned char>(text[at + i]) & 0x3F);
    const bool dropped = cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r' || cp == '\f' || cp == 0xA0 ||
                         cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
                         (cp >= 0x2066 && cp <= 0x2069) || cp == 0x0640 || (cp >= 0x064B && cp <= 0x065F) ||
                         cp == 0x0670;
    if (!dropped) out += text.substr(at, length);
    at += length;
  }
  return out;
}

// "(2021)،" -> "2021": without ASCII punctuation and the Arabic comma,
// semicolon and question mark.
std::string without_punctuation(std::string word) {
  for (const char* mark : {"\u060c", "\u061b", "\u061f"})
    for (size_t at; (at = word.find(mark)) != std::string::npos;) word.erase(at, 2);
  std::erase_if(word, [](char c) { return c > 0 && std::ispunct(static_cast<unsigned char>(c)); });
  return word;
}

std::string plain(const std::vector<Inline>& inlines) {
  std::string out;
  for (const Inline& in : inlines) out += in.kind == InlineKind::text ? in.text : plain(in.children);
  return out;
}

class DocxInLibreOffice : public ::testing::TestWithParam<std::string> {};

TEST_P(DocxInLibreOffice, PdfHasHeadingsItemsAndSymbols) {
  const std::string office = office_command();
  if (office.empty()) GTEST_SKIP() << "skipped: LibreOffice (libreoffice or soffice) is not installed";
  if (!has_command("pdftotext")) GTEST_SKIP() << "skipped: pdftotext (poppler-utils) is not installed";

  const AgendaLayout layout = lay_out_agenda(testing::load_example(), Catalog::load(GetParam()));
  const fs::path dir = fs::path(PLENARY_BINARY_DIR) / "test-artifacts" / "docx";
  fs::create_directories(dir);
  const std::string name = "ctoc-wg7-2022.libreoffice." + GetParam();
  const fs::path docx = dir / (name + ".docx"), pdf = dir / (name + ".pdf"), text = dir / (name + ".txt");
  std::ofstream(docx, std::ios::binary) << render_docx(layout);
  fs::remove(pdf);

  // A fresh profile each run: LibreOffice serializes work on one profile.
  const fs::path profile = "/tmp/plenary-lo-" + std::to_string(getpid());
  fs::remove_all(profile);
  const std::string convert = "timeout 120 " + office + " --headless --norestore -env:UserInstallation=file://" +
                              profile.string() + " --convert-to pdf --outdir '" + dir.string() + "' '" + docx.string() +
                              "' >'" + (dir / (name + ".log")).string() + "' 2>&1";
  const auto start = std::chrono::steady_clock::now();
  const int status = std::system(convert.c_str());
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fs::remove_all(profile);
  RecordProperty("conversion_seconds", std::to_string(seconds));
  ASSERT_EQ(status, 0) << convert;
  ASSERT_TRUE(fs::exists(pdf)) << "LibreOffice wrote no PDF; see " << name << ".log";

  ASSERT_EQ(std::system(("pdftotext -enc UTF-8 '" + pdf.string() + "' '" + text.string() + "'").c_str()), 0);
  const std::string flat = normalized(testing::read_text(text.string()));
  std::vector<std::string> expected = {layout.symbol,
                                       layout.title,
                                       layout.agenda_heading,
                                       layout.annotations_heading,
                                       layout.annex_title,
                                       layout.documentation_heading,
                                       std::string("CTOC/COP/WG.7/2022/2"),
                                       std::string("CTOC/COP/WG.7/2022/3")};
  for (const LaidOutItem& item : layout.items) {
    expected.push_back(item.title);
    for (const LaidOutItem& sub : item.subitems) expected.push_back(sub.title);
  }
  for (const LaidOutDay& day : layout.days) expected.push_back(day.heading);
  for (const std::string& wanted : expected)
    EXPECT_NE(flat.find(normalized(wanted)), std::string::npos) << "missing: " << wanted;

  // The notes, at the foot of their pages. pdftotext takes Arabic notes
  // apart (vowel marks make a line of their own, punctuation next to Latin
  // text and digits moves), so there each word is looked for, without its
  // punctuation.
  for (const NumberedFootnote& footnote : layout.footnotes) {
    const std::string note = plain(footnote.text.at(0).content);
    if (!layout.right_to_left) {
      EXPECT_NE(flat.find(normalized(note)), std::string::npos) << "missing note: " << note;
      continue;
    }
    std::istringstream words(note);
    for (std::string word; words >> word;)
      EXPECT_NE(flat.find(normalized(without_punctuation(word))), std::string::npos)
          << "missing word of note " << footnote.number << ": " << word;
  }
}

INSTANTIATE_TEST_SUITE_P(Languages, DocxInLibreOffice, ::testing::ValuesIn(Catalog::languages()));

}  // namespace
}  // namespace plenary
