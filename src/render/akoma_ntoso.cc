#include "render/akoma_ntoso.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <sstream>
#include <vector>

#include <pugixml.hpp>

#include "symbol/symbol.h"

namespace plenary {

namespace {

constexpr const char* kAknNamespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
// The schema has no dir attribute, but its elements accept attributes of
// other namespaces: W3C ITS 2.0 its:dir is the XML way to say "rtl".
constexpr const char* kItsNamespace = "http://www.w3.org/2005/11/its";

bool is_ascii_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

std::string lowercase(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// XML 1.0 cannot carry C0 controls other than tab and newlines, not even as
// character references, so they are dropped.
std::string xml_text(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += c;
  }
  return out;
}

// The symbol as an IRI segment: '/' as '-' (AKN4UN, "Numbers and invalid
// characters in IRI"). A symbol that does not parse is still made safe.
std::string iri_number(const std::string& symbol_text) {
  if (const symbol::ParseResult parsed = symbol::parse(symbol_text)) return symbol::akoma_ntoso_form(*parsed.symbol);
  std::string out;
  for (char c : symbol_text) {
    if (c == '/') out += '-';
    else if (c == ' ') out += '_';
    else if (is_ascii_alnum(c) || c == '.' || c == '-' || c == '_') out += c;
  }
  return out.empty() ? "agenda" : out;
}

// AKN4UN {actor}: "{organization-body-sub-body} separated by a dash", in lower
// case, as "un-ga" or "un-ga-gc". The principal organs go by those short names.
std::string actor_of(const std::vector<std::string>& components) {
  std::string actor = "un";
  for (size_t i = 0; i < components.size(); ++i) {
    std::string part;
    for (char c : lowercase(components[i])) part += is_ascii_alnum(c) || c == '.' ? c : '_';
    if (i == 0 && part == "a") part = "ga";
    if (i == 0 && part == "s") part = "sc";
    if (i == 0 && part == "e") part = "ecosoc";
    if (!part.empty()) actor += "-" + part;
  }
  return actor;
}

std::vector<std::string> split_slashes(const std::string& text) {
  std::vector<std::string> out;
  std::string part;
  for (char c : text + "/") {
    if (c != '/') {
      part += c;
    } else if (!part.empty()) {
      out.push_back(part);
      part.clear();
    }
  }
  return out;
}

// The series and bodies that issue a document: "CTOC", "COP", "WG.7" of
// "CTOC/COP/WG.7/2022/2". Empty when the symbol does not parse.
std::vector<std::string> issuing_components(const std::string& symbol_text) {
  std::vector<std::string> out;
  const symbol::ParseResult parsed = symbol::parse(symbol_text);
  if (!parsed) return out;
  for (const symbol::Component& component : parsed.symbol->components) {
    if (component.kind != symbol::ComponentKind::series && component.kind != symbol::ComponentKind::body) break;
    out.push_back(component.text);
  }
  return out;
}

std::string meeting_actor(const Meeting& meeting) {
  std::vector<std::string> components = split_slashes(meeting.body.short_name);
  if (components.empty()) components = issuing_components(meeting.document.symbol);
  return actor_of(components);
}

// "vienna" for an ontology IRI and an eId: ASCII letters and digits, '-' between.
std::string slug(const std::string& text) {
  std::string out;
  for (char c : lowercase(text)) {
    if (is_ascii_alnum(c)) out += c;
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

// Only web and mail links are written as links, as in the HTML output.
bool is_safe_url(const std::string& url) {
  return url.starts_with("https://") || url.starts_with("http://") || url.starts_with("mailto:") ||
         url.starts_with("#");
}

class AknWriter {
 public:
  AknWriter(const Meeting& meeting, const AgendaLayout& layout)
      : meeting_(meeting), layout_(layout), iris_(akoma_ntoso_iris(meeting, layout.language)),
        issued_(to_iso(meeting.document.issued)) {
    for (const NumberedFootnote& footnote : layout.footnotes) footnotes_[std::to_string(footnote.number)] = &footnote;
  }

  std::string write() {
    pugi::xml_node declaration = doc_.append_child(pugi::node_declaration);
    declaration.append_attribute("version") = "1.0";
    declaration.append_attribute("encoding") = "UTF-8";
    pugi::xml_node root = doc_.append_child("akomaNtoso");
    root.append_attribute("xmlns") = kAknNamespace;
    if (layout_.right_to_left) root.append_attribute("xmlns:its") = kItsNamespace;

    // AKN4UN's Meeting Agenda: a debateReport named "agenda" (the issue's
    // spec; AKN4UN would also allow the subclass "agendaAnnotated" here, which
    // FRBRsubtype does not carry).
    pugi::xml_node report = root.append_child("debateReport");
    report.append_attribute("name") = "agenda";
    pugi::xml_node meta = report.append_child("meta");
    write_identification(meta, "main");
    write_references(meta);
    write_cover_page(report.append_child("coverPage"));
    write_preface(report.append_child("preface"));
    write_main_body(report.append_child("mainBody"));
    if (!layout_.days.empty()) write_annex(report.append_child("attachments"));

    keep_inline(root);
    std::ostringstream out;
    doc_.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
    return out.str();
  }

 private:
  // pugixml indents an element's children unless they start and end with
  // text; in mixed content that indentation would become part of the text.
  // Empty text nodes at both ends keep such elements on one line.
  static void keep_inline(pugi::xml_node node) {
    static const std::set<std::string> mixed{"p", "heading", "num", "i", "b", "a", "ref", "sup", "inline",
                                             "docNumber", "docTitle", "docDate", "docProponent", "docAuthority",
                                             "organization", "location", "authorialNote"};
    bool has_text = false;
    for (pugi::xml_node child : node.children()) has_text |= child.type() == pugi::node_pcdata;
    if ((has_text || mixed.count(node.name())) && node.first_child()) {
      if (node.first_child().type() != pugi::node_pcdata) node.prepend_child(pugi::node_pcdata);
      if (node.last_child().type() != pugi::node_pcdata) node.append_child(pugi::node_pcdata);
    }
    for (pugi::xml_node child : node.children())
      if (child.type() == pugi::node_element) keep_inline(child);
  }

  static void add_text(pugi::xml_node parent, const std::string& text) {
    if (!text.empty()) parent.append_child(pugi::node_pcdata).set_value(xml_text(text).c_str());
  }

  static pugi::xml_node text_element(pugi::xml_node parent, const char* name, const std::string& text) {
    pugi::xml_node node = parent.append_child(name);
    add_text(node, text);
    return node;
  }

  static pugi::xml_node with_id(pugi::xml_node parent, const char* name, const std::string& eid) {
    pugi::xml_node node = parent.append_child(name);
    node.append_attribute("eId") = eid.c_str();
    return node;
  }

  static pugi::xml_node value(pugi::xml_node parent, const char* name, const std::string& text) {
    pugi::xml_node node = parent.append_child(name);
    node.append_attribute("value") = text.c_str();
    return node;
  }

  // An eId not yet used in the document (for the references, whose names
  // come from the meeting file; the body's eIds are unique by construction).
  std::string claim(const std::string& wanted) {
    std::string eid = wanted;
    for (int n = 2; used_ids_.count(eid); ++n) eid = fmt::format("{}_{}", wanted, n);
    used_ids_.insert(eid);
    return eid;
  }

  void mark_language(pugi::xml_node node) const {
    node.append_attribute("xml:lang") = layout_.language.c_str();
    if (layout_.right_to_left) node.append_attribute("its:dir") = "rtl";
  }

  void write_frbr_common(pugi::xml_node node, const std::string& this_iri, const std::string& uri,
                         const std::string& author) const {
    value(node, "FRBRthis", this_iri);
    value(node, "FRBRuri", uri);
    pugi::xml_node date = node.append_child("FRBRdate");
    date.append_attribute("date") = issued_.c_str();
    date.append_attribute("name") = "issue";
    node.append_child("FRBRauthor").append_attribute("href") = ("#" + author).c_str();
  }

  // `component` is "main" for the agenda, "annex_1" for its annex (AKN4UN,
  // "Structural Components IRI").
  void write_identification(pugi::xml_node meta, const std::string& component) const {
    pugi::xml_node identification = meta.append_child("identification");
    identification.append_attribute("source") = "#plenary";

    pugi::xml_node work = identification.append_child("FRBRWork");
    write_frbr_common(work, iris_.work + "/!" + component, iris_.work, iris_.actor);
    value(work, "FRBRcountry", "un");
    value(work, "FRBRsubtype", "agenda");
    value(work, "FRBRnumber", iris_.number).append_attribute("showAs") = xml_text(meeting_.document.symbol).c_str();

    pugi::xml_node expression = identification.append_child("FRBRExpression");
    write_frbr_common(expression, iris_.expression + "/!" + component, iris_.expression, iris_.actor);
    // A language version points to the original, the master expression.
    const std::string& original = meeting_.document.original_language;
    if (!original.empty() && original != layout_.language) {
      pugi::xml_node master = expression.append_child("FRBRmasterExpression");
      master.append_attribute("href") =
          fmt::format("{}/{}@{}", iris_.work, akoma_ntoso_language(original), issued_).c_str();
      master.append_attribute("showAs") = xml_text(layout_.original).c_str();
    }
    expression.append_child("FRBRlanguage").append_attribute("language") =
        akoma_ntoso_language(layout_.language).c_str();

    pugi::xml_node manifestation = identification.append_child("FRBRManifestation");
    write_frbr_common(manifestation, iris_.expression + "/!" + component + ".xml", iris_.expression + "/.xml",
                      "plenary");
    value(manifestation, "FRBRformat", "xml");
  }

  void add_reference(pugi::xml_node references, const char* kind, const std::string& eid, const std::string& href,
                     const std::string& show_as) {
    pugi::xml_node node = references.append_child(kind);
    node.append_attribute("eId") = eid.c_str();
    node.append_attribute("href") = href.c_str();
    node.append_attribute("showAs") = xml_text(show_as).c_str();
  }

  void write_references(pugi::xml_node meta) {
    pugi::xml_node references = meta.append_child("references");
    references.append_attribute("source") = "#plenary";
    add_reference(references, "TLCOrganization", claim("un"), "/akn/ontology/organization/un/un",
                  layout_.united_nations);
    // The author: FRBRauthor points here, and the actor is this IRI's end.
    if (iris_.actor != "un") {
      body_id_ = claim(iris_.actor);
      add_reference(references, "TLCOrganization", body_id_, "/akn/ontology/organization/un/" + iris_.actor,
                    layout_.body);
    }
    if (const std::string* city = text_in(meeting_.city, layout_.language)) {
      const std::string* english = text_in(meeting_.city, "en");
      const std::string name = slug(english ? *english : *city);
      if (!name.empty()) {
        city_id_ = claim(name);
        city_ = *city;
        add_reference(references, "TLCLocation", city_id_, "/akn/ontology/location/" + name, *city);
      }
    }
    // The mark-up agent, named by identification/@source.
    add_reference(references, "TLCOrganization", claim("plenary"), "/akn/ontology/organization/plenary", "plenary");
  }

  // The masthead.
  void write_cover_page(pugi::xml_node cover) const {
    mark_language(cover);
    pugi::xml_node masthead = cover.append_child("container");
    masthead.append_attribute("name") = "masthead";
    pugi::xml_node un = text_element(masthead.append_child("p"), "organization", layout_.united_nations);
    un.append_attribute("refersTo") = "#un";
    text_element(masthead.append_child("p"), "docNumber", layout_.symbol);
    if (!layout_.parent_body.empty()) text_element(masthead.append_child("p"), "docAuthority", layout_.parent_body);
    text_element(masthead.append_child("p"), "inline", layout_.distribution).append_attribute("name") = "distribution";
    text_element(masthead.append_child("p"), "docDate", layout_.issued).append_attribute("date") = issued_.c_str();
    text_element(masthead.append_child("p"), "inline", layout_.document_language).append_attribute("name") =
        "documentLanguage";
    text_element(masthead.append_child("p"), "inline", layout_.original).append_attribute("name") = "originalLanguage";
  }

  // AKN4UN puts the body, the place and dates and the title in <preface>.
  void write_preface(pugi::xml_node preface) const {
    mark_language(preface);
    pugi::xml_node body = text_element(preface.append_child("p"), "docProponent", layout_.body);
    body.append_attribute("refersTo") = ("#" + (body_id_.empty() ? std::string("un") : body_id_)).c_str();

    // The city is marked where it stands in "Vienne, 27 et 28 juin 2022".
    pugi::xml_node venue = preface.append_child("p");
    const size_t at = city_.empty() ? std::string::npos : layout_.venue_and_dates.find(city_);
    if (at == std::string::npos) {
      add_text(venue, layout_.venue_and_dates);
    } else {
      add_text(venue, layout_.venue_and_dates.substr(0, at));
      text_element(venue, "location", city_).append_attribute("refersTo") = ("#" + city_id_).c_str();
      add_text(venue, layout_.venue_and_dates.substr(at + city_.size()));
    }
    text_element(preface.append_child("p"), "docTitle", layout_.title);
  }

  void write_main_body(pugi::xml_node body) {
    mark_language(body);
    pugi::xml_node agenda = with_id(body, "section", "sec_1");
    text_element(agenda, "heading", layout_.agenda_heading);
    pugi::xml_node list = agenda.append_child("content");
    if (!layout_.items.empty()) write_agenda_list(list, layout_.items, "sec_1__list_1", false);

    pugi::xml_node annotations = with_id(body, "section", "sec_2");
    text_element(annotations, "heading", layout_.annotations_heading);
    for (size_t i = 0; i < layout_.items.size(); ++i)
      write_annotation(annotations, layout_.items[i], fmt::format("sec_2__agendaItem_{}", i + 1));
  }

  // Numbers in eIds come from the position, as in every language: "1", "a".
  void write_agenda_list(pugi::xml_node parent, const std::vector<LaidOutItem>& items, const std::string& list_id,
                         bool sub) const {
    pugi::xml_node list = with_id(parent, "blockList", list_id);
    for (size_t i = 0; i < items.size(); ++i) {
      const std::string item_id =
          fmt::format("{}__item_{}", list_id, sub ? subitem_letter(static_cast<int>(i) + 1) : std::to_string(i + 1));
      pugi::xml_node item = with_id(list, "item", item_id);
      text_element(item, "num", items[i].label);
      text_element(item, "p", items[i].list_entry);
      if (!items[i].subitems.empty()) write_agenda_list(item, items[i].subitems, item_id + "__list_1", true);
    }
  }

  void write_annotation(pugi::xml_node parent, const LaidOutItem& item, const std::string& eid) {
    pugi::xml_node container = with_id(parent, "hcontainer", eid);
    container.append_attribute("name") = "agendaItem";
    text_element(container, "num", item.label);
    text_element(container, "heading", item.title);
    if (item.subitems.empty()) {
      write_item_blocks(container.append_child("content"), item, eid);
      return;
    }
    // An item with sub-items: its own text, if any, introduces them.
    if (!item.annotation.empty() || !item.documents.empty() || item.no_documents)
      write_item_blocks(container.append_child("intro"), item, eid);
    for (size_t i = 0; i < item.subitems.size(); ++i)
      write_annotation(container, item.subitems[i],
                       fmt::format("{}__agendaItem_{}", eid, subitem_letter(static_cast<int>(i) + 1)));
  }

  void write_item_blocks(pugi::xml_node parent, const LaidOutItem& item, const std::string& context) {
    for (const Paragraph& paragraph : item.annotation)
      write_inlines(parent.append_child("p"), paragraph.content, context);
    if (!item.documents.empty()) {
      pugi::xml_node documentation = parent.append_child("blockContainer");
      documentation.append_attribute("class") = "documentation";
      text_element(documentation, "heading", layout_.documentation_heading);
      const std::string list_id = context + "__list_1";
      pugi::xml_node list = with_id(documentation, "blockList", list_id);
      for (size_t i = 0; i < item.documents.size(); ++i)
        write_document(with_id(list, "item", fmt::format("{}__item_{}", list_id, i + 1)).append_child("p"),
                       item.documents[i]);
    }
    if (item.no_documents) {
      pugi::xml_node none = text_element(parent, "p", layout_.no_documents);
      none.append_attribute("class") = "noDocuments";
    }
  }

  // The symbol is a reference where it stands in the entry. Its type and date
  // are not known here, so the IRI names it by actor and number only.
  void write_document(pugi::xml_node p, const LaidOutDocument& document) const {
    std::vector<std::string> issuer = issuing_components(document.symbol);
    const std::string actor = issuer.empty() ? iris_.actor : actor_of(issuer);
    add_text(p, document.before);
    pugi::xml_node ref = text_element(p, "ref", document.symbol);
    ref.append_attribute("href") = fmt::format("/akn/un/doc/{}/{}", actor, iri_number(document.symbol)).c_str();
    add_text(p, document.after);
  }

  void write_inlines(pugi::xml_node parent, const std::vector<Inline>& inlines, const std::string& context) {
    for (const Inline& in : inlines) {
      switch (in.kind) {
        case InlineKind::text: add_text(parent, in.text); break;
        case InlineKind::emphasis: write_inlines(parent.append_child("i"), in.children, context); break;
        case InlineKind::strong: write_inlines(parent.append_child("b"), in.children, context); break;
        case InlineKind::link:
          if (is_safe_url(in.target)) {
            pugi::xml_node a = parent.append_child("a");
            a.append_attribute("href") = xml_text(in.target).c_str();
            write_inlines(a, in.children, context);
          } else {
            write_inlines(parent, in.children, context);
          }
          break;
        case InlineKind::footnote_ref: write_note(parent, in.target, context); break;
        case InlineKind::line_break: parent.append_child("eol"); break;
        default: break;  // resolved by the layout
      }
    }
  }

  // A footnote is an authorialNote where it is called (AKN: notes written by
  // the author belong in the text); a note called twice is written twice.
  void write_note(pugi::xml_node parent, const std::string& number, const std::string& context) {
    auto found = footnotes_.find(number);
    const bool open = std::find(open_notes_.begin(), open_notes_.end(), number) != open_notes_.end();
    if (found == footnotes_.end() || open) {
      text_element(parent, "sup", number);  // a note that calls itself is not expanded again
      return;
    }
    const std::string eid = fmt::format("{}__authorialNote_{}", context, ++note_counts_[context]);
    pugi::xml_node note = with_id(parent, "authorialNote", eid);
    note.append_attribute("marker") = number.c_str();
    note.append_attribute("placement") = "bottom";
    open_notes_.push_back(number);
    const RichText& text = found->second->text;
    for (size_t i = 0; i < text.size(); ++i)
      write_inlines(with_id(note, "p", fmt::format("{}__p_{}", eid, i + 1)), text[i].content, eid);
    if (text.empty()) with_id(note, "p", eid + "__p_1");
    open_notes_.pop_back();
  }

  static void cell(pugi::xml_node row, const char* kind, const std::string& text) {
    text_element(row.append_child(kind), "p", text);
  }

  // The organization of work, as an attachment: a component document with its
  // own identification, holding the table.
  void write_annex(pugi::xml_node attachments) {
    const std::string eid = "att_1";
    pugi::xml_node attachment = with_id(attachments, "attachment", eid);
    mark_language(attachment);
    text_element(attachment, "num", layout_.annex_heading);
    pugi::xml_node heading = text_element(attachment, "heading", layout_.annex_title);
    if (layout_.annex_footnote) write_note(heading, std::to_string(layout_.annex_footnote), eid);

    pugi::xml_node annex = attachment.append_child("doc");
    annex.append_attribute("name") = "annex";
    write_identification(annex.append_child("meta"), "annex_1");
    pugi::xml_node table = with_id(annex.append_child("mainBody"), "table", eid + "__table_1");
    pugi::xml_node header = table.append_child("tr");
    for (const std::string& column : layout_.annex_columns) cell(header, "th", column);
    const int columns = static_cast<int>(std::max<size_t>(layout_.annex_columns.size(), 1));
    for (const LaidOutDay& day : layout_.days) {
      pugi::xml_node day_row = table.append_child("tr");
      cell(day_row, "th", day.heading);
      day_row.last_child().append_attribute("colspan") = columns;
      for (const LaidOutSlot& slot : day.slots) {
        if (slot.rows.empty()) {
          pugi::xml_node row = table.append_child("tr");
          cell(row, "th", slot.time);
          row.append_child("td");
          row.append_child("td");
        }
        for (size_t r = 0; r < slot.rows.size(); ++r) {
          const LaidOutRow& entry = slot.rows[r];
          pugi::xml_node row = table.append_child("tr");
          if (r == 0) {
            cell(row, "th", slot.time);
            if (slot.rows.size() > 1) row.last_child().append_attribute("rowspan") = static_cast<int>(slot.rows.size());
          }
          cell(row, "td", entry.item);
          pugi::xml_node title = text_element(row.append_child("td"), "p", entry.title);
          if (entry.continued) {
            add_text(title, " ");
            text_element(title, "inline", layout_.continued).append_attribute("name") = "continued";
          }
        }
      }
    }
  }

  const Meeting& meeting_;
  const AgendaLayout& layout_;
  const AkomaNtosoIris iris_;
  const std::string issued_;
  pugi::xml_document doc_;
  std::map<std::string, const NumberedFootnote*> footnotes_;
  std::vector<std::string> open_notes_;
  std::map<std::string, int> note_counts_;
  std::set<std::string> used_ids_;
  std::string body_id_;
  std::string city_id_;
  std::string city_;
};

}  // namespace

std::string akoma_ntoso_language(const std::string& iso639_1) {
  static const std::map<std::string, std::string> codes{{"ar", "ara"}, {"zh", "zho"}, {"en", "eng"},
                                                        {"fr", "fra"}, {"ru", "rus"}, {"es", "spa"}};
  auto it = codes.find(iso639_1);
  return it == codes.end() ? iso639_1 : it->second;
}

AkomaNtosoIris akoma_ntoso_iris(const Meeting& meeting, const std::string& language) {
  AkomaNtosoIris iris;
  iris.actor = meeting_actor(meeting);
  iris.number = iri_number(meeting.document.symbol);
  const std::string issued = to_iso(meeting.document.issued);
  iris.work = fmt::format("/akn/un/debateReport/agenda/{}/{}/{}", iris.actor, issued, iris.number);
  iris.expression = fmt::format("{}/{}@{}", iris.work, akoma_ntoso_language(language), issued);
  iris.manifestation = iris.expression + "/!main.xml";
  return iris;
}

std::string render_akoma_ntoso(const Meeting& meeting, const AgendaLayout& layout) {
  return AknWriter(meeting, layout).write();
}

}  // namespace plenary
