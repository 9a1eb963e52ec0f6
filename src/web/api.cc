// The JSON API under /api/v1 (docs/api.yaml). Reads of published meetings
// are public; drafts, plans and the audit need an account that may read
// the body's drafts; writes need an editor of the body and name the version
// they were based on.
#include <fmt/format.h>

#include <limits>

#include "auth/permissions.h"
#include "edit/diff.h"
#include "edit/edit.h"
#include "format/meeting_json.h"
#include "format/plan_json.h"
#include "planning/planner.h"
#include "web/downloads.h"
#include "web/json_input.h"
#include "web/meeting_writes.h"
#include "web/procedures.h"
#include "web/services.h"

namespace plenary::web {

namespace {

using nlohmann::json;

json summary_json(const store::MeetingSummary& m) {
  json out{{"id", m.id},
           {"body", m.body},
           {"symbol", m.symbol},
           {"version", m.version},
           {"published", m.published},
           {"calendar_sequence", m.calendar_sequence},
           {"created_at", m.created_at},
           {"updated_at", m.updated_at}};
  out["published_at"] = m.published ? json(m.published_at) : json(nullptr);
  return out;
}

// A meeting given as JSON: read and checked like a meeting file; 422 with
// the findings (each naming its field) when it has errors.
Meeting meeting_from(const json& value, const std::string& field) {
  if (!value.is_object()) throw HttpError(400, "\"" + field + "\" must be a meeting object", field);
  MeetingFile file = parse_meeting_json(value.dump(), field);
  json findings = json::array();
  std::string first;
  std::string first_path;
  for (const Diagnostic& d : check_meeting_file(file, CheckOptions{})) {
    if (d.severity != Severity::error) continue;
    const std::string path = d.path.empty() ? field : field + "." + d.path;
    if (first.empty()) first = d.message, first_path = path;
    findings.push_back({{"field", path}, {"message", d.message}});
  }
  if (!findings.empty() || !file.meeting)
    throw HttpError(file.unreadable ? 400 : 422, "the meeting has errors: " + first_path + ": " + first, first_path,
                    {{"findings", findings}});
  return std::move(*file.meeting);
}

// One item given as JSON, read by the meeting reader: placed in a copy of
// the meeting so that it gets the same checks and messages as in a file.
Item item_from(const Meeting& meeting, const json& value) {
  if (!value.is_object()) throw HttpError(400, "\"item\" must be an item object", "item");
  json document = json::parse(meeting_to_json(meeting));
  json item = value;
  item["number"] = document["items"].size() + 1;
  document["items"].push_back(item);
  MeetingFile file = parse_meeting_json(document.dump(), "item");
  const std::string prefix = "items[" + std::to_string(document["items"].size() - 1) + "]";
  for (const Diagnostic& d : file.diagnostics) {
    if (d.severity != Severity::error) continue;
    std::string path = d.path.rfind(prefix, 0) == 0 ? "item" + d.path.substr(prefix.size()) : d.path;
    throw HttpError(422, "the item has errors: " + path + ": " + d.message, path);
  }
  if (!file.meeting || file.meeting->items.empty()) throw HttpError(422, "the item cannot be read", "item");
  return file.meeting->items.back();
}

std::string item_key_param(const RouteParams& params) {
  const std::string& text = params.at("key");
  std::optional<std::string> key = parse_item_key(text);
  if (!key) throw HttpError(404, "\"" + text + "\" is not an item number like 2 or 1 (a)", "key");
  return *key;
}

// The path names an item or a decision: one the meeting lacks is a 404,
// like an unknown meeting, not a problem with the body.
void require_item(const Meeting& meeting, const std::string& key) {
  if (!find_item(meeting, key)) throw HttpError(404, "there is no item " + key, "key");
}

void require_decision(const Meeting& meeting, const std::string& id) {
  for (const Decision& decision : meeting.decisions)
    if (decision.id == id) return;
  throw HttpError(404, "there is no decision \"" + id + "\"", "decision");
}

// The meeting's record with a check that the caller may read it: the
// public sees only published meetings.
struct Readable {
  store::MeetingRecord record;
  bool drafts = false;  // the caller may see the working document
};

Readable readable_meeting(Call& call, const RouteParams& params) {
  Readable readable{find_meeting(call, id_param(params, "id"))};
  readable.drafts = reads_drafts(call, readable.record.body);
  if (!readable.drafts && !readable.record.published)
    throw HttpError(404, "there is no meeting " + std::to_string(readable.record.id));
  return readable;
}

// The meeting as the caller should see it: the working document for those
// who read drafts (unless ?published=true), else the published one.
std::shared_ptr<const Meeting> meeting_seen(Call& call, const Readable& readable) {
  const bool want_published = call.request.query.count("published") && call.request.query.at("published") == "true";
  if (readable.drafts && !want_published) return working_meeting(call, readable.record);
  return published_meeting(call, readable.record);
}

json record_json(Call& call, const Readable& readable) {
  json out = summary_json(readable.record);
  out["meeting"] = json::parse(meeting_to_json(*meeting_seen(call, readable)));
  out["links"] = {{"page", fmt::format("/en/meetings/{}", readable.record.id)},
                  {"self", fmt::format("/api/v1/meetings/{}", readable.record.id)}};
  return out;
}

// A write: checks the caller, reads the body, applies the edit, answers
// with the new record.
using EditFn = std::function<Meeting(const Meeting&, const json&)>;

Handler write(Services& services, const std::string& action, EditFn edit_fn) {
  return [&services, action, edit_fn](const Request& request, const RouteParams& params) {
    Call call(services, request);
    const store::MeetingRecord record = find_meeting(call, id_param(params, "id"));
    call.editor_of(record.body);
    json body = request.method == "DELETE" && request.body.empty() ? json::object() : json_body(request);
    if (request.method == "DELETE" && request.query.count("based_on_version") && !body.contains("based_on_version")) {
      const std::string& text = request.query.at("based_on_version");
      if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos)
        throw HttpError(400, "based_on_version must be a positive integer", "based_on_version");
      body["based_on_version"] = std::stoll(text);
    }
    const int64_t based_on = based_on_version(body);
    workflow::SaveOptions options;
    if (body.contains("withdraw_procedures")) {
      if (!body["withdraw_procedures"].is_boolean())
        throw HttpError(400, "\"withdraw_procedures\" must be true or false", "withdraw_procedures");
      options.withdraw_procedures = body["withdraw_procedures"].get<bool>();
      body.erase("withdraw_procedures");
    }
    if (body.contains("preview")) {
      if (!body["preview"].is_boolean()) throw HttpError(400, "\"preview\" must be true or false", "preview");
      options.dry_run = body["preview"].get<bool>();
      body.erase("preview");
    }
    const workflow::Saved saved = save(call, record, based_on, action, [&](const Meeting& meeting) {
      return edit_fn(meeting, body);
    }, options);
    json out = record_json(call, Readable{saved.record, true});
    // A preview answers with the meeting as the write would leave it.
    if (options.dry_run) out["meeting"] = json::parse(meeting_to_json(saved.meeting));
    out["preview"] = options.dry_run;
    out["merged"] = saved.merged;
    json replanned = json::array();
    for (const planning::PlanChange& change : saved.replanned) replanned.push_back(change.text);
    out["replanned"] = replanned;
    out["withdrawn_procedures"] = saved.withdrawn;
    return json_response(200, out);
  };
}

MeetingFormat format_member(const json& body) {
  const std::string text = text_member(body, "format");
  std::optional<MeetingFormat> format = meeting_format_from(text);
  if (!format) throw HttpError(400, "\"format\" must be in-person, hybrid or online, not \"" + text + "\"", "format");
  return *format;
}

// The planning settings given as JSON, read as the meeting file reads its
// [planning]: placed in a copy of the meeting, so that they get the same
// checks and messages as in a file.
PlanningSettings planning_from(const Meeting& meeting, const json& value) {
  if (!value.is_object()) throw HttpError(400, "\"planning\" must be an object like the meeting file's [planning]", "planning");
  json document = json::parse(meeting_to_json(meeting));
  document["planning"] = value;
  MeetingFile file = parse_meeting_json(document.dump(), "planning");
  for (const Diagnostic& d : file.diagnostics)
    if (d.severity == Severity::error) throw HttpError(422, "the planning settings have errors: " + d.message, d.path);
  if (!file.meeting) throw HttpError(422, "the planning settings cannot be read", "planning");
  return file.meeting->planning;
}

// Every language of `texts` set by `set`, in turn.
template <typename Set>
Meeting each_language(Meeting meeting, const LangText& texts, Set set) {
  for (const auto& [language, text] : texts) meeting = set(meeting, language, text);
  return meeting;
}

// The routes that edit the meeting's documents, footnotes, decisions,
// heading and planning settings: one edit function each (edit/edit.h).
void add_edit_routes(Services& services) {
  Router& r = services.router;

  r.add("PATCH", "/api/v1/meetings/{id}/documents", write(services, "edit-document", [](const Meeting& current, const json& body) {
          only_keys(body, {"based_on_version", "symbol", "title", "description", "new_symbol", "items"});
          std::string symbol = text_member(body, "symbol");
          if (!find_document(current, symbol)) throw HttpError(404, "there is no document " + symbol, "symbol");
          Meeting meeting = current;
          if (body.contains("title"))
            meeting = each_language(meeting, lang_text_member(body, "title"), [&](const Meeting& m, auto& l, auto& t) {
              return edit::set_document_title(m, symbol, l, t);
            });
          if (body.contains("description"))
            meeting = each_language(meeting, lang_text_member(body, "description"),
                                    [&](const Meeting& m, auto& l, auto& t) {
                                      return edit::set_document_description(m, symbol, l, t);
                                    });
          if (body.contains("items")) meeting = edit::set_document_items(meeting, symbol, text_list_member(body, "items"));
          if (body.contains("new_symbol")) meeting = edit::set_document_symbol(meeting, symbol, text_member(body, "new_symbol"));
          return meeting;
        }));

  r.add("POST", "/api/v1/meetings/{id}/footnotes", write(services, "add-footnote", [](const Meeting& current, const json& body) {
          only_keys(body, {"based_on_version", "id", "text"});
          return edit::add_footnote(current, text_member(body, "id"), lang_text_member(body, "text"));
        }));

  r.add("PATCH", "/api/v1/meetings/{id}/footnotes/{fid}", [&services](const Request& request, const RouteParams& params) {
    const std::string id = params.at("fid");
    return write(services, "edit-footnote", [id](const Meeting& current, const json& body) {
      only_keys(body, {"based_on_version", "text", "id"});
      if (!find_footnote(current, id)) throw HttpError(404, "there is no footnote \"" + id + "\"", "fid");
      Meeting meeting = current;
      if (body.contains("text"))
        meeting = each_language(meeting, lang_text_member(body, "text"), [&](const Meeting& m, auto& l, auto& t) {
          return edit::set_footnote_text(m, id, l, t);
        });
      if (body.contains("id")) meeting = edit::rename_footnote(meeting, id, text_member(body, "id"));
      return meeting;
    })(request, params);
  });

  r.add("DELETE", "/api/v1/meetings/{id}/footnotes/{fid}", [&services](const Request& request, const RouteParams& params) {
    const std::string id = params.at("fid");
    return write(services, "remove-footnote", [id](const Meeting& current, const json& body) {
      only_keys(body, {"based_on_version"});
      if (!find_footnote(current, id)) throw HttpError(404, "there is no footnote \"" + id + "\"", "fid");
      return edit::remove_footnote(current, id);
    })(request, params);
  });

  r.add("PATCH", "/api/v1/meetings/{id}/decisions/{decision}", [&services](const Request& request, const RouteParams& params) {
    const std::string id = params.at("decision");
    return write(services, "edit-decision", [id](const Meeting& current, const json& body) {
      only_keys(body, {"based_on_version", "by", "approved", "date", "procedure", "id"});
      require_decision(current, id);
      Meeting meeting = current;
      if (body.contains("by"))
        meeting = each_language(meeting, lang_text_member(body, "by"), [&](const Meeting& m, auto& l, auto& t) {
          return edit::set_decision_by(m, id, l, t);
        });
      if (body.contains("approved"))
        meeting = each_language(meeting, lang_text_member(body, "approved"), [&](const Meeting& m, auto& l, auto& t) {
          return edit::set_decision_approved(m, id, l, t);
        });
      if (body.contains("date")) meeting = edit::set_decision_date(meeting, id, date_member(body, "date"));
      if (body.contains("procedure")) {
        std::optional<Procedure> procedure = procedure_from(text_member(body, "procedure"));
        if (!procedure) throw HttpError(400, "\"procedure\" must be meeting or silence", "procedure");
        meeting = edit::set_decision_procedure(meeting, id, *procedure);
      }
      if (body.contains("id")) meeting = edit::rename_decision(meeting, id, text_member(body, "id"));
      return meeting;
    })(request, params);
  });

  r.add("PATCH", "/api/v1/meetings/{id}/heading", write(services, "edit-heading", [](const Meeting& current, const json& body) {
          only_keys(body, {"based_on_version", "symbol", "issued", "distribution", "original_language"});
          Meeting meeting = current;
          if (body.contains("symbol")) meeting = edit::set_agenda_symbol(meeting, text_member(body, "symbol"));
          if (body.contains("issued")) meeting = edit::set_issued(meeting, date_member(body, "issued"));
          if (body.contains("distribution")) {
            std::optional<Distribution> distribution = distribution_from(text_member(body, "distribution"));
            if (!distribution)
              throw HttpError(400, "\"distribution\" must be general, limited or restricted", "distribution");
            meeting = edit::set_distribution(meeting, *distribution);
          }
          if (body.contains("original_language"))
            meeting = edit::set_original_language(meeting, text_member(body, "original_language"));
          return meeting;
        }));

  r.add("PUT", "/api/v1/meetings/{id}/planning", write(services, "edit-planning", [](const Meeting& current, const json& body) {
          only_keys(body, {"based_on_version", "planning"});
          return edit::set_planning(current, planning_from(current, member(body, "planning")));
        }));
}

}  // namespace

void add_api_routes(Services& services) {
  Router& r = services.router;

  r.add("GET", "/api/v1/bodies", [&services](const Request& request, const RouteParams&) {
    Call call(services, request);
    std::map<std::string, json> bodies;
    for (const store::MeetingSummary& m : call.store->meetings()) {
      if (!m.published && !reads_drafts(call, m.body)) continue;
      json& body = bodies[m.body];
      if (body.is_null()) body = {{"short_name", m.body}, {"meetings", json::array()}};
      body["meetings"].push_back(m.id);
    }
    json out = json::array();
    for (auto& [name, body] : bodies) out.push_back(body);
    return json_response(200, out);
  });

  r.add("GET", "/api/v1/meetings", [&services](const Request& request, const RouteParams&) {
    Call call(services, request);
    const std::string* body_filter = request.query.count("body") ? &request.query.at("body") : nullptr;
    json out = json::array();
    for (const store::MeetingSummary& m : call.store->meetings()) {
      if (body_filter && m.body != *body_filter) continue;
      if (m.published || reads_drafts(call, m.body)) out.push_back(summary_json(m));
    }
    return json_response(200, out);
  });

  r.add("POST", "/api/v1/meetings", [&services](const Request& request, const RouteParams&) {
    Call call(services, request);
    call.user();  // 401 before the body is read and checked, as for every other write
    const json body = json_body(request);
    Meeting meeting;
    std::string action = "create";
    if (body.contains("from_meeting")) {
      only_keys(body, {"from_meeting", "symbol", "start", "end"});
      const json& from = body.at("from_meeting");
      if (!from.is_number_integer()) throw HttpError(400, "\"from_meeting\" must be a meeting id", "from_meeting");
      const store::MeetingRecord previous = find_meeting(call, from.get<int64_t>());
      call.editor_of(previous.body);
      std::optional<Date> start = parse_iso_date(text_member(body, "start"));
      std::optional<Date> end = parse_iso_date(text_member(body, "end"));
      if (!start) throw HttpError(400, "\"start\" must be a date like 2023-06-26", "start");
      if (!end) throw HttpError(400, "\"end\" must be a date like 2023-06-27", "end");
      meeting = next_meeting_draft(call, previous, text_member(body, "symbol"), *start, *end);
    } else {
      only_keys(body, {"meeting"});
      meeting = meeting_from(member(body, "meeting"), "meeting");
    }
    const store::MeetingRecord record = create_meeting(call, meeting);
    Response response = json_response(201, record_json(call, Readable{record, true}));
    response.set("location", fmt::format("/api/v1/meetings/{}", record.id));
    return response;
  });

  r.add("GET", "/api/v1/meetings/{id}", [&services](const Request& request, const RouteParams& params) {
    Call call(services, request);
    return json_response(200, record_json(call, readable_meeting(call, params)));
  });

  r.add("PUT", "/api/v1/meetings/{id}", write(services, "edit", [](const Meeting& current, const json& body) {
          only_keys(body, {"based_on_version", "meeting"});
          Meeting replacement = meeting_from(member(body, "meeting"), "meeting");
          if (replacement.body.short_name != current.body.short_name)
            throw HttpError(422, "a meeting cannot move to another body", "meeting.body.short_name");
          return replacement;
        }));

  r.add("GET", "/api/v1/meetings/{id}/items", [&services](const Request& request, const RouteParams& params) {
    Call call(services, request);
    const Readable readable = readable_meeting(call, params);
    return json_response(200, json::parse(meeting_to_json(*meeting_seen(call, readable)))["items"]);
  });

  r.add("POST", "/api/v1/meetings/{id}/items", write(services, "add-item", [](const Meeting& current, const json& body) {
          only_keys(body, {"based_on_version", "item", "parent", "position"});
          const std::string parent = text_member(body, "parent", false);
          int position = 0;
          if (body.contains("position")) {
            position = int_member(body.at("position"), "position");
          }
          return edit::add_item(current, item_from(current, member(body, "item")), parent, position);
        }));

  r.add("PATCH", "/api/v1/meetings/{id}/items/{key}", [&services](const Request& request, const RouteParams& params) {
    const std::string key = item_key_param(params);
    return write(services, "edit-item", [key](const Meeting& current, const json& body) {
      only_keys(body, {"based_on_version", "title", "annotation", "minutes", "kind", "documents", "no_documents"});
      require_item(current, key);
      Meeting meeting = current;
      if (body.contains("title"))
        for (const auto& [language, text] : lang_text_member(body, "title"))
          meeting = edit::set_item_title(meeting, key, language, text);
      if (body.contains("annotation"))
        for (const auto& [language, text] : lang_text_member(body, "annotation"))
          meeting = edit::set_annotation(meeting, key, language, text);
      if (body.contains("minutes")) {
        const json& minutes = body.at("minutes");
        if (!minutes.is_null() && !minutes.is_number_integer())
          throw HttpError(400, "\"minutes\" must be an integer or null", "minutes");
        meeting = edit::set_item_minutes(meeting, key, minutes.is_null() ? std::nullopt : std::optional<int>(int_member(minutes, "minutes")));
      }
      if (body.contains("kind")) {
        std::optional<ItemKind> kind = item_kind_from(text_member(body, "kind"));
        if (!kind) throw HttpError(400, "unknown item kind", "kind");
        meeting = edit::set_item_kind(meeting, key, *kind);
      }
      if (body.contains("documents")) meeting = edit::set_item_documents(meeting, key, text_list_member(body, "documents"));
      if (body.contains("no_documents"))
        meeting = edit::set_item_no_documents(meeting, key, bool_member(body, "no_documents"));
      return meeting;
    })(request, params);
  });

  r.add("DELETE", "/api/v1/meetings/{id}/items/{key}", [&services](const Request& request, const RouteParams& params) {
    const std::string key = item_key_param(params);
    return write(services, "remove-item", [key](const Meeting& current, const json& body) {
      only_keys(body, {"based_on_version"});
      require_item(current, key);
      return edit::remove_item(current, key);
    })(request, params);
  });

  r.add("POST", "/api/v1/meetings/{id}/items/{key}/move", [&services](const Request& request, const RouteParams& params) {
    const std::string key = item_key_param(params);
    return write(services, "move-item", [key](const Meeting& current, const json& body) {
      only_keys(body, {"based_on_version", "position"});
      const int position = int_member(member(body, "position"), "position");
      require_item(current, key);
      return edit::move_item(current, key, position);
    })(request, params);
  });

  r.add("GET", "/api/v1/meetings/{id}/documents", [&services](const Request& request, const RouteParams& params) {
    Call call(services, request);
    const Readable readable = readable_meeting(call, params);
    json document = json::parse(meeting_to_json(*meeting_seen(call, readable)));
    return json_response(200, document.contains("documents") ? document["documents"] : json::array());
  });

  r.add("POST", "/api/v1/meetings/{id}/documents", write(services, "add-document", [](const Meeting& current, const json& body) {
          only_keys(body, {"based_on_version", "symbol", "title", "description", "item"});
          Document document;
          document.symbol = text_member(body, "symbol");
          if (body.contains("title")) document.title = lang_text_member(body, "title");
          if (body.contains("description")) document.description = lang_text_member(body, "description");
          const std::string item_text = text_member(body, "item");
          std::optional<std::string> key = parse_item_key(item_text);
          if (!key) throw HttpError(400, "\"item\" must be an item number like 2 or 1 (a)", "item");
          return edit::add_document(current, document, *key);
        }));

  r.add("DELETE", "/api/v1/meetings/{id}/documents", write(services, "remove-document", [](const Meeting& current, const json& body) {
          only_keys(body, {"based_on_version", "symbol"});
          return edit::remove_document(current, text_member(body, "symbol"));
        }));

  r.add("POST", "/api/v1/meetings/{id}/decisions", write(services, "add-decision", [](const Meeting& current, const json& body) {
          only_keys(body, {"based_on_version", "id", "by", "date", "procedure", "approved"});
          Decision decision;
          decision.id = text_member(body, "id");
          decision.by = lang_text_member(body, "by");
          decision.approved = lang_text_member(body, "approved");
          std::optional<Date> date = parse_iso_date(text_member(body, "date"));
          if (!date) throw HttpError(400, "\"date\" must be a date like 2022-03-02", "date");
          decision.date = *date;
          std::optional<Procedure> procedure = procedure_from(text_member(body, "procedure"));
          if (!procedure) throw HttpError(400, "\"procedure\" must be meeting or silence", "procedure");
          decision.procedure = *procedure;
          return edit::add_decision(current, decision);
        }));

  r.add("DELETE", "/api/v1/meetings/{id}/decisions/{decision}", [&services](const Request& request, const RouteParams& params) {
    const std::string id = params.at("decision");
    return write(services, "remove-decision", [id](const Meeting& current, const json& body) {
      only_keys(body, {"based_on_version"});
      require_decision(current, id);
      return edit::remove_decision(current, id);
    })(request, params);
  });

  // The organization of work the planner proposes for a format, against the
  // published one: nothing is saved.
  r.add("GET", "/api/v1/meetings/{id}/plan", [&services](const Request& request, const RouteParams& params) {
    Call call(services, request);
    const store::MeetingRecord record = find_meeting(call, id_param(params, "id"));
    call.editor_of(record.body);
    std::shared_ptr<const Meeting> meeting = working_meeting(call, record);
    MeetingFormat format = meeting->format;
    if (request.query.count("format")) format = format_member(json{{"format", request.query.at("format")}});
    const planning::Plan plan = plan_for(*meeting, record, call, format);
    return json_response(200, plan_json(plan, format, meeting->time_zone));
  });

  // Switches the format and stores the re-planned organization of work.
  r.add("PUT", "/api/v1/meetings/{id}/format", [&services](const Request& request, const RouteParams& params) {
    Call call(services, request);
    const store::MeetingRecord record = find_meeting(call, id_param(params, "id"));
    call.editor_of(record.body);
    const json body = json_body(request);
    only_keys(body, {"based_on_version", "format"});
    const MeetingFormat format = format_member(body);
    const FormatSwitch done = switch_format(call, record, based_on_version(body), format);
    json out = record_json(call, Readable{done.saved, true});
    out["plan"] = plan_json(done.plan, format, working_meeting(call, done.saved)->time_zone);
    return json_response(200, out);
  });

  r.add("POST", "/api/v1/meetings/{id}/publish", [&services](const Request& request, const RouteParams& params) {
    Call call(services, request);
    const store::MeetingRecord record = find_meeting(call, id_param(params, "id"));
    call.editor_of(record.body);
    const json body = json_body(request);
    only_keys(body, {"based_on_version", "notice", "without_organization"});
    const int64_t based_on = based_on_version(body);
    const LangText notices = body.contains("notice") ? lang_text_member(body, "notice") : LangText{};
    workflow::PublishOptions options;
    if (body.contains("without_organization")) {
      if (!body["without_organization"].is_boolean())
        throw HttpError(400, "\"without_organization\" must be true or false", "without_organization");
      options.without_organization = body["without_organization"].get<bool>();
    }
    const store::MeetingRecord published = publish_meeting(call, record, based_on, notices, options);
    return json_response(200, record_json(call, Readable{published, true}));
  });

  r.add("GET", "/api/v1/meetings/{id}/updates", [&services](const Request& request, const RouteParams& params) {
    Call call(services, request);
    const Readable readable = readable_meeting(call, params);
    json out = json::array();
    for (const store::UpdateNotice& notice : call.store->updates(readable.record.id))
      out.push_back({{"version", notice.version}, {"date", notice.date}, {"language", notice.language}, {"text", notice.text}});
    return json_response(200, out);
  });

  r.add("GET", "/api/v1/meetings/{id}/audit", [&services](const Request& request, const RouteParams& params) {
    Call call(services, request);
    const store::MeetingRecord record = find_meeting(call, id_param(params, "id"));
    if (!reads_drafts(call, record.body)) {
      call.user();
      throw HttpError(403, "the audit log is for the secretariat and the Bureau of " + record.body);
    }
    json out = json::array();
    for (const store::AuditEntry& entry : call.store->audit(record.id)) {
      json item{{"version", entry.version}, {"who", entry.who}, {"at", entry.at}, {"action", entry.action}};
      MeetingFile before = parse_meeting_json(entry.before, "before"), after = parse_meeting_json(entry.after, "after");
      if (before.meeting && after.meeting) item["changes"] = edit::describe_changes(*before.meeting, *after.meeting);
      if (request.query.count("documents")) item["before"] = entry.before, item["after"] = entry.after;
      out.push_back(item);
    }
    return json_response(200, out);
  });

  r.add("GET", "/api/v1/meetings/{id}/render", [&services](const Request& request, const RouteParams& params) {
    Call call(services, request);
    const Readable readable = readable_meeting(call, params);
    const std::string language = request.query.count("lang") ? request.query.at("lang") : "en";
    const std::string format = request.query.count("format") ? request.query.at("format") : "pdf";
    const bool draft = readable.drafts && !(request.query.count("published") && request.query.at("published") == "true");
    return download(call, readable.record, draft, language, format);
  });

  add_edit_routes(services);
  add_procedure_api_routes(services);
}

}  // namespace plenary::web
