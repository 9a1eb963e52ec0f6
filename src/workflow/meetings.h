// The secretariat's work on a meeting, as the steps the API and the editing
// pages share: saving a change (merged with what others saved meanwhile,
// audited, never touching what a silence procedure holds), re-planning the
// organization of work when a change invalidates it, switching the format,
// publishing. Each step checks who may do it and refuses with
// workflow::Refused (errors.h); none knows HTTP.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/meeting.h"
#include "planning/planner.h"
#include "store/store.h"
#include "workflow/errors.h"

namespace plenary::workflow {

// Who acts, and when: the account and the time to record (ISO 8601 UTC).
struct Actor {
  const store::User& user;
  std::string now;
};

// The working meeting of a record; Refused(unprocessable) when the stored
// document cannot be read.
Meeting working_meeting(const store::MeetingRecord& record);

// The working meeting as an editor read it at `version`: the document the
// last edit at or before that version wrote (a publication does not change
// it). Nothing when the audit log lacks it.
std::optional<Meeting> meeting_at(store::Store& store, int64_t meeting_id, int64_t version);

// Refused(not_allowed) unless the account may edit the body's meetings.
void require_editor(const store::User& user, const std::string& body);

// The organization of work the planner proposes for `meeting` in `format`:
// against the published one when there is one, so that as few items as
// possible move from where the public saw them.
planning::Plan plan_for(const Meeting& meeting, const store::MeetingRecord& record, MeetingFormat format);

using Change = std::function<Meeting(const Meeting&)>;

struct SaveOptions {
  // Withdraw the open procedures that hold a field the change touches,
  // instead of refusing the change.
  bool withdraw_procedures = false;
  // Work out the result, and do not save it: for previews.
  bool dry_run = false;
};

struct Saved {
  store::MeetingRecord record;    // as saved (with dry_run: as it was)
  Meeting meeting;                // the working meeting after the change
  bool merged = false;            // the change was made to an older version and merged
  // The change left the organization of work unable to follow the agenda,
  // so it was planned again with the fewest moves: what moved.
  std::vector<planning::PlanChange> replanned;
  std::vector<int64_t> withdrawn;  // procedures withdrawn for the change
};

// Applies `change` to the meeting as the editor read it at
// `based_on_version` and saves the result as the next version, audited as
// `action`. When others saved since, the edit is merged field by field
// (edit::merge_meetings): it lands unless it changes a field they changed,
// then Stale with both texts. Refused when the result has errors
// (unprocessable, with every finding), when an open silence procedure holds
// a field it changes (HeldByProcedure, naming the procedure; see
// SaveOptions::withdraw_procedures), when the agenda symbol is another
// meeting's (conflict), and when edit::EditError is thrown (unprocessable).
// A change that leaves the organization of work empty re-plans it instead.
Saved save_change(store::Store& store, const Actor& actor, const store::MeetingRecord& record,
                  int64_t based_on_version, const std::string& action, const Change& change,
                  const SaveOptions& options = {});

struct FormatSwitch {
  Saved saved;
  planning::Plan plan;  // the plan that was saved
};

// Switches the format and saves the re-planned organization of work, audited
// as "switch-format". Refused(unprocessable) with the planner's problems when
// no organization of work fits.
FormatSwitch switch_format(store::Store& store, const Actor& actor, const store::MeetingRecord& record,
                           int64_t based_on_version, MeetingFormat format, const SaveOptions& options = {});

struct PublishOptions {
  // A meeting with no organization of work is published only when asked
  // for explicitly: its annex and calendar would be empty.
  bool without_organization = false;
};

// Publishes the working meeting as it is at `based_on_version`, with one
// update notice per language of `notices` (empty texts are no notice),
// dated today. Only a meeting that passes `plenary check --final` goes
// public: Refused(unprocessable) with the findings. Stale when the meeting
// changed since `based_on_version`.
store::MeetingRecord publish(store::Store& store, const Actor& actor, const store::MeetingRecord& record,
                             int64_t based_on_version, const LangText& notices, const PublishOptions& options = {});

// Stores `meeting` as a new, unpublished meeting of its body, after the
// checks. Refused(conflict) when its symbol is taken.
store::MeetingRecord create_meeting(store::Store& store, const Actor& actor, const Meeting& meeting);

// Stale for an editor whose `based_on_version` is not the current one,
// with what changed since.
Stale stale_error(store::Store& store, const store::MeetingRecord& current, int64_t based_on_version,
                  std::vector<edit::MergeConflict> conflicts = {});

}  // namespace plenary::workflow
