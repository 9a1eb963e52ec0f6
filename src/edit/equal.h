// Equality of model values, field by field. The model declares no operator==,
// and the edits (did the slots change?) and the diff need one.
#pragma once

#include <vector>

#include "model/meeting.h"

namespace plenary::edit {

bool same(const Inline& a, const Inline& b);
bool same(const Paragraph& a, const Paragraph& b);
bool same(const RichText& a, const RichText& b);
bool same(const LangRichText& a, const LangRichText& b);
bool same(const ItemConstraints& a, const ItemConstraints& b);
bool same(const Item& a, const Item& b);  // sub-items included
bool same(const Document& a, const Document& b);
bool same(const Decision& a, const Decision& b);
bool same(const Footnote& a, const Footnote& b);
bool same(const SlotItem& a, const SlotItem& b);
bool same(const Slot& a, const Slot& b);
bool same(const std::vector<Slot>& a, const std::vector<Slot>& b);
bool same(const TimeWindow& a, const TimeWindow& b);
bool same(const UnavailableSlot& a, const UnavailableSlot& b);
bool same(const PlanningSettings& a, const PlanningSettings& b);

// Vectors of any of the above, element by element.
template <typename T>
bool same_elements(const std::vector<T>& a, const std::vector<T>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (!same(a[i], b[i])) return false;
  return true;
}

}  // namespace plenary::edit
