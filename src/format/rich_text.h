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

// Footnote and decision ids must be such as is_mark_id (model/meeting.h) accepts.

// Parses `markdown` into paragraphs; what it cannot represent is reported.
RichText parse_rich_text(std::string_view markdown, std::vector<RichTextProblem>& problems);

// Writes `text` as Markdown that parse_rich_text reads back as the same
// RichText: paragraphs separated by a blank line, *emphasis*, **strong**,
// [links](url), [^id], {{decision:id}}, {{opening}}, and a line break as a
// backslash at the end of the line. Text is escaped wherever Markdown would
// take it for markup.
//
// Marks have no escape, so text holding "{{" or "[^" (adjacent text inlines
// count as one) reads back as a mark or a problem, and so does text ending
// in '{' before a {{...}} mark. What parse_rich_text never produces need not
// come back either: empty paragraphs, a line break that ends a paragraph,
// emphasis whose content starts or ends with a space. Where the
// '*' of touching or nested emphasis and strong would merge, '_' is used,
// which cannot open or close inside a word: "*a*_b_c" comes back as
// emphasis then text; three or more touching runs may come back nested
// differently. Text that was `code` next to emphasis can keep it from
// opening or closing ("a*(`b`)*c").
std::string write_rich_text(const RichText& text);

}  // namespace plenary
