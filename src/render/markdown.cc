#include "render/markdown.h"

#include <fmt/format.h>

namespace plenary {

namespace {

// Escapes characters that Markdown would read as markup.
std::string escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\\' || c == '*' || c == '_' || c == '[' || c == ']' || c == '<' || c == '>' || c == '`' || c == '|' ||
        c == '#')
      out += '\\';
    out += c;
  }
  return out;
}

void write_inlines(const std::vector<Inline>& inlines, std::string& out) {
  for (const Inline& in : inlines) {
    switch (in.kind) {
      case InlineKind::text: out += escape(in.text); break;
      case InlineKind::emphasis: out += '*'; write_inlines(in.children, out); out += '*'; break;
      case InlineKind::strong: out += "**"; write_inlines(in.children, out); out += "**"; break;
      case InlineKind::link:
        out += '[';
        write_inlines(in.children, out);
        out += "](<" + in.target + ">)";
        break;
      case InlineKind::footnote_ref: out += "[^" + in.target + "]"; break;
      case InlineKind::line_break: out += "\\\n"; break;
      default: break;  // resolved by the layout
    }
  }
}

void write_paragraphs(const RichText& text, std::string& out) {
  for (const Paragraph& paragraph : text) {
    write_inlines(paragraph.content, out);
    out += "\n\n";
  }
}

void write_annotation(const LaidOutItem& item, const AgendaLayout& layout, const std::string& level, std::string& out) {
  out += fmt::format("{} {} {}\n\n", level, escape(item.label), escape(item.title));
  write_paragraphs(item.annotation, out);
  if (!item.documents.empty()) {
    out += fmt::format("{}# {}\n\n", level, escape(layout.documentation_heading));
    for (const LaidOutDocument& document : item.documents) out += escape(document.entry()) + "\n\n";
  }
  if (item.no_documents) out += escape(layout.no_documents) + "\n\n";
  for (const LaidOutItem& sub : item.subitems) write_annotation(sub, layout, level + "#", out);
}

std::string cell(const std::string& text) { return escape(text); }

}  // namespace

std::string render_markdown(const AgendaLayout& layout) {
  std::string out;
  out += fmt::format("{} — {}\n\n", escape(layout.united_nations), escape(layout.symbol));
  if (!layout.parent_body.empty()) out += fmt::format("**{}**\n\n", escape(layout.parent_body));
  out += fmt::format("{}  \n{}  \n{}  \n{}\n\n", escape(layout.distribution), escape(layout.issued),
                     escape(layout.document_language), escape(layout.original));
  out += fmt::format("**{}**\n\n{}\n\n", escape(layout.body), escape(layout.venue_and_dates));
  out += fmt::format("# {}\n\n## {}\n\n", escape(layout.title), escape(layout.agenda_heading));
  for (const LaidOutItem& item : layout.items) {
    out += fmt::format("{} {}\n", escape(item.label), escape(item.list_entry));
    for (const LaidOutItem& sub : item.subitems)
      out += fmt::format("    - {} {}\n", escape(sub.label), escape(sub.list_entry));
  }
  out += fmt::format("\n## {}\n\n", escape(layout.annotations_heading));
  for (const LaidOutItem& item : layout.items) write_annotation(item, layout, "###", out);

  if (!layout.days.empty()) {
    out += fmt::format("# {}\n\n## {}", escape(layout.annex_heading), escape(layout.annex_title));
    if (layout.annex_footnote) out += fmt::format("[^{}]", layout.annex_footnote);
    out += "\n\n";
    out += fmt::format("| *{}* | *{}* | *{}* |\n|---|---|---|\n", cell(layout.annex_columns[0]),
                       cell(layout.annex_columns[1]), cell(layout.annex_columns[2]));
    for (const LaidOutDay& day : layout.days) {
      out += fmt::format("| **{}** | | |\n", cell(day.heading));
      for (const LaidOutSlot& slot : day.slots) {
        bool first = true;
        for (const LaidOutRow& row : slot.rows) {
          std::string title = cell(row.title);
          if (row.continued) title += fmt::format(" *{}*", cell(layout.continued));
          out += fmt::format("| {} | {} | {} |\n", first ? cell(slot.time) : "", cell(row.item), title);
          first = false;
        }
      }
    }
    out += "\n";
  }

  for (const NumberedFootnote& footnote : layout.footnotes) {
    std::string text;
    write_paragraphs(footnote.text, text);
    while (!text.empty() && text.back() == '\n') text.pop_back();
    out += fmt::format("[^{}]: {}\n", footnote.number, text);
  }
  return out;
}

}  // namespace plenary
