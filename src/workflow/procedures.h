// Bureau approval by silence procedure. An editor submits the working
// meeting with a proposed decision and a deadline; a Bureau member may
// object before the deadline, which stops the procedure; at the deadline,
// silence approves: the decision is recorded in the meeting and cited in the
// annotation of the item it concerns, and, for a revised organization of
// work, the meeting is published with an update notice in each language.
//
// While a procedure is open, what it puts before the Bureau is held: an
// edit that would change it is refused (HeldByProcedure), so an approval
// never undoes an edit and never publishes something the Bureau did not see.
// The approval adds only the decision and its citation to the meeting as it
// is then: every other edit made meanwhile is kept.
#pragma once

#include <functional>
#include <string>

#include "i18n/catalog.h"
#include "model/meeting.h"
#include "store/store.h"
#include "workflow/errors.h"
#include "workflow/meetings.h"

namespace plenary::workflow {

struct ProcedureRequest {
  store::ProcedureSubject subject = store::ProcedureSubject::organization;
  std::string description;  // what is proposed, for the Bureau
  std::string deadline;     // ISO 8601 UTC, in the future
  LangText by;              // "the extended Bureau"; by default that of the meeting's last decision by silence
  LangText approved;        // "the revised organization of work", in each language of the meeting
  std::string item;         // the item whose annotation cites the decision; by default the adoption of the agenda
};

// Whether a procedure on `subject` holds the meeting's field `field` (a
// path as edit::changed_fields names it):
//   topics        the agenda: its items and sub-items, their numbers, kinds
//                 and titles (not annotations, documents or estimates)
//   organization  the organization of work, the format and the planning settings
//   calendar      the meeting's dates and the organization of work
bool procedure_covers(store::ProcedureSubject subject, const std::string& field);

// Whether approving a procedure on `subject` publishes the meeting.
bool procedure_publishes(store::ProcedureSubject subject);

// What a procedure on `subject` puts before the Bureau, in words: "the agenda items and their titles".
std::string subject_in_words(store::ProcedureSubject subject);

// The refusal for an edit to `field`, which `procedure` holds.
HeldByProcedure held_error(const store::SilenceProcedure& procedure, const std::string& field);

// Submits the working meeting at `based_on_version`. Stale when the meeting
// changed since; Refused when the request is incomplete (a language without
// its `approved` text) or the deadline is not in the future.
store::SilenceProcedure submit_procedure(store::Store& store, const Actor& actor, const store::MeetingRecord& record,
                                         int64_t based_on_version, const ProcedureRequest& request);

// The house style of a language, for the decision sentences of notices.
using CatalogFor = std::function<const Catalog&(const std::string& language)>;

// Concludes every procedure due at `now`: approves the silent ones. A
// procedure whose meeting changed while it was being concluded is left
// open, for the next round. Returns how many were approved.
int conclude_due_procedures(store::Store& store, const std::string& now, const CatalogFor& catalog);

}  // namespace plenary::workflow
