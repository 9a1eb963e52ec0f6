// The workflows (src/workflow) as the API (api.cc) and the editing pages
// (editor.cc) call them: the caller's account and the server's clock made
// into the workflow's actor. Internal to src/web. The workflows refuse with
// workflow::Refused, which App::handle and the pages map to statuses
// (web_error in services.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/meeting.h"
#include "planning/planner.h"
#include "store/store.h"
#include "web/services.h"
#include "workflow/meetings.h"

namespace plenary::web {

// The workflow's actor for the calling editor: 401 without an account, 403
// unless it edits `body`.
workflow::Actor actor_for(Call& call, const std::string& body);

// workflow::plan_for.
planning::Plan plan_for(const Meeting& meeting, const store::MeetingRecord& record, Call& call, MeetingFormat format);

struct FormatSwitch {
  store::MeetingRecord saved;
  planning::Plan plan;  // the plan that was saved
};

// workflow::switch_format for the calling editor.
FormatSwitch switch_format(Call& call, const store::MeetingRecord& record, int64_t based_on_version,
                           MeetingFormat format);

// workflow::publish for the calling editor, with one update notice per
// language of `notices`, dated today (UTC).
store::MeetingRecord publish_meeting(Call& call, const store::MeetingRecord& record, int64_t based_on_version,
                                     const LangText& notices, const workflow::PublishOptions& options = {});

// A draft of the meeting that follows `previous` (edit::next_meeting). 403
// unless the caller edits the body; 422 when the draft cannot be made.
Meeting next_meeting_draft(Call& call, const store::MeetingRecord& previous, const std::string& symbol, Date start,
                           Date end);

// workflow::create_meeting for the calling editor.
store::MeetingRecord create_meeting(Call& call, const Meeting& meeting);

// What an item editor changes; what is not set stays as it is.
struct ItemChanges {
  std::optional<LangText> title;       // by language; empty text removes it
  std::optional<LangText> annotation;  // Markdown by language
  bool set_minutes = false;
  std::optional<int> minutes;  // with set_minutes: nothing removes the estimate
  std::optional<ItemKind> kind;
};

// The item edits of PATCH /api/v1/meetings/{id}/items/{key}, in its order:
// titles, annotations, minutes, kind. Throws edit::EditError.
Meeting change_item(const Meeting& meeting, const std::string& key, const ItemChanges& changes);

// workflow::meeting_at.
std::optional<Meeting> working_meeting_at(Call& call, int64_t meeting_id, int64_t version);

}  // namespace plenary::web
