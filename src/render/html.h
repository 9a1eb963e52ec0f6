// The agenda as a standalone, accessible HTML page with a print stylesheet.
#pragma once

#include <string>

#include "render/layout.h"

namespace plenary {

std::string render_html(const AgendaLayout& layout);

}  // namespace plenary
