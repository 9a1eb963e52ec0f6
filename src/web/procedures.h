// Bureau approval by silence procedure. An editor submits the working
// meeting with a proposed decision and a deadline; a Bureau member may
// object before the deadline, which stops the procedure; at the deadline,
// silence approves: the decision is recorded in the meeting, cited in the
// annotation of the item it concerns, and, for a revised organization of
// work, the meeting is published with an update notice in each language.
#pragma once

#include <string>

#include "model/meeting.h"
#include "store/store.h"
#include "web/services.h"

namespace plenary::web {

struct ProcedureRequest {
  store::ProcedureSubject subject = store::ProcedureSubject::organization;
  std::string description;  // what is proposed, for the Bureau
  std::string deadline;     // ISO 8601 UTC, in the future
  LangText by;              // "the extended Bureau"; by default that of the meeting's last decision by silence
  LangText approved;        // "the revised organization of work", in each language of the meeting
  std::string item;         // the item whose annotation cites the decision; by default the adoption of the agenda
};

// Submits the working meeting at `based_on_version`. 409 when stale; 422
// when the request is incomplete (a language without its `approved` text).
store::SilenceProcedure submit_procedure(Call& call, const store::MeetingRecord& record, int64_t based_on_version,
                                         const ProcedureRequest& request);

// Concludes every procedure due at the store's "now": approves the silent
// ones. A procedure whose meeting changed in a way that conflicts is left
// open and retried. Returns how many were approved.
int conclude_due_procedures(Services& services);

nlohmann::json procedure_json(const store::SilenceProcedure& procedure);

void add_procedure_api_routes(Services& services);

}  // namespace plenary::web
