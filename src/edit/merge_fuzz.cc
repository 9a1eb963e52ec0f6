// Two editors' edits, chosen by the fuzzer's bytes, made to the example
// meeting on two sides and merged: what must hold of every merge.
//   - each side still passes check_meeting (the edits keep meetings accepted);
//   - a side merged with an unchanged other side is that side, exactly;
//   - both sides the same merge to it without conflict;
//   - changed_fields is empty exactly when nothing changed.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "edit/edit.h"
#include "edit/merge.h"
#include "format/meeting_file.h"
#include "format/meeting_json.h"
#include "model/check.h"

namespace {

using namespace plenary;

void check(bool condition) {
  if (!condition) std::abort();
}

class Bytes {
 public:
  Bytes(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  bool empty() const { return at_ >= size_; }
  uint8_t next() { return at_ < size_ ? data_[at_++] : 0; }
  std::string text() {
    const size_t length = next() % 24;
    std::string out;
    for (size_t i = 0; i < length && !empty(); ++i) out += static_cast<char>(next());
    return out;
  }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t at_ = 0;
};

std::string some_key(const Meeting& meeting, Bytes& bytes) {
  const auto items = schedulable_items(meeting);
  if (items.empty()) return "1";
  return items[bytes.next() % items.size()].first;
}

// One edit chosen by the bytes; the meeting unchanged when the edit refuses.
Meeting one_edit(const Meeting& meeting, Bytes& bytes) {
  const std::string& language = meeting.languages[bytes.next() % meeting.languages.size()];
  try {
    switch (bytes.next() % 7) {
      case 0: return edit::set_item_title(meeting, some_key(meeting, bytes), language, bytes.text());
      case 1: return edit::set_annotation(meeting, some_key(meeting, bytes), language, bytes.text());
      case 2: return edit::move_item(meeting, std::to_string(1 + bytes.next() % 7), 1 + bytes.next() % 7);
      case 3: return edit::remove_item(meeting, some_key(meeting, bytes));
      case 4: {
        Item item;
        item.kind = ItemKind::substantive;
        for (const std::string& l : meeting.languages) item.title[l] = "New " + l;
        return edit::add_item(meeting, item, "", bytes.next() % 8);
      }
      case 5: return edit::set_item_minutes(meeting, some_key(meeting, bytes), 1 + bytes.next());
      default: {
        Document document;
        document.symbol = "CTOC/COP/WG.7/2022/" + std::to_string(10 + bytes.next() % 20);
        document.title[language] = bytes.text();
        return edit::add_document(meeting, document, bytes.next() % 2 ? some_key(meeting, bytes) : "");
      }
    }
  } catch (const edit::EditError&) {
    return meeting;
  }
}

bool has_errors(const Meeting& meeting) {
  for (const Finding& finding : check_meeting(meeting, CheckOptions{}))
    if (finding.severity == Severity::error) return true;
  return false;
}

// The example in English and French only: a third of its size, so that
// the fuzzer runs many more inputs a second under its sanitizers.
Meeting two_language_example() {
  Meeting meeting = load_meeting_file(PLENARY_SOURCE_DIR "/examples/ctoc-wg7-2022/meeting.toml").meeting.value();
  nlohmann::json document = nlohmann::json::parse(meeting_to_json(meeting));
  const std::function<void(nlohmann::json&)> keep = [&](nlohmann::json& value) {
    if (value.is_object()) {
      for (const char* language : {"ar", "zh", "ru", "es"}) value.erase(language);
      for (auto& member : value) keep(member);
    } else if (value.is_array()) {
      for (auto& element : value) keep(element);
    }
  };
  keep(document);
  document["meeting"]["languages"] = {"en", "fr"};
  return parse_meeting_json(document.dump(), "example").meeting.value();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Meeting base = two_language_example();
  Bytes bytes(data, size);
  edit::MergeOptions options;
  options.items_kept_their_places = bytes.next() % 2;
  Meeting sides[2] = {base, base};
  for (int side = 0; side < 2; ++side)
    for (int edits = bytes.next() % 4; edits > 0 && !bytes.empty(); --edits) sides[side] = one_edit(sides[side], bytes);
  for (const Meeting& side : sides) {
    check(!has_errors(side));
    check(edit::changed_fields(base, side).empty() == (meeting_to_json(base) == meeting_to_json(side)));
    const edit::MergeResult alone = edit::merge_meetings(base, side, base, options);
    check(alone.conflicts.empty() && meeting_to_json(alone.merged) == meeting_to_json(side));
    const edit::MergeResult other_alone = edit::merge_meetings(base, base, side, options);
    check(other_alone.conflicts.empty() && meeting_to_json(other_alone.merged) == meeting_to_json(side));
    const edit::MergeResult same = edit::merge_meetings(base, side, side, options);
    check(same.conflicts.empty() && meeting_to_json(same.merged) == meeting_to_json(side));
  }
  const edit::MergeResult merged = edit::merge_meetings(base, sides[0], sides[1], options);
  if (!merged.conflicts.empty()) check(meeting_to_json(merged.merged) == meeting_to_json(sides[1]));
  return 0;
}
