#include "render/docx.h"

#include <zip.h>

#include <algorithm>
#include <charconv>
#include <ctime>
#include <deque>
#include <iterator>
#include <map>
#include <pugixml.hpp>
#include <sstream>
#include <stdexcept>
#include <vector>

// Formats are written with designated initializers that name only what
// differs from the defaults; GCC would warn about every member left out.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace plenary {

namespace {

constexpr const char* kWordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kRelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kPackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* kRelationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
constexpr const char* kMainContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

// Measures are in twentieths of a point (twips); font sizes in half-points.
constexpr int kPageWidth = 11906;  // A4
constexpr int kPageHeight = 16838;
constexpr int kSideMargin = 1360;
constexpr int kTopMargin = 1134;
constexpr int kBottomMargin = 1417;
constexpr int kTextWidth = kPageWidth - 2 * kSideMargin;
constexpr int kLabelWidth = 567;  // 1 cm for "1." or "(a)" before an agenda entry

constexpr const char* kLatinFont = "Times New Roman";
constexpr const char* kArabicFont = "Noto Naskh Arabic";
constexpr const char* kChineseFont = "Noto Serif CJK SC";

// The language tag of an official language as Word writes it.
std::string language_tag(const std::string& language) {
  static const std::map<std::string, std::string> tags = {{"ar", "ar-SA"}, {"zh", "zh-CN"}, {"en", "en-GB"},
                                                          {"fr", "fr-FR"}, {"ru", "ru-RU"}, {"es", "es-ES"}};
  auto it = tags.find(language);
  return it == tags.end() ? language : it->second;
}

// XML 1.0 cannot carry C0 controls other than tab and newline, not even as
// character references, so they are dropped.
std::string xml_text(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 || c == '\t' || c == '\n') out += c;
  }
  return out;
}

// The code point at `at`, advancing `at`; a malformed byte counts as itself.
char32_t next_code_point(const std::string& text, size_t& at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  const int length = lead < 0x80 ? 1 : (lead >> 5) == 6 ? 2 : (lead >> 4) == 14 ? 3 : (lead >> 3) == 30 ? 4 : 1;
  if (length == 1 || at + length > text.size()) {
    ++at;
    return lead;
  }
  char32_t cp = lead & (0xFF >> (length + 1));
  for (int i = 1; i < length; ++i) cp = (cp << 6) | (static_cast<unsigned char>(text[at + i]) & 0x3F);
  at += length;
  return cp;
}

bool is_right_to_left_letter(char32_t cp) {
  return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF);
}

bool has_right_to_left_letter(const std::string& text) {
  for (size_t at = 0; at < text.size();)
    if (is_right_to_left_letter(next_code_point(text, at))) return true;
  return false;
}

// Whether the paragraph that holds `node` runs right to left.
bool in_right_to_left_paragraph(pugi::xml_node node) {
  while (node && std::string(node.name()) != "w:p") node = node.parent();
  pugi::xml_node bidi = node.child("w:pPr").child("w:bidi");
  return bidi && std::string(bidi.attribute("w:val").as_string("1")) != "0";
}

bool is_left_to_right_letter(char32_t cp) {
  return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
         (cp >= 0x00C0 && cp <= 0x052F && cp != 0x00D7 && cp != 0x00F7) || (cp >= 0x3040 && cp <= 0x9FFF);
}

struct DirectionalText {
  std::string text;
  bool right_to_left = true;
};

// Splits text of a right-to-left paragraph into runs that Word can mark:
// Latin stretches such as "CTOC/COP/WG.7/2022/2" or "Distr.: General" run
// left to right, from their first letter to their last letter or digit;
// everything else, the punctuation around them included, runs right to left
// so that brackets mirror as Arabic text expects.
std::vector<DirectionalText> split_by_direction(const std::string& text) {
  std::vector<DirectionalText> out;
  auto push = [&](size_t from, size_t to, bool right_to_left) {
    if (to > from) out.push_back({text.substr(from, to - from), right_to_left});
  };
  bool in_latin = false;
  size_t start = 0, latin_end = 0;
  for (size_t at = 0; at < text.size();) {
    const size_t here = at;
    const char32_t cp = next_code_point(text, at);
    if (!in_latin && is_left_to_right_letter(cp)) {
      push(start, here, true);
      start = here;
      latin_end = at;
      in_latin = true;
    } else if (in_latin && (is_left_to_right_letter(cp) || (cp >= '0' && cp <= '9'))) {
      latin_end = at;
    } else if (in_latin && is_right_to_left_letter(cp)) {
      push(start, latin_end, false);
      start = latin_end;
      in_latin = false;
    }
  }
  if (in_latin) {
    push(start, latin_end, false);
    start = latin_end;
  }
  push(start, text.size(), true);
  return out;
}

bool is_web_url(const std::string& url) {
  return url.starts_with("https://") || url.starts_with("http://") || url.starts_with("mailto:");
}

// <name w:val="value"/>
pugi::xml_node add_value(pugi::xml_node parent, const char* name, const std::string& value) {
  pugi::xml_node node = parent.append_child(name);
  node.append_attribute("w:val") = value.c_str();
  return node;
}

pugi::xml_node add_value(pugi::xml_node parent, const char* name, int value) {
  pugi::xml_node node = parent.append_child(name);
  node.append_attribute("w:val") = value;
  return node;
}

pugi::xml_document new_part() {
  pugi::xml_document part;
  pugi::xml_node declaration = part.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";
  declaration.append_attribute("standalone") = "yes";
  return part;
}

pugi::xml_node word_root(pugi::xml_document& part, const char* name) {
  pugi::xml_node root = part.append_child(name);
  root.append_attribute("xmlns:w") = kWordNamespace;
  root.append_attribute("xmlns:r") = kRelationshipNamespace;
  return root;
}

std::string serialize(const pugi::xml_document& part) {
  std::ostringstream out;
  part.save(out, "", pugi::format_raw, pugi::encoding_utf8);
  return out.str();
}

struct Relationship {
  std::string id;
  std::string type;  // after kRelationshipType, or a full URI
  std::string target;
  bool external = false;
};

std::string relationships_part(const std::vector<Relationship>& relationships) {
  pugi::xml_document part = new_part();
  pugi::xml_node root = part.append_child("Relationships");
  root.append_attribute("xmlns") = kPackageRelationships;
  for (const Relationship& relationship : relationships) {
    pugi::xml_node node = root.append_child("Relationship");
    node.append_attribute("Id") = relationship.id.c_str();
    const std::string type =
        relationship.type.starts_with("http") ? relationship.type : kRelationshipType + relationship.type;
    node.append_attribute("Type") = type.c_str();
    node.append_attribute("Target") = relationship.target.c_str();
    if (relationship.external) node.append_attribute("TargetMode") = "External";
  }
  return serialize(part);
}

struct ParagraphFormat {
  std::string style;  // paragraph style id; empty for Normal
  bool keep_next = false;
  bool page_break_before = false;
  int tab = 0;      // a start-aligned tab stop
  int before = -1;  // spacing; -1: the style's
  int after = -1;
  int indent = -1;  // start indent; -1: the style's
  int hanging = 0;  // with indent
  // "left", "right", "center", "both"; empty: the style's. Word and
  // LibreOffice read left and right as start and end in a bidi paragraph
  // (the newer "start" and "end" are unknown to older readers).
  std::string align;
  int outline = -1;            // heading level 0..8, for styles
  bool left_to_right = false;  // in a right-to-left document: English text such as the head block
};

struct RunFormat {
  std::string style;  // character style id
  bool bold = false;
  bool italic = false;
  bool no_proof = false;  // document symbols are not words to spell-check
  int size = 0;           // half-points; 0: the style's
};

// Run properties in the schema's order; direction and language too.
void run_properties(pugi::xml_node rpr, const RunFormat& format) {
  if (!format.style.empty()) add_value(rpr, "w:rStyle", format.style);
  if (format.bold) {
    rpr.append_child("w:b");
    rpr.append_child("w:bCs");
  }
  if (format.italic) {
    rpr.append_child("w:i");
    rpr.append_child("w:iCs");
  }
  if (format.no_proof) rpr.append_child("w:noProof");
  if (format.size > 0) {
    add_value(rpr, "w:sz", format.size);
    add_value(rpr, "w:szCs", format.size);
  }
}

// Paragraph properties in the schema's order.
void paragraph_properties(pugi::xml_node ppr, const ParagraphFormat& format, bool right_to_left) {
  if (!format.style.empty()) add_value(ppr, "w:pStyle", format.style);
  if (format.keep_next) ppr.append_child("w:keepNext");
  if (format.page_break_before) ppr.append_child("w:pageBreakBefore");
  if (format.tab > 0) {
    pugi::xml_node tab = ppr.append_child("w:tabs").append_child("w:tab");
    tab.append_attribute("w:val") = "left";
    tab.append_attribute("w:pos") = format.tab;
  }
  if (right_to_left)
    ppr.append_child("w:bidi");
  else if (format.left_to_right)
    add_value(ppr, "w:bidi", "0");  // against the document default
  if (format.before >= 0 || format.after >= 0) {
    pugi::xml_node spacing = ppr.append_child("w:spacing");
    if (format.before >= 0) spacing.append_attribute("w:before") = format.before;
    if (format.after >= 0) spacing.append_attribute("w:after") = format.after;
  }
  // w:left and w:hanging are logical: in a bidi paragraph the start is the right.
  if (format.indent >= 0) {
    pugi::xml_node ind = ppr.append_child("w:ind");
    ind.append_attribute("w:left") = format.indent;
    ind.append_attribute("w:hanging") = format.hanging;
  }
  if (!format.align.empty()) add_value(ppr, "w:jc", format.align);
  if (format.outline >= 0) add_value(ppr, "w:outlineLvl", format.outline);
}

struct CellFormat {
  int width = 0;
  int span = 1;
  int bottom_border = 0;  // eighths of a point; 0: none
  bool bottom_aligned = false;
};

// Builds a document's parts from its layout.
class DocxWriter {
 public:
  explicit DocxWriter(const AgendaLayout& layout)
      : layout_(layout), rtl_(layout.right_to_left), chinese_(layout.language == "zh") {}

  // The parts, by name, in the order they go into the archive.
  std::vector<std::pair<std::string, std::string>> parts() {
    document_ = new_part();
    pugi::xml_node root = word_root(document_, "w:document");
    body_ = root.append_child("w:body");
    footnotes_ = new_part();
    notes_ = word_root(footnotes_, "w:footnotes");
    separator(-1, "separator");
    separator(0, "continuationSeparator");

    write_masthead();
    write_agenda();
    write_annotations();
    write_annex();
    write_section();

    std::vector<Relationship> document_relationships = {{"rIdStyles", "styles", "styles.xml", false},
                                                        {"rIdSettings", "settings", "settings.xml", false},
                                                        {"rIdFootnotes", "footnotes", "footnotes.xml", false},
                                                        {"rIdFooter", "footer", "footer1.xml", false}};
    document_relationships.insert(document_relationships.end(), document_links_.begin(), document_links_.end());

    std::vector<std::pair<std::string, std::string>> out;
    out.emplace_back("[Content_Types].xml", content_types());
    out.emplace_back("_rels/.rels",
                     relationships_part({{"rIdDocument", "officeDocument", "word/document.xml", false},
                                         {"rIdCore", std::string(kPackageRelationships) + "/metadata/core-properties",
                                          "docProps/core.xml", false}}));
    out.emplace_back("word/document.xml", serialize(document_));
    out.emplace_back("word/_rels/document.xml.rels", relationships_part(document_relationships));
    out.emplace_back("word/styles.xml", styles());
    out.emplace_back("word/settings.xml", settings());
    out.emplace_back("word/footnotes.xml", serialize(footnotes_));
    if (!footnote_links_.empty())
      out.emplace_back("word/_rels/footnotes.xml.rels", relationships_part(footnote_links_));
    out.emplace_back("word/footer1.xml", footer());
    out.emplace_back("docProps/core.xml", core_properties());
    return out;
  }

 private:
  pugi::xml_node paragraph(pugi::xml_node parent, const ParagraphFormat& format) {
    pugi::xml_node p = parent.append_child("w:p");
    pugi::xml_node ppr = p.append_child("w:pPr");
    paragraph_properties(ppr, format, rtl_ && !format.left_to_right);
    if (!ppr.first_child()) p.remove_child(ppr);
    return p;
  }

  pugi::xml_node run(pugi::xml_node parent, const RunFormat& format, bool right_to_left) {
    pugi::xml_node r = parent.append_child("w:r");
    pugi::xml_node rpr = r.append_child("w:rPr");
    if (!format.style.empty()) add_value(rpr, "w:rStyle", format.style);
    if (chinese_) rpr.append_child("w:rFonts").append_attribute("w:hint") = "eastAsia";
    RunFormat rest = format;
    rest.style.clear();
    run_properties(rpr, rest);
    if (right_to_left) rpr.append_child("w:rtl");
    language(rpr);
    return r;
  }

  // w:lang: w:val for Latin-script text, w:bidi for Arabic, w:eastAsia for Chinese.
  void language(pugi::xml_node rpr) const {
    pugi::xml_node lang = rpr.append_child("w:lang");
    const bool other_script = rtl_ || chinese_;
    lang.append_attribute("w:val") = other_script ? "en-GB" : language_tag(layout_.language).c_str();
    if (chinese_) lang.append_attribute("w:eastAsia") = "zh-CN";
    if (rtl_) lang.append_attribute("w:bidi") = language_tag(layout_.language).c_str();
  }

  // Plain text as runs: newlines become breaks, tabs tabs, and in a
  // right-to-left paragraph each Latin stretch gets a run of its own.
  void text(pugi::xml_node parent, const std::string& plain, const RunFormat& format) {
    const std::string clean = xml_text(plain);
    if (!in_right_to_left_paragraph(parent)) {
      text_run(parent, clean, format, false);
      return;
    }
    for (const DirectionalText& piece : split_by_direction(clean))
      text_run(parent, piece.text, format, piece.right_to_left);
  }

  void text_run(pugi::xml_node parent, const std::string& plain, const RunFormat& format, bool right_to_left) {
    if (plain.empty()) return;
    pugi::xml_node r = run(parent, format, right_to_left);
    std::string pending;
    auto flush = [&] {
      if (pending.empty()) return;
      pugi::xml_node t = r.append_child("w:t");
      t.append_attribute("xml:space") = "preserve";
      t.text() = pending.c_str();
      pending.clear();
    };
    for (char c : plain) {
      if (c == '\n' || c == '\t') {
        flush();
        r.append_child(c == '\n' ? "w:br" : "w:tab");
      } else {
        pending += c;
      }
    }
    flush();
  }

  void inlines(pugi::xml_node parent, const std::vector<Inline>& content, const RunFormat& format) {
    for (const Inline& in : content) {
      RunFormat inner = format;
      switch (in.kind) {
        case InlineKind::text: text(parent, in.text, format); break;
        case InlineKind::emphasis:
          inner.italic = true;
          inlines(parent, in.children, inner);
          break;
        case InlineKind::strong:
          inner.bold = true;
          inlines(parent, in.children, inner);
          break;
        case InlineKind::link:
          if (is_web_url(in.target) && std::string(parent.name()) != "w:hyperlink") {
            pugi::xml_node hyperlink = parent.append_child("w:hyperlink");
            hyperlink.append_attribute("r:id") = link(in.target).c_str();
            inner.style = "Hyperlink";
            inlines(hyperlink, in.children, inner);
          } else {
            inlines(parent, in.children, format);
          }
          break;
        case InlineKind::footnote_ref: footnote_call(parent, in.target); break;
        case InlineKind::line_break: run(parent, format, rtl_).append_child("w:br"); break;
        default: break;  // resolved by the layout
      }
    }
  }

  // The relationship id of a hyperlink, in the part being written.
  std::string link(const std::string& url) {
    std::vector<Relationship>& links = in_footnote_ ? footnote_links_ : document_links_;
    const std::string id = "rIdLink" + std::to_string(links.size() + 1);
    links.push_back({id, "hyperlink", xml_text(url), true});
    return id;
  }

  // A footnote call and its note. Word numbers footnotes itself, in the order
  // they are called; a call whose layout number is not the next one (the
  // annex title calls note 1 again, as the issued documents do) carries its
  // number as a custom mark, and its note repeats the text.
  void footnote_call(pugi::xml_node parent, const std::string& target) {
    int number = 0;
    std::from_chars(target.data(), target.data() + target.size(), number);
    RunFormat mark{.style = "FootnoteReference"};
    if (in_footnote_) {  // Word has no notes within notes
      text(parent, target, mark);
      return;
    }
    const int id = next_footnote_id_++;
    const bool automatic = number == next_automatic_number_;
    if (automatic) ++next_automatic_number_;
    pugi::xml_node r = run(parent, mark, rtl_);
    pugi::xml_node reference = r.append_child("w:footnoteReference");
    if (!automatic) reference.append_attribute("w:customMarkFollows") = 1;
    reference.append_attribute("w:id") = id;
    const std::string custom_mark = automatic ? "" : xml_text(target);
    if (!automatic) r.append_child("w:t").text() = custom_mark.c_str();
    footnote(id, number, custom_mark);
  }

  void footnote(int id, int number, const std::string& custom_mark) {
    pugi::xml_node note = notes_.append_child("w:footnote");
    note.append_attribute("w:id") = id;
    const RichText* text_of_note = nullptr;
    for (const NumberedFootnote& footnote : layout_.footnotes)
      if (footnote.number == number) text_of_note = &footnote.text;
    const RichText none(1);
    const RichText& paragraphs = text_of_note && !text_of_note->empty() ? *text_of_note : none;
    in_footnote_ = true;
    for (size_t i = 0; i < paragraphs.size(); ++i) {
      pugi::xml_node p = paragraph(note, {.style = "FootnoteText"});
      if (i == 0) {
        pugi::xml_node r = run(p, {.style = "FootnoteReference"}, rtl_);
        if (custom_mark.empty())
          r.append_child("w:footnoteRef");
        else
          r.append_child("w:t").text() = custom_mark.c_str();
        run(p, {}, rtl_).append_child("w:tab");
      }
      inlines(p, paragraphs[i].content, {});
    }
    in_footnote_ = false;
  }

  void separator(int id, const char* type) {
    pugi::xml_node note = notes_.append_child("w:footnote");
    note.append_attribute("w:type") = type;
    note.append_attribute("w:id") = id;
    pugi::xml_node p = paragraph(note, {.after = 0});
    p.append_child("w:r").append_child(type == std::string("separator") ? "w:separator" : "w:continuationSeparator");
  }

  // A fixed-layout table as wide as the text; Arabic tables run right to left.
  pugi::xml_node table(const std::string& style, const std::vector<int>& columns) {
    pugi::xml_node tbl = body_.append_child("w:tbl");
    pugi::xml_node properties = tbl.append_child("w:tblPr");
    if (!style.empty()) add_value(properties, "w:tblStyle", style);
    if (rtl_) properties.append_child("w:bidiVisual");
    pugi::xml_node width = properties.append_child("w:tblW");
    width.append_attribute("w:w") = kTextWidth;
    width.append_attribute("w:type") = "dxa";
    properties.append_child("w:tblLayout").append_attribute("w:type") = "fixed";
    pugi::xml_node look = properties.append_child("w:tblLook");
    look.append_attribute("w:val") = "04A0";
    look.append_attribute("w:firstRow") = style.empty() ? 0 : 1;
    look.append_attribute("w:lastRow") = 0;
    look.append_attribute("w:firstColumn") = 0;
    look.append_attribute("w:lastColumn") = 0;
    look.append_attribute("w:noHBand") = 1;
    look.append_attribute("w:noVBand") = 1;
    pugi::xml_node grid = tbl.append_child("w:tblGrid");
    for (int column : columns) grid.append_child("w:gridCol").append_attribute("w:w") = column;
    return tbl;
  }

  static pugi::xml_node row(pugi::xml_node tbl, bool header) {
    pugi::xml_node tr = tbl.append_child("w:tr");
    pugi::xml_node properties = tr.append_child("w:trPr");
    properties.append_child("w:cantSplit");
    if (header) properties.append_child("w:tblHeader");  // repeats on every page the table reaches
    return tr;
  }

  static pugi::xml_node cell(pugi::xml_node tr, const CellFormat& format) {
    pugi::xml_node tc = tr.append_child("w:tc");
    pugi::xml_node properties = tc.append_child("w:tcPr");
    pugi::xml_node width = properties.append_child("w:tcW");
    width.append_attribute("w:w") = format.width;
    width.append_attribute("w:type") = "dxa";
    if (format.span > 1) add_value(properties, "w:gridSpan", format.span);
    if (format.bottom_border > 0) {
      pugi::xml_node bottom = properties.append_child("w:tcBorders").append_child("w:bottom");
      bottom.append_attribute("w:val") = "single";
      bottom.append_attribute("w:sz") = format.bottom_border;
      bottom.append_attribute("w:space") = 0;
      bottom.append_attribute("w:color") = "000000";
    }
    if (format.bottom_aligned) add_value(properties, "w:vAlign", "bottom");
    return tc;
  }

  // The document head: United Nations and the symbol over a thick rule, the
  // parent body beside the distribution block over a thin one.
  void write_masthead() {
    const int first = 5386, second = kTextWidth - first;
    pugi::xml_node tbl = table("", {first, second});
    pugi::xml_node top = row(tbl, false);
    text(paragraph(cell(top, {first, 1, 12, true}), {.style = "TableText"}), layout_.united_nations,
         {.bold = true, .size = 24});
    text(paragraph(cell(top, {second, 1, 12, true}), {.style = "TableText", .align = "right"}), layout_.symbol,
         {.bold = true, .no_proof = true, .size = 28});
    pugi::xml_node bottom = row(tbl, false);
    text(paragraph(cell(bottom, {first, 1, 4, false}), {.style = "TableText", .before = 120, .after = 120}),
         layout_.parent_body, {.bold = true, .size = 26});
    pugi::xml_node block = cell(bottom, {second, 1, 4, false});
    const std::string lines[] = {layout_.distribution, layout_.issued, "", layout_.document_language, layout_.original};
    // Arabic documents keep this block in English: left to right, as English runs.
    for (size_t i = 0; i < std::size(lines); ++i)
      text(paragraph(block, {.style = "TableText",
                             .before = i == 0 ? 120 : 0,
                             .after = i + 1 == std::size(lines) ? 120 : 0,
                             .left_to_right = rtl_ && !has_right_to_left_letter(lines[i])}),
           lines[i], {});

    text(paragraph(body_, {.keep_next = true, .before = 360, .after = 0}), layout_.body, {.bold = true, .size = 22});
    text(paragraph(body_, {.after = 360}), layout_.venue_and_dates, {});
    text(paragraph(body_, {.style = "Title"}), layout_.title, {});
  }

  void write_agenda() {
    text(paragraph(body_, {.style = "Heading1"}), layout_.agenda_heading, {});
    for (const LaidOutItem& item : layout_.items) {
      text(paragraph(body_, {.style = "AgendaItem"}), item.label + "\t" + item.list_entry, {});
      for (const LaidOutItem& sub : item.subitems)
        text(paragraph(body_, {.style = "AgendaSubItem"}), sub.label + "\t" + sub.list_entry, {});
    }
  }

  void write_item(const LaidOutItem& item, int depth) {
    text(paragraph(body_, {.style = depth == 0 ? "Heading2" : "Heading3"}), item.label + "\t" + item.title, {});
    for (const Paragraph& annotation : item.annotation) inlines(paragraph(body_, {}), annotation.content, {});
    if (!item.documents.empty()) {
      text(paragraph(body_, {.style = "DocumentationHeading"}), layout_.documentation_heading, {});
      for (const LaidOutDocument& document : item.documents) {
        pugi::xml_node p = paragraph(body_, {.style = "DocumentationEntry"});
        text(p, document.before, {});
        text(p, document.symbol, {.no_proof = true});
        text(p, document.after, {});
      }
    }
    if (item.no_documents) text(paragraph(body_, {}), layout_.no_documents, {});
    for (const LaidOutItem& sub : item.subitems) write_item(sub, depth + 1);
  }

  void write_annotations() {
    text(paragraph(body_, {.style = "Heading1"}), layout_.annotations_heading, {});
    for (const LaidOutItem& item : layout_.items) write_item(item, 0);
  }

  // The organization of work: a three-column table whose header row repeats
  // on every page, a row per day, and the rows of a meeting kept together.
  void write_annex() {
    if (layout_.days.empty()) return;
    text(paragraph(body_, {.style = "Heading1", .page_break_before = true}), layout_.annex_heading, {});
    pugi::xml_node title =
        paragraph(body_, {.style = "Heading2", .before = 240, .after = 240, .indent = 0, .align = "center"});
    text(title, layout_.annex_title, {});
    if (layout_.annex_footnote) footnote_call(title, std::to_string(layout_.annex_footnote));

    const std::vector<int> widths = {2021, 1470, kTextWidth - 2021 - 1470};
    pugi::xml_node tbl = table("AnnexTable", widths);
    pugi::xml_node header = row(tbl, true);
    for (size_t i = 0; i < widths.size(); ++i) {
      const std::string column = i < layout_.annex_columns.size() ? layout_.annex_columns[i] : "";
      text(paragraph(cell(header, {widths[i], 1, 4, true}), {.style = "TableText", .keep_next = true}), column,
           {.italic = true, .size = 18});
    }
    for (const LaidOutDay& day : layout_.days) {
      pugi::xml_node day_row = row(tbl, false);
      text(
          paragraph(cell(day_row, {kTextWidth, 3, 0, false}), {.style = "TableText", .keep_next = true, .before = 120}),
          day.heading, {.bold = true});
      for (const LaidOutSlot& slot : day.slots) {
        const size_t rows = std::max<size_t>(slot.rows.size(), 1);
        for (size_t r = 0; r < rows; ++r) {
          const bool keep = r + 1 < rows;  // Word keeps rows together through their paragraphs
          pugi::xml_node tr = row(tbl, false);
          text(paragraph(cell(tr, {.width = widths[0]}), {.style = "TableText", .keep_next = keep}),
               r == 0 ? slot.time : "", {});
          if (slot.rows.empty()) {
            paragraph(cell(tr, {.width = widths[1]}), {.style = "TableText"});
            paragraph(cell(tr, {.width = widths[2]}), {.style = "TableText"});
            continue;
          }
          const LaidOutRow& entry = slot.rows[r];
          text(paragraph(cell(tr, {.width = widths[1]}), {.style = "TableText", .keep_next = keep}), entry.item, {});
          pugi::xml_node p = paragraph(cell(tr, {.width = widths[2]}), {.style = "TableText", .keep_next = keep});
          text(p, entry.title, {});
          if (entry.continued) {
            text(p, " ", {});
            text(p, layout_.continued, {.italic = true});
          }
        }
      }
    }
    // Word needs a paragraph between a table and the end of the document.
    paragraph(body_, {.after = 0});
  }

  void write_section() {
    pugi::xml_node section = body_.append_child("w:sectPr");
    pugi::xml_node footer_reference = section.append_child("w:footerReference");
    footer_reference.append_attribute("w:type") = "default";
    footer_reference.append_attribute("r:id") = "rIdFooter";
    pugi::xml_node size = section.append_child("w:pgSz");
    size.append_attribute("w:w") = kPageWidth;
    size.append_attribute("w:h") = kPageHeight;
    pugi::xml_node margins = section.append_child("w:pgMar");
    margins.append_attribute("w:top") = kTopMargin;
    margins.append_attribute("w:right") = kSideMargin;
    margins.append_attribute("w:bottom") = kBottomMargin;
    margins.append_attribute("w:left") = kSideMargin;
    margins.append_attribute("w:header") = 567;
    margins.append_attribute("w:footer") = 567;
    margins.append_attribute("w:gutter") = 0;
    if (rtl_) section.append_child("w:bidi");
  }

  std::string footer() {
    pugi::xml_document part = new_part();
    pugi::xml_node root = word_root(part, "w:ftr");
    pugi::xml_node page = paragraph(root, {.style = "Footer"}).append_child("w:fldSimple");
    page.append_attribute("w:instr") = " PAGE ";
    run(page, {}, false).append_child("w:t").text() = "1";
    return serialize(part);
  }

  std::string styles() const {
    pugi::xml_document part = new_part();
    pugi::xml_node root = word_root(part, "w:styles");
    pugi::xml_node defaults = root.append_child("w:docDefaults");
    pugi::xml_node run_defaults = defaults.append_child("w:rPrDefault").append_child("w:rPr");
    pugi::xml_node fonts = run_defaults.append_child("w:rFonts");
    fonts.append_attribute("w:ascii") = kLatinFont;
    fonts.append_attribute("w:hAnsi") = kLatinFont;
    fonts.append_attribute("w:eastAsia") = kChineseFont;
    fonts.append_attribute("w:cs") = kArabicFont;
    add_value(run_defaults, "w:sz", 20);
    add_value(run_defaults, "w:szCs", 20);
    language(run_defaults);
    pugi::xml_node paragraph_defaults = defaults.append_child("w:pPrDefault").append_child("w:pPr");
    paragraph_properties(paragraph_defaults, {.after = 0}, rtl_);

    auto style = [&](const char* type, const char* id, const char* name, const char* based_on, const char* next,
                     bool is_default = false) {
      pugi::xml_node node = root.append_child("w:style");
      node.append_attribute("w:type") = type;
      if (is_default) node.append_attribute("w:default") = 1;
      node.append_attribute("w:styleId") = id;
      add_value(node, "w:name", name);
      if (based_on) add_value(node, "w:basedOn", based_on);
      if (next) add_value(node, "w:next", next);
      node.append_child("w:qFormat");
      return node;
    };
    auto paragraph_style = [&](const char* id, const char* name, const char* based_on, const char* next,
                               const ParagraphFormat& paragraph, const RunFormat& run_format, bool is_default = false) {
      pugi::xml_node node = style("paragraph", id, name, based_on, next, is_default);
      paragraph_properties(node.append_child("w:pPr"), paragraph, false);
      pugi::xml_node rpr = node.append_child("w:rPr");
      run_properties(rpr, run_format);
      if (!rpr.first_child()) node.remove_child(rpr);
    };

    paragraph_style("Normal", "Normal", nullptr, nullptr, {.after = 120, .align = "both"}, {}, true);
    paragraph_style("Title", "Title", "Normal", "Normal",
                    {.keep_next = true, .before = 120, .after = 360, .align = "left"}, {.bold = true, .size = 28});
    paragraph_style("Heading1", "heading 1", "Normal", "Normal",
                    {.keep_next = true, .before = 240, .after = 120, .align = "left", .outline = 0},
                    {.bold = true, .size = 24});
    paragraph_style("Heading2", "heading 2", "Normal", "Normal",
                    {.keep_next = true,
                     .tab = kLabelWidth,
                     .before = 240,
                     .after = 120,
                     .indent = kLabelWidth,
                     .hanging = kLabelWidth,
                     .align = "left",
                     .outline = 1},
                    {.bold = true, .size = 22});
    paragraph_style("Heading3", "heading 3", "Normal", "Normal",
                    {.keep_next = true,
                     .tab = 2 * kLabelWidth,
                     .before = 180,
                     .after = 120,
                     .indent = 2 * kLabelWidth,
                     .hanging = kLabelWidth,
                     .align = "left",
                     .outline = 2},
                    {.bold = true});
    paragraph_style("DocumentationHeading", "Documentation heading", "Normal", "DocumentationEntry",
                    {.keep_next = true, .before = 180, .after = 120, .align = "left"}, {.italic = true});
    paragraph_style("DocumentationEntry", "Documentation entry", "Normal", "Normal",
                    {.indent = kLabelWidth, .hanging = 0}, {});
    paragraph_style("AgendaItem", "Agenda item", "Normal", "AgendaItem",
                    {.tab = kLabelWidth, .after = 60, .indent = kLabelWidth, .hanging = kLabelWidth}, {});
    paragraph_style("AgendaSubItem", "Agenda sub-item", "AgendaItem", "AgendaSubItem",
                    {.tab = 2 * kLabelWidth, .indent = 2 * kLabelWidth, .hanging = kLabelWidth}, {});
    // Table cells: start-aligned, as justified short lines would gape.
    paragraph_style("TableText", "Table text", "Normal", nullptr, {.after = 60, .align = "left"}, {});
    paragraph_style("FootnoteText", "footnote text", "Normal", nullptr,
                    {.tab = 284, .after = 40, .indent = 284, .hanging = 284}, {.size = 17});
    paragraph_style("Footer", "footer", "Normal", nullptr, {.after = 0, .align = "center"}, {.size = 16});

    style("character", "DefaultParagraphFont", "Default Paragraph Font", nullptr, nullptr, true);
    pugi::xml_node reference =
        style("character", "FootnoteReference", "footnote reference", "DefaultParagraphFont", nullptr);
    add_value(reference.append_child("w:rPr"), "w:vertAlign", "superscript");
    pugi::xml_node hyperlink = style("character", "Hyperlink", "Hyperlink", "DefaultParagraphFont", nullptr);
    pugi::xml_node hyperlink_run = hyperlink.append_child("w:rPr");
    add_value(hyperlink_run, "w:color", "0000FF");
    add_value(hyperlink_run, "w:u", "single");

    pugi::xml_node normal_table = style("table", "TableNormal", "Normal Table", nullptr, nullptr, true);
    pugi::xml_node margins = normal_table.append_child("w:tblPr").append_child("w:tblCellMar");
    for (const char* side : {"w:top", "w:left", "w:bottom", "w:right"}) {
      pugi::xml_node margin = margins.append_child(side);
      margin.append_attribute("w:w") = side == std::string("w:left") || side == std::string("w:right") ? 108 : 0;
      margin.append_attribute("w:type") = "dxa";
    }
    // The annex: rules above and below, an italic header row over a rule.
    pugi::xml_node annex = style("table", "AnnexTable", "Annex table", "TableNormal", nullptr);
    pugi::xml_node borders = annex.append_child("w:tblPr").append_child("w:tblBorders");
    for (const char* side : {"w:top", "w:bottom"}) {
      pugi::xml_node border = borders.append_child(side);
      border.append_attribute("w:val") = "single";
      border.append_attribute("w:sz") = 4;
      border.append_attribute("w:space") = 0;
      border.append_attribute("w:color") = "000000";
    }
    pugi::xml_node header = annex.append_child("w:tblStylePr");
    header.append_attribute("w:type") = "firstRow";
    run_properties(header.append_child("w:rPr"), {.italic = true});
    header.append_child("w:trPr").append_child("w:tblHeader");
    return serialize(part);
  }

  std::string settings() const {
    pugi::xml_document part = new_part();
    pugi::xml_node root = word_root(part, "w:settings");
    root.append_child("w:zoom").append_attribute("w:percent") = 100;
    add_value(root, "w:defaultTabStop", kLabelWidth);
    add_value(root, "w:characterSpacingControl", chinese_ ? "compressPunctuation" : "doNotCompress");
    pugi::xml_node footnotes = root.append_child("w:footnotePr");
    footnotes.append_child("w:footnote").append_attribute("w:id") = -1;
    footnotes.append_child("w:footnote").append_attribute("w:id") = 0;
    pugi::xml_node compatibility = root.append_child("w:compat").append_child("w:compatSetting");
    compatibility.append_attribute("w:name") = "compatibilityMode";
    compatibility.append_attribute("w:uri") = "http://schemas.microsoft.com/office/word";
    compatibility.append_attribute("w:val") = "15";
    pugi::xml_node theme = root.append_child("w:themeFontLang");
    theme.append_attribute("w:val") = rtl_ || chinese_ ? "en-GB" : language_tag(layout_.language).c_str();
    if (chinese_) theme.append_attribute("w:eastAsia") = "zh-CN";
    if (rtl_) theme.append_attribute("w:bidi") = language_tag(layout_.language).c_str();
    return serialize(part);
  }

  std::string content_types() const {
    pugi::xml_document part = new_part();
    pugi::xml_node root = part.append_child("Types");
    root.append_attribute("xmlns") = "http://schemas.openxmlformats.org/package/2006/content-types";
    auto by_extension = [&](const char* extension, const char* type) {
      pugi::xml_node node = root.append_child("Default");
      node.append_attribute("Extension") = extension;
      node.append_attribute("ContentType") = type;
    };
    by_extension("rels", "application/vnd.openxmlformats-package.relationships+xml");
    by_extension("xml", "application/xml");
    auto by_part = [&](const char* name, const std::string& type) {
      pugi::xml_node node = root.append_child("Override");
      node.append_attribute("PartName") = name;
      node.append_attribute("ContentType") = type.c_str();
    };
    const std::string main = kMainContentType;
    by_part("/word/document.xml", main + "document.main+xml");
    by_part("/word/styles.xml", main + "styles+xml");
    by_part("/word/settings.xml", main + "settings+xml");
    by_part("/word/footnotes.xml", main + "footnotes+xml");
    by_part("/word/footer1.xml", main + "footer+xml");
    by_part("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
    return serialize(part);
  }

  std::string core_properties() const {
    pugi::xml_document part = new_part();
    pugi::xml_node root = part.append_child("cp:coreProperties");
    root.append_attribute("xmlns:cp") = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
    root.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
    root.append_attribute("xmlns:dcterms") = "http://purl.org/dc/terms/";
    root.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
    root.append_child("dc:title").text() = xml_text(layout_.title).c_str();
    root.append_child("dc:subject").text() = xml_text(layout_.body).c_str();
    root.append_child("dc:identifier").text() = xml_text(layout_.symbol).c_str();
    root.append_child("dc:language").text() = language_tag(layout_.language).c_str();
    return serialize(part);
  }

  const AgendaLayout& layout_;
  const bool rtl_;
  const bool chinese_;
  pugi::xml_document document_;
  pugi::xml_document footnotes_;
  pugi::xml_node body_;
  pugi::xml_node notes_;
  std::vector<Relationship> document_links_;
  std::vector<Relationship> footnote_links_;
  bool in_footnote_ = false;
  int next_footnote_id_ = 1;
  int next_automatic_number_ = 1;
};

// A zip archive built in memory.
class ZipArchive {
 public:
  ZipArchive() {
    zip_error_init(&error_);
    source_ = zip_source_buffer_create(nullptr, 0, 0, &error_);
    if (!source_) fail("zip_source_buffer_create");
    archive_ = zip_open_from_source(source_, ZIP_TRUNCATE, &error_);
    if (!archive_) {
      zip_source_free(source_);
      source_ = nullptr;
      fail("zip_open_from_source");
    }
    zip_source_keep(source_);  // read back after zip_close
  }

  ~ZipArchive() {
    if (archive_) zip_discard(archive_);
    if (source_) zip_source_free(source_);
    zip_error_fini(&error_);
  }

  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  void add(const std::string& name, std::string content) {
    const std::string& data = contents_.emplace_back(std::move(content));  // libzip reads it at zip_close
    zip_source_t* source = zip_source_buffer(archive_, data.data(), data.size(), 0);
    if (!source) fail("zip_source_buffer", zip_get_error(archive_));
    const zip_int64_t index = zip_file_add(archive_, name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(source);
      fail("zip_file_add", zip_get_error(archive_));
    }
    // A fixed date, so that the same layout gives the same bytes. DOS times
    // are local: mktime and libzip's localtime cancel out.
    std::tm fixed{};
    fixed.tm_year = 100;
    fixed.tm_mday = 1;
    fixed.tm_isdst = -1;
    zip_file_set_mtime(archive_, static_cast<zip_uint64_t>(index), std::mktime(&fixed), 0);
  }

  std::string finish() {
    if (zip_close(archive_) < 0) fail("zip_close", zip_get_error(archive_));
    archive_ = nullptr;
    if (zip_source_open(source_) < 0) fail("zip_source_open", zip_source_error(source_));
    zip_source_seek(source_, 0, SEEK_END);
    const zip_int64_t size = zip_source_tell(source_);
    zip_source_seek(source_, 0, SEEK_SET);
    std::string bytes(static_cast<size_t>(std::max<zip_int64_t>(size, 0)), '\0');
    const zip_int64_t read = zip_source_read(source_, bytes.data(), bytes.size());
    zip_source_close(source_);
    if (size < 0 || read != size) fail("zip_source_read", zip_source_error(source_));
    return bytes;
  }

 private:
  [[noreturn]] void fail(const char* what, zip_error_t* error = nullptr) {
    throw std::runtime_error(std::string("libzip: ") + what + ": " + zip_error_strerror(error ? error : &error_));
  }

  zip_error_t error_;
  zip_source_t* source_ = nullptr;
  zip_t* archive_ = nullptr;
  std::deque<std::string> contents_;
};

}  // namespace

std::string render_docx(const AgendaLayout& layout) {
  ZipArchive archive;
  for (auto& [name, content] : DocxWriter(layout).parts()) archive.add(name, std::move(content));
  return archive.finish();
}

}  // namespace plenary
