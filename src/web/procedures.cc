#include "web/procedures.h"

#include <fmt/format.h>

#include "auth/login.h"
#include "auth/permissions.h"
#include "format/meeting_json.h"
#include "render/layout.h"
#include "web/json_input.h"
#include "web/meeting_writes.h"

namespace plenary::web {

namespace {

using nlohmann::json;

}  // namespace

json procedure_json(const store::SilenceProcedure& p) {
  json objections = json::array();
  for (const store::Objection& o : p.objections)
    objections.push_back({{"who", o.who}, {"at", o.at}, {"comment", o.comment}});
  json out{{"id", p.id},
           {"meeting_id", p.meeting_id},
           {"subject", store::to_string(p.subject)},
           {"description", p.description},
           {"based_on_version", p.based_on_version},
           {"deadline", p.deadline},
           {"submitted_by", p.submitted_by},
           {"submitted_at", p.submitted_at},
           {"status", store::to_string(p.status)},
           {"publishes", workflow::procedure_publishes(p.subject)},
           {"objections", objections}};
  out["closed_at"] = p.closed_at.empty() ? json(nullptr) : json(p.closed_at);
  return out;
}

store::SilenceProcedure submit_procedure(Call& call, const store::MeetingRecord& record, int64_t based_on_version,
                                         const ProcedureRequest& request) {
  return workflow::submit_procedure(*call.store, actor_for(call, record.body), record, based_on_version, request);
}

int conclude_due_procedures(Services& services) {
  StorePool::Lease store = services.stores.lease();
  const int approved = workflow::conclude_due_procedures(
      *store, services.config.clock(), [&services](const std::string& language) -> const Catalog& {
        return services.catalog(language);
      });
  if (approved > 0) services.summaries.forget();
  return approved;
}

void add_procedure_api_routes(Services& services) {
  Router& r = services.router;

  r.add("POST", "/api/v1/meetings/{id}/procedures", [&services](const Request& request, const RouteParams& params) {
    Call call(services, request);
    const store::MeetingRecord record = find_meeting(call, id_param(params, "id"));
    call.editor_of(record.body);
    const json body = json_body(request);
    only_keys(body, {"based_on_version", "subject", "description", "deadline", "approved", "by", "item"});
    const int64_t based_on = based_on_version(body);
    ProcedureRequest proposal;
    const std::string subject = text_member(body, "subject");
    std::optional<store::ProcedureSubject> parsed = store::procedure_subject_from(subject);
    if (!parsed) throw HttpError(400, "\"subject\" must be calendar, topics or organization", "subject");
    proposal.subject = *parsed;
    proposal.description = text_member(body, "description");
    proposal.deadline = text_member(body, "deadline");
    if (body.contains("approved")) proposal.approved = lang_text_member(body, "approved");
    if (body.contains("by")) proposal.by = lang_text_member(body, "by");
    proposal.item = text_member(body, "item", false);
    if (!proposal.item.empty()) {
      std::optional<std::string> key = parse_item_key(proposal.item);
      if (!key) throw HttpError(400, "\"item\" must be an item number like 1 (b)", "item");
      proposal.item = *key;
    }
    const store::SilenceProcedure procedure =
        submit_procedure(call, record, based_on, proposal);
    Response response = json_response(201, procedure_json(procedure));
    response.set("location", fmt::format("/api/v1/procedures/{}", procedure.id));
    return response;
  });

  r.add("GET", "/api/v1/meetings/{id}/procedures", [&services](const Request& request, const RouteParams& params) {
    conclude_due_procedures(services);
    Call call(services, request);
    const store::MeetingRecord record = find_meeting(call, id_param(params, "id"));
    if (!reads_drafts(call, record.body)) {
      call.user();
      throw HttpError(403, "procedures are for the secretariat and the Bureau of " + record.body);
    }
    json out = json::array();
    for (const store::SilenceProcedure& p : call.store->procedures(record.id)) out.push_back(procedure_json(p));
    return json_response(200, out);
  });

  // The procedure with its meeting's body checked, for the routes below.
  auto procedure_for = [](Call& call, const RouteParams& params) {
    std::optional<store::SilenceProcedure> procedure = call.store->procedure(id_param(params, "pid"));
    if (!procedure) throw HttpError(404, "there is no procedure " + params.at("pid"));
    const store::MeetingRecord record = find_meeting(call, procedure->meeting_id);
    if (!reads_drafts(call, record.body)) {
      call.user();
      throw HttpError(403, "procedures are for the secretariat and the Bureau of " + record.body);
    }
    return std::make_pair(*procedure, record);
  };

  r.add("GET", "/api/v1/procedures/{pid}", [&services, procedure_for](const Request& request, const RouteParams& params) {
    conclude_due_procedures(services);
    Call call(services, request);
    return json_response(200, procedure_json(procedure_for(call, params).first));
  });

  r.add("POST", "/api/v1/procedures/{pid}/objections", [&services, procedure_for](const Request& request, const RouteParams& params) {
    Call call(services, request);
    const auto [procedure, record] = procedure_for(call, params);
    const store::User& member = call.user();
    if (!auth::may_object(member, record.body))
      throw HttpError(403, "only members of the Bureau of " + record.body + " may break the silence");
    const json body = json_body(request);
    only_keys(body, {"comment"});
    const std::string comment = text_member(body, "comment", false);
    if (comment.empty()) throw HttpError(400, "say why you object: \"comment\" is required", "comment");
    return json_response(200, procedure_json(call.store->object(procedure.id, member.name, comment)));
  });

  r.add("POST", "/api/v1/procedures/{pid}/withdraw", [&services, procedure_for](const Request& request, const RouteParams& params) {
    Call call(services, request);
    const auto [procedure, record] = procedure_for(call, params);
    const store::User& editor = call.editor_of(record.body);
    // A browser must send JSON, which a form on another site cannot: the
    // CSRF defence of every other API write, which all read a JSON body.
    if (call.caller().session) json_body(request);
    return json_response(200, procedure_json(call.store->withdraw(procedure.id, editor.name)));
  });
}

}  // namespace plenary::web
