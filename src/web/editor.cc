// The secretariat's pages under /edit/ and the Bureau's procedure pages:
// server-rendered forms that work without JavaScript and make the same
// writes as the JSON API (save_change, meeting_writes.h, submit_procedure).
//
// Every POST needs a session and its CSRF token; a change to a meeting names
// the version it was based on. A write that succeeds redirects back (303,
// post/redirect/get). A stale version answers 409 with what changed; a form
// the edits refuse answers 400 or 422 with the page again, the form keeping
// what was sent. Without a session the pages redirect to the login, which
// brings the user back. The HTML is built in editor_pages.cc.
#include <fmt/format.h>

#include "auth/login.h"
#include "auth/permissions.h"
#include "edit/diff.h"
#include "edit/edit.h"
#include "format/meeting_file.h"
#include "format/meeting_json.h"
#include "format/rich_text.h"
#include "web/editor_pages.h"
#include "web/meeting_writes.h"
#include "web/procedures.h"
#include "web/services.h"

namespace plenary::web {

namespace {

const Catalog& english(Call& call) { return call.services.catalog("en"); }

EditorUser editor_user(Call& call) {
  const Caller& who = call.caller();
  const store::User& account = call.user();
  return {account.name, account.role, account.bodies, who.session ? who.session->csrf_token : ""};
}

// The account, if the request has a good one; never throws.
std::optional<EditorUser> known_user(Call& call) {
  try {
    if (call.caller().user) return editor_user(call);
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

Response page(int status, std::string html) {
  Response response = html_response(status, std::move(html));
  response.set("cache-control", "no-store");
  return response;
}

bool is_digits(const std::string& text, size_t max_size = 18) {
  return !text.empty() && text.size() <= max_size && text.find_first_not_of("0123456789") == std::string::npos;
}

// After logging in, the page asked for; for a form, the page it was sent from.
std::string login_location(const Request& request) {
  std::string next = "/edit/";
  const std::vector<std::string> segments = split_path(request.path);
  if (request.method == "GET" || request.method == "HEAD")
    next = request.path;
  else if (segments.size() >= 3 && (segments[1] == "meetings" || segments[1] == "procedures") && is_digits(segments[2]))
    next = "/edit/" + segments[1] + "/" + segments[2];
  return "/login?next=" + url_encode(next);
}

// The id of the meeting a route names, or 0.
int64_t meeting_id_of(const RouteParams& params) {
  auto found = params.find("id");
  return found != params.end() && is_digits(found->second) ? std::stoll(found->second) : 0;
}

Response conflict_page(Call& call, int64_t meeting_id, const HttpError& error) {
  ConflictView view;
  if (std::optional<EditorUser> user = known_user(call)) view.user = *user;
  view.meeting_id = meeting_id;
  view.based_on_version = error.details().value("based_on_version", int64_t{0});
  view.current_version = error.details().value("current_version", int64_t{0});
  if (error.details().contains("changes"))
    for (const auto& change : error.details().at("changes")) view.changes.push_back(change.get<std::string>());
  view.message = error.what();
  return page(409, render_conflict_page(view, english(call)));
}

Response error_page(Call& call, const RouteParams& params, const HttpError& error) {
  if (error.status() == 401) return redirect(login_location(call.request));
  if (error.status() == 409 && error.details().contains("changes"))
    return conflict_page(call, meeting_id_of(params), error);
  const std::optional<EditorUser> user = known_user(call);
  return page(error.status(), render_editor_error_page(user ? &*user : nullptr, error.status(), error.what(),
                                                       error.field(), english(call)));
}

using PageFn = std::function<Response(Call&, const RouteParams&)>;

// A route under /edit/: errors become editor pages (401 a redirect to the login).
Handler editor_route(Services& services, PageFn fn) {
  return [&services, fn](const Request& request, const RouteParams& params) {
    Call call(services, request);
    try {
      try {
        Response response = fn(call, params);
        response.set("cache-control", "no-store");
        return response;
      } catch (const std::exception& thrown) {
        throw web_error(thrown);
      }
    } catch (const HttpError& error) {
      return error_page(call, params, error);
    }
  };
}

// ---- Reading forms

std::string field(const Params& form, const std::string& name) {
  auto found = form.find(name);
  return found == form.end() ? std::string() : found->second;
}

// Browsers send a textarea's line ends as CR LF; the model keeps LF.
std::string lf(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i)
    if (!(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) out += text[i];
  return out;
}

bool blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

void require_utf8(const Params& form) {
  for (const auto& [name, value] : form)
    if (auto problem = utf8_problem(value))
      throw HttpError(400, "the text is not valid UTF-8 (" + *problem + ")", name);
}

int64_t form_version(const Params& form) {
  const std::string text = field(form, "based_on_version");
  if (!is_digits(text) || std::stoll(text) < 1)
    throw HttpError(400, "the form does not say which version it was based on; reload the page", "based_on_version");
  return std::stoll(text);
}

// A whole number typed in a form: "" is nothing.
std::optional<int> form_number(const Params& form, const std::string& name, const std::string& what) {
  std::string text = field(form, name);
  text.erase(0, text.find_first_not_of(' '));
  text.erase(text.find_last_not_of(' ') + 1);
  if (text.empty()) return std::nullopt;
  if (!is_digits(text, 6)) throw HttpError(400, what + " must be a whole number, not \"" + text + "\"", name);
  return std::stoi(text);
}

Date form_date(const Params& form, const std::string& name) {
  std::optional<Date> date = parse_iso_date(field(form, name));
  if (!date) throw HttpError(400, "give a date like 2023-06-26", name);
  return *date;
}

// Texts by language from fields "{prefix}.{lang}", blank ones left out.
LangText form_texts(const Params& form, const std::string& prefix, const std::vector<std::string>& languages) {
  LangText out;
  for (const std::string& lang : languages) {
    const std::string text = lf(field(form, prefix + "." + lang));
    if (!blank(text)) out[lang] = text;
  }
  return out;
}

std::string item_key_param(const RouteParams& params) {
  const std::string& text = params.at("key");
  std::optional<std::string> key = parse_item_key(text);
  if (!key) throw HttpError(404, "\"" + text + "\" is not an item number like 2 or 1b");
  return *key;
}

// The lines under a refused form: a 422's findings, the planner's problems.
std::vector<std::string> detail_lines(const nlohmann::json& details) {
  std::vector<std::string> lines;
  if (details.contains("findings"))
    for (const auto& finding : details.at("findings"))
      lines.push_back(finding.value("field", "") + ": " + finding.value("message", ""));
  if (details.contains("problems"))
    for (const auto& problem : details.at("problems")) lines.push_back(problem.get<std::string>());
  if (details.contains("diagnostics"))
    for (const auto& line : details.at("diagnostics")) lines.push_back(line.get<std::string>());
  return lines;
}

// Errors the form can be shown again with: bad values, results with errors,
// and conflicts that are not a stale version (a procedure holds the field,
// the symbol is taken). A stale version has a page of its own.
bool is_form_error(const HttpError& error) {
  const bool conflict = error.status() == 409 && !error.details().contains("changes");
  return (error.status() == 400 || error.status() == 422 || conflict) && error.field() != "csrf";
}

// ---- Pages

Response meeting_editor(Call& call, const store::MeetingRecord& record, std::optional<FormError> error, int status) {
  const store::User& account = call.user();
  MeetingEditorView view;
  view.user = editor_user(call);
  view.record = record;
  const std::shared_ptr<const Meeting> meeting = working_meeting(call, record);
  view.meeting = meeting.get();
  view.may_edit = auth::may_edit(account, record.body);
  view.procedures = call.store->procedures(record.id);
  view.error = std::move(error);
  const Params& query = call.request.query;
  auto number = [&](const char* name) {
    auto found = query.find(name);
    return found != query.end() && is_digits(found->second) ? found->second : std::string();
  };
  if (!number("saved").empty()) view.notice = "Saved as version " + number("saved") + ".";
  if (!number("published").empty()) view.notice = "Published: version " + number("published") + " is public now.";
  if (!number("submitted").empty()) view.notice = "Sent to the Bureau as procedure " + number("submitted") + ".";
  if (!number("withdrawn").empty()) view.notice = "Procedure " + number("withdrawn") + " was withdrawn.";
  return page(status, render_meeting_editor(view, english(call)));
}

// The meeting, for a caller who may read its drafts; 403 otherwise.
store::MeetingRecord readable_meeting(Call& call, int64_t id) {
  const store::User& account = call.user();
  store::MeetingRecord record = find_meeting(call, id);
  if (!auth::may_read_drafts(account, record.body))
    throw HttpError(403, "the account \"" + account.name + "\" may not read the drafts of " + record.body);
  return record;
}

std::pair<store::SilenceProcedure, store::MeetingRecord> readable_procedure(Call& call, const RouteParams& params) {
  call.user();
  std::optional<store::SilenceProcedure> procedure = call.store->procedure(id_param(params, "pid"));
  if (!procedure) throw HttpError(404, "there is no procedure " + params.at("pid"));
  const store::MeetingRecord record = readable_meeting(call, procedure->meeting_id);
  return {*procedure, record};
}

Response procedure_page(Call& call, const store::SilenceProcedure& procedure, const store::MeetingRecord& record,
                        std::optional<FormError> error, int status) {
  const store::User& account = call.user();
  ProcedureView view;
  view.user = editor_user(call);
  view.procedure = procedure;
  view.record = record;
  MeetingFile draft = parse_meeting_json(procedure.draft, "procedure draft");
  if (draft.meeting) {
    view.draft = &*draft.meeting;
    if (std::optional<Meeting> before = working_meeting_at(call, record.id, procedure.based_on_version))
      view.changes = edit::describe_changes(*before, *draft.meeting);
  }
  bool before_deadline = false;
  try {
    before_deadline = auth::is_before(call.now(), procedure.deadline);
  } catch (const std::invalid_argument&) {
  }
  const bool open = procedure.status == store::ProcedureStatus::open;
  view.may_object = open && before_deadline && auth::may_object(account, record.body);
  view.may_withdraw = open && auth::may_edit(account, record.body);
  view.error = std::move(error);
  return page(status, render_procedure_page(view, english(call)));
}

Response dashboard(Call& call, std::optional<FormError> error, int status) {
  const store::User& account = call.user();
  DashboardView view;
  view.user = editor_user(call);
  view.error = std::move(error);
  for (const store::MeetingSummary& m : call.store->meetings()) {
    if (!auth::may_read_drafts(account, m.body)) continue;
    DashboardMeeting entry{m, 0, auth::may_edit(account, m.body)};
    for (const store::SilenceProcedure& procedure : call.store->procedures(m.id)) {
      if (procedure.status != store::ProcedureStatus::open) continue;
      ++entry.open_procedures;
      store::SilenceProcedure listed = procedure;
      listed.draft.clear();
      view.open_procedures.push_back({std::move(listed), m.symbol});
    }
    view.meetings.push_back(std::move(entry));
  }
  return page(status, render_dashboard(view, english(call)));
}

// ---- Writes from the meeting editor

struct FormPost {
  Call& call;
  const RouteParams& params;
  Params form;
  store::MeetingRecord record;
  const std::string form_id;  // the form shown again when the write is refused

  std::string back(const std::string& query, const std::string& anchor) const {
    return fmt::format("/edit/meetings/{}{}{}", record.id, query.empty() ? "" : "?" + query,
                       anchor.empty() ? "" : "#" + anchor);
  }
  Response saved(const store::MeetingRecord& result, const std::string& anchor) const {
    return redirect(back("saved=" + std::to_string(result.version), anchor));
  }
};

// The meeting editor again, the refused form keeping what was sent. A form
// that was stale anyway gets the 409: its values belong to an older version.
Response refused(FormPost& post, int status, const std::string& field_name, const std::string& message,
                 std::vector<std::string> details = {}) {
  const std::string sent = field(post.form, "based_on_version");
  if (is_digits(sent) && std::stoll(sent) != post.record.version)
    throw conflict_error(post.call, post.record, std::stoll(sent));
  return meeting_editor(post.call, post.record,
                        FormError{post.form_id, field_name, message, post.form, std::move(details)}, status);
}

using WriteFn = std::function<Response(FormPost&)>;
// The id of the form a request comes from: "item-1b".
using FormIdFn = std::function<std::string(const RouteParams&, const Params&)>;

FormIdFn fixed(const std::string& id) {
  return [id](const RouteParams&, const Params&) { return id; };
}

// The item's own form, for the item in the route or in the form's `item` field.
std::string item_form_id(const std::string& prefix, const std::string& key_text) {
  std::optional<std::string> key = parse_item_key(key_text);
  return key ? prefix + item_slug(*key) : "items";
}

// A form that changes a meeting: the editor of its body, the session's
// CSRF token, UTF-8 text.
Handler meeting_form(Services& services, FormIdFn form_id, WriteFn write) {
  return editor_route(services, [form_id, write](Call& call, const RouteParams& params) {
    call.user();
    const Params form = call.request.form();
    call.check_csrf(form);
    FormPost post{call, params, form, find_meeting(call, id_param(params, "id")), form_id(params, form)};
    call.editor_of(post.record.body);
    try {
      require_utf8(post.form);
      return write(post);
    } catch (const std::exception& thrown) {
      const HttpError error = web_error(thrown);
      if (!is_form_error(error)) throw error;
      return refused(post, error.status(), error.field(), error.what(), detail_lines(error.details()));
    }
  });
}

Response save_meeting_data(FormPost& post) {
  const int64_t based_on = form_version(post.form);
  const std::shared_ptr<const Meeting> current = working_meeting(post.call, post.record);
  // A field left out keeps its value; one sent must be a date.
  const Date start = post.form.count("start") ? form_date(post.form, "start") : current->start;
  const Date end = post.form.count("end") ? form_date(post.form, "end") : current->end;
  // Only what differs is set: a form sent unchanged saves nothing.
  using Setter = Meeting (*)(const Meeting&, const std::string&, const std::string&);
  struct Text {
    const char* name;
    const LangText Meeting::*member;
    Setter set;
  };
  static constexpr Text kTexts[] = {{"title", &Meeting::title, edit::set_meeting_title},
                                    {"city", &Meeting::city, edit::set_meeting_city},
                                    {"venue", &Meeting::venue, edit::set_meeting_venue}};
  std::vector<std::function<Meeting(const Meeting&)>> changes;
  for (const std::string& lang : current->languages)
    for (const Text& text : kTexts) {
      const std::string name = std::string(text.name) + "." + lang;
      if (!post.form.count(name)) continue;
      const std::string sent = field(post.form, name);
      const std::string* now = text_in((*current).*text.member, lang);
      if (sent != (now ? *now : "") && !(blank(sent) && !now))
        changes.push_back([text, lang, sent](const Meeting& m) { return text.set(m, lang, sent); });
    }
  if (start != current->start || end != current->end)
    changes.push_back([start, end](const Meeting& m) { return edit::set_dates(m, start, end); });
  if (changes.empty()) return redirect(post.back("", "meeting-data"));
  const store::MeetingRecord saved =
      save_change(post.call, post.record, based_on, "edit-meeting", [&](const Meeting& m) {
        Meeting out = m;
        for (const auto& change : changes) out = change(out);
        return out;
      });
  return post.saved(saved, "meeting-data");
}

Response save_item(FormPost& post) {
  const std::string key = item_key_param(post.params);
  const int64_t based_on = form_version(post.form);
  const std::shared_ptr<const Meeting> current = working_meeting(post.call, post.record);
  const Item* item = find_item(*current, key);
  if (!item) throw HttpError(404, "there is no item " + key + " in meeting " + std::to_string(post.record.id));
  // Only what differs is set: a form sent unchanged saves nothing.
  ItemChanges changes;
  bool any = false;
  for (const std::string& lang : current->languages) {
    if (post.form.count("title." + lang)) {
      const std::string sent = lf(field(post.form, "title." + lang));
      const std::string* now = text_in(item->title, lang);
      if (sent != (now ? *now : "")) {
        if (!changes.title) changes.title.emplace();
        (*changes.title)[lang] = sent;
        any = true;
      }
    }
    if (post.form.count("annotation." + lang)) {
      const std::string sent = lf(field(post.form, "annotation." + lang));
      auto now = item->annotation.find(lang);
      const std::string shown = now == item->annotation.end() ? "" : write_rich_text(now->second);
      if (sent != shown && !(blank(sent) && shown.empty())) {
        if (!changes.annotation) changes.annotation.emplace();
        (*changes.annotation)[lang] = sent;
        any = true;
      }
    }
  }
  if (post.form.count("kind")) {
    std::optional<ItemKind> kind = item_kind_from(field(post.form, "kind"));
    if (!kind) throw HttpError(400, "unknown item kind \"" + field(post.form, "kind") + "\"", "kind");
    if (*kind != item->kind) changes.kind = kind, any = true;
  }
  if (post.form.count("minutes")) {
    const std::optional<int> minutes = form_number(post.form, "minutes", "the minutes");
    if (minutes != item->minutes) changes.set_minutes = true, changes.minutes = minutes, any = true;
  }
  const std::string anchor = "item-section-" + item_slug(key);
  if (!any) return redirect(post.back("", anchor));
  const store::MeetingRecord saved = save_change(post.call, post.record, based_on, "edit-item",
                                                 [&](const Meeting& m) { return change_item(m, key, changes); });
  return post.saved(saved, anchor);
}

Response add_item(FormPost& post) {
  const int64_t based_on = form_version(post.form);
  const std::shared_ptr<const Meeting> current = working_meeting(post.call, post.record);
  Item item;
  std::optional<ItemKind> kind = item_kind_from(field(post.form, "kind"));
  if (!kind) throw HttpError(400, "choose the item's kind", "kind");
  item.kind = *kind;
  for (const auto& [lang, text] : form_texts(post.form, "title", current->languages)) item.title[lang] = text;
  std::string parent = field(post.form, "parent");
  if (!parent.empty()) {
    std::optional<std::string> key = parse_item_key(parent);
    if (!key) throw HttpError(400, "\"" + parent + "\" is not an item number", "parent");
    parent = *key;
  }
  const int position = form_number(post.form, "position", "the position").value_or(0);
  const store::MeetingRecord saved = save_change(post.call, post.record, based_on, "add-item", [&](const Meeting& m) {
    return edit::add_item(m, item, parent, position);
  });
  return post.saved(saved, "items");
}

Response move_item(FormPost& post) {
  const std::string key = item_key_param(post.params);
  const int64_t based_on = form_version(post.form);
  const std::optional<int> position = form_number(post.form, "position", "the position");
  if (!position) throw HttpError(400, "say where the item goes", "position");
  const store::MeetingRecord saved = save_change(post.call, post.record, based_on, "move-item",
                                                 [&](const Meeting& m) { return edit::move_item(m, key, *position); });
  return post.saved(saved, "items");
}

Response remove_item(FormPost& post) {
  const std::string key = item_key_param(post.params);
  const store::MeetingRecord saved = save_change(post.call, post.record, form_version(post.form), "remove-item",
                                                 [&](const Meeting& m) { return edit::remove_item(m, key); });
  return post.saved(saved, "items");
}

Response add_document(FormPost& post) {
  const std::string item_text = field(post.form, "item");
  std::optional<std::string> key = parse_item_key(item_text);
  if (!key) throw HttpError(400, "\"" + item_text + "\" is not an item number like 2 or 1 (a)", "item");
  const int64_t based_on = form_version(post.form);
  Document document;
  document.symbol = field(post.form, "symbol");
  document.title = form_texts(post.form, "title", working_meeting(post.call, post.record)->languages);
  const store::MeetingRecord saved =
      save_change(post.call, post.record, based_on, "add-document",
                  [&](const Meeting& m) { return edit::add_document(m, document, *key); });
  return post.saved(saved, "item-section-" + item_slug(*key));
}

Response remove_document(FormPost& post) {
  const std::string symbol = field(post.form, "symbol");
  const store::MeetingRecord saved = save_change(post.call, post.record, form_version(post.form), "remove-document",
                                                 [&](const Meeting& m) { return edit::remove_document(m, symbol); });
  return post.saved(saved, "items");
}

Response add_decision(FormPost& post) {
  const int64_t based_on = form_version(post.form);
  const std::vector<std::string> languages = working_meeting(post.call, post.record)->languages;
  Decision decision;
  decision.id = field(post.form, "id");
  decision.date = form_date(post.form, "date");
  std::optional<Procedure> procedure = procedure_from(field(post.form, "procedure"));
  if (!procedure) throw HttpError(400, "choose meeting or silence", "procedure");
  decision.procedure = *procedure;
  decision.by = form_texts(post.form, "by", languages);
  decision.approved = form_texts(post.form, "approved", languages);
  const store::MeetingRecord saved = save_change(post.call, post.record, based_on, "add-decision",
                                                 [&](const Meeting& m) { return edit::add_decision(m, decision); });
  return post.saved(saved, "decisions");
}

Response remove_decision(FormPost& post) {
  const std::string id = post.params.at("decision");
  const store::MeetingRecord saved = save_change(post.call, post.record, form_version(post.form), "remove-decision",
                                                 [&](const Meeting& m) { return edit::remove_decision(m, id); });
  return post.saved(saved, "decisions");
}

MeetingFormat form_format(const Params& form) {
  const std::string text = field(form, "format");
  std::optional<MeetingFormat> format = meeting_format_from(text);
  if (!format) throw HttpError(400, "choose in-person, hybrid or online, not \"" + text + "\"", "format");
  return *format;
}

// Nothing is saved: the page shows the plan and a form that saves it.
Response preview_plan(FormPost& post) {
  PlanPreviewView view;
  view.user = editor_user(post.call);
  view.record = post.record;
  const std::shared_ptr<const Meeting> meeting = working_meeting(post.call, post.record);
  view.meeting = meeting.get();
  view.format = form_format(post.form);
  const planning::Plan plan = plan_for(*meeting, post.record, post.call, view.format);
  view.plan = &plan;
  return page(200, render_plan_preview(view, english(post.call)));
}

Response save_format(FormPost& post) {
  const MeetingFormat format = form_format(post.form);
  const FormatSwitch done = switch_format(post.call, post.record, form_version(post.form), format);
  return post.saved(done.saved, "format");
}

Response publish(FormPost& post) {
  const int64_t based_on = form_version(post.form);
  const LangText notices = form_texts(post.form, "notice", working_meeting(post.call, post.record)->languages);
  const store::MeetingRecord published = publish_meeting(post.call, post.record, based_on, notices);
  return redirect(post.back("published=" + std::to_string(published.version), "publish"));
}

// "2022-06-01T12:00" from a datetime-local input, read as UTC.
std::string utc_deadline(const std::string& local) {
  if (local.size() == 16 && local[10] == 'T') return local + ":00Z";
  if (local.size() == 19 && local[10] == 'T') return local + "Z";
  return local;
}

Response submit_to_bureau(FormPost& post) {
  const int64_t based_on = form_version(post.form);
  const std::vector<std::string> languages = working_meeting(post.call, post.record)->languages;
  ProcedureRequest request;
  std::optional<store::ProcedureSubject> subject = store::procedure_subject_from(field(post.form, "subject"));
  if (!subject) throw HttpError(400, "choose calendar, topics or organization", "subject");
  request.subject = *subject;
  request.description = lf(field(post.form, "description"));
  if (blank(request.description)) throw HttpError(400, "say what the Bureau is asked to approve", "description");
  const std::string deadline = field(post.form, "deadline");
  if (deadline.empty()) throw HttpError(400, "give the deadline", "deadline");
  request.deadline = utc_deadline(deadline);
  request.approved = form_texts(post.form, "approved", languages);
  request.by = form_texts(post.form, "by", languages);
  const std::string item = field(post.form, "item");
  if (!item.empty()) {
    std::optional<std::string> key = parse_item_key(item);
    if (!key) throw HttpError(400, "\"" + item + "\" is not an item number", "item");
    request.item = *key;
  }
  const store::SilenceProcedure procedure = submit_procedure(post.call, post.record, based_on, request);
  return redirect(post.back("submitted=" + std::to_string(procedure.id), "procedures"));
}

// ---- New meetings

Response create_meeting_from_form(Call& call) {
  call.user();
  const Params form = call.request.form();
  call.check_csrf(form);
  const bool from_previous = form.count("from_meeting") > 0;
  const std::string form_id = from_previous ? "new-meeting-next" : "new-meeting-file";
  auto refuse = [&](int status, const std::string& field_name, const std::string& message,
                    std::vector<std::string> details) {
    return dashboard(call, FormError{form_id, field_name, message, form, std::move(details)}, status);
  };
  try {
    require_utf8(form);
    Meeting meeting;
    if (from_previous) {
      const std::string id = field(form, "from_meeting");
      if (!is_digits(id)) throw HttpError(400, "choose the previous meeting", "from_meeting");
      const store::MeetingRecord previous = find_meeting(call, std::stoll(id));
      meeting =
          next_meeting_draft(call, previous, field(form, "symbol"), form_date(form, "start"), form_date(form, "end"));
    } else {
      const std::string text = field(form, "meeting_file");
      if (blank(text)) throw HttpError(400, "paste the meeting file", "meeting_file");
      MeetingFile file = parse_meeting_file(text, "meeting.toml");
      nlohmann::json lines = nlohmann::json::array();
      for (const Diagnostic& diagnostic : check_meeting_file(file, CheckOptions{}))
        if (diagnostic.severity == Severity::error) lines.push_back(format_diagnostic(diagnostic));
      if (!lines.empty() || !file.meeting)
        throw HttpError(422, "the meeting file has errors", "meeting_file", {{"diagnostics", lines}});
      meeting = std::move(*file.meeting);
    }
    const store::MeetingRecord record = create_meeting(call, meeting);
    return redirect(fmt::format("/edit/meetings/{}?saved={}", record.id, record.version));
  } catch (const std::exception& thrown) {
    const HttpError error = web_error(thrown);
    if (!is_form_error(error)) throw error;
    return refuse(error.status(), error.field() == "document.symbol" ? "symbol" : error.field(), error.what(),
                  detail_lines(error.details()));
  }
}

// ---- Procedures

Response object_to(Call& call, const RouteParams& params) {
  call.user();
  const Params form = call.request.form();
  call.check_csrf(form);
  const auto found = readable_procedure(call, params);
  const auto& procedure = found.first;
  const auto& record = found.second;
  const store::User& member = call.user();
  if (!auth::may_object(member, record.body))
    throw HttpError(403, "only members of the Bureau of " + record.body + " may break the silence");
  const std::string comment = lf(field(form, "comment"));
  auto refuse = [&](int status, const std::string& field_name, const std::string& message) {
    return procedure_page(call, procedure, record, FormError{"objection-form", field_name, message, form, {}}, status);
  };
  if (auto problem = utf8_problem(comment))
    return refuse(400, "comment", "the text is not valid UTF-8 (" + *problem + ")");
  if (blank(comment)) return refuse(422, "comment", "say why you object");
  try {
    call.store->object(procedure.id, member.name, comment);
  } catch (const store::InvalidInput& error) {
    return refuse(422, "comment", error.what());
  }
  return redirect(fmt::format("/edit/procedures/{}", procedure.id));
}

Response withdraw(Call& call, const RouteParams& params) {
  call.user();
  call.check_csrf(call.request.form());
  const auto found = readable_procedure(call, params);
  const auto& procedure = found.first;
  const auto& record = found.second;
  const store::User& editor = call.editor_of(record.body);
  call.store->withdraw(procedure.id, editor.name);
  return redirect(fmt::format("/edit/meetings/{}?withdrawn={}#procedures", record.id, procedure.id));
}

}  // namespace

void add_editor_routes(Services& services) {
  Router& r = services.router;

  r.add("GET", "/edit", [](const Request&, const RouteParams&) { return redirect("/edit/", 301); });

  r.add("GET", "/edit/", editor_route(services, [&services](Call& call, const RouteParams&) {
          call.user();
          conclude_due_procedures(services);
          return dashboard(call, std::nullopt, 200);
        }));

  r.add("POST", "/edit/meetings",
        editor_route(services, [](Call& call, const RouteParams&) { return create_meeting_from_form(call); }));

  r.add("GET", "/edit/meetings/{id}", editor_route(services, [&services](Call& call, const RouteParams& params) {
          const store::MeetingRecord record = readable_meeting(call, id_param(params, "id"));
          if (conclude_due_procedures(services) > 0)
            return meeting_editor(call, find_meeting(call, record.id), std::nullopt, 200);
          return meeting_editor(call, record, std::nullopt, 200);
        }));

  r.add("GET", "/edit/meetings/{id}/audit", editor_route(services, [](Call& call, const RouteParams& params) {
          const store::MeetingRecord record = readable_meeting(call, id_param(params, "id"));
          AuditView view;
          view.user = editor_user(call);
          view.record = record;
          for (store::AuditEntry& entry : call.store->audit(record.id)) {
            AuditRow row;
            MeetingFile before = parse_meeting_json(entry.before, "before");
            MeetingFile after = parse_meeting_json(entry.after, "after");
            if (before.meeting && after.meeting) row.changes = edit::describe_changes(*before.meeting, *after.meeting);
            entry.before.clear();
            entry.after.clear();
            row.entry = std::move(entry);
            view.rows.push_back(std::move(row));
          }
          return page(200, render_audit_page(view, english(call)));
        }));

  const FormIdFn item_form = [](const RouteParams& params, const Params&) {
    return item_form_id("item-", params.at("key"));
  };
  const FormIdFn document_form = [](const RouteParams&, const Params& form) {
    return item_form_id("add-document-", field(form, "item"));
  };
  r.add("POST", "/edit/meetings/{id}/meeting", meeting_form(services, fixed("meeting-form"), save_meeting_data));
  r.add("POST", "/edit/meetings/{id}/items", meeting_form(services, fixed("add-item-form"), add_item));
  r.add("POST", "/edit/meetings/{id}/items/{key}", meeting_form(services, item_form, save_item));
  r.add("POST", "/edit/meetings/{id}/items/{key}/move", meeting_form(services, fixed("items"), move_item));
  r.add("POST", "/edit/meetings/{id}/items/{key}/remove", meeting_form(services, fixed("items"), remove_item));
  r.add("POST", "/edit/meetings/{id}/documents", meeting_form(services, document_form, add_document));
  r.add("POST", "/edit/meetings/{id}/documents/remove", meeting_form(services, fixed("items"), remove_document));
  r.add("POST", "/edit/meetings/{id}/decisions", meeting_form(services, fixed("add-decision-form"), add_decision));
  r.add("POST", "/edit/meetings/{id}/decisions/{decision}/remove",
        meeting_form(services, fixed("decisions"), remove_decision));
  r.add("POST", "/edit/meetings/{id}/plan", meeting_form(services, fixed("format-form"), preview_plan));
  r.add("POST", "/edit/meetings/{id}/format", meeting_form(services, fixed("format-form"), save_format));
  r.add("POST", "/edit/meetings/{id}/publish", meeting_form(services, fixed("publish-form"), publish));
  r.add("POST", "/edit/meetings/{id}/procedures", meeting_form(services, fixed("procedure-form"), submit_to_bureau));

  r.add("GET", "/edit/procedures/{pid}", editor_route(services, [&services](Call& call, const RouteParams& params) {
          call.user();
          conclude_due_procedures(services);
          const auto found = readable_procedure(call, params);
  const auto& procedure = found.first;
  const auto& record = found.second;
          return procedure_page(call, procedure, record, std::nullopt, 200);
        }));
  r.add("POST", "/edit/procedures/{pid}/objections", editor_route(services, object_to));
  r.add("POST", "/edit/procedures/{pid}/withdraw", editor_route(services, withdraw));
}

}  // namespace plenary::web
