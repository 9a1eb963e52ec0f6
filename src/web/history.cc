// A meeting's history, in the API and in the editing pages: its versions,
// one version (as JSON, as its meeting file, as a page), two versions
// compared, a version restored and a meeting file imported as the next
// version. The work is workflow/history.h's; this reads requests and writes
// answers. Reading needs an account that may read the body's drafts;
// restoring and importing need an editor of the body. The pages' HTML is
// history_pages.cc's.
#include <fmt/format.h>

#include "auth/permissions.h"
#include "edit/diff.h"
#include "format/meeting_json.h"
#include "format/meeting_toml.h"
#include "render/formats.h"
#include "web/history_pages.h"
#include "web/json_input.h"
#include "web/meeting_writes.h"
#include "web/services.h"
#include "workflow/history.h"

namespace plenary::web {

namespace {

using nlohmann::json;

// ---- Reading requests

// A version number from a query or a form: a positive whole number; 400 otherwise.
int64_t version_number(const Params& params, const std::string& name) {
  auto found = params.find(name);
  if (found == params.end() || found->second.empty())
    throw HttpError(400, "say which version: \"" + name + "\" is missing", name);
  const std::string& text = found->second;
  if (text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos || std::stoll(text) < 1)
    throw HttpError(400, "\"" + name + "\" must be a version number such as 3, not \"" + text + "\"", name);
  return std::stoll(text);
}

// The meeting whose history is asked for: 404 when the caller may not see
// it, 401 without an account, 403 for one that may not read its drafts.
store::MeetingRecord meeting_with_history(Call& call, const RouteParams& params) {
  const store::MeetingRecord record = find_meeting(call, id_param(params, "id"));
  if (!reads_drafts(call, record.body)) {
    const store::User& account = call.user();
    throw HttpError(403, "the history of meetings of " + record.body + " is for their secretariat and Bureau, not for \"" +
                             account.name + "\"");
  }
  return record;
}

// Browsers send a textarea's line ends as CR LF; files may too. The model keeps LF.
std::string lf(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i)
    if (!(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) out += text[i];
  return out;
}

// ---- Answers

json summary_json(const store::MeetingSummary& record) {
  return {{"id", record.id},           {"body", record.body},           {"symbol", record.symbol},
          {"version", record.version}, {"published", record.published}, {"updated_at", record.updated_at}};
}

json entry_json(const workflow::VersionEntry& entry) {
  return {{"version", entry.version}, {"who", entry.who},       {"at", entry.at},          {"action", entry.action},
          {"published", entry.published}, {"summary", entry.summary}, {"changes", entry.changes}};
}

json meeting_json(const Meeting& meeting) { return json::parse(meeting_to_json(meeting)); }

// What a restore or an import saved: the record, its meeting, what changed.
json saved_json(const workflow::Saved& saved, const std::vector<std::string>& changes) {
  json out = summary_json(saved.record);
  out["meeting"] = meeting_json(saved.meeting);
  out["changes"] = changes;
  out["merged"] = saved.merged;
  json replanned = json::array();
  for (const planning::PlanChange& change : saved.replanned) replanned.push_back(change.text);
  out["replanned"] = replanned;
  return out;
}

// A meeting file with errors: a 422 whose findings say where each is.
HttpError file_error(const workflow::InvalidFile& invalid) {
  json findings = json::array();
  for (const Diagnostic& error : invalid.errors)
    findings.push_back({{"field", error.path},
                        {"line", error.position.line},
                        {"column", error.position.column},
                        {"message", error.message}});
  return HttpError(422, invalid.what(), invalid.field(), {{"findings", findings}});
}

workflow::Imported import_file(Call& call, const store::MeetingRecord& record, int64_t based_on,
                               std::string_view text) {
  try {
    return workflow::import_meeting_file(*call.store, actor_for(call, record.body), record, based_on, lf(text));
  } catch (const workflow::InvalidFile& invalid) {
    throw file_error(invalid);
  }
}

// ---- The API

using CallFn = std::function<Response(Call&, const RouteParams&)>;

Handler api_route(Services& services, CallFn fn) {
  return [&services, fn](const Request& request, const RouteParams& params) {
    Call call(services, request);
    return fn(call, params);
  };
}

Response list_versions(Call& call, const RouteParams& params) {
  const store::MeetingRecord record = meeting_with_history(call, params);
  json out = json::array();
  for (const workflow::VersionEntry& entry : workflow::versions(*call.store, record.id)) out.push_back(entry_json(entry));
  return json_response(200, out);
}

Response get_version(Call& call, const RouteParams& params) {
  const store::MeetingRecord record = meeting_with_history(call, params);
  const workflow::Version version = workflow::version_at(*call.store, record.id, id_param(params, "version"));
  json out = entry_json(version.entry);
  out["meeting"] = meeting_json(version.meeting);
  out["links"] = {{"meeting_file", fmt::format("/api/v1/meetings/{}/meeting.toml?version={}", record.id,
                                               version.entry.version)}};
  return json_response(200, out);
}

Response compare(Call& call, const RouteParams& params) {
  const store::MeetingRecord record = meeting_with_history(call, params);
  const int64_t from = version_number(call.request.query, "from");
  const int64_t to = version_number(call.request.query, "to");
  const workflow::Comparison comparison =
      workflow::compare_versions(*call.store, record.id, from, to, call.services.catalog("en"));
  json differences = json::array();
  for (const workflow::Difference& d : comparison.differences)
    differences.push_back(
        {{"field", d.field}, {"label", d.label}, {"language", d.language}, {"from", d.from}, {"to", d.to}});
  return json_response(200, {{"from", from}, {"to", to}, {"changes", comparison.changes}, {"differences", differences}});
}

Response restore(Call& call, const RouteParams& params) {
  const store::MeetingRecord record = find_meeting(call, id_param(params, "id"));
  call.editor_of(record.body);
  const json body = json_body(call.request);
  only_keys(body, {"based_on_version", "version"});
  const int64_t based_on = based_on_version(body);
  const json& version = member(body, "version");
  if (!version.is_number_integer() || version.get<int64_t>() < 1)
    throw HttpError(400, "\"version\" must be the version to restore, a positive integer", "version");
  const workflow::Restored restored = workflow::restore(*call.store, actor_for(call, record.body), record, based_on,
                                                        version.get<int64_t>());
  json out = saved_json(restored.saved, restored.changes);
  out["restored_version"] = version;
  return json_response(200, out);
}

// The meeting file at a version (the current one by default), to download.
Response export_file(Call& call, const RouteParams& params) {
  const store::MeetingRecord record = meeting_with_history(call, params);
  const int64_t number =
      call.request.query.count("version") ? version_number(call.request.query, "version") : record.version;
  const workflow::Version version = workflow::version_at(*call.store, record.id, number);
  Response response;
  response.set("content-type", "application/toml; charset=utf-8");
  response.set("content-disposition",
               fmt::format("attachment; filename=\"{}.v{}.toml\"", file_stem(record.symbol), number));
  response.set("cache-control", "private, no-cache");
  response.body = fmt::format("# {}, version {} ({}, {}): the meeting file as plenary keeps it.\n\n", record.symbol,
                              number, version.entry.at, version.entry.action) +
                  meeting_to_toml(version.meeting);
  return response;
}

Response import_api(Call& call, const RouteParams& params) {
  const store::MeetingRecord record = find_meeting(call, id_param(params, "id"));
  call.editor_of(record.body);
  const std::string* type = call.request.header("content-type");
  if (!type || (type->rfind("application/toml", 0) != 0 && type->rfind("text/plain", 0) != 0))
    throw HttpError(415, "send the meeting file as application/toml (or text/plain)", "Content-Type");
  const int64_t based_on = version_number(call.request.query, "based_on_version");
  if (auto problem = utf8_problem(call.request.body))
    throw HttpError(400, "the meeting file is not UTF-8: " + *problem, "body");
  const workflow::Imported imported = import_file(call, record, based_on, call.request.body);
  json out = saved_json(imported.saved, imported.changes);
  json warnings = json::array();
  for (const Diagnostic& warning : imported.warnings) warnings.push_back(workflow::diagnostic_line(warning));
  out["warnings"] = warnings;
  return json_response(200, out);
}

// ---- The editing pages

// The page's language, as the other editing pages choose it.
const Catalog& page_catalog(Call& call) { return call.services.catalog(editor_language(call.request)); }

HistoryContext context_of(Call& call, const store::MeetingRecord& record) {
  const Caller& who = call.caller();
  const store::User& account = call.user();
  return {account.name, who.session ? who.session->csrf_token : "", record, auth::may_edit(account, record.body)};
}

Response page(int status, std::string html) {
  Response response = html_response(status, std::move(html));
  response.set("cache-control", "no-store");
  return response;
}

// The meeting's context for an error page, when the caller may see it.
std::optional<HistoryContext> known_context(Call& call, const RouteParams& params) {
  try {
    return context_of(call, meeting_with_history(call, params));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

Response error_page(Call& call, const RouteParams& params, const HttpError& error) {
  if (error.status() == 401) {
    const bool get = call.request.method == "GET" || call.request.method == "HEAD";
    const std::string next = get ? call.request.path : "/edit/meetings/" + params.at("id") + "/history";
    return redirect("/login?next=" + url_encode(next));
  }
  HistoryErrorView view{known_context(call, params), error.status(), error.what(), error.field(), {}, 0};
  if (error.details().contains("changes"))
    for (const auto& change : error.details().at("changes")) view.changes.push_back(change.get<std::string>());
  view.based_on_version = error.details().value("based_on_version", int64_t{0});
  return page(error.status(), render_history_error_page(view, page_catalog(call)));
}

// A page under /edit/: every error an editing page, 401 the login.
Handler page_route(Services& services, CallFn fn) {
  return [&services, fn](const Request& request, const RouteParams& params) {
    Call call(services, request);
    try {
      try {
        return fn(call, params);
      } catch (const std::exception& thrown) {
        throw web_error(thrown);
      }
    } catch (const HttpError& error) {
      return error_page(call, params, error);
    }
  };
}

// What a refused form can be shown again with: bad values, a result with
// errors, a conflict that is no stale version (a procedure holds the field).
bool is_form_error(const HttpError& error) {
  const bool conflict = error.status() == 409 && !error.details().contains("changes");
  return error.status() == 400 || error.status() == 422 || conflict;
}

std::string notice_of(const Params& query, const Catalog& catalog) {
  auto number = [&](const char* name) {
    auto found = query.find(name);
    return found != query.end() && !found->second.empty() &&
                   found->second.find_first_not_of("0123456789") == std::string::npos
               ? found->second
               : std::string();
  };
  if (!number("restored").empty() && !number("saved").empty())
    return catalog.format("history.restored", {{"version", number("restored")}, {"saved", number("saved")}});
  if (!number("unchanged").empty()) return catalog.format("history.unchanged", {{"version", number("unchanged")}});
  if (!number("imported").empty()) return catalog.format("history.imported", {{"saved", number("imported")}});
  return "";
}

Response history_page(Call& call, const RouteParams& params, std::optional<RefusedForm> error = std::nullopt,
                      int status = 200) {
  call.user();
  const store::MeetingRecord record = meeting_with_history(call, params);
  const Catalog& catalog = page_catalog(call);
  HistoryListView view{context_of(call, record), workflow::versions(*call.store, record.id),
                       notice_of(call.request.query, catalog), std::move(error)};
  return page(status, render_history_page(view, catalog));
}

Response version_page(Call& call, const RouteParams& params, int64_t number,
                      std::optional<RefusedForm> error = std::nullopt, int status = 200) {
  call.user();
  const store::MeetingRecord record = meeting_with_history(call, params);
  const workflow::Version version = workflow::version_at(*call.store, record.id, number);
  const VersionPageView view{context_of(call, record), &version, edit::meeting_fields(version.meeting),
                             std::move(error)};
  return page(status, render_version_page(view, page_catalog(call)));
}

Response compare_page(Call& call, const RouteParams& params) {
  call.user();
  const store::MeetingRecord record = meeting_with_history(call, params);
  const workflow::Comparison comparison =
      workflow::compare_versions(*call.store, record.id, version_number(call.request.query, "from"),
                                 version_number(call.request.query, "to"), page_catalog(call));
  return page(200, render_compare_page(ComparePageView{context_of(call, record), &comparison}, page_catalog(call)));
}

// A form that changes the meeting: the session's CSRF token, an editor of
// the body, UTF-8 text; `refused` shows the form again when the change is
// refused in a way the form can mend.
using FormWrite = std::function<Response(Call&, const store::MeetingRecord&, const Params&)>;
using FormRefused = std::function<Response(Call&, const Params&, const HttpError&)>;

Response form_post(Call& call, const RouteParams& params, const FormWrite& write, const FormRefused& refused) {
  call.user();
  const Params form = call.request.form();
  call.check_csrf(form);
  const store::MeetingRecord record = find_meeting(call, id_param(params, "id"));
  call.editor_of(record.body);
  try {
    for (const auto& [name, value] : form)
      if (auto problem = utf8_problem(value)) throw HttpError(400, "the text is not valid UTF-8 (" + *problem + ")", name);
    return write(call, record, form);
  } catch (const std::exception& thrown) {
    const HttpError error = web_error(thrown);
    if (!is_form_error(error)) throw error;
    return refused(call, form, error);
  }
}

std::vector<std::string> finding_lines(const HttpError& error) {
  std::vector<std::string> lines;
  if (error.details().contains("findings"))
    for (const auto& finding : error.details().at("findings"))
      lines.push_back(finding.contains("line") && finding.value("line", 0) > 0
                          ? fmt::format("line {}, column {}: {}", finding.value("line", 0), finding.value("column", 0),
                                        finding.value("message", ""))
                          : finding.value("message", ""));
  return lines;
}

std::string history_location(const store::MeetingRecord& record, const std::string& query) {
  return fmt::format("/edit/meetings/{}/history?{}", record.id, query);
}

Response restore_form(Call& call, const RouteParams& params) {
  return form_post(
      call, params,
      [](Call& c, const store::MeetingRecord& record, const Params& form) {
        const int64_t version = version_number(form, "version");
        const workflow::Restored restored = workflow::restore(*c.store, actor_for(c, record.body), record,
                                                              version_number(form, "based_on_version"), version);
        if (restored.changes.empty() && restored.saved.record.version == record.version)
          return redirect(history_location(record, fmt::format("unchanged={}", version)));
        return redirect(
            history_location(record, fmt::format("restored={}&saved={}", version, restored.saved.record.version)));
      },
      [&params](Call& c, const Params& form, const HttpError& error) {
        const int64_t version = version_number(form, "version");
        return version_page(c, params, version, RefusedForm{"restore-form", error.what(), finding_lines(error), ""},
                            error.status());
      });
}

Response import_form(Call& call, const RouteParams& params) {
  return form_post(
      call, params,
      [](Call& c, const store::MeetingRecord& record, const Params& form) {
        auto text = form.find("meeting_file");
        if (text == form.end() || text->second.find_first_not_of(" \t\r\n") == std::string::npos)
          throw HttpError(400, "paste the meeting file", "meeting_file");
        const workflow::Imported imported =
            import_file(c, record, version_number(form, "based_on_version"), text->second);
        return redirect(history_location(record, fmt::format("imported={}", imported.saved.record.version)));
      },
      [&params](Call& c, const Params& form, const HttpError& error) {
        auto text = form.find("meeting_file");
        return history_page(
            c, params,
            RefusedForm{"import-form", error.what(), finding_lines(error), text == form.end() ? "" : lf(text->second)},
            error.status());
      });
}

}  // namespace

void add_history_routes(Services& services) {
  Router& r = services.router;
  r.add("GET", "/api/v1/meetings/{id}/versions", api_route(services, list_versions));
  r.add("GET", "/api/v1/meetings/{id}/versions/{version}", api_route(services, get_version));
  r.add("GET", "/api/v1/meetings/{id}/compare", api_route(services, compare));
  r.add("POST", "/api/v1/meetings/{id}/restore", api_route(services, restore));
  r.add("GET", "/api/v1/meetings/{id}/meeting.toml", api_route(services, export_file));
  r.add("PUT", "/api/v1/meetings/{id}/meeting.toml", api_route(services, import_api));

  r.add("GET", "/edit/meetings/{id}/history",
        page_route(services, [](Call& call, const RouteParams& params) { return history_page(call, params); }));
  r.add("GET", "/edit/meetings/{id}/history/{version}", page_route(services, [](Call& call, const RouteParams& params) {
          return version_page(call, params, id_param(params, "version"));
        }));
  r.add("GET", "/edit/meetings/{id}/compare", page_route(services, compare_page));
  r.add("POST", "/edit/meetings/{id}/restore", page_route(services, restore_form));
  r.add("POST", "/edit/meetings/{id}/import", page_route(services, import_form));
}

}  // namespace plenary::web
