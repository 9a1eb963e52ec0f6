#include "edit/equal.h"

namespace plenary::edit {

bool same(const Inline& a, const Inline& b) {
  return a.kind == b.kind && a.text == b.text && a.target == b.target && same_elements(a.children, b.children);
}

bool same(const Paragraph& a, const Paragraph& b) { return same_elements(a.content, b.content); }

bool same(const RichText& a, const RichText& b) { return same_elements(a, b); }

bool same(const LangRichText& a, const LangRichText& b) {
  if (a.size() != b.size()) return false;
  for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j)
    if (i->first != j->first || !same(i->second, j->second)) return false;
  return true;
}

bool same(const ItemConstraints& a, const ItemConstraints& b) {
  return a.min_minutes == b.min_minutes && a.priority == b.priority && a.weight == b.weight &&
         a.not_before_date == b.not_before_date && a.not_before_time == b.not_before_time &&
         a.same_meeting_as == b.same_meeting_as && a.never_split == b.never_split;
}

bool same(const Item& a, const Item& b) {
  return a.number == b.number && a.kind == b.kind && a.title == b.title && same(a.annotation, b.annotation) &&
         a.documents == b.documents && a.no_documents == b.no_documents && a.minutes == b.minutes &&
         same(a.constraints, b.constraints) && same_elements(a.subitems, b.subitems);
}

bool same(const Document& a, const Document& b) {
  return a.symbol == b.symbol && a.title == b.title && a.description == b.description;
}

bool same(const Decision& a, const Decision& b) {
  return a.id == b.id && a.by == b.by && a.date == b.date && a.procedure == b.procedure && a.approved == b.approved;
}

bool same(const Footnote& a, const Footnote& b) { return a.id == b.id && same(a.text, b.text); }

bool same(const SlotItem& a, const SlotItem& b) {
  return a.item == b.item && a.continued == b.continued && a.minutes == b.minutes;
}

bool same(const Slot& a, const Slot& b) {
  return a.date == b.date && a.start == b.start && a.end == b.end && same_elements(a.items, b.items);
}

bool same(const std::vector<Slot>& a, const std::vector<Slot>& b) { return same_elements(a, b); }

bool same(const TimeWindow& a, const TimeWindow& b) { return a.start == b.start && a.end == b.end; }

bool same(const UnavailableSlot& a, const UnavailableSlot& b) { return a.date == b.date && a.start == b.start; }

bool same(const PlanningSettings& a, const PlanningSettings& b) {
  return same_elements(a.in_person, b.in_person) && same_elements(a.hybrid, b.hybrid) &&
         same_elements(a.online, b.online) && a.first_day_start == b.first_day_start &&
         a.last_day_end == b.last_day_end && same_elements(a.unavailable, b.unavailable) &&
         a.skip_weekends == b.skip_weekends && a.min_continuation == b.min_continuation &&
         a.default_minutes == b.default_minutes && a.min_substantive_minutes == b.min_substantive_minutes;
}

}  // namespace plenary::edit
