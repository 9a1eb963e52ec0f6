// Renders the example in French and reads the agenda back out of the
// Markdown, then compares it with the labels of the issued French document in
// ../shared/seeds (skipped, with a message, when ../shared is absent).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <regex>

#include "render/layout.h"
#include "render/markdown.h"
#include "render/test_support.h"

namespace plenary {
namespace {

using nlohmann::json;

std::string shared_dir() {
  if (const char* dir = std::getenv("PLENARY_SHARED_DIR")) return dir;
  return PLENARY_SOURCE_DIR "/../shared";
}

// Drops list punctuation (" :", " ;", ".") and Markdown escapes from a title.
std::string plain_title(std::string text) {
  for (const char* end : {"\u202F:", "\u202F;", ":", ";", "."}) {
    const std::string suffix(end);
    if (text.size() >= suffix.size() && text.ends_with(suffix)) {
      text.resize(text.size() - suffix.size());
      break;
    }
  }
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) ++i;
    out += text[i];
  }
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream stream(text);
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  return lines;
}

// What the Markdown says, in the shape of the seed's *.expected.json.
json read_back(const std::string& markdown) {
  json out;
  out["agenda"] = json::array();
  out["documentation_symbols"] = json::array();
  out["organization_of_work_rows"] = json::array();
  int footnotes = 0;
  enum { head, agenda, annotations, annex } part = head;
  bool in_documentation = false;
  std::string day;
  const std::regex item_line(R"(^(\d+)\. (.*)$)"), sub_line(R"(^    - ([a-z]+\)) (.*)$)");
  const std::regex symbol_in_entry(R"(\(([A-Z][A-Za-z0-9./\-]*)\)\.?$)");
  const std::regex footnote_def(R"(^\[\^\d+\]: )");
  const std::regex row(R"(^\| *(.*?) *\| *(.*?) *\| *(.*?) *\|$)");
  for (const std::string& line : lines_of(markdown)) {
    if (std::regex_search(line, footnote_def)) ++footnotes;
    if (line.starts_with("## Ordre du jour provisoire")) part = agenda;
    else if (line.starts_with("## Annotations")) part = annotations;
    else if (line.starts_with("# Annexe")) part = annex;
    std::smatch m;
    if (part == agenda && std::regex_match(line, m, item_line))
      out["agenda"].push_back({{"number", m[1].str()}, {"title", plain_title(m[2])}, {"subitems", json::array()}});
    else if (part == agenda && std::regex_match(line, m, sub_line))
      out["agenda"].back()["subitems"].push_back({{"number", m[1].str()}, {"title", plain_title(m[2])}});
    else if (part == annotations && line.starts_with("#"))
      in_documentation = line.ends_with(" Documentation");
    else if (part == annotations && in_documentation && std::regex_search(line, m, symbol_in_entry))
      out["documentation_symbols"].push_back(m[1].str());
    else if (part == annex && std::regex_match(line, m, row) && !(line.starts_with("| *") && !line.starts_with("| **")) && line != "|---|---|---|") {
      const std::string first = m[1], item = m[2];
      if (first.starts_with("**")) {
        day = first.substr(2, first.size() - 4);
      } else if (!first.empty()) {
        out["organization_of_work_rows"].push_back({{"day", day}, {"time", first}, {"items", json::array({item})}});
      } else {
        out["organization_of_work_rows"].back()["items"].push_back(item);
      }
    }
  }
  out["footnotes"] = footnotes;
  return out;
}

class FrenchReference : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string path = shared_dir() + "/seeds/CTOC_COP_WG.7_2022_1.fr.expected.json";
    if (!std::filesystem::exists(path))
      GTEST_SKIP() << "skipped: the reference agenda is not here (" << path
                   << "); this test needs the project's shared/ folder beside the repository";
    expected_ = json::parse(testing::read_text(path));
    const Meeting meeting = testing::load_example();
    layout_ = lay_out_agenda(meeting, Catalog::load("fr"));
    actual_ = read_back(render_markdown(layout_));
  }
  json expected_, actual_;
  AgendaLayout layout_;
};

TEST_F(FrenchReference, SameItemsSubitemsAndTitles) { EXPECT_EQ(actual_["agenda"], expected_["agenda"]); }

TEST_F(FrenchReference, SameDocumentationSymbols) {
  EXPECT_EQ(actual_["documentation_symbols"], expected_["documentation_symbols"]);
}

TEST_F(FrenchReference, SameNumberOfFootnotes) { EXPECT_EQ(actual_["footnotes"], expected_["footnotes"]); }

TEST_F(FrenchReference, SameAnnexRows) {
  EXPECT_EQ(actual_["organization_of_work_rows"], expected_["organization_of_work_rows"]);
}

TEST_F(FrenchReference, SameHeadingBlock) {
  EXPECT_EQ(layout_.body, expected_["body"].get<std::string>());
  EXPECT_EQ(layout_.venue_and_dates, expected_["venue_and_dates"].get<std::string>());
  EXPECT_EQ(layout_.issued, "16 mars 2022");  // expected: date_of_issue 2022-03-16
  EXPECT_EQ(layout_.original, "Original\u202F: anglais");
  ASSERT_EQ(expected_["original_language"], "English");
}

// The annotations read as in the reference, sentence for sentence, where the
// example keeps the full text (the decisions and the opening are generated).
TEST_F(FrenchReference, GeneratedSentencesMatchTheReferenceText) {
  const std::string reference = testing::read_text(shared_dir() + "/seeds/CTOC_COP_WG.7_2022_1.fr.txt");
  const std::string markdown = render_markdown(layout_);
  for (const char* sentence :
       {"s'ouvrira le lundi 27 juin 2022, à 10 heures",
        "Le 30 juillet 2021, le Bureau élargi de la Conférence a arrêté, par approbation tacite, le calendrier de ses "
        "réunions pour 2022, y compris les dates de la neuvième réunion du Groupe de travail sur le trafic illicite de "
        "migrants, qui se tiendra à Vienne les 27 et 28 juin 2022.",
        "Le 2 mars 2022, le Bureau élargi a arrêté, par approbation tacite, les sujets de fond de la réunion du Groupe "
        "de travail.",
        "Aucun document n'est actuellement prévu pour ce point."}) {
    EXPECT_NE(reference.find(sentence), std::string::npos) << "not in the reference: " << sentence;
    EXPECT_NE(markdown.find(sentence), std::string::npos) << "not rendered: " << sentence;
  }
}

}  // namespace
}  // namespace plenary
