// Feeds arbitrary bytes to the meeting file reader and the checks, and checks
// what must always hold of what the author is shown.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "format/meeting_file.h"

namespace {

// Like assert, but not compiled out in release builds.
void check(bool condition) {
  if (!condition) std::abort();
}

// Every diagnostic names the file and a place inside it.
void check_diagnostics(const std::vector<plenary::Diagnostic>& diagnostics, std::string_view text) {
  const int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
  for (const plenary::Diagnostic& d : diagnostics) {
    check(d.file == "fuzz.toml");
    check(!d.message.empty());
    check(d.position.line >= 1 && d.position.line <= lines);
    check(d.position.column >= 1 && static_cast<size_t>(d.position.column) <= text.size() + 1);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace plenary;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const MeetingFile file = parse_meeting_file(text, "fuzz.toml");
  check(file.unreadable != file.meeting.has_value());
  check(!file.unreadable || file.diagnostics.size() == 1);
  check_diagnostics(file.diagnostics, text);
  if (!file.meeting) return 0;

  // Keys in the organization of work are normalized.
  for (const Slot& slot : file.meeting->organization.slots)
    for (const SlotItem& item : slot.items) check(parse_item_key(item.item) == item.item);

  for (bool final : {false, true}) {
    const std::vector<Diagnostic> diagnostics = check_meeting_file(file, CheckOptions{.final = final});
    check(diagnostics.size() >= file.diagnostics.size());
    check_diagnostics(diagnostics, text);
  }
  return 0;
}
