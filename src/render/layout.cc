#include "render/layout.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace plenary {

namespace {

class LayoutBuilder {
 public:
  LayoutBuilder(const Meeting& meeting, const Catalog& catalog) : meeting_(meeting), catalog_(catalog) {}

  AgendaLayout build() {
    AgendaLayout out;
    out.language = catalog_.language();
    out.right_to_left = catalog_.right_to_left();
    lay_out_heading(out);
    for (const Item& item : meeting_.items) out.items.push_back(lay_out_item(item, item, false, false));
    out.footnotes = take_footnotes();
    lay_out_annex(out);
    out.missing = std::move(missing_);
    return out;
  }

 private:
  const std::string& lang() const { return catalog_.language(); }

  // The text in this language, or a visible gap.
  std::string pick(const LangText& text, const std::string& what) {
    if (const std::string* found = text_in(text, lang())) return *found;
    note_missing(what);
    return fmt::format("[{}: no {} text]", what, lang());
  }

  RichText pick_rich(const LangRichText& text, const std::string& what) {
    auto it = text.find(lang());
    if (it != text.end()) return resolve(it->second);
    note_missing(what);
    return {Paragraph{{Inline{InlineKind::text, fmt::format("[{}: no {} text]", what, lang()), "", {}}}}};
  }

  // A text used twice (a title in the list and in the annex) is listed once.
  void note_missing(const std::string& what) {
    if (std::find(missing_.begin(), missing_.end(), what) == missing_.end()) missing_.push_back(what);
  }

  void lay_out_heading(AgendaLayout& out) {
    out.united_nations = catalog_.text("heading.united_nations");
    out.parent_body = meeting_.body.parent.empty() ? "" : pick(meeting_.body.parent, "body.parent");
    out.symbol = meeting_.document.symbol;
    out.distribution = catalog_.text(fmt::format("heading.distribution.{}", to_string(meeting_.document.distribution)));
    out.issued = catalog_.head_date(meeting_.document.issued);
    out.document_language = catalog_.text("own_name");
    out.original = catalog_.format(
        "heading.original", {{"language", catalog_.text("language_names." + meeting_.document.original_language)}});
    out.body = pick(meeting_.body.name, "body.name");
    out.venue_and_dates = catalog_.format(
        "heading.venue_and_dates",
        {{"city", pick(meeting_.city, "meeting.city")}, {"dates", catalog_.date_range(meeting_.start, meeting_.end)}});
    out.title = catalog_.text("heading.annotated_provisional_agenda");
    out.agenda_heading = catalog_.text("heading.provisional_agenda");
    out.annotations_heading = catalog_.text("heading.annotations");
    out.documentation_heading = catalog_.text("heading.documentation");
    out.no_documents = catalog_.text("heading.no_documents");
  }

  std::string key_of(const Item& parent, const Item& item, bool is_sub) const {
    if (!is_sub) return std::to_string(item.number);
    return catalog_.format("agenda.item_key",
                           {{"number", std::to_string(parent.number)}, {"letter", catalog_.subitem_letter(item.number)}});
  }

  LaidOutItem lay_out_item(const Item& parent, const Item& item, bool is_sub, bool last_sub) {
    LaidOutItem out;
    const std::string key = is_sub ? item_key(parent.number, item.number) : item_key(item.number);
    out.label = is_sub ? catalog_.format("agenda.subitem_label", {{"letter", catalog_.subitem_letter(item.number)}})
                       : catalog_.format("agenda.item_label", {{"number", std::to_string(item.number)}});
    out.title = pick(item.title, fmt::format("item {} title", key));
    if (!item.subitems.empty())
      out.list_entry = catalog_.format("agenda.title_with_subitems", {{"title", out.title}});
    else
      out.list_entry = out.title + catalog_.text(!is_sub ? "agenda.item_end"
                                                 : last_sub ? "agenda.last_subitem_end"
                                                            : "agenda.subitem_end");
    if (!item.annotation.empty() || item.subitems.empty())
      out.annotation = pick_rich(item.annotation, fmt::format("item {} annotation", key));
    for (const std::string& symbol : item.documents) {
      const Document* document = find_document(meeting_, symbol);
      const std::string description =
          document ? pick(document->description, fmt::format("document {} description", symbol)) : symbol;
      out.documents.push_back(document_entry(description, symbol));
    }
    out.no_documents = item.no_documents;
    for (size_t i = 0; i < item.subitems.size(); ++i)
      out.subitems.push_back(lay_out_item(item, item.subitems[i], true, i + 1 == item.subitems.size()));
    return out;
  }

  // The catalog's entry pattern, filled on each side of its {symbol}.
  LaidOutDocument document_entry(const std::string& description, const std::string& symbol) const {
    const std::string& pattern = catalog_.text("agenda.document_entry");
    const size_t at = pattern.find("{symbol}");
    if (at == std::string::npos)
      throw CatalogError(fmt::format("catalog '{}': agenda.document_entry must contain {{symbol}}", lang()));
    const Placeholders values{{"description", description}};
    return {fill(pattern.substr(0, at), values), symbol, fill(pattern.substr(at + 8), values)};
  }

  // Resolves footnote calls to numbers, and decisions and the opening to text.
  RichText resolve(const RichText& text) {
    RichText out = text;
    for (Paragraph& paragraph : out) paragraph.content = resolve_inlines(paragraph.content);
    return out;
  }

  std::vector<Inline> resolve_inlines(const std::vector<Inline>& inlines) {
    std::vector<Inline> out;
    for (const Inline& in : inlines) {
      switch (in.kind) {
        case InlineKind::footnote_ref:
          out.push_back({InlineKind::footnote_ref, "", std::to_string(footnote_number(in.target)), {}});
          break;
        case InlineKind::decision_ref:
          out.push_back({InlineKind::text, decision_sentence(in.target), "", {}});
          break;
        case InlineKind::opening:
          out.push_back({InlineKind::text, opening_text(), "", {}});
          break;
        default: {
          Inline copy = in;
          copy.children = resolve_inlines(in.children);
          out.push_back(std::move(copy));
        }
      }
    }
    return out;
  }

  int footnote_number(const std::string& id) {
    auto [it, inserted] = footnote_numbers_.emplace(id, static_cast<int>(footnote_numbers_.size()) + 1);
    if (inserted) footnote_order_.push_back(id);
    return it->second;
  }

  std::string decision_sentence(const std::string& id) {
    const Decision* decision = find_decision(meeting_, id);
    if (!decision) return fmt::format("[decision {}: not defined]", id);
    return plenary::decision_sentence(*decision, pick(decision->by, fmt::format("decision {} by", id)),
                                      pick(decision->approved, fmt::format("decision {} approved", id)), catalog_);
  }

  std::string opening_text() {
    const auto& slots = meeting_.organization.slots;
    const Date day = slots.empty() ? meeting_.start : slots.front().date;
    const std::string date = catalog_.date(day, "dates.full");
    if (slots.empty()) return date;
    return catalog_.format("phrases.opening", {{"date", date}, {"time", catalog_.time(slots.front().start)}});
  }

  // Footnotes called so far, in the order of their first call. A footnote's
  // text may itself call footnotes; those get the next numbers.
  std::vector<NumberedFootnote> take_footnotes() {
    std::vector<NumberedFootnote> out;
    for (size_t i = taken_; i < footnote_order_.size(); ++i) {
      const std::string id = footnote_order_[i];
      const Footnote* footnote = find_footnote(meeting_, id);
      NumberedFootnote numbered;
      numbered.number = footnote_numbers_[id];
      numbered.text = footnote ? pick_rich(footnote->text, "footnote " + id)
                               : RichText{Paragraph{{Inline{InlineKind::text, "[footnote " + id + ": not defined]", "", {}}}}};
      out.push_back(std::move(numbered));
    }
    taken_ = footnote_order_.size();
    return out;
  }

  void lay_out_annex(AgendaLayout& out) {
    out.annex_heading = catalog_.text("heading.annex");
    out.annex_title = catalog_.text("heading.organization_of_work");
    out.annex_columns = {catalog_.text("annex.date_and_time"), catalog_.text("annex.item"), catalog_.text("annex.title")};
    out.continued = catalog_.text("annex.continued");
    if (!meeting_.organization.footnote.empty()) out.annex_footnote = footnote_number(meeting_.organization.footnote);
    for (const Slot& slot : meeting_.organization.slots) {
      if (out.days.empty() || current_day_ != slot.date) {
        out.days.push_back({catalog_.date(slot.date, "dates.table_day"), {}});
        current_day_ = slot.date;
      }
      LaidOutSlot laid;
      laid.time = catalog_.time_range(slot.start, slot.end);
      for (const SlotItem& entry : slot.items) {
        const Item* item = find_item(meeting_, entry.item);
        const Item* parent = item ? parent_of(*item) : nullptr;
        LaidOutRow row;
        row.item = item ? key_of(parent ? *parent : *item, *item, parent != nullptr) : entry.item;
        row.title = item ? pick(item->title, fmt::format("item {} title", entry.item)) : entry.item;
        row.continued = entry.continued;
        laid.rows.push_back(std::move(row));
      }
      out.days.back().slots.push_back(std::move(laid));
    }
    // A footnote first called from the annex is listed with the others.
    auto late = take_footnotes();
    out.footnotes.insert(out.footnotes.end(), late.begin(), late.end());
  }

  const Item* parent_of(const Item& sub) const {
    for (const Item& item : meeting_.items)
      for (const Item& candidate : item.subitems)
        if (&candidate == &sub) return &item;
    return nullptr;
  }

  const Meeting& meeting_;
  const Catalog& catalog_;
  std::map<std::string, int> footnote_numbers_;
  std::vector<std::string> footnote_order_;
  size_t taken_ = 0;
  Date current_day_;
  std::vector<std::string> missing_;
};

}  // namespace

std::string decision_sentence(const Decision& decision, const std::string& by, const std::string& approved,
                              const Catalog& catalog) {
  return catalog.format(fmt::format("phrases.decision.{}", to_string(decision.procedure)),
                        {{"date", catalog.date(decision.date, "dates.issue")}, {"by", by}, {"approved", approved}});
}

AgendaLayout lay_out_agenda(const Meeting& meeting, const Catalog& catalog) {
  return LayoutBuilder(meeting, catalog).build();
}

}  // namespace plenary
