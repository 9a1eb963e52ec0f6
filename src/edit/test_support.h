// Shared by the edit tests: the example meeting and its acceptance.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "edit/edit.h"
#include "format/meeting_file.h"
#include "model/check.h"

namespace plenary::edit::testing {

// The ninth meeting of CTOC/COP/WG.7: six items, 1 (a) and 1 (b) under 1,
// four plenary meetings on 27 and 28 June 2022.
inline Meeting example() {
  MeetingFile file = load_meeting_file(PLENARY_SOURCE_DIR "/examples/ctoc-wg7-2022/meeting.toml");
  EXPECT_TRUE(file.meeting && file.diagnostics.empty());
  return file.meeting.value_or(Meeting{});
}

// The errors check_meeting finds, as "path: message".
inline std::vector<std::string> errors(const Meeting& meeting) {
  std::vector<std::string> out;
  for (const Finding& finding : check_meeting(meeting, CheckOptions{}))
    if (finding.severity == Severity::error) out.push_back(finding.path + ": " + finding.message);
  return out;
}

// The errors that keep the meeting from being published (check --final).
inline std::vector<std::string> final_errors(const Meeting& meeting) {
  std::vector<std::string> out;
  for (const Finding& finding : check_meeting(meeting, CheckOptions{.final = true}))
    if (finding.severity == Severity::error) out.push_back(finding.path + ": " + finding.message);
  return out;
}

// `text` followed by " (ar)", " (zh)" and so on in each official language.
inline LangText in_every_language(const std::string& text) {
  LangText out;
  for (const char* lang : kOfficialLanguages) out[lang] = text + " (" + lang + ")";
  return out;
}

// Slot by slot, the item keys with "+" for continued: {"1 (a)", "2+"}.
inline std::vector<std::vector<std::string>> rows(const OrganizationOfWork& organization) {
  std::vector<std::vector<std::string>> out;
  for (const Slot& slot : organization.slots) {
    out.emplace_back();
    for (const SlotItem& entry : slot.items) out.back().push_back(entry.item + (entry.continued ? "+" : ""));
  }
  return out;
}

// The EditError `edit` throws; a failure when it throws none.
template <typename Edit>
EditError error_of(Edit&& edit) {
  try {
    std::forward<Edit>(edit)();
  } catch (const EditError& error) {
    return error;
  }
  ADD_FAILURE() << "expected an EditError";
  return EditError("", "");
}

inline Item topic(const std::string& english) {
  Item item;
  item.kind = ItemKind::substantive;
  item.title = {{"en", english}};
  return item;
}

}  // namespace plenary::edit::testing
