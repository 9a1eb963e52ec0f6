#include "render/pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fmt/format.h>
#include <pango/pangocairo.h>

#include <functional>
#include <map>
#include <memory>
#include <stdexcept>

namespace plenary {

namespace {

// A4 in points, and the UN's generous margins.
constexpr double kPageWidth = 595.28;
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 68;
constexpr double kTop = 56;
constexpr double kBottom = 64;
constexpr double kWidth = kPageWidth - 2 * kMargin;
constexpr double kFootnoteSize = 8.5;
constexpr double kLabelWidth = 28;  // "1." or "(a)" before an agenda entry
constexpr const char* kFamilies = "Noto Serif,Noto Naskh Arabic,Noto Serif CJK SC,Noto Sans CJK SC";

std::string escape(const std::string& text) {
  std::unique_ptr<char, decltype(&g_free)> escaped(g_markup_escape_text(text.c_str(), -1), &g_free);
  return escaped.get();
}

// Pango markup of a paragraph, and the byte offsets (in the text without
// markup) where footnotes are called, so that each note can follow its call
// to the page where that line lands.
struct Markup {
  std::string text;
  size_t plain_length = 0;
  std::vector<std::pair<size_t, int>> calls;  // (offset, footnote number)

  void add_text(const std::string& plain) {
    text += escape(plain);
    plain_length += plain.size();
  }
  // A document symbol is never broken across lines.
  void add_unbreakable(const std::string& plain) {
    text += "<span allow_breaks=\"false\">";
    add_text(plain);
    text += "</span>";
  }
  void add_inlines(const std::vector<Inline>& inlines) {
    for (const Inline& in : inlines) {
      switch (in.kind) {
        case InlineKind::text: add_text(in.text); break;
        case InlineKind::emphasis: text += "<i>"; add_inlines(in.children); text += "</i>"; break;
        case InlineKind::strong: text += "<b>"; add_inlines(in.children); text += "</b>"; break;
        case InlineKind::link: add_inlines(in.children); break;
        case InlineKind::footnote_ref:
          calls.emplace_back(plain_length, std::stoi(in.target));
          text += "<sup><small>";
          add_text(in.target);
          text += "</small></sup>";
          break;
        case InlineKind::line_break: add_text("\n"); break;
        default: break;
      }
    }
  }
};

struct Style {
  double size = 10;
  bool bold = false;
  bool italic = false;
  double indent = 0;        // from the start side (left, or right in Arabic)
  double before = 0;
  double after = 6;
  bool keep_with_next = false;
  PangoAlignment align = PANGO_ALIGN_LEFT;  // "start": mirrored for right-to-left languages
};

class PdfWriter {
 public:
  explicit PdfWriter(const AgendaLayout& layout) : layout_(layout) {
    surface_ = cairo_pdf_surface_create_for_stream(&PdfWriter::append, &bytes_, kPageWidth, kPageHeight);
    cr_ = cairo_create(surface_);
    context_ = pango_cairo_create_context(cr_);
    pango_context_set_language(context_, pango_language_from_string(layout.language.c_str()));
    pango_context_set_base_dir(context_, layout.right_to_left ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
    for (const NumberedFootnote& note : layout.footnotes) {
      Markup markup;
      markup.add_text(std::to_string(note.number) + "\u2002");
      for (size_t i = 0; i < note.text.size(); ++i) {
        if (i > 0) markup.add_text("\n");
        markup.add_inlines(note.text[i].content);
      }
      notes_[note.number] = markup.text;
    }
    y_ = kTop;
  }

  ~PdfWriter() {
    g_object_unref(context_);
    cairo_destroy(cr_);
    cairo_surface_destroy(surface_);
  }

  std::string write() {
    write_masthead();
    write_agenda();
    write_annotations();
    write_annex();
    finish_page();
    cairo_surface_finish(surface_);
    if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS)
      throw std::runtime_error(fmt::format("cairo: {}", cairo_status_to_string(cairo_surface_status(surface_))));
    return std::move(bytes_);
  }

 private:
  static cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  }

  using LayoutPtr = std::unique_ptr<PangoLayout, decltype(&g_object_unref)>;

  LayoutPtr make_layout(const std::string& markup, const Style& style, double width) const {
    LayoutPtr layout(pango_layout_new(context_), &g_object_unref);
    PangoFontDescription* font = pango_font_description_from_string(kFamilies);
    pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
    if (style.bold) pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
    if (style.italic) pango_font_description_set_style(font, PANGO_STYLE_ITALIC);
    pango_layout_set_font_description(layout.get(), font);
    pango_font_description_free(font);
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    // "Start" is the right edge in Arabic; Pango does not flip it for us
    // when lines are drawn one by one.
    PangoAlignment align = style.align;
    if (layout_.right_to_left && align != PANGO_ALIGN_CENTER)
      align = align == PANGO_ALIGN_LEFT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
    pango_layout_set_alignment(layout.get(), align);
    pango_layout_set_markup(layout.get(), markup.c_str(), -1);
    return layout;
  }

  static double height_of(PangoLayout* layout) {
    int width = 0, height = 0;
    pango_layout_get_size(layout, &width, &height);
    return static_cast<double>(height) / PANGO_SCALE;
  }

  // x of a box `width` wide that starts `offset` from the start margin.
  double x_for(double offset, double width) const {
    return layout_.right_to_left ? kPageWidth - kMargin - offset - width : kMargin + offset;
  }

  double footnote_height(int number) const {
    auto it = notes_.find(number);
    if (it == notes_.end()) return 0;
    Style style;
    style.size = kFootnoteSize;
    return height_of(make_layout(it->second, style, kWidth).get()) + 2;
  }

  double room() const { return kPageHeight - kBottom - y_ - notes_height_; }

  // Puts footnote `number` on this page; the caller made room for it.
  void note_on_page(int number) {
    for (int n : page_notes_)
      if (n == number) return;
    if (notes_height_ == 0) notes_height_ = 10;  // the separator rule
    notes_height_ += footnote_height(number);
    page_notes_.push_back(number);
  }

  double new_note_height(const std::vector<int>& numbers) const {
    double height = 0;
    for (int n : numbers) {
      bool placed = false;
      for (int p : page_notes_) placed |= p == n;
      if (!placed) height += footnote_height(n) + (notes_height_ == 0 && height == 0 ? 10 : 0);
    }
    return height;
  }

  void finish_page() {
    double y = kPageHeight - kBottom - notes_height_ + 10;
    if (!page_notes_.empty()) {
      cairo_set_line_width(cr_, 0.5);
      cairo_move_to(cr_, x_for(0, 120), y - 5);
      cairo_rel_line_to(cr_, 120, 0);
      cairo_stroke(cr_);
    }
    Style style;
    style.size = kFootnoteSize;
    for (int number : page_notes_) {
      LayoutPtr note = make_layout(notes_.at(number), style, kWidth);
      cairo_move_to(cr_, kMargin, y);
      pango_cairo_show_layout(cr_, note.get());
      y += height_of(note.get()) + 2;
    }
    Style number_style;
    number_style.size = 8;
    number_style.align = PANGO_ALIGN_CENTER;
    LayoutPtr number = make_layout(std::to_string(page_), number_style, kWidth);
    cairo_move_to(cr_, kMargin, kPageHeight - kBottom + 28);
    pango_cairo_show_layout(cr_, number.get());
    cairo_show_page(cr_);
    ++page_;
    page_notes_.clear();
    notes_height_ = 0;
    y_ = kTop;
  }

  // Draws a paragraph line by line, breaking pages between lines; each
  // footnote goes to the page of the line that calls it.
  void paragraph(const Markup& markup, const Style& style, const std::string& label = "") {
    const double width = kWidth - style.indent;
    LayoutPtr layout = make_layout(markup.text, style, width);
    std::map<int, std::vector<int>> calls_by_line;
    for (const auto& [offset, number] : markup.calls) {
      int line = 0, x = 0;
      pango_layout_index_to_line_x(layout.get(), static_cast<int>(offset), false, &line, &x);
      calls_by_line[line].push_back(number);
    }
    const double total = height_of(layout.get());
    if (style.keep_with_next && room() < style.before + total + 3 * style.size * 1.4) finish_page();
    if (y_ > kTop) y_ += style.before;
    PangoLayoutIter* iter = pango_layout_get_iter(layout.get());
    int index = 0;
    double top = 0;  // layout y of the first line on this page
    double page_start = y_;
    do {
      int y0 = 0, y1 = 0;
      pango_layout_iter_get_line_yrange(iter, &y0, &y1);
      const double line_top = static_cast<double>(y0) / PANGO_SCALE, line_bottom = static_cast<double>(y1) / PANGO_SCALE;
      const std::vector<int>& notes = calls_by_line[index];
      const double needed = line_bottom - top + new_note_height(notes);
      if (page_start + needed > kPageHeight - kBottom - notes_height_ && page_start + line_top - top > kTop + 0.1) {
        finish_page();
        page_start = y_;
        top = line_top;
      }
      for (int n : notes) note_on_page(n);
      PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter);
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(iter, nullptr, &logical);
      const double baseline = static_cast<double>(pango_layout_iter_get_baseline(iter)) / PANGO_SCALE;
      const double line_x = static_cast<double>(logical.x) / PANGO_SCALE;
      cairo_move_to(cr_, x_for(style.indent, width) + line_x, page_start + baseline - top);
      pango_cairo_show_layout_line(cr_, line);
      if (index == 0 && !label.empty()) {
        // The label stands in the gutter before the text, on its first line.
        Style label_style = style;
        label_style.indent = 0;
        LayoutPtr label_layout = make_layout(escape(label), label_style, kLabelWidth);
        const double label_baseline =
            static_cast<double>(pango_layout_get_baseline(label_layout.get())) / PANGO_SCALE;
        cairo_move_to(cr_, x_for(style.indent - kLabelWidth, kLabelWidth),
                      page_start + baseline - top - label_baseline);
        pango_cairo_show_layout(cr_, label_layout.get());
      }
      y_ = page_start + line_bottom - top;
      ++index;
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
    y_ += style.after;
  }

  void text(const std::string& plain, const Style& style) {
    Markup markup;
    markup.add_text(plain);
    paragraph(markup, style);
  }

  void rule(double thickness) {
    cairo_set_line_width(cr_, thickness);
    cairo_move_to(cr_, kMargin, y_);
    cairo_rel_line_to(cr_, kWidth, 0);
    cairo_stroke(cr_);
    y_ += 6;
  }

  // Draws `markup` in a box at absolute (offset from the start margin, y).
  double box(const std::string& markup, const Style& style, double offset, double width, double y) {
    LayoutPtr layout = make_layout(markup, style, width);
    cairo_move_to(cr_, x_for(offset, width), y);
    pango_cairo_show_layout(cr_, layout.get());
    return height_of(layout.get());
  }

  void write_masthead() {
    Style un;
    un.size = 11;
    un.bold = true;
    Style symbol;
    symbol.size = 16;
    symbol.bold = true;
    symbol.align = PANGO_ALIGN_RIGHT;
    const double left = box(escape(layout_.united_nations), un, 0, kWidth * 0.5, y_);
    const double right = box(escape(layout_.symbol), symbol, kWidth * 0.4, kWidth * 0.6, y_ - 2);
    y_ += std::max(left, right) + 4;
    rule(1.5);
    Style parent;
    parent.size = 12;
    parent.bold = true;
    Style distribution;
    distribution.size = 9;
    const std::string block = escape(layout_.distribution) + "\n" + escape(layout_.issued) + "\n\n" +
                              escape(layout_.document_language) + "\n" + escape(layout_.original);
    const double parent_height = box(escape(layout_.parent_body), parent, 0, kWidth * 0.62, y_);
    const double block_height = box(block, distribution, kWidth * 0.7, kWidth * 0.3, y_);
    y_ += std::max(parent_height, block_height) + 6;
    rule(0.5);
    y_ += 8;
    Style body;
    body.bold = true;
    body.size = 11;
    body.after = 1;
    text(layout_.body, body);
    Style venue;
    venue.after = 18;
    text(layout_.venue_and_dates, venue);
    Style title;
    title.size = 15;
    title.bold = true;
    title.after = 16;
    text(layout_.title, title);
  }

  Style heading(double size) const {
    Style style;
    style.size = size;
    style.bold = true;
    style.before = 10;
    style.after = 6;
    style.keep_with_next = true;
    return style;
  }

  void write_agenda() {
    text(layout_.agenda_heading, heading(12));
    for (const LaidOutItem& item : layout_.items) {
      Style line;
      line.after = 3;
      labeled(item.label, item.list_entry, line, kLabelWidth);
      for (const LaidOutItem& sub : item.subitems) labeled(sub.label, sub.list_entry, line, 2 * kLabelWidth);
    }
  }

  // A list entry: the label in the gutter, the text (and its wrapped lines)
  // `indent` from the start margin. Drawn as two boxes, so that right-to-left
  // text mirrors without tab stops.
  void labeled(const std::string& label, const std::string& plain, Style style, double indent) {
    style.indent = indent;
    Markup markup;
    markup.add_text(plain);
    paragraph(markup, style, label);
  }

  void write_item(const LaidOutItem& item, int depth) {
    text(item.label + " " + item.title, heading(depth == 0 ? 11 : 10.5));
    for (const Paragraph& text_paragraph : item.annotation) {
      Markup markup;
      markup.add_inlines(text_paragraph.content);
      Style body;
      body.align = PANGO_ALIGN_LEFT;
      body.after = 7;
      paragraph(markup, body);
    }
    if (!item.documents.empty()) {
      Style doc_heading = heading(10);
      doc_heading.italic = true;
      doc_heading.bold = false;
      text(layout_.documentation_heading, doc_heading);
      for (const LaidOutDocument& document : item.documents) {
        Style entry;
        entry.indent = 14;
        Markup markup;
        markup.add_text(document.before);
        markup.add_unbreakable(document.symbol);
        markup.add_text(document.after);
        paragraph(markup, entry);
      }
    }
    if (item.no_documents) text(layout_.no_documents, Style{});
    for (const LaidOutItem& sub : item.subitems) write_item(sub, depth + 1);
  }

  void write_annotations() {
    text(layout_.annotations_heading, heading(12));
    for (const LaidOutItem& item : layout_.items) write_item(item, 0);
  }

  // The annex table; its header row repeats on every page it reaches.
  void write_annex() {
    if (layout_.days.empty()) return;
    finish_page();
    text(layout_.annex_heading, heading(13));
    Markup title;
    title.add_text(layout_.annex_title);
    if (layout_.annex_footnote) {
      title.calls.emplace_back(title.plain_length, layout_.annex_footnote);
      title.text += "<sup><small>" + std::to_string(layout_.annex_footnote) + "</small></sup>";
      title.plain_length += std::to_string(layout_.annex_footnote).size();
    }
    Style title_style = heading(12);
    title_style.align = PANGO_ALIGN_CENTER;
    title_style.after = 12;
    paragraph(title, title_style);
    const double widths[3] = {kWidth * 0.22, kWidth * 0.16, kWidth * 0.62};
    auto row = [&](const std::string& a, const std::string& b, const std::string& c, const Style& style,
                   bool is_header) {
      const std::string cells[3] = {a, b, c};
      double height = 0;
      for (int i = 0; i < 3; ++i)
        height = std::max(height, height_of(make_layout(cells[i], style, widths[i] - 6).get()));
      if (!is_header && y_ + height > kPageHeight - kBottom - notes_height_) {
        finish_page();
        header();
      }
      double offset = 0;
      for (int i = 0; i < 3; ++i) {
        box(cells[i], style, offset, widths[i] - 6, y_);
        offset += widths[i];
      }
      y_ += height + 4;
    };
    header = [&, row] {
      Style style;
      style.italic = true;
      style.size = 9;
      row(escape(layout_.annex_columns[0]), escape(layout_.annex_columns[1]), escape(layout_.annex_columns[2]), style,
          true);
      rule(0.5);
    };
    header();
    Style cell;
    cell.size = 10;
    for (const LaidOutDay& day : layout_.days) {
      Style day_style = cell;
      day_style.bold = true;
      y_ += 4;
      row("<b>" + escape(day.heading) + "</b>", "", "", day_style, false);
      for (const LaidOutSlot& slot : day.slots) {
        for (size_t r = 0; r < slot.rows.size(); ++r) {
          const LaidOutRow& entry = slot.rows[r];
          std::string title_markup = escape(entry.title);
          if (entry.continued) title_markup += " <i>" + escape(layout_.continued) + "</i>";
          row(r == 0 ? escape(slot.time) : "", escape(entry.item), title_markup, cell, false);
        }
      }
    }
  }

  const AgendaLayout& layout_;
  std::string bytes_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  PangoContext* context_ = nullptr;
  std::map<int, std::string> notes_;
  std::vector<int> page_notes_;
  double notes_height_ = 0;
  double y_ = 0;
  int page_ = 1;
  std::function<void()> header;  // the annex header row, set while the annex is written
};

}  // namespace

std::string render_pdf(const AgendaLayout& layout) { return PdfWriter(layout).write(); }

}  // namespace plenary
