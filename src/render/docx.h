// The agenda as a Word document (Office Open XML, .docx) for editors who
// work in Word or LibreOffice: real styles (Title, Heading 1-3, Normal, the
// agenda list, footnote text and reference, the annex table), real Word
// footnotes, an A4 page with page numbers, and each language's direction,
// language tags and fonts. The XML is built with pugixml and zipped with
// libzip in memory.
#pragma once

#include <string>

#include "render/layout.h"

namespace plenary {

// The .docx file's bytes. The agenda list is a hanging-indent paragraph
// style with the layout's label and a tab (not Word numbering), so that the
// labels are exactly the layout's in every language. The output depends only
// on the layout: rendering twice gives the same bytes. Throws
// std::runtime_error if libzip fails.
std::string render_docx(const AgendaLayout& layout);

}  // namespace plenary
