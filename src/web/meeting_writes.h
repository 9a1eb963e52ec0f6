// Writes that the JSON API (api.cc) and the editing pages (editor.cc) share,
// so that a form and a request do the same thing with the same checks.
// Internal to src/web. Errors are HttpError, as everywhere in the handlers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/meeting.h"
#include "planning/planner.h"
#include "store/store.h"
#include "web/services.h"

namespace plenary::web {

// The organization of work the planner proposes for `meeting` in `format`:
// against the published one when there is one, so that as few items as
// possible move from where the public saw them.
planning::Plan plan_for(const Meeting& meeting, const store::MeetingRecord& record, Call& call, MeetingFormat format);

struct FormatSwitch {
  store::MeetingRecord saved;
  planning::Plan plan;  // the plan that was saved
};

// Switches the format and saves the re-planned organization of work as the
// version after `based_on_version`, audited as "switch-format". 403 unless
// the caller edits the body; 409 when stale; 422 with the planner's problems
// when no organization of work fits.
FormatSwitch switch_format(Call& call, const store::MeetingRecord& record, int64_t based_on_version,
                           MeetingFormat format);

// Publishes the working meeting as it is at `based_on_version`, with one
// update notice per language of `notices`, dated today (UTC). Only a meeting
// that passes `plenary check --final` goes public: 422 naming the first
// error. 403 unless the caller edits the body; 409 when stale.
store::MeetingRecord publish_meeting(Call& call, const store::MeetingRecord& record, int64_t based_on_version,
                                     const LangText& notices);

// A draft of the meeting that follows `previous` (edit::next_meeting). 403
// unless the caller edits the body; 422 when the draft cannot be made.
Meeting next_meeting_draft(Call& call, const store::MeetingRecord& previous, const std::string& symbol, Date start,
                           Date end);

// Stores `meeting` as a new, unpublished meeting of its body. 403 unless the
// caller edits that body; store::AlreadyExists when its symbol is taken.
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

// The working meeting as an editor read it at `version`: the document the
// last edit at or before that version wrote (a publication copies the
// document, it does not change it). Nothing when the audit log lacks it.
std::optional<Meeting> working_meeting_at(Call& call, int64_t meeting_id, int64_t version);

}  // namespace plenary::web
