#include "format/rich_text.h"

#include <cmark-gfm.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <memory>

namespace plenary {

namespace {

constexpr size_t kMaxId = kMaxMarkIdLength;

using NodePtr = std::unique_ptr<cmark_node, decltype(&cmark_node_free)>;

class Converter {
 public:
  explicit Converter(std::vector<RichTextProblem>& problems) : problems_(problems) {}

  RichText document(cmark_node* root) {
    RichText paragraphs;
    for (cmark_node* block = cmark_node_first_child(root); block; block = cmark_node_next(block)) {
      if (cmark_node_get_type(block) != CMARK_NODE_PARAGRAPH) {
        problem(block, fmt::format("only paragraphs are allowed here, found {}", describe(block)));
        continue;
      }
      Paragraph paragraph;
      paragraph.content = inlines(block);
      paragraphs.push_back(std::move(paragraph));
    }
    return paragraphs;
  }

 private:
  void problem(cmark_node* node, std::string message) { problem_at(cmark_node_get_start_line(node), std::move(message)); }

  // Reports once per line what is found there: "<b>x</b>" is one problem.
  void problem_at(int line, std::string message) {
    const size_t at = static_cast<size_t>(line > 0 ? line : 1);
    if (!problems_.empty() && problems_.back().line == at && problems_.back().message == message) return;
    problems_.push_back({at, std::move(message)});
  }

  // What a Markdown element is called in messages.
  static std::string describe(cmark_node* node) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_LIST: return "a list";
      case CMARK_NODE_HEADING: return "a heading";
      case CMARK_NODE_BLOCK_QUOTE: return "a block quote";
      case CMARK_NODE_CODE_BLOCK: return "a code block";
      case CMARK_NODE_HTML_BLOCK: return "HTML";
      case CMARK_NODE_THEMATIC_BREAK: return "a horizontal rule";
      case CMARK_NODE_HTML_INLINE: return "HTML";
      case CMARK_NODE_IMAGE: return "an image";
      default: return fmt::format("a {}", cmark_node_get_type_string(node));
    }
  }

  // Adjacent text nodes, merged before marks are scanned, with the line each
  // node starts on: (offset in text, line).
  struct PendingText {
    std::string text;
    std::vector<std::pair<size_t, int>> lines;
  };

  std::vector<Inline> inlines(cmark_node* parent) {
    std::vector<Inline> out;
    PendingText pending;
    auto flush = [&] {
      if (!pending.text.empty()) split_marks(pending, parent, out);
      pending = {};
    };
    for (cmark_node* node = cmark_node_first_child(parent); node; node = cmark_node_next(node)) {
      switch (cmark_node_get_type(node)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          pending.lines.emplace_back(pending.text.size(), cmark_node_get_start_line(node));
          pending.text += cmark_node_get_literal(node);
          break;
        case CMARK_NODE_SOFTBREAK:
          pending.text += ' ';
          break;
        case CMARK_NODE_LINEBREAK:
          flush();
          out.push_back({InlineKind::line_break, "", "", {}});
          break;
        case CMARK_NODE_EMPH:
          flush();
          out.push_back({InlineKind::emphasis, "", "", inlines(node)});
          break;
        case CMARK_NODE_STRONG:
          flush();
          out.push_back({InlineKind::strong, "", "", inlines(node)});
          break;
        case CMARK_NODE_LINK:
          flush();
          out.push_back({InlineKind::link, "", cmark_node_get_url(node), inlines(node)});
          break;
        default:
          problem(node, fmt::format("{} is not allowed in annotation text", describe(node)));
      }
    }
    flush();
    return out;
  }

  // Splits text at [^id], {{decision:id}} and {{opening}}. Every search
  // moves forward only, so that malformed text costs linear time.
  void split_marks(const PendingText& pending, cmark_node* parent, std::vector<Inline>& out) {
    const std::string& text = pending.text;
    size_t piece = 0;  // the piece of `pending` that holds `pos`
    int line = cmark_node_get_start_line(parent);
    auto line_at = [&](size_t offset) {
      for (; piece < pending.lines.size() && pending.lines[piece].first <= offset; ++piece)
        if (pending.lines[piece].second > 0) line = pending.lines[piece].second;
      return line;
    };
    size_t next_bracket = text.find(']');   // the first ']' at or after pos, or npos
    size_t next_braces = text.find("}}");   // the first "}}" after the "{{" at pos, or npos
    size_t start = 0;
    size_t pos = 0;
    auto emit_text = [&](size_t end) {
      if (end > start) out.push_back({InlineKind::text, text.substr(start, end - start), "", {}});
    };
    while (pos < text.size()) {
      if (text.compare(pos, 2, "[^") == 0) {
        if (next_bracket != std::string::npos && next_bracket < pos) next_bracket = text.find(']', pos);
        const size_t close = next_bracket;
        const std::string id =
            close == std::string::npos ? "" : text.substr(pos + 2, std::min(close - pos - 2, kMaxId + 1));
        if (!is_identifier(id)) {
          problem_at(line_at(pos), "a footnote call must look like [^id], with letters, digits, '-' or '_'");
          pos += 2;
          continue;
        }
        emit_text(pos);
        out.push_back({InlineKind::footnote_ref, "", id, {}});
        start = pos = close + 1;
        continue;
      }
      if (text.compare(pos, 2, "{{") == 0) {
        if (next_braces != std::string::npos && next_braces < pos + 2) next_braces = text.find("}}", pos + 2);
        const size_t close = next_braces;
        const std::string mark =
            close == std::string::npos ? "" : text.substr(pos + 2, std::min(close - pos - 2, kMaxId + 10));
        Inline in;
        if (mark == "opening") {
          in.kind = InlineKind::opening;
        } else if (mark.starts_with("decision:") && is_identifier(mark.substr(9))) {
          in.kind = InlineKind::decision_ref;
          in.target = mark.substr(9);
        } else if (close == std::string::npos) {
          problem_at(line_at(pos), "a mark opened with '{{' is not closed with '}}': expected {{opening}} or "
                                   "{{decision:id}}");
          pos += 2;
          continue;
        } else {
          problem_at(line_at(pos), fmt::format("unknown mark '{{{{{}}}}}': expected {{{{opening}}}} or "
                                               "{{{{decision:id}}}}",
                                               mark.substr(0, 40)));
          pos += 2;
          continue;
        }
        emit_text(pos);
        out.push_back(std::move(in));
        start = pos = close + 2;
        continue;
      }
      ++pos;
    }
    emit_text(text.size());
  }

  static bool is_identifier(const std::string& id) { return is_mark_id(id); }

  std::vector<RichTextProblem>& problems_;
};

// cmark takes a paragraph that starts with "[label]:" for a link reference
// definition and drops it: such paragraphs are reported rather than lost.
void find_link_definitions(std::string_view markdown, std::vector<RichTextProblem>& problems) {
  bool paragraph_start = true;
  size_t line = 1;
  for (size_t start = 0; start <= markdown.size(); ++line) {
    const size_t end = std::min(markdown.find('\n', start), markdown.size());
    const std::string_view text = markdown.substr(start, end - start);
    const size_t indent = text.find_first_not_of(' ');
    const bool blank = text.find_first_not_of(" \t\r") == std::string_view::npos;
    if (paragraph_start && !blank && indent <= 3 && text[indent] == '[') {
      const size_t close = text.find(']', indent);
      if (close != std::string_view::npos && close + 1 < text.size() && text[close + 1] == ':')
        problems.push_back({line, fmt::format("a paragraph that starts with '{}:' is a Markdown link definition and "
                                              "would not be shown: reword its start",
                                              text.substr(indent, std::min<size_t>(close + 1 - indent, 40)))});
    }
    paragraph_start = blank;
    start = end + 1;
  }
}

// "&amp;", "&#38;": text that Markdown would decode as an entity.
bool starts_entity(std::string_view text, size_t at) {
  size_t i = at + 1;
  if (i < text.size() && text[i] == '#') ++i;
  const size_t name = i;
  while (i < text.size() && std::isalnum(static_cast<unsigned char>(text[i]))) ++i;
  return i > name && i < text.size() && text[i] == ';';
}

bool is_ascii_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// RichText back to the Markdown that parse_rich_text reads as it.
class MarkdownWriter {
 public:
  std::string write(const RichText& text) {
    for (size_t i = 0; i < text.size(); ++i) {
      if (i > 0) out_ += "\n\n";
      line_start_ = true;
      inlines(text[i].content, "");
    }
    return std::move(out_);
  }

 private:
  void put(std::string_view text) {
    out_ += text;
    if (!text.empty()) line_start_ = false;
  }

  // Emphasis is written *...* and strong **...**, but where their runs of
  // '*' would merge and read differently, with '_': emphasis right after
  // *emphasis*, inside *emphasis* or alone inside **strong**, and strong
  // right after **strong**. `parent` is the markup around `content`: "*",
  // "_", "**", "__" or "".
  void inlines(const std::vector<Inline>& content, std::string_view parent) {
    const Inline* previous = nullptr;
    std::string_view previous_delimiter;  // the markup `previous` was written with
    for (size_t i = 0; i < content.size(); ++i) {
      const Inline* in = &content[i];
      std::string_view delimiter;
      if (in->kind == InlineKind::text) {
        // The parser merges adjacent text, so it is escaped as one.
        std::string merged = in->text;
        while (i + 1 < content.size() && content[i + 1].kind == InlineKind::text) merged += content[++i].text;
        write_text(merged, previous, i + 1 < content.size() ? &content[i + 1] : nullptr);
        previous = &content[i];
        previous_delimiter = "";
        continue;
      }
      switch (in->kind) {
        case InlineKind::emphasis: {
          const bool merges = previous_delimiter == "*" || parent == "*" || (parent == "**" && content.size() == 1);
          delimiter = merges ? "_" : "*";
          put(delimiter);
          inlines(in->children, delimiter);
          put(delimiter);
          break;
        }
        case InlineKind::strong:
          delimiter = previous_delimiter == "**" ? "__" : "**";
          put(delimiter);
          inlines(in->children, delimiter);
          put(delimiter);
          break;
        case InlineKind::link:
          put("[");
          inlines(in->children, "");
          put("](");
          destination(in->target);
          put(")");
          break;
        case InlineKind::footnote_ref: put("[^" + in->target + "]"); break;
        case InlineKind::decision_ref: put("{{decision:" + in->target + "}}"); break;
        case InlineKind::opening: put("{{opening}}"); break;
        case InlineKind::line_break:
          // Not two spaces: on a line of their own they would make a blank
          // line, and after '*' they would stop it opening emphasis.
          out_ += "\\\n";
          line_start_ = true;
          break;
        case InlineKind::text: break;
      }
      previous = in;
      previous_delimiter = delimiter;
    }
  }

  void write_text(std::string_view text, const Inline* previous, const Inline* next) {
    const bool starts_line = line_start_;
    const bool ends_line = !next || next->kind == InlineKind::line_break;
    // Spaces that start or end a line would be dropped: they are written as
    // entities, and so are line endings, which would be read as spaces.
    const size_t first = std::min(text.find_first_not_of(" \t"), text.size());
    const size_t last = text.find_last_not_of(" \t") + 1;  // 0 when all blank
    size_t list_delimiter = std::string_view::npos;          // the '.' of "1. " starting a line
    if (starts_line && first < text.size() && std::isdigit(static_cast<unsigned char>(text[first]))) {
      size_t j = first;
      while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
      if (j < text.size() && (text[j] == '.' || text[j] == ')') &&
          (j + 1 == text.size() || text[j + 1] == ' ' || text[j + 1] == '\t'))
        list_delimiter = j;
    }
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      const bool blank_edge = (starts_line && i < first) || (ends_line && i >= last);
      if (blank_edge && (c == ' ' || c == '\t')) {
        out += c == ' ' ? "&#32;" : "&#9;";
        continue;
      }
      if (c == '\n' || c == '\r') {
        out += c == '\n' ? "&#10;" : "&#13;";
        continue;
      }
      bool escape = false;
      switch (c) {
        case '\\': case '*': case '`': case '[': case ']': case '<':
          escape = true;
          break;
        case '_':  // inside a word it is plain
          escape = !(i > 0 && i + 1 < text.size() && is_ascii_alnum(text[i - 1]) && is_ascii_alnum(text[i + 1]));
          break;
        case '&':
          escape = starts_entity(text, i);
          break;
        case '#': case '-': case '+': case '=': case '~': case '>':  // a heading, list, rule, fence or quote
          escape = starts_line && i == first;
          break;
        case '.': case ')':
          escape = i == list_delimiter;
          break;
        case '(':  // "[^id](x)" would be a link
          escape = i == 0 && previous && previous->kind == InlineKind::footnote_ref;
          break;
        case ':':  // "[^id]: x" would be a link definition; "[x\]: y" is taken for one
          escape = i == 0 ? previous && previous->kind == InlineKind::footnote_ref : text[i - 1] == ']';
          break;
        case '!':  // "![text](url)" would be an image
          escape = i + 1 == text.size() && next && next->kind == InlineKind::link;
          break;
        default:
          break;
      }
      if (escape) out += '\\';
      out += c;
    }
    put(out);
  }

  // A link's URL. Spaces and control characters, which would end it, are
  // written as character references; cmark decodes those, and entities, in
  // a URL even after a backslash.
  void destination(std::string_view url) {
    std::string out;
    for (size_t i = 0; i < url.size(); ++i) {
      const char c = url[i];
      if (static_cast<unsigned char>(c) <= ' ' || c == 0x7F) {
        out += fmt::format("&#{};", static_cast<int>(c));
        continue;
      }
      if (c == '&' && starts_entity(url, i)) {
        out += "&amp;";
        continue;
      }
      if (c == '\\' || c == '<' || c == '>' || c == '(' || c == ')') out += '\\';
      out += c;
    }
    put(out);
  }

  std::string out_;
  bool line_start_ = true;  // nothing written yet on the current line
};

}  // namespace

RichText parse_rich_text(std::string_view markdown, std::vector<RichTextProblem>& problems) {
  NodePtr root(cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8),
               &cmark_node_free);
  if (!root) {
    problems.push_back({1, "the text could not be parsed"});
    return {};
  }
  find_link_definitions(markdown, problems);
  return Converter(problems).document(root.get());
}

std::string write_rich_text(const RichText& text) { return MarkdownWriter().write(text); }

}  // namespace plenary
