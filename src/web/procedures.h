// The silence procedure's routes under /api/v1; the procedure itself is a
// workflow (workflow/procedures.h).
#pragma once

#include <string>

#include "model/meeting.h"
#include "store/store.h"
#include "web/services.h"
#include "workflow/procedures.h"

namespace plenary::web {

using workflow::ProcedureRequest;

// workflow::submit_procedure for the calling editor.
store::SilenceProcedure submit_procedure(Call& call, const store::MeetingRecord& record, int64_t based_on_version,
                                         const ProcedureRequest& request);

// workflow::conclude_due_procedures at the server's clock; forgets the
// cached summaries when one was approved.
int conclude_due_procedures(Services& services);

nlohmann::json procedure_json(const store::SilenceProcedure& procedure);

void add_procedure_api_routes(Services& services);

}  // namespace plenary::web
