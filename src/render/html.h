// The agenda as a standalone, accessible HTML page with a print stylesheet.
#pragma once

#include <string>
#include <string_view>

#include "render/layout.h"

namespace plenary {

std::string render_html(const AgendaLayout& layout);

// & < > " ' as character references: safe in element content and in quoted
// attribute values. Other bytes pass through as they are.
std::string escape_markup(std::string_view text);

// How the agenda's body is written when another page (the web application's
// meeting page) puts it under its own headings. The defaults give what
// render_html puts in its <main>.
struct HtmlBodyOptions {
  int heading_offset = 0;      // added to every heading level (capped at h6)
  bool meeting_block = true;   // the body's name, the venue and the dates
  bool annex = true;           // the organization of work as one table
  bool xhtml = false;          // void elements closed ("<br/>") so that XML parsers read the page
};

// The agenda's content as render_html's <main> holds it: the meeting block,
// the title, the list of items, the annotations, the footnotes (ids "fn1",
// "fn2", ...) and the annex, each as the options say.
std::string render_html_body(const AgendaLayout& layout, const HtmlBodyOptions& options = {});

}  // namespace plenary
