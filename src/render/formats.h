// The output formats, as a table: the name given to `--to` and to the web
// API, how the file name ends, the media type and the writer. Adding a
// format is adding a row in formats.cc.
#pragma once

#include <span>
#include <string>

#include "model/meeting.h"
#include "render/layout.h"

namespace plenary {

struct OutputFormat {
  const char* name;        // "pdf", "akn"
  const char* suffix;      // "pdf", "akn.xml"
  const char* media_type;  // "application/pdf"
  std::string (*render)(const Meeting&, const AgendaLayout&);
  bool threads = true;     // may render on several threads at once
};

std::span<const OutputFormat> output_formats();

// The format named `name` or with file suffix `name`, or nullptr.
const OutputFormat* find_output_format(const std::string& name);

// "pdf, docx, html, md, akn, ics"
std::string output_format_names();

// "CTOC/COP/WG.7/2022/1" -> "CTOC_COP_WG.7_2022_1", safe as a file name and
// in a URL.
std::string file_stem(const std::string& symbol);

}  // namespace plenary
