#include "render/html.h"

#include <fmt/format.h>

#include <algorithm>

namespace plenary {

std::string escape_markup(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

std::string escape(const std::string& text) { return escape_markup(text); }

// Only web and mail links are written as links; anything else (javascript:,
// data:) stays plain text.
bool is_safe_url(const std::string& url) {
  return url.starts_with("https://") || url.starts_with("http://") || url.starts_with("mailto:") ||
         url.starts_with("#");
}

// A heading level moved down by the page's own headings; HTML has six.
int heading(int level, const HtmlBodyOptions& options) { return std::min(level + options.heading_offset, 6); }

void write_inlines(const std::vector<Inline>& inlines, const HtmlBodyOptions& options, std::string& out) {
  for (const Inline& in : inlines) {
    switch (in.kind) {
      case InlineKind::text: out += escape(in.text); break;
      case InlineKind::emphasis: out += "<em>"; write_inlines(in.children, options, out); out += "</em>"; break;
      case InlineKind::strong: out += "<strong>"; write_inlines(in.children, options, out); out += "</strong>"; break;
      case InlineKind::link:
        if (is_safe_url(in.target)) {
          out += "<a href=\"" + escape(in.target) + "\">";
          write_inlines(in.children, options, out);
          out += "</a>";
        } else {
          write_inlines(in.children, options, out);
        }
        break;
      case InlineKind::footnote_ref:
        out += fmt::format("<sup class=\"fnref\"><a href=\"#fn{0}\" role=\"doc-noteref\" aria-label=\"note {0}\">{0}</a></sup>",
                           escape(in.target));
        break;
      case InlineKind::line_break: out += options.xhtml ? "<br/>" : "<br>"; break;
      default: break;  // resolved by the layout
    }
  }
}

void write_paragraphs(const RichText& text, const HtmlBodyOptions& options, std::string& out) {
  for (const Paragraph& paragraph : text) {
    out += "<p>";
    write_inlines(paragraph.content, options, out);
    out += "</p>\n";
  }
}

void write_annotation(const LaidOutItem& item, const AgendaLayout& layout, int level, const HtmlBodyOptions& options,
                      std::string& out) {
  out += fmt::format("<section class=\"item\">\n<h{0}><span class=\"label\">{1}</span> {2}</h{0}>\n",
                     heading(level, options), escape(item.label), escape(item.title));
  write_paragraphs(item.annotation, options, out);
  if (!item.documents.empty()) {
    out += fmt::format("<h{0} class=\"documentation\">{1}</h{0}>\n<ul class=\"documents\">\n", heading(level + 1, options),
                       escape(layout.documentation_heading));
    for (const LaidOutDocument& document : item.documents) {
      out += "<li>" + escape(document.before) + "<span class=\"symbol\">" + escape(document.symbol) + "</span>" +
             escape(document.after) + "</li>\n";
    }
    out += "</ul>\n";
  }
  if (item.no_documents) out += "<p class=\"no-documents\">" + escape(layout.no_documents) + "</p>\n";
  for (const LaidOutItem& sub : item.subitems) write_annotation(sub, layout, level + 1, options, out);
  out += "</section>\n";
}

constexpr const char* kStyle = R"(
:root { --ink: #1a1a1a; --rule: #999; --muted: #555; }
body { font-family: "Noto Serif", "Times New Roman", serif; color: var(--ink); max-width: 46rem;
       margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
:lang(ar) body, body:lang(ar) { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", serif; }
:lang(zh) body, body:lang(zh) { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; line-break: strict; }
header.masthead { display: grid; grid-template-columns: 1fr auto; gap: .25rem 1rem; border-bottom: 2px solid var(--ink);
                  padding-bottom: .5rem; }
.un { font-weight: bold; }
.symbol-block { text-align: end; font-size: 1.2rem; font-weight: bold; }
.parent { grid-column: 1; font-weight: bold; }
.distribution { grid-column: 2; text-align: start; font-size: .9rem; }
.distribution p[dir="auto"] { unicode-bidi: plaintext; text-align: start; }
.distribution p { margin: 0; }
.meeting { margin-top: 1.5rem; }
.meeting .body { font-weight: bold; margin: 0; }
.meeting .venue { margin: 0; }
h1 { font-size: 1.5rem; margin-top: 1.5rem; }
h2 { font-size: 1.2rem; }
h3, h4, h5 { font-size: 1rem; }
ol.agenda, ol.agenda ol { list-style: none; padding-inline-start: 0; }
ol.agenda li { padding-inline-start: 2.5rem; text-indent: -2.5rem; }
ol.agenda .label { display: inline-block; min-width: 2.5rem; text-indent: 0; }
.documents { list-style: none; padding-inline-start: 0; }
.symbol { white-space: nowrap; }
table.organization { border-collapse: collapse; width: 100%; }
table.organization th, table.organization td { text-align: start; vertical-align: top; padding: .25rem .5rem; }
table.organization thead th { font-style: italic; font-weight: normal; border-bottom: 1px solid var(--rule); }
table.organization th.day { font-weight: bold; padding-top: .75rem; }
.continued { font-style: italic; }
.annex-note { border-top: 1px solid var(--rule); padding-top: .5rem; font-size: .9rem; }
.footnotes { border-top: 1px solid var(--rule); margin-top: 2rem; font-size: .9rem; }
.footnotes ol { padding-inline-start: 1.5rem; }
sup.fnref a { text-decoration: none; }
@media print {
  @page { size: A4; margin: 2cm 2cm 2.5cm; }
  body { max-width: none; margin: 0; font-size: 10pt; }
  a { color: inherit; text-decoration: none; }
  .annex { break-before: page; }
  table.organization thead { display: table-header-group; }
  table.organization tr { break-inside: avoid; }
  h1, h2, h3, h4, h5 { break-after: avoid; }
}
)";

void write_footnotes(const AgendaLayout& layout, const HtmlBodyOptions& options, std::string& out) {
  if (layout.footnotes.empty()) return;
  out += "<section class=\"footnotes\" role=\"doc-endnotes\" aria-label=\"notes\">\n<ol>\n";
  for (const NumberedFootnote& footnote : layout.footnotes) {
    out += fmt::format("<li id=\"fn{0}\" value=\"{0}\">", footnote.number);
    for (const Paragraph& paragraph : footnote.text) write_inlines(paragraph.content, options, out);
    out += "</li>\n";
  }
  out += "</ol>\n</section>\n";
}

void write_annex(const AgendaLayout& layout, const HtmlBodyOptions& options, std::string& out) {
  if (layout.days.empty()) return;
  out += fmt::format("<section class=\"annex\">\n<h{0}>{1}</h{0}>\n", heading(1, options), escape(layout.annex_heading));
  out += fmt::format("<table class=\"organization\">\n<caption><h{}>", heading(2, options)) + escape(layout.annex_title);
  if (layout.annex_footnote)
    write_inlines({Inline{InlineKind::footnote_ref, "", std::to_string(layout.annex_footnote), {}}}, options, out);
  out += fmt::format("</h{}></caption>\n<thead><tr>", heading(2, options));
  for (const std::string& column : layout.annex_columns) out += "<th scope=\"col\">" + escape(column) + "</th>";
  out += "</tr></thead>\n";
  for (const LaidOutDay& day : layout.days) {
    out += fmt::format("<tbody>\n<tr><th class=\"day\" scope=\"rowgroup\" colspan=\"3\">{}</th></tr>\n",
                       escape(day.heading));
    for (const LaidOutSlot& slot : day.slots) {
      for (size_t r = 0; r < slot.rows.size(); ++r) {
        const LaidOutRow& row = slot.rows[r];
        out += "<tr>";
        if (r == 0)
          out += fmt::format("<th scope=\"row\" rowspan=\"{}\">{}</th>", slot.rows.size(), escape(slot.time));
        out += "<td>" + escape(row.item) + "</td><td>" + escape(row.title);
        if (row.continued) out += " <span class=\"continued\">" + escape(layout.continued) + "</span>";
        out += "</td></tr>\n";
      }
      if (slot.rows.empty()) out += fmt::format("<tr><th scope=\"row\">{}</th><td></td><td></td></tr>\n", escape(slot.time));
    }
    out += "</tbody>\n";
  }
  out += "</table>\n";
  // As in the issued documents, the annex repeats the note its title calls.
  for (const NumberedFootnote& footnote : layout.footnotes) {
    if (footnote.number != layout.annex_footnote) continue;
    out += fmt::format("<p class=\"annex-note\"><sup>{}</sup> ", footnote.number);
    for (const Paragraph& paragraph : footnote.text) write_inlines(paragraph.content, options, out);
    out += "</p>\n";
  }
  out += "</section>\n";
}

}  // namespace

std::string render_html_body(const AgendaLayout& layout, const HtmlBodyOptions& options) {
  std::string out;
  if (options.meeting_block)
    out += fmt::format("<div class=\"meeting\"><p class=\"body\">{}</p><p class=\"venue\">{}</p></div>\n",
                       escape(layout.body), escape(layout.venue_and_dates));
  out += fmt::format("<h{0}>{1}</h{0}>\n<section class=\"agenda\">\n<h{2}>{3}</h{2}>\n<ol class=\"agenda\">\n",
                     heading(1, options), escape(layout.title), heading(2, options), escape(layout.agenda_heading));
  for (const LaidOutItem& item : layout.items) {
    out += fmt::format("<li><span class=\"label\">{}</span>{}", escape(item.label), escape(item.list_entry));
    if (!item.subitems.empty()) {
      out += "\n<ol>\n";
      for (const LaidOutItem& sub : item.subitems)
        out += fmt::format("<li><span class=\"label\">{}</span>{}</li>\n", escape(sub.label), escape(sub.list_entry));
      out += "</ol>\n";
    }
    out += "</li>\n";
  }
  out += fmt::format("</ol>\n</section>\n<section class=\"annotations\">\n<h{0}>{1}</h{0}>\n", heading(2, options),
                     escape(layout.annotations_heading));
  for (const LaidOutItem& item : layout.items) write_annotation(item, layout, 3, options, out);
  out += "</section>\n";
  write_footnotes(layout, options, out);
  if (options.annex) write_annex(layout, options, out);
  return out;
}

std::string render_html(const AgendaLayout& layout) {
  std::string out;
  out += fmt::format("<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
                     escape(layout.language), layout.right_to_left ? "rtl" : "ltr");
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format("<title>{} — {}</title>\n", escape(layout.symbol), escape(layout.title));
  out += fmt::format("<style>{}</style>\n</head>\n<body>\n", kStyle);
  out += "<header class=\"masthead\">\n";
  out += fmt::format("<div class=\"un\">{}</div>\n<div class=\"symbol-block\" dir=\"ltr\">{}</div>\n", escape(layout.united_nations),
                     escape(layout.symbol));
  out += fmt::format("<div class=\"parent\">{}</div>\n", escape(layout.parent_body));
  out += fmt::format("<div class=\"distribution\"><p dir=\"auto\">{}</p><p dir=\"auto\">{}</p><p dir=\"auto\">{}</p><p dir=\"auto\">{}</p></div>\n",
                     escape(layout.distribution), escape(layout.issued), escape(layout.document_language),
                     escape(layout.original));
  out += "</header>\n<main>\n";
  out += render_html_body(layout);
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace plenary
