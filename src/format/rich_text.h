// Annotation and footnote text: a small Markdown subset (paragraphs,
// *emphasis*, **strong**, [links](https://...)) plus three plenary marks:
// [^id] calls a footnote, {{decision:id}} cites a decision, {{opening}} gives
// the date and time the meeting opens.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/meeting.h"

namespace plenary {

struct RichTextProblem {
  size_t line = 1;  // 1-based, within the text
  std::string message;
};

// Whether `id` can be called by a mark: letters, digits, '-' or '_', at most
// 64 characters. Footnote and decision ids must be such ids.
bool is_mark_id(std::string_view id);

// Parses `markdown` into paragraphs; what it cannot represent is reported.
RichText parse_rich_text(std::string_view markdown, std::vector<RichTextProblem>& problems);

}  // namespace plenary
