#include "render/formats.h"

#include <algorithm>

#include "text/utf8.h"

#include "render/akoma_ntoso.h"
#include "render/docx.h"
#include "render/html.h"
#include "render/ics.h"
#include "render/markdown.h"
#include "render/pdf.h"

namespace plenary {

namespace {

const OutputFormat kOutputFormats[] = {
    {"pdf", "pdf", "application/pdf", [](const Meeting&, const AgendaLayout& layout) { return render_pdf(layout); }},
    {"docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
     [](const Meeting&, const AgendaLayout& layout) { return render_docx(layout); }},
    {"html", "html", "text/html; charset=utf-8",
     [](const Meeting&, const AgendaLayout& layout) { return render_html(layout); }},
    {"md", "md", "text/markdown; charset=utf-8",
     [](const Meeting&, const AgendaLayout& layout) { return render_markdown(layout); }},
    {"akn", "akn.xml", "application/akn+xml", render_akoma_ntoso},
    // libical shares its time zone cache between threads. Dated as if
    // published on the date of issue: the server passes the real history.
    {"ics", "ics", "text/calendar; charset=utf-8",
     [](const Meeting& meeting, const AgendaLayout& layout) {
       return render_icalendar(meeting, layout, published_on_issue(meeting, layout));
     },
     false},
};

}  // namespace

std::span<const OutputFormat> output_formats() { return kOutputFormats; }

const OutputFormat* find_output_format(const std::string& name) {
  for (const OutputFormat& format : kOutputFormats)
    if (name == format.name || name == format.suffix) return &format;
  return nullptr;
}

std::string output_format_names() {
  std::string names;
  for (const OutputFormat& format : kOutputFormats) names += std::string(names.empty() ? "" : ", ") + format.name;
  return names;
}

std::string file_stem(const std::string& symbol) {
  std::string stem;
  for (size_t i = 0; i < symbol.size();) {
    const char c = symbol[i];
    const bool kept = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
    stem += kept ? c : '_';
    // One '_' for a whole character, and one for each byte of broken UTF-8.
    i += std::max<size_t>(utf8_sequence_length(symbol, i), 1);
  }
  return stem;
}

}  // namespace plenary
