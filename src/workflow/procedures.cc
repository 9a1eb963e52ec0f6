#include "workflow/procedures.h"

#include <fmt/format.h>

#include <set>

#include "auth/login.h"
#include "format/meeting_json.h"
#include "model/check.h"
#include "render/layout.h"

namespace plenary::workflow {

namespace {

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

// `field` without a leading "name[N]" and the dot after it, if it has one.
std::optional<std::string> after_element(const std::string& field, const std::string& name) {
  if (!starts_with(field, name + "[")) return std::nullopt;
  const size_t close = field.find(']');
  if (close == std::string::npos) return std::nullopt;
  std::string rest = field.substr(close + 1);
  if (!rest.empty() && rest[0] == '.') rest.erase(0, 1);
  return rest;
}

bool in_agenda(const std::string& field) {
  if (field == "items") return true;
  std::optional<std::string> rest = after_element(field, "items");
  if (!rest) return false;
  if (std::optional<std::string> sub = after_element(*rest, "subitems")) rest = sub;
  const std::string key = rest->substr(0, rest->find_first_of(".["));
  return key.empty() || key == "title" || key == "kind" || key == "number" || key == "subitems";
}

bool in_organization(const std::string& field) {
  return field == "organization" || starts_with(field, "organization.") || field == "planning" ||
         starts_with(field, "planning.") || field == "meeting.format";
}

bool in_calendar(const std::string& field) {
  return field == "meeting.start" || field == "meeting.end" || field == "organization" ||
         starts_with(field, "organization.");
}

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
    if (!find_item(meeting, asked)) throw Refused(Refusal::unprocessable, "there is no item " + asked, "item");
    return asked;
  }
  for (const auto& [key, item] : schedulable_items(meeting))
    if (item->kind == ItemKind::adoption_of_agenda) return key;
  if (meeting.items.empty())
    throw Refused(Refusal::unprocessable, "the meeting has no items to cite the decision in", "item");
  return item_key(meeting.items.front().number);
}

bool cites(const Item& item, const std::string& id) {
  for (const auto& [language, text] : item.annotation)
    for (const Paragraph& paragraph : text)
      for (const Inline& part : paragraph.content)
        if (part.kind == InlineKind::decision_ref && part.target == id) return true;
  return false;
}

// The key of the item whose annotation cites decision `id`, or "".
std::string item_citing(const Meeting& meeting, const std::string& id) {
  for (const Item& item : meeting.items) {
    if (cites(item, id)) return item_key(item.number);
    for (const Item& sub : item.subitems)
      if (cites(sub, id)) return item_key(item.number, sub.number);
  }
  return "";
}

// `meeting` with the decision recorded and cited, once, at the end of the
// item's annotation in every language.
Meeting with_decision(const Meeting& meeting, const Decision& decision, const std::string& item) {
  Meeting out = meeting;
  const bool cited_already = !item_citing(out, decision.id).empty();
  std::erase_if(out.decisions, [&](const Decision& d) { return d.id == decision.id; });
  out.decisions.push_back(decision);
  if (cited_already) return out;
  if (Item* citing = find_mutable_item(out.items, item))
    for (const std::string& language : out.languages)
      citing->annotation[language].push_back(Paragraph{{Inline{InlineKind::decision_ref, "", decision.id, {}}}});
  return out;
}

// An id for the decision of a new procedure that no decision of the meeting
// has and no earlier procedure of the meeting used: the decisions of two
// procedures submitted from one version must not be taken for one. The
// store never forgets a procedure, so their count only grows.
std::string new_decision_id(store::Store& store, int64_t meeting_id, const Meeting& meeting,
                            store::ProcedureSubject subject) {
  std::set<std::string> taken;
  for (const Decision& decision : meeting.decisions) taken.insert(decision.id);
  for (size_t n = store.procedures(meeting_id).size() + 1;; ++n) {
    const std::string id = fmt::format("bureau-{}-{}", store::to_string(subject), n);
    if (!taken.count(id)) return id;
  }
}

std::string plain_time(const std::string& iso) {
  // "2022-03-10T12:00:00Z" -> "2022-03-10 at 12:00 UTC"
  if (iso.size() < 16) return iso;
  return iso.substr(0, 10) + " at " + iso.substr(11, 5) + " UTC";
}

}  // namespace

bool procedure_covers(store::ProcedureSubject subject, const std::string& field) {
  switch (subject) {
    case store::ProcedureSubject::topics: return in_agenda(field);
    case store::ProcedureSubject::organization: return in_organization(field);
    case store::ProcedureSubject::calendar: return in_calendar(field);
  }
  return false;
}

bool procedure_publishes(store::ProcedureSubject subject) { return subject == store::ProcedureSubject::organization; }

std::string subject_in_words(store::ProcedureSubject subject) {
  switch (subject) {
    case store::ProcedureSubject::topics: return "the agenda items and their titles";
    case store::ProcedureSubject::organization: return "the organization of work";
    case store::ProcedureSubject::calendar: return "the dates of the meeting";
  }
  return "";
}

HeldByProcedure held_error(const store::SilenceProcedure& procedure, const std::string& field) {
  return HeldByProcedure(
      fmt::format("{} {} before the Bureau by silence procedure (submitted by {}, deadline {}), and this change "
                  "would alter them. Wait until the procedure ends, or withdraw it and make the change.",
                  subject_in_words(procedure.subject),
                  procedure.subject == store::ProcedureSubject::organization ? "is" : "are",
                  procedure.submitted_by, plain_time(procedure.deadline)),
      field, procedure.id);
}

store::SilenceProcedure submit_procedure(store::Store& store, const Actor& actor, const store::MeetingRecord& record,
                                         int64_t based_on_version, const ProcedureRequest& request) {
  require_editor(actor.user, record.body);
  if (record.version != based_on_version) throw stale_error(store, record, based_on_version);
  if (request.description.empty())
    throw Refused(Refusal::unprocessable, "say what the Bureau is asked to approve", "description");
  try {
    if (!auth::is_before(actor.now, request.deadline))
      throw Refused(Refusal::unprocessable,
                    "the deadline " + plain_time(request.deadline) + " is not in the future (it is now " +
                        plain_time(actor.now) + ")",
                    "deadline");
  } catch (const std::invalid_argument&) {
    throw Refused(Refusal::malformed, "the deadline must be a time in UTC like 2022-03-02T12:00:00Z", "deadline");
  }
  const Meeting current = working_meeting(record);
  Decision decision;
  decision.id = new_decision_id(store, record.id, current, request.subject);
  decision.procedure = Procedure::silence;
  decision.date = *parse_iso_date(request.deadline.substr(0, 10));
  decision.approved = request.approved;
  decision.by = request.by;
  if (decision.by.empty())
    for (const Decision& earlier : current.decisions)
      if (earlier.procedure == Procedure::silence) decision.by = earlier.by;
  for (const std::string& language : current.languages) {
    if (!text_in(decision.approved, language))
      throw Refused(Refusal::unprocessable, "say what is approved in " + language + " too", "approved." + language);
    if (!text_in(decision.by, language))
      throw Refused(Refusal::unprocessable, "say who approves in " + language + " (\"by\")", "by." + language);
  }
  const Meeting draft = with_decision(current, decision, citing_item(current, request.item));
  for (const plenary::Finding& finding : check_meeting(draft, CheckOptions{}))
    if (finding.severity == Severity::error)
      throw Refused(Refusal::unprocessable, "the proposal has errors: " + finding.message, finding.path);
  return store.submit_procedure(record.id, request.subject, request.description, meeting_to_json(draft),
                                based_on_version, request.deadline, actor.user.name);
}

int conclude_due_procedures(store::Store& store, const std::string& now, const CatalogFor& catalog) {
  int approved = 0;
  for (const store::SilenceProcedure& procedure : store.procedures_due(now)) {
    if (!procedure.objections.empty()) continue;
    std::optional<store::MeetingRecord> record = store.meeting(procedure.meeting_id);
    if (!record) continue;
    MeetingFile draft = parse_meeting_json(procedure.draft, "procedure draft");
    if (!draft.meeting) continue;
    const Meeting current = working_meeting(*record);
    // The procedure's decision: the one the draft adds to the meeting it was made from.
    std::optional<Meeting> base = meeting_at(store, record->id, procedure.based_on_version);
    const Decision* decision = nullptr;
    for (const Decision& d : draft.meeting->decisions)
      if (!base || !find_decision(*base, d.id)) decision = &d;
    if (!decision) continue;
    const Meeting result = with_decision(current, *decision, item_citing(*draft.meeting, decision->id));
    const bool publish = procedure_publishes(procedure.subject);
    std::vector<store::NoticeText> notices;
    if (publish)
      for (const std::string& language : result.languages) {
        const std::string* by = text_in(decision->by, language);
        const std::string* what = text_in(decision->approved, language);
        notices.push_back({procedure.deadline.substr(0, 10), language,
                           decision_sentence(*decision, by ? *by : "", what ? *what : "", catalog(language))});
      }
    try {
      store.conclude_procedure(procedure.id, record->version, meeting_to_json(result), "silence procedure", publish,
                               notices);
      ++approved;
    } catch (const store::StoreError&) {
      // Changed meanwhile, or concluded by another server: the next round retries.
    }
  }
  return approved;
}

}  // namespace plenary::workflow
