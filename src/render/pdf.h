// The agenda as an A4 PDF, drawn with Cairo and shaped with Pango
// (HarfBuzz): Arabic joins and runs right to left, Chinese breaks lines
// where Chinese may break, and the text stays extractable.
#pragma once

#include <string>

#include "render/layout.h"

namespace plenary {

// The PDF file's bytes. Throws std::runtime_error if Cairo fails.
std::string render_pdf(const AgendaLayout& layout);

}  // namespace plenary
