#include "render/docx.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <pugixml.hpp>
#include <set>

#include "render/test_support.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

// The parts of a .docx by name, read back with libzip.
std::map<std::string, std::string> unzip(const std::string& bytes) {
  std::map<std::string, std::string> parts;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) : nullptr;
  if (!archive) {
    ADD_FAILURE() << "not a zip archive: " << zip_error_strerror(&error);
    if (source) zip_source_free(source);
    zip_error_fini(&error);
    return parts;
  }
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    zip_stat_t stat;
    zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat);
    std::string content(stat.size, '\0');
    zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    EXPECT_EQ(zip_fread(file, content.data(), stat.size), static_cast<zip_int64_t>(stat.size)) << stat.name;
    zip_fclose(file);
    parts[stat.name] = content;
  }
  zip_close(archive);  // read-only: frees the source, writes nothing
  zip_error_fini(&error);
  return parts;
}

// The text of a node's w:t elements, with w:tab as a tab.
std::string text_of(pugi::xml_node node) {
  std::string out;
  for (pugi::xml_node child : node.children()) {
    const std::string name = child.name();
    out += name == "w:t"                                          ? child.text().get()
           : name == "w:tab" && node.name() == std::string("w:r") ? "\t"
                                                                  : text_of(child);
  }
  return out;
}

// Every paragraph's text, a line each.
std::string paragraphs_text(pugi::xml_node root) {
  std::string out;
  for (pugi::xpath_node p : root.select_nodes("//w:p")) out += text_of(p.node()) + "\n";
  return out;
}

std::string plain(const std::vector<Inline>& inlines) {
  std::string out;
  for (const Inline& in : inlines) out += in.kind == InlineKind::text ? in.text : plain(in.children);
  return out;
}

// A rendered agenda, unzipped, with its XML parts parsed.
struct Docx {
  std::map<std::string, std::string> parts;
  std::map<std::string, pugi::xml_document> xml;

  explicit Docx(const std::string& bytes) : parts(unzip(bytes)) {
    for (const auto& [name, content] : parts) {
      if (!name.ends_with(".xml") && !name.ends_with(".rels")) continue;
      const pugi::xml_parse_result parsed = xml[name].load_buffer(content.data(), content.size());
      EXPECT_TRUE(parsed) << name << ": " << parsed.description() << " at " << parsed.offset;
    }
  }
  pugi::xml_node root(const std::string& name) { return xml[name].document_element(); }
};

const std::vector<std::string>& languages() {
  static const std::vector<std::string> list = Catalog::languages();
  return list;
}

class DocxTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    static const Meeting meeting = testing::load_example();
    layout_ = lay_out_agenda(meeting, Catalog::load(GetParam()));
    bytes_ = render_docx(layout_);
    const fs::path dir = fs::path(PLENARY_BINARY_DIR) / "test-artifacts" / "docx";
    fs::create_directories(dir);
    std::ofstream(dir / ("ctoc-wg7-2022." + GetParam() + ".docx"), std::ios::binary) << bytes_;
  }
  AgendaLayout layout_;
  std::string bytes_;
};

TEST(DocxLanguages, IncludeEnglishAndFrench) {
  EXPECT_NE(std::find(languages().begin(), languages().end(), "en"), languages().end());
  EXPECT_NE(std::find(languages().begin(), languages().end(), "fr"), languages().end());
}

TEST_P(DocxTest, HasEveryPartAndEachParses) {
  ASSERT_TRUE(bytes_.starts_with("PK\x03\x04"));
  Docx docx(bytes_);
  for (const char* name :
       {"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml", "word/styles.xml",
        "word/settings.xml", "word/footnotes.xml", "word/footer1.xml", "docProps/core.xml"})
    EXPECT_TRUE(docx.parts.count(name)) << "missing part " << name;
  // Every part but the content types and relationships has a content type.
  for (const auto& [name, content] : docx.parts) {
    if (name.ends_with(".rels") || name == "[Content_Types].xml") continue;
    const std::string query = "/Types/Override[@PartName='/" + name + "']";
    EXPECT_TRUE(docx.root("[Content_Types].xml").select_node(query.c_str())) << name;
  }
  EXPECT_EQ(std::string(docx.root("docProps/core.xml").child_value("dc:title")), layout_.title);
  EXPECT_EQ(std::string(docx.root("docProps/core.xml").child_value("dc:identifier")), layout_.symbol);
}

TEST_P(DocxTest, DocumentHasTheAgenda) {
  Docx docx(bytes_);
  const std::string text = paragraphs_text(docx.root("word/document.xml"));
  std::vector<std::string> expected = {layout_.united_nations, layout_.symbol,         layout_.parent_body,
                                       layout_.issued,         layout_.body,           layout_.venue_and_dates,
                                       layout_.title,          layout_.agenda_heading, layout_.annotations_heading,
                                       layout_.annex_heading,  layout_.annex_title};
  for (const LaidOutItem& item : layout_.items) {
    expected.push_back(item.label + "\t" + item.list_entry);
    expected.push_back(item.label + "\t" + item.title);
    for (const LaidOutItem& sub : item.subitems) expected.push_back(sub.label + "\t" + sub.title);
    for (const LaidOutDocument& document : item.documents) expected.push_back(document.entry());
  }
  for (const LaidOutDay& day : layout_.days) expected.push_back(day.heading);
  for (const std::string& wanted : expected) EXPECT_NE(text.find(wanted), std::string::npos) << "missing: " << wanted;
}

TEST_P(DocxTest, FootnotesAreWordFootnotes) {
  Docx docx(bytes_);
  pugi::xml_node notes = docx.root("word/footnotes.xml");
  EXPECT_TRUE(notes.select_node("w:footnote[@w:id='-1' and @w:type='separator']//w:separator"));
  EXPECT_TRUE(notes.select_node("w:footnote[@w:id='0' and @w:type='continuationSeparator']//w:continuationSeparator"));
  EXPECT_TRUE(docx.root("word/settings.xml").select_node("w:footnotePr/w:footnote[@w:id='-1']"));
  EXPECT_TRUE(docx.root("word/settings.xml").select_node("w:footnotePr/w:footnote[@w:id='0']"));

  std::set<std::string> referenced, defined;
  for (pugi::xpath_node reference : docx.root("word/document.xml").select_nodes("//w:footnoteReference")) {
    EXPECT_TRUE(referenced.insert(reference.node().attribute("w:id").value()).second) << "a note called twice";
    EXPECT_TRUE(
        reference.node().parent().child("w:rPr").find_child_by_attribute("w:rStyle", "w:val", "FootnoteReference"));
  }
  for (pugi::xpath_node note : notes.select_nodes("w:footnote[not(@w:type)]"))
    defined.insert(note.node().attribute("w:id").value());
  EXPECT_EQ(referenced, defined);
  ASSERT_FALSE(layout_.footnotes.empty());
  EXPECT_EQ(referenced.size(), layout_.footnotes.size() + (layout_.annex_footnote ? 1 : 0));

  const std::string notes_text = paragraphs_text(notes);
  for (const NumberedFootnote& footnote : layout_.footnotes)
    for (const Paragraph& paragraph : footnote.text)
      EXPECT_NE(notes_text.find(plain(paragraph.content)), std::string::npos) << plain(paragraph.content);
  // Word numbers the notes of the text; the annex title's call repeats its number.
  EXPECT_EQ(notes.select_nodes("//w:footnoteRef").size(), layout_.footnotes.size());
  if (layout_.annex_footnote) {
    pugi::xml_node repeated =
        docx.root("word/document.xml").select_node("//w:footnoteReference[@w:customMarkFollows='1']").node();
    ASSERT_TRUE(repeated);
    EXPECT_EQ(text_of(repeated.parent()), std::to_string(layout_.annex_footnote));
  }
}

TEST_P(DocxTest, AnnexHeaderRowRepeats) {
  Docx docx(bytes_);
  pugi::xml_node table =
      docx.root("word/document.xml").select_node("//w:tbl[w:tblPr/w:tblStyle/@w:val='AnnexTable']").node();
  ASSERT_TRUE(table);
  EXPECT_EQ(table.select_nodes("w:tblGrid/w:gridCol").size(), 3u);
  pugi::xml_node header = table.child("w:tr");
  EXPECT_TRUE(header.select_node("w:trPr/w:tblHeader"));
  EXPECT_EQ(table.select_nodes("w:tr[w:trPr/w:tblHeader]").size(), 1u);
  std::vector<std::string> columns;
  for (pugi::xpath_node cell : header.select_nodes("w:tc")) columns.push_back(text_of(cell.node()));
  EXPECT_EQ(columns, layout_.annex_columns);
  size_t continued = 0;
  for (pugi::xpath_node run : table.select_nodes(".//w:r[w:rPr/w:i]"))
    continued += text_of(run.node()) == layout_.continued;
  size_t expected = 0;
  for (const LaidOutDay& day : layout_.days)
    for (const LaidOutSlot& slot : day.slots)
      for (const LaidOutRow& row : slot.rows) expected += row.continued;
  EXPECT_GT(expected, 0u);
  EXPECT_EQ(continued, expected) << "\"" << layout_.continued << "\" in italics";
}

TEST_P(DocxTest, UsesOnlyDefinedStyles) {
  Docx docx(bytes_);
  std::set<std::string> defined;
  for (pugi::xpath_node style : docx.root("word/styles.xml").select_nodes("w:style"))
    defined.insert(style.node().attribute("w:styleId").value());
  for (const char* wanted : {"Normal", "Title", "Heading1", "Heading2", "Heading3", "AgendaItem", "AgendaSubItem",
                             "FootnoteText", "FootnoteReference", "AnnexTable", "Footer"})
    EXPECT_TRUE(defined.count(wanted)) << wanted;
  for (const char* part : {"word/document.xml", "word/footnotes.xml", "word/footer1.xml"})
    for (pugi::xpath_node used : docx.root(part).select_nodes("//w:pStyle | //w:rStyle | //w:tblStyle"))
      EXPECT_TRUE(defined.count(used.node().attribute("w:val").value()))
          << part << ": " << used.node().attribute("w:val").value();
  for (const std::string style : {"Title", "Heading1", "Heading2", "Heading3", "AgendaItem", "FootnoteText"}) {
    const std::string query = "//w:pStyle[@w:val='" + style + "']";
    EXPECT_TRUE(
        docx.root(style == "FootnoteText" ? "word/footnotes.xml" : "word/document.xml").select_node(query.c_str()))
        << style << " is not used";
  }
}

TEST_P(DocxTest, PageLanguageAndDirection) {
  Docx docx(bytes_);
  pugi::xml_node document = docx.root("word/document.xml");
  pugi::xml_node section = document.select_node("w:body/w:sectPr").node();
  EXPECT_STREQ(section.child("w:pgSz").attribute("w:w").value(), "11906");
  EXPECT_STREQ(section.child("w:pgSz").attribute("w:h").value(), "16838");
  EXPECT_TRUE(section.select_node("w:footerReference[@w:type='default']"));
  EXPECT_TRUE(docx.root("word/footer1.xml").select_node("//w:fldSimple[contains(@w:instr, 'PAGE')]"));
  pugi::xml_node fonts = docx.root("word/styles.xml").select_node("w:docDefaults//w:rFonts").node();
  EXPECT_STREQ(fonts.attribute("w:ascii").value(), "Times New Roman");
  EXPECT_STREQ(fonts.attribute("w:cs").value(), "Noto Naskh Arabic");
  EXPECT_STREQ(fonts.attribute("w:eastAsia").value(), "Noto Serif CJK SC");

  const size_t paragraphs = document.select_nodes("//w:p").size();
  const size_t runs = document.select_nodes("//w:r").size();
  EXPECT_EQ(document.select_nodes("//w:r[w:rPr/w:lang]").size(), runs) << "every run says its language";
  if (GetParam() == "ar") {
    // Paragraphs run right to left but for the head block, kept in English.
    size_t left_to_right = 0;
    for (pugi::xpath_node p : document.select_nodes("//w:p")) {
      if (p.node().select_node("w:pPr/w:bidi[not(@w:val='0')]")) continue;
      ++left_to_right;
      const std::string text = text_of(p.node());
      EXPECT_TRUE(text.empty() || text == layout_.distribution || text == layout_.issued ||
                  text == layout_.document_language || text == layout_.original)
          << "left to right: " << text;
    }
    EXPECT_LT(left_to_right, 6u);
    EXPECT_GT(paragraphs, 50u);
    EXPECT_TRUE(section.child("w:bidi"));
    EXPECT_TRUE(document.select_node("//w:tbl/w:tblPr/w:bidiVisual"));
    EXPECT_TRUE(document.select_node("//w:r[w:rPr/w:rtl]"));
    EXPECT_TRUE(document.select_node("//w:lang[@w:bidi='ar-SA']"));
    // A symbol keeps a left-to-right run of its own.
    pugi::xml_node symbol = document.select_node(("//w:t[.='" + layout_.symbol + "']").c_str()).node();
    ASSERT_TRUE(symbol);
    EXPECT_FALSE(symbol.parent().child("w:rPr").child("w:rtl"));
  } else {
    EXPECT_FALSE(document.select_node("//w:bidi | //w:rtl | //w:bidiVisual"));
  }
  if (GetParam() == "zh") {
    EXPECT_TRUE(document.select_node("//w:lang[@w:eastAsia='zh-CN']"));
    EXPECT_TRUE(docx.root("word/styles.xml").select_node("w:docDefaults//w:lang[@w:eastAsia='zh-CN']"));
  }
  if (GetParam() == "fr") {
    EXPECT_TRUE(docx.root("word/styles.xml").select_node("w:docDefaults//w:lang[@w:val='fr-FR']"));
  }
}

TEST_P(DocxTest, SameLayoutSameBytes) { EXPECT_EQ(render_docx(layout_), bytes_); }

INSTANTIATE_TEST_SUITE_P(Languages, DocxTest, ::testing::ValuesIn(languages()));

TEST(Docx, EscapesEveryText) {
  AgendaLayout layout = lay_out_agenda(testing::load_example(), Catalog::load("en"));
  layout.title =
      "Agenda <w:p> & \"notes\" ]]> \x01"
      "end";
  layout.items[0].annotation = {Paragraph{
      {Inline{InlineKind::text, "a < b && c > d", "", {}},
       Inline{InlineKind::link, "", "https://example.org/?a=1&b=<2>", {Inline{InlineKind::text, "link", "", {}}}},
       Inline{InlineKind::link, "", "javascript:alert(1)", {Inline{InlineKind::text, "not a link", "", {}}}}}}};
  Docx docx(render_docx(layout));
  const std::string text = paragraphs_text(docx.root("word/document.xml"));
  EXPECT_NE(text.find("Agenda <w:p> & \"notes\" ]]> end"), std::string::npos);
  EXPECT_NE(text.find("a < b && c > dlinknot a link"), std::string::npos);
  EXPECT_EQ(std::string(docx.root("docProps/core.xml").child_value("dc:title")), "Agenda <w:p> & \"notes\" ]]> end");
  pugi::xml_node hyperlink = docx.root("word/document.xml").select_node("//w:hyperlink").node();
  ASSERT_TRUE(hyperlink);
  const std::string query =
      "/Relationships/Relationship[@Id='" + std::string(hyperlink.attribute("r:id").value()) + "']";
  pugi::xml_node relationship = docx.root("word/_rels/document.xml.rels").select_node(query.c_str()).node();
  EXPECT_STREQ(relationship.attribute("Target").value(), "https://example.org/?a=1&b=<2>");
  EXPECT_STREQ(relationship.attribute("TargetMode").value(), "External");
  EXPECT_EQ(docx.root("word/document.xml").select_nodes("//w:hyperlink").size(), 1u);
}

}  // namespace
}  // namespace plenary
