// The agenda as Markdown (CommonMark with GFM tables and footnotes).
#pragma once

#include <string>

#include "render/layout.h"

namespace plenary {

std::string render_markdown(const AgendaLayout& layout);

}  // namespace plenary
