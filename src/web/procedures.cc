#include "web/procedures.h"

#include <fmt/format.h>

#include "auth/login.h"
#include "auth/permissions.h"
#include "format/meeting_json.h"
#include "render/layout.h"
#include "web/json_input.h"

namespace plenary::web {

namespace {

using nlohmann::json;

Item* find_mutable_item(std::vector<Item>& items, const std::string& key, int parent = 0) {
  for (Item& item : items) {
    if (item_key(parent ? parent : item.number, parent ? item.number : 0) == key) return &item;
    if (!parent)
      if (Item* sub = find_mutable_item(item.subitems, key, item.number)) return sub;
  }
  return nullptr;
}

// The item whose annotation cites the decision: the one asked for, else
// the adoption of the agenda (which carries the organization of work), else
// the first item.
std::string citing_item(const Meeting& meeting, const std::string& asked) {
  if (!asked.empty()) {
    if (!find_item(meeting, asked)) throw HttpError(422, "there is no item " + asked, "item");
    return asked;
  }
  for (const auto& [key, item] : schedulable_items(meeting))
    if (item->kind == ItemKind::adoption_of_agenda) return key;
  if (meeting.items.empty()) throw HttpError(422, "the meeting has no items to cite the decision in", "item");
  return item_key(meeting.items.front().number);
}

// The key of the item whose annotation cites decision `id` in the draft.
bool cites(const Item& item, const std::string& id) {
  for (const auto& [language, text] : item.annotation)
    for (const Paragraph& paragraph : text)
      for (const Inline& part : paragraph.content)
        if (part.kind == InlineKind::decision_ref && part.target == id) return true;
  return false;
}

std::string item_citing(const Meeting& draft, const std::string& id) {
  for (const Item& item : draft.items) {
    if (cites(item, id)) return item_key(item.number);
    for (const Item& sub : item.subitems)
      if (cites(sub, id)) return item_key(item.number, sub.number);
  }
  return "";
}

std::string deadline_date(const std::string& deadline) { return deadline.substr(0, 10); }

// The meeting as it is once approved: the current working meeting with the
// part the Bureau approved taken from the draft, and the decision recorded
// and cited. Other edits made meanwhile are kept.
Meeting approved_meeting(const Meeting& current, const Meeting& draft, store::ProcedureSubject subject,
                         const Decision& decision, const std::string& item) {
  Meeting out = current;
  switch (subject) {
    case store::ProcedureSubject::organization:
      out.format = draft.format;
      out.organization = draft.organization;
      break;
    case store::ProcedureSubject::topics:
      out.items = draft.items;
      break;
    case store::ProcedureSubject::calendar:
      out.start = draft.start;
      out.end = draft.end;
      out.organization = draft.organization;
      break;
  }
  std::erase_if(out.decisions, [&](const Decision& d) { return d.id == decision.id; });
  out.decisions.push_back(decision);
  if (Item* cited = find_mutable_item(out.items, item))
    for (const std::string& language : out.languages)
      cited->annotation[language].push_back(Paragraph{{Inline{InlineKind::decision_ref, "", decision.id, {}}}});
  return out;
}

// The draft stores its decision and the item citing it, so that the
// procedure needs nothing beyond the store's record.
constexpr char kPendingPrefix[] = "silence-procedure-";

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
           {"objections", objections}};
  out["closed_at"] = p.closed_at.empty() ? json(nullptr) : json(p.closed_at);
  return out;
}

store::SilenceProcedure submit_procedure(Call& call, const store::MeetingRecord& record, int64_t based_on_version,
                                         const ProcedureRequest& request) {
  const store::User& editor = call.editor_of(record.body);
  if (record.version != based_on_version) throw conflict_error(call, record, based_on_version);
  if (request.description.empty()) throw HttpError(400, "say what the Bureau is asked to approve", "description");
  const std::string now = call.now();
  try {
    if (!auth::is_before(now, request.deadline))
      throw HttpError(422, "the deadline " + request.deadline + " is not in the future (now " + now + ")", "deadline");
  } catch (const std::invalid_argument&) {
    throw HttpError(400, "the deadline must be a UTC time like 2022-03-02T12:00:00Z", "deadline");
  }
  Meeting draft = *working_meeting(call, record);
  Decision decision;
  decision.id = fmt::format("{}{}", kPendingPrefix, record.version);
  decision.procedure = Procedure::silence;
  decision.date = *parse_iso_date(deadline_date(request.deadline));
  decision.approved = request.approved;
  decision.by = request.by;
  if (decision.by.empty())
    for (const Decision& earlier : draft.decisions)
      if (earlier.procedure == Procedure::silence) decision.by = earlier.by;
  for (const std::string& language : draft.languages) {
    if (!text_in(decision.approved, language))
      throw HttpError(422, "say what is approved in " + language + " too", "approved." + language);
    if (!text_in(decision.by, language))
      throw HttpError(422, "say who approves in " + language + " (\"by\")", "by." + language);
  }
  const std::string item = citing_item(draft, request.item);
  draft = approved_meeting(draft, draft, request.subject, decision, item);
  for (const Finding& finding : check_meeting(draft, CheckOptions{}))
    if (finding.severity == Severity::error)
      throw HttpError(422, "the proposal has errors: " + finding.path + ": " + finding.message, finding.path);
  return call.store->submit_procedure(record.id, request.subject, request.description,
                                      meeting_to_json(draft), based_on_version, request.deadline, editor.name);
}

int conclude_due_procedures(Services& services) {
  StorePool::Lease store = services.stores.lease();
  int approved = 0;
  for (const store::SilenceProcedure& procedure : store->procedures_due(services.config.clock())) {
    if (!procedure.objections.empty()) continue;
    std::optional<store::MeetingRecord> record = store->meeting(procedure.meeting_id);
    if (!record) continue;
    MeetingFile draft = parse_meeting_json(procedure.draft, "procedure draft");
    MeetingFile current = parse_meeting_json(record->document, "meeting");
    if (!draft.meeting || !current.meeting) continue;
    const Decision* decision = nullptr;
    for (const Decision& d : draft.meeting->decisions)
      if (d.id.rfind(kPendingPrefix, 0) == 0) decision = &d;
    if (!decision) continue;
    const std::string item = item_citing(*draft.meeting, decision->id);
    Meeting result = approved_meeting(*current.meeting, *draft.meeting, procedure.subject, *decision, item);
    // Already cited in the draft: do not cite twice when nothing changed.
    if (procedure.based_on_version == record->version) result = *draft.meeting;
    const bool publish = procedure.subject == store::ProcedureSubject::organization;
    std::vector<store::NoticeText> notices;
    if (publish)
      for (const std::string& language : result.languages) {
        const Catalog& catalog = services.catalog(language);
        const std::string* by = text_in(decision->by, language);
        const std::string* what = text_in(decision->approved, language);
        notices.push_back({deadline_date(procedure.deadline), language,
                           decision_sentence(*decision, by ? *by : "", what ? *what : "", catalog)});
      }
    try {
      store->conclude_procedure(procedure.id, record->version, meeting_to_json(result), "silence procedure", publish,
                                notices);
      ++approved;
    } catch (const store::StoreError&) {
      // Changed meanwhile, or concluded by another server: the next round retries.
    }
  }
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
