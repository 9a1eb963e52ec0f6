#include "render/akoma_ntoso.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>

#include <pugixml.hpp>

#include "render/test_support.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

const std::string kSchema = PLENARY_SOURCE_DIR "/data/akomantoso/akomantoso30.xsd";
const std::string kWork = "/akn/un/debateReport/agenda/un-ctoc-cop-wg.7/2022-03-16/CTOC-COP-WG.7-2022-1";

bool have_xmllint() { return std::system("xmllint --version >/dev/null 2>&1") == 0; }

// Writes `xml` to a file and validates it against the shipped schema, offline
// (the schema imports xml.xsd from its own folder). Returns xmllint's output.
::testing::AssertionResult validates(const std::string& xml, const std::string& name) {
  const fs::path dir = fs::path(PLENARY_BINARY_DIR) / "test-tmp" / "akoma_ntoso";
  fs::create_directories(dir);
  const fs::path file = dir / name;
  std::ofstream(file, std::ios::binary) << xml;
  const fs::path log = dir / (name + ".log");
  const std::string command = fmt::format("xmllint --noout --nonet --schema '{}' '{}' >'{}' 2>&1", kSchema,
                                          file.string(), log.string());
  const int status = std::system(command.c_str());
  const std::string output = testing::read_text(log.string());
  if (status == 0) return ::testing::AssertionSuccess() << output;
  return ::testing::AssertionFailure() << "xmllint failed on " << file.string() << ":\n" << output;
}

#define REQUIRE_XMLLINT() \
  if (!have_xmllint()) GTEST_SKIP() << "xmllint is not installed (apt-get install libxml2-utils): schema not checked"

pugi::xml_document parse(const std::string& xml) {
  pugi::xml_document doc;
  const pugi::xml_parse_result result = doc.load_string(xml.c_str());
  EXPECT_TRUE(result) << result.description();
  return doc;
}

std::string value_of(const pugi::xml_document& doc, const char* xpath, const char* attribute = "value") {
  return doc.select_node(xpath).node().attribute(attribute).value();
}

class AkomaNtoso : public ::testing::Test {
 protected:
  std::string render(const std::string& lang) const {
    return render_akoma_ntoso(meeting_, lay_out_agenda(meeting_, Catalog::load(lang)));
  }
  Meeting meeting_ = testing::load_example();
};

TEST_F(AkomaNtoso, ExampleValidatesAgainstSchema) {
  REQUIRE_XMLLINT();
  EXPECT_TRUE(validates(render("fr"), "example.fr.xml"));
  EXPECT_TRUE(validates(render("en"), "example.en.xml"));
}

TEST_F(AkomaNtoso, FrenchIdentification) {
  const pugi::xml_document doc = parse(render("fr"));
  const pugi::xml_node report = doc.child("akomaNtoso").child("debateReport");
  EXPECT_STREQ(doc.child("akomaNtoso").attribute("xmlns").value(), "http://docs.oasis-open.org/legaldocml/ns/akn/3.0");
  EXPECT_STREQ(report.attribute("name").value(), "agenda");
  EXPECT_STREQ(report.child("meta").child("identification").attribute("source").value(), "#plenary");

  EXPECT_EQ(value_of(doc, "/akomaNtoso/debateReport/meta/identification/FRBRWork/FRBRthis"), kWork + "/!main");
  EXPECT_EQ(value_of(doc, "/akomaNtoso/debateReport/meta/identification/FRBRWork/FRBRuri"), kWork);
  EXPECT_EQ(value_of(doc, "/akomaNtoso/debateReport/meta/identification/FRBRWork/FRBRdate", "date"), "2022-03-16");
  EXPECT_EQ(value_of(doc, "/akomaNtoso/debateReport/meta/identification/FRBRWork/FRBRauthor", "href"),
            "#un-ctoc-cop-wg.7");
  EXPECT_EQ(value_of(doc, "/akomaNtoso/debateReport/meta/identification/FRBRWork/FRBRcountry"), "un");
  EXPECT_EQ(value_of(doc, "/akomaNtoso/debateReport/meta/identification/FRBRWork/FRBRsubtype"), "agenda");
  EXPECT_EQ(value_of(doc, "/akomaNtoso/debateReport/meta/identification/FRBRWork/FRBRnumber"),
            "CTOC-COP-WG.7-2022-1");
  EXPECT_EQ(value_of(doc, "/akomaNtoso/debateReport/meta/identification/FRBRWork/FRBRnumber", "showAs"),
            "CTOC/COP/WG.7/2022/1");

  EXPECT_EQ(value_of(doc, "/akomaNtoso/debateReport/meta/identification/FRBRExpression/FRBRthis"),
            kWork + "/fra@2022-03-16/!main");
  EXPECT_EQ(value_of(doc, "/akomaNtoso/debateReport/meta/identification/FRBRExpression/FRBRuri"),
            kWork + "/fra@2022-03-16");
  EXPECT_EQ(value_of(doc, "/akomaNtoso/debateReport/meta/identification/FRBRExpression/FRBRlanguage", "language"),
            "fra");
  // French is a language version of the English original.
  EXPECT_EQ(value_of(doc, "/akomaNtoso/debateReport/meta/identification/FRBRExpression/FRBRmasterExpression", "href"),
            kWork + "/eng@2022-03-16");

  EXPECT_EQ(value_of(doc, "/akomaNtoso/debateReport/meta/identification/FRBRManifestation/FRBRthis"),
            kWork + "/fra@2022-03-16/!main.xml");
  EXPECT_EQ(value_of(doc, "/akomaNtoso/debateReport/meta/identification/FRBRManifestation/FRBRauthor", "href"),
            "#plenary");

  // Every "#id" the identification points to is defined in the references.
  for (const char* id : {"plenary", "un-ctoc-cop-wg.7"})
    EXPECT_TRUE(doc.select_node(fmt::format("//references/TLCOrganization[@eId='{}']", id).c_str())) << id;
  EXPECT_EQ(value_of(doc, "//references/TLCOrganization[@eId='un-ctoc-cop-wg.7']", "href"),
            "/akn/ontology/organization/un/un-ctoc-cop-wg.7");

  EXPECT_EQ(std::string(doc.select_node("//coverPage//docNumber").node().text().get()), "CTOC/COP/WG.7/2022/1");
  EXPECT_EQ(value_of(doc, "//coverPage//docDate", "date"), "2022-03-16");
  EXPECT_EQ(std::string(doc.select_node("//preface//docTitle").node().text().get()),
            "Ordre du jour provisoire annoté");
  EXPECT_EQ(std::string(doc.select_node("//preface//location").node().text().get()), "Vienne");
  EXPECT_EQ(value_of(doc, "//preface", "xml:lang"), "fr");

  const AkomaNtosoIris iris = akoma_ntoso_iris(meeting_, "fr");
  EXPECT_EQ(iris.work, kWork);
  EXPECT_EQ(iris.manifestation, kWork + "/fra@2022-03-16/!main.xml");
}

TEST_F(AkomaNtoso, EnglishIsTheMasterExpression) {
  const pugi::xml_document doc = parse(render("en"));
  EXPECT_EQ(value_of(doc, "//FRBRExpression/FRBRuri"), kWork + "/eng@2022-03-16");
  EXPECT_FALSE(doc.select_node("//FRBRmasterExpression"));
}

TEST_F(AkomaNtoso, AgendaItemsAndSubitems) {
  const pugi::xml_document doc = parse(render("fr"));
  const pugi::xpath_node_set items = doc.select_nodes("//blockList[@eId='sec_1__list_1']/item");
  ASSERT_EQ(items.size(), 6u);
  EXPECT_STREQ(items[0].node().attribute("eId").value(), "sec_1__list_1__item_1");
  EXPECT_STREQ(items[0].node().child("num").text().get(), "1.");
  const pugi::xpath_node_set subitems = doc.select_nodes("//blockList[@eId='sec_1__list_1']/item/blockList/item");
  ASSERT_EQ(subitems.size(), 2u);
  EXPECT_STREQ(subitems[1].node().attribute("eId").value(), "sec_1__list_1__item_1__list_1__item_b");
  EXPECT_STREQ(subitems[1].node().child("num").text().get(), "b)");

  // The annotations: one hcontainer per item and sub-item.
  EXPECT_EQ(doc.select_nodes("//section[@eId='sec_2']/hcontainer[@name='agendaItem']").size(), 6u);
  EXPECT_EQ(doc.select_nodes("//section[@eId='sec_2']/hcontainer/hcontainer[@name='agendaItem']").size(), 2u);
  EXPECT_TRUE(doc.select_node("//hcontainer[@eId='sec_2__agendaItem_1__agendaItem_a']/content/p"));
  // Italics in the annotation of item 1 (b) and in the note of item 2.
  EXPECT_TRUE(doc.select_node("//hcontainer[@eId='sec_2__agendaItem_1__agendaItem_b']//p/i"));
  EXPECT_TRUE(doc.select_node("//hcontainer[@eId='sec_2__agendaItem_4']//p[@class='noDocuments']"));
}

TEST_F(AkomaNtoso, FootnotesAreAuthorialNotesWhereCalled) {
  const pugi::xml_document doc = parse(render("fr"));
  const pugi::xpath_node_set notes = doc.select_nodes("//authorialNote");
  ASSERT_EQ(notes.size(), 3u);
  EXPECT_STREQ(notes[0].node().attribute("eId").value(), "sec_2__agendaItem_1__agendaItem_a__authorialNote_1");
  EXPECT_STREQ(notes[0].node().attribute("marker").value(), "1");
  EXPECT_STREQ(notes[1].node().attribute("marker").value(), "2");
  EXPECT_TRUE(notes[1].node().select_node("p/i"));
  // The annex title calls note 1 again.
  EXPECT_STREQ(notes[2].node().parent().name(), "heading");
  EXPECT_STREQ(notes[2].node().attribute("marker").value(), "1");
}

TEST_F(AkomaNtoso, DocumentationIsReferences) {
  const pugi::xml_document doc = parse(render("fr"));
  const pugi::xpath_node_set refs = doc.select_nodes("//blockContainer[@class='documentation']//ref");
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_STREQ(refs[0].node().text().get(), "CTOC/COP/WG.7/2022/2");
  EXPECT_STREQ(refs[0].node().attribute("href").value(), "/akn/un/doc/un-ctoc-cop-wg.7/CTOC-COP-WG.7-2022-2");
  EXPECT_STREQ(refs[1].node().attribute("href").value(), "/akn/un/doc/un-ctoc-cop-wg.7/CTOC-COP-WG.7-2022-3");
  // The symbol is marked where it stands in the entry.
  const std::string entry = refs[0].node().parent().text().get();
  EXPECT_TRUE(entry.starts_with("Document d'information établi par le Secrétariat")) << entry;
  EXPECT_STREQ(refs[0].node().next_sibling().value(), ").");
}

TEST_F(AkomaNtoso, AnnexIsAnAttachmentWithTheTable) {
  const pugi::xml_document doc = parse(render("fr"));
  const pugi::xml_node attachment = doc.select_node("//attachments/attachment[@eId='att_1']").node();
  ASSERT_TRUE(attachment);
  EXPECT_STREQ(attachment.child("num").text().get(), "Annexe");
  EXPECT_EQ(value_of(doc, "//attachment/doc/meta/identification/FRBRWork/FRBRthis"), kWork + "/!annex_1");
  EXPECT_EQ(value_of(doc, "//attachment/doc/meta/identification/FRBRManifestation/FRBRthis"),
            kWork + "/fra@2022-03-16/!annex_1.xml");
  const pugi::xml_node table = attachment.select_node("doc/mainBody/table").node();
  ASSERT_TRUE(table);
  EXPECT_STREQ(table.attribute("eId").value(), "att_1__table_1");
  // A header row, two day rows and the nine rows of items of the four meetings.
  EXPECT_EQ(table.select_nodes("tr").size(), 12u);
  EXPECT_EQ(table.select_nodes("tr[td]").size(), 9u);
  EXPECT_STREQ(table.select_node("tr[2]/th").node().child("p").text().get(), "Lundi 27 juin");
  EXPECT_STREQ(table.select_node("tr[2]/th").node().attribute("colspan").value(), "3");
  EXPECT_EQ(table.select_nodes("tr/td/p/inline[@name='continued']").size(), 2u);
  EXPECT_STREQ(table.select_node("tr[3]/th").node().attribute("rowspan").value(), "3");
}

TEST_F(AkomaNtoso, EveryIdIsUniqueAndWellFormed) {
  for (const char* lang : {"fr", "en"}) {
    const pugi::xml_document doc = parse(render(lang));
    // {type}_{number}, then "__" and the next level: "sec_1__list_1__item_a".
    const std::string level = "[A-Za-z0-9][A-Za-z0-9.-]*(_[A-Za-z0-9.-]+)?";
    const std::regex well_formed(level + "(__" + level + ")*");
    std::set<std::string> seen;
    size_t count = 0;
    for (const pugi::xpath_node& node : doc.select_nodes("//*[@eId]")) {
      const std::string eid = node.node().attribute("eId").value();
      EXPECT_TRUE(std::regex_match(eid, well_formed)) << eid;
      EXPECT_TRUE(seen.insert(eid).second) << "duplicate eId " << eid;
      ++count;
    }
    EXPECT_GT(count, 30u);
  }
}

TEST_F(AkomaNtoso, EscapesTextAndStillValidates) {
  meeting_.items[4].title["fr"] = "<script>alert('x')</script> & \"co\"\x01";
  meeting_.body.name["fr"] = "Groupe \"spécial\" <A&B>";
  meeting_.items[5].annotation["fr"] = {Paragraph{{Inline{InlineKind::link, "", "javascript:alert(1)",
                                                          {Inline{InlineKind::text, "clic", "", {}}}}}}};
  const std::string xml = render("fr");
  EXPECT_EQ(xml.find("<script>"), std::string::npos);
  EXPECT_NE(xml.find("&lt;script&gt;alert('x')&lt;/script&gt; &amp; \"co\""), std::string::npos);
  EXPECT_NE(xml.find("showAs=\"Groupe &quot;spécial&quot; &lt;A&amp;B>\""), std::string::npos);
  EXPECT_EQ(xml.find("javascript:"), std::string::npos);
  const pugi::xml_document doc = parse(xml);
  EXPECT_STREQ(doc.select_node("//hcontainer[@eId='sec_2__agendaItem_5']/heading").node().text().get(),
               "<script>alert('x')</script> & \"co\"");
  EXPECT_STREQ(doc.select_node("//preface//docProponent").node().text().get(), "Groupe \"spécial\" <A&B>");
  if (have_xmllint()) {
    EXPECT_TRUE(validates(xml, "escaped.fr.xml"));
  }
}

TEST_F(AkomaNtoso, RightToLeftLanguagesSetItsDir) {
  EXPECT_EQ(akoma_ntoso_language("ar"), "ara");
  EXPECT_EQ(akoma_ntoso_language("zh"), "zho");
  EXPECT_EQ(akoma_ntoso_language("ru"), "rus");
  EXPECT_EQ(akoma_ntoso_language("es"), "spa");
  // No Arabic catalog is needed to check the mark-up: a French layout flagged rtl.
  AgendaLayout layout = lay_out_agenda(meeting_, Catalog::load("fr"));
  layout.right_to_left = true;
  const std::string xml = render_akoma_ntoso(meeting_, layout);
  const pugi::xml_document doc = parse(xml);
  EXPECT_STREQ(doc.child("akomaNtoso").attribute("xmlns:its").value(), "http://www.w3.org/2005/11/its");
  for (const char* part : {"coverPage", "preface", "mainBody"})
    EXPECT_EQ(value_of(doc, fmt::format("/akomaNtoso/debateReport/{}", part).c_str(), "its:dir"), "rtl") << part;
  EXPECT_EQ(value_of(doc, "//attachment", "its:dir"), "rtl");
  EXPECT_EQ(render("fr").find("its:dir"), std::string::npos);
  if (have_xmllint()) {
    EXPECT_TRUE(validates(xml, "rtl.xml"));
  }
}

}  // namespace
}  // namespace plenary
