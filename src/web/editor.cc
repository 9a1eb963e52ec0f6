// The secretariat's pages under /edit/ and the Bureau's procedure pages:
// server-rendered forms that work without JavaScript and make the same
// writes as the JSON API (save_change, meeting_writes.h, submit_procedure).
//
// A page per thing: the meeting's overview, a page per item, document,
// footnote and decision, the organization of work, publishing, the Bureau;
// and previews of the draft as the public will see it, with its files.
// Every POST needs a session and its CSRF token; a change to a meeting names
// the version it was based on, and sends only its own fields. A write that
// succeeds redirects back to the page it came from (303, post/redirect/get).
// A stale version answers 409 with what changed (and, with the merge, the
// fields in conflict); a form the edits refuse answers 400 or 422 with its
// page again, the form keeping what was sent. Without a session the pages
// redirect to the login, which brings the user back. The pages speak the
// language the editor chose (?lang=, kept in a cookie; English by default).
// The HTML is built in editor_pages.cc.
#include <fmt/format.h>

#include "auth/login.h"
#include "auth/permissions.h"
#include "edit/diff.h"
#include "edit/edit.h"
#include "format/meeting_file.h"
#include "format/meeting_json.h"
#include "format/rich_text.h"
#include "render/formats.h"
#include "web/downloads.h"
#include "web/editor_pages.h"
#include "web/field_words.h"
#include "web/meeting_writes.h"
#include "web/pages.h"
#include "web/procedures.h"
#include "web/services.h"

namespace plenary::web {

namespace {

const Catalog& ui(Call& call) { return call.services.catalog(editor_language(call.request)); }
const std::string& words(Call& call, const std::string& key) { return ui(call).text("editor." + key); }
std::string words(Call& call, const std::string& key, const Placeholders& values) {
  return ui(call).format("editor." + key, values);
}

EditorUser editor_user(Call& call) {
  const Caller& who = call.caller();
  const store::User& account = call.user();
  return {account.name,   account.role, account.bodies, who.session ? who.session->csrf_token : "",
          call.request.path, call.request.query};
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

// The 409: what changed, the fields in conflict with both texts, and the
// typed text in a form that sends it again.
Response conflict_page(Call& call, int64_t meeting_id, const HttpError& error) {
  ConflictView view;
  if (std::optional<EditorUser> user = known_user(call)) view.user = *user;
  view.meeting_id = meeting_id;
  const nlohmann::json& details = error.details();
  view.based_on_version = details.value("based_on_version", int64_t{0});
  view.current_version = details.value("current_version", int64_t{0});
  if (details.contains("changes"))
    for (const auto& change : details.at("changes"))
      if (change.is_string()) view.changes.push_back(change.get<std::string>());
  view.conflicts = field_conflicts(details);
  std::shared_ptr<const Meeting> meeting;
  if (meeting_id > 0) {
    try {
      meeting = working_meeting(call, find_meeting(call, meeting_id));
    } catch (const std::exception&) {
    }
  }
  view.meeting = meeting.get();
  if (call.request.method == "POST") {
    view.action = call.request.path;
    view.sent = call.request.form();
  }
  view.message = error.what();
  return page(409, render_conflict_page(view, ui(call)));
}

Response error_page(Call& call, const RouteParams& params, const HttpError& error) {
  if (error.status() == 401) return redirect(login_location(call.request));
  if (error.status() == 409 && (error.details().contains("changes") || error.details().contains("conflicts")))
    return conflict_page(call, meeting_id_of(params), error);
  const std::optional<EditorUser> user = known_user(call);
  return page(error.status(), render_editor_error_page(user ? &*user : nullptr, error.status(), error.what(),
                                                       error.field(), ui(call)));
}

using PageFn = std::function<Response(Call&, const RouteParams&)>;

// A route under /edit/: errors become editor pages (401 a redirect to the
// login); a language asked for in the URL is kept in a cookie.
Handler editor_route(Services& services, PageFn fn) {
  return [&services, fn](const Request& request, const RouteParams& params) {
    Call call(services, request);
    Response response = [&] {
      try {
        try {
          return fn(call, params);
        } catch (const std::exception& thrown) {
          throw web_error(thrown);
        }
      } catch (const HttpError& error) {
        return error_page(call, params, error);
      }
    }();
    if (!response.headers.count("cache-control")) response.set("cache-control", "no-store");
    auto asked = request.query.find("lang");
    if (asked != request.query.end() && is_official_language(asked->second) && !response.headers.count("set-cookie"))
      response.set("set-cookie", fmt::format("{}={}; Path=/; SameSite=Lax; Max-Age=31536000{}", kEditorLanguageCookie,
                                             asked->second, services.config.secure_cookies ? "; Secure" : ""));
    return response;
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

void require_utf8(Call& call, const Params& form) {
  for (const auto& [name, value] : form)
    if (utf8_problem(value)) throw HttpError(400, words(call, "error.not_utf8"), name);
}

int64_t form_version(Call& call, const Params& form) {
  const std::string text = field(form, "based_on_version");
  if (!is_digits(text) || std::stoll(text) < 1) throw HttpError(400, words(call, "error.no_version"), "based_on_version");
  return std::stoll(text);
}

// A whole number typed in a form: "" is nothing.
std::optional<int> form_number(Call& call, const Params& form, const std::string& name) {
  std::string text = field(form, name);
  text.erase(0, text.find_first_not_of(' '));
  text.erase(text.find_last_not_of(' ') + 1);
  if (text.empty()) return std::nullopt;
  if (!is_digits(text, 6)) throw HttpError(400, words(call, "error.whole_number", {{"text", text}}), name);
  return std::stoi(text);
}

Date form_date(Call& call, const Params& form, const std::string& name) {
  const std::string text = field(form, name);
  std::optional<Date> date = parse_iso_date(text);
  if (!date) throw HttpError(400, words(call, "error.date"), name);
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

std::optional<std::string> form_item_key(Call& call, const Params& form, const std::string& name) {
  const std::string text = field(form, name);
  if (text.empty()) return std::nullopt;
  std::optional<std::string> key = parse_item_key(text);
  if (!key) throw HttpError(400, words(call, "error.item_number", {{"text", text}}), name);
  return key;
}

std::string item_key_param(Call& call, const RouteParams& params) {
  const std::string& text = params.at("key");
  std::optional<std::string> key = parse_item_key(text);
  if (!key) throw HttpError(404, words(call, "error.item_number", {{"text", text}}));
  return *key;
}

// The lines under a refused form: a 422's findings in words, the planner's problems.
std::vector<std::string> detail_lines(const nlohmann::json& details, const Meeting* meeting, const Catalog& catalog) {
  std::vector<std::string> lines;
  if (details.contains("findings"))
    for (const auto& finding : details.at("findings"))
      lines.push_back(field_in_words(finding.value("field", ""), meeting, catalog) + ": " +
                      finding.value("message", ""));
  if (details.contains("problems"))
    for (const auto& problem : details.at("problems")) lines.push_back(problem.get<std::string>());
  if (details.contains("diagnostics"))
    for (const auto& line : details.at("diagnostics")) lines.push_back(line.get<std::string>());
  return lines;
}

// A message from the writes may quote the path at fault
// ("cannot be published: items[1].title: ..."): the officer reads it in words.
std::string message_in_words(std::string message, const std::string& path, const Meeting* meeting,
                             const Catalog& catalog) {
  if (path.empty()) return message;
  const std::string words_for_path = field_in_words(path, meeting, catalog);
  for (size_t at = message.find(path); at != std::string::npos; at = message.find(path, at + words_for_path.size()))
    message.replace(at, path.size(), words_for_path);
  return message;
}

// Errors the form can be shown again with: bad values, results with errors,
// and conflicts that are not a stale version (a procedure holds the field,
// the symbol is taken). A stale version has a page of its own.
bool is_form_error(const HttpError& error) {
  const bool conflict = error.status() == 409 && !error.details().contains("changes");
  return (error.status() == 400 || error.status() == 422 || conflict) && error.field() != "csrf";
}

// ---- Pages

// The meeting, for a caller who may read its drafts; 403 otherwise.
store::MeetingRecord readable_meeting(Call& call, int64_t id) {
  const store::User& account = call.user();
  store::MeetingRecord record = find_meeting(call, id);
  if (!auth::may_read_drafts(account, record.body))
    throw HttpError(403, words(call, "error.may_not_read", {{"body", record.body}}));
  return record;
}

// Where a meeting page is: its part and what it shows.
struct PagePlace {
  MeetingPart part = MeetingPart::overview;
  std::string key;   // the item, symbol, footnote or decision
  std::string with;  // the item page's second language
};

std::string part_path(int64_t id, const PagePlace& place) {
  const std::string base = fmt::format("/edit/meetings/{}", id);
  switch (place.part) {
    case MeetingPart::overview:
      return base;
    case MeetingPart::meeting_data:
      return base + "/meeting";
    case MeetingPart::add_item:
      return base + "/items";
    case MeetingPart::item:
      return base + "/items/" + item_slug(place.key) + (place.with.empty() ? "" : "?with=" + url_encode(place.with));
    case MeetingPart::documents:
      return base + "/documents";
    case MeetingPart::document:
      return base + "/document?symbol=" + url_encode(place.key);
    case MeetingPart::footnotes:
      return base + "/footnotes";
    case MeetingPart::footnote:
      return base + "/footnotes/" + url_encode(place.key);
    case MeetingPart::decisions:
      return base + "/decisions";
    case MeetingPart::decision:
      return base + "/decisions/" + url_encode(place.key);
    case MeetingPart::organization:
      return base + "/organization";
    case MeetingPart::publish:
      return base + "/publish";
    case MeetingPart::bureau:
      return base + "/bureau";
  }
  return base;
}

// The notice after a write, from the query the redirect left.
std::string write_notice(Call& call) {
  const Params& query = call.request.query;
  auto number = [&](const char* name) {
    auto found = query.find(name);
    return found != query.end() && is_digits(found->second) ? found->second : std::string();
  };
  if (!number("saved").empty()) return words(call, "notice.saved", {{"version", number("saved")}});
  if (!number("published").empty()) return words(call, "notice.published", {{"version", number("published")}});
  if (!number("submitted").empty()) return words(call, "notice.submitted", {{"n", number("submitted")}});
  if (!number("withdrawn").empty()) return words(call, "notice.withdrawn", {{"n", number("withdrawn")}});
  return "";
}

// 404 unless the thing a page is about exists in the meeting.
void require_part(Call& call, const Meeting& meeting, const PagePlace& place) {
  const bool missing = (place.part == MeetingPart::item && !find_item(meeting, place.key)) ||
                       (place.part == MeetingPart::document && !find_document(meeting, place.key)) ||
                       (place.part == MeetingPart::footnote && !find_footnote(meeting, place.key)) ||
                       (place.part == MeetingPart::decision && !find_decision(meeting, place.key));
  if (missing) throw HttpError(404, words(call, "error.no_such", {{"what", place.key}}));
}

Response meeting_part(Call& call, const store::MeetingRecord& record, const PagePlace& place,
                      std::optional<FormError> error, int status) {
  const store::User& account = call.user();
  MeetingPartView view;
  view.context.user = editor_user(call);
  view.context.record = record;
  const std::shared_ptr<const Meeting> meeting = working_meeting(call, record);
  require_part(call, *meeting, place);
  view.context.meeting = meeting.get();
  view.context.may_edit = auth::may_edit(account, record.body);
  view.context.notice = write_notice(call);
  view.context.error = std::move(error);
  view.part = place.part;
  view.key = place.key;
  view.with = place.with;
  if (place.part == MeetingPart::overview || place.part == MeetingPart::bureau)
    view.procedures = call.store->procedures(record.id);
  return page(status, render_meeting_part(view, ui(call)));
}

std::pair<store::SilenceProcedure, store::MeetingRecord> readable_procedure(Call& call, const RouteParams& params) {
  call.user();
  std::optional<store::SilenceProcedure> procedure = call.store->procedure(id_param(params, "pid"));
  if (!procedure) throw HttpError(404, words(call, "error.no_procedure"));
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
  return page(status, render_procedure_page(view, ui(call)));
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
  return page(status, render_dashboard(view, ui(call)));
}

// The draft as the public will see it, in one of the meeting's languages.
Response draft_preview(Call& call, const RouteParams& params) {
  const store::MeetingRecord record = readable_meeting(call, id_param(params, "id"));
  const std::shared_ptr<const Meeting> meeting = working_meeting(call, record);
  const std::string& lang = params.at("lang");
  if (std::find(meeting->languages.begin(), meeting->languages.end(), lang) == meeting->languages.end())
    throw HttpError(404, words(call, "error.not_written_in", {{"language", language_in_words(lang, ui(call))}}));
  MeetingPageView view;
  view.id = record.id;
  view.meeting = meeting.get();
  view.lang = lang;
  for (const store::UpdateNotice& notice : call.store->updates(record.id))
    view.notices.push_back({notice.version, notice.date, notice.language, notice.text});
  view.draft_base = fmt::format("/edit/meetings/{}", record.id);
  view.banner_html = draft_banner_html(record, lang, ui(call));
  return page(200, render_meeting_page(view, call.services.catalog(lang)));
}

// A draft file: "CTOC_COP_WG.7_2022_1.fr.pdf", marked as a draft (downloads.h).
Response draft_file(Call& call, const RouteParams& params) {
  const store::MeetingRecord record = readable_meeting(call, id_param(params, "id"));
  const std::string stem = file_stem(working_meeting(call, record)->document.symbol);
  const std::string& name = params.at("file");
  if (name.size() <= stem.size() + 1 || name.compare(0, stem.size(), stem) != 0 || name[stem.size()] != '.')
    throw HttpError(404, words(call, "error.no_such", {{"what", name}}));
  const std::string rest = name.substr(stem.size() + 1);
  const size_t dot = rest.find('.');
  if (dot == std::string::npos) throw HttpError(404, words(call, "error.no_such", {{"what", name}}));
  return download(call, record, true, rest.substr(0, dot), rest.substr(dot + 1));
}

// ---- Writes from the meeting pages

struct FormPost {
  Call& call;
  const RouteParams& params;
  Params form;
  store::MeetingRecord record;
  std::string form_id;  // the form shown again when the write is refused
  PagePlace place;      // the page it is shown on, and where a write goes back to

  // The page `to`, with what was done in its query ("saved=5").
  Response back_to(const PagePlace& to, const std::string& query) const {
    std::string path = part_path(record.id, to);
    if (!query.empty()) path += (path.find('?') == std::string::npos ? "?" : "&") + query;
    return redirect(path);
  }
  Response saved(const store::MeetingRecord& result) const { return saved_at(result, place); }
  Response saved_at(const store::MeetingRecord& result, const PagePlace& to) const {
    return back_to(to, "saved=" + std::to_string(result.version));
  }
};

// The page the form came from, the refused form keeping what was sent. A
// form that was stale anyway gets the 409: its values belong to an older version.
Response refused(FormPost& post, int status, const std::string& field_name, const std::string& message,
                 const nlohmann::json& details = nlohmann::json::object()) {
  const std::string sent = field(post.form, "based_on_version");
  if (is_digits(sent) && std::stoll(sent) != post.record.version)
    throw conflict_error(post.call, post.record, std::stoll(sent));
  const std::shared_ptr<const Meeting> meeting = working_meeting(post.call, post.record);
  FormError error{post.form_id, field_name, message_in_words(message, field_name, meeting.get(), ui(post.call)),
                  post.form, detail_lines(details, meeting.get(), ui(post.call)), details.contains("procedure")};
  PagePlace place = post.place;
  // A refused item form shows its page again; a thing that is gone shows the overview.
  try {
    require_part(post.call, *meeting, place);
  } catch (const HttpError&) {
    place = {};
  }
  return meeting_part(post.call, post.record, place, std::move(error), status);
}

using WriteFn = std::function<Response(FormPost&)>;
// The form a request comes from and the page it is on.
struct FormPlace {
  std::string form_id;
  PagePlace place;
};
using FormPlaceFn = std::function<FormPlace(Call&, const RouteParams&, const Params&)>;

FormPlaceFn on(const std::string& form_id, MeetingPart part) {
  return [form_id, part](Call&, const RouteParams&, const Params&) { return FormPlace{form_id, {part, "", ""}}; };
}

// A form that changes a meeting: the editor of its body, the session's
// CSRF token, UTF-8 text.
Handler meeting_form(Services& services, FormPlaceFn where, WriteFn write) {
  return editor_route(services, [where, write](Call& call, const RouteParams& params) {
    call.user();
    const Params form = call.request.form();
    call.check_csrf(form);
    // The officer ticked "withdraw the procedure and save" on a refused form.
    if (field(form, "withdraw_procedures") == "1") call.save_options.withdraw_procedures = true;
    const store::MeetingRecord record = find_meeting(call, id_param(params, "id"));
    call.editor_of(record.body);
    FormPlace place;
    try {
      place = where(call, params, form);
    } catch (const HttpError&) {
      place = {"", {}};
    }
    FormPost post{call, params, form, record, place.form_id, place.place};
    try {
      require_utf8(call, post.form);
      return write(post);
    } catch (const std::exception& thrown) {
      const HttpError error = web_error(thrown);
      if (!is_form_error(error)) throw error;
      return refused(post, error.status(), error.field(), error.what(), error.details());
    }
  });
}

// The changes a form asks for, applied one after the other in one save;
// nothing to save goes back without a new version.
Response save_changes(FormPost& post, const std::string& action,
                      const std::vector<std::function<Meeting(const Meeting&)>>& changes) {
  const int64_t based_on = form_version(post.call, post.form);
  if (changes.empty()) return post.back_to(post.place, "");
  const store::MeetingRecord saved = save_change(post.call, post.record, based_on, action, [&](const Meeting& m) {
    Meeting out = m;
    for (const auto& change : changes) out = change(out);
    return out;
  });
  return post.saved(saved);
}

Response save_meeting_data(FormPost& post) {
  const std::shared_ptr<const Meeting> current = working_meeting(post.call, post.record);
  // A field left out keeps its value; one sent must be a date.
  const Date start = post.form.count("start") ? form_date(post.call, post.form, "start") : current->start;
  const Date end = post.form.count("end") ? form_date(post.call, post.form, "end") : current->end;
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
  // The heading: what was sent and differs.
  const std::string symbol = field(post.form, "symbol");
  if (post.form.count("symbol") && symbol != current->document.symbol)
    changes.push_back([symbol](const Meeting& m) { return edit::set_agenda_symbol(m, symbol); });
  if (post.form.count("issued")) {
    const Date issued = form_date(post.call, post.form, "issued");
    if (issued != current->document.issued)
      changes.push_back([issued](const Meeting& m) { return edit::set_issued(m, issued); });
  }
  if (post.form.count("distribution")) {
    std::optional<Distribution> distribution = distribution_from(field(post.form, "distribution"));
    if (!distribution) throw HttpError(400, words(post.call, "error.choose_distribution"), "distribution");
    if (*distribution != current->document.distribution)
      changes.push_back([d = *distribution](const Meeting& m) { return edit::set_distribution(m, d); });
  }
  const std::string original = field(post.form, "original_language");
  if (post.form.count("original_language") && original != current->document.original_language)
    changes.push_back([original](const Meeting& m) { return edit::set_original_language(m, original); });
  return save_changes(post, "edit-meeting", changes);
}

Response save_item(FormPost& post) {
  const std::string key = item_key_param(post.call, post.params);
  const int64_t based_on = form_version(post.call, post.form);
  const std::shared_ptr<const Meeting> current = working_meeting(post.call, post.record);
  const Item* item = find_item(*current, key);
  if (!item) throw HttpError(404, words(post.call, "error.no_such", {{"what", key}}));
  // Only what the form sent and differs is set: the languages not shown stay as they are.
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
    if (!kind) throw HttpError(400, words(post.call, "error.choose_kind"), "kind");
    if (*kind != item->kind) changes.kind = kind, any = true;
  }
  if (post.form.count("minutes")) {
    const std::optional<int> minutes = form_number(post.call, post.form, "minutes");
    if (minutes != item->minutes) changes.set_minutes = true, changes.minutes = minutes, any = true;
  }
  if (!any) return post.back_to(post.place, "");
  const store::MeetingRecord saved = save_change(post.call, post.record, based_on, "edit-item",
                                                 [&](const Meeting& m) { return change_item(m, key, changes); });
  return post.saved(saved);
}

Response add_item(FormPost& post) {
  const int64_t based_on = form_version(post.call, post.form);
  const std::shared_ptr<const Meeting> current = working_meeting(post.call, post.record);
  Item item;
  std::optional<ItemKind> kind = item_kind_from(field(post.form, "kind"));
  if (!kind) throw HttpError(400, words(post.call, "error.choose_kind"), "kind");
  item.kind = *kind;
  for (const auto& [lang, text] : form_texts(post.form, "title", current->languages)) item.title[lang] = text;
  const std::string parent = form_item_key(post.call, post.form, "parent").value_or("");
  const int position = form_number(post.call, post.form, "position").value_or(0);
  const store::MeetingRecord saved = save_change(post.call, post.record, based_on, "add-item", [&](const Meeting& m) {
    return edit::add_item(m, item, parent, position);
  });
  return post.saved(saved);
}

// "1 (b)" moved to position 3 is "1 (c)"; "4" moved to 2 is "2".
std::string key_after_move(const std::string& key, int position) {
  const size_t space = key.find(' ');
  if (space == std::string::npos) return item_key(position);
  return item_key(std::stoi(key.substr(0, space)), position);
}

Response move_item(FormPost& post) {
  const std::string key = item_key_param(post.call, post.params);
  const int64_t based_on = form_version(post.call, post.form);
  const std::optional<int> position = form_number(post.call, post.form, "position");
  if (!position) throw HttpError(400, words(post.call, "error.where_to"), "position");
  const auto move = [&](const Meeting& m) { return edit::move_item(m, key, *position); };
  // A move the slots cannot follow re-plans the organization of work: the
  // officer sees what moves first, and confirms.
  if (field(post.form, "confirm") != "1") {
    workflow::SaveOptions preview;
    preview.dry_run = true;
    const workflow::Saved would = save(post.call, post.record, based_on, "move-item", move, preview);
    if (!would.replanned.empty()) {
      MovePreviewView view{editor_user(post.call), would.record, key, *position, &would.meeting, {}};
      for (const planning::PlanChange& change : would.replanned) view.changes.push_back(change.text);
      return page(200, render_move_preview(view, ui(post.call)));
    }
  }
  const store::MeetingRecord saved = save_change(post.call, post.record, based_on, "move-item", move);
  return post.saved_at(saved, {MeetingPart::item, key_after_move(key, *position), ""});
}

Response remove_item(FormPost& post) {
  const std::string key = item_key_param(post.call, post.params);
  const store::MeetingRecord saved =
      save_change(post.call, post.record, form_version(post.call, post.form), "remove-item",
                  [&](const Meeting& m) { return edit::remove_item(m, key); });
  return post.saved_at(saved, {});
}

Response add_document(FormPost& post) {
  const std::optional<std::string> key = form_item_key(post.call, post.form, "item");
  const int64_t based_on = form_version(post.call, post.form);
  const std::vector<std::string> languages = working_meeting(post.call, post.record)->languages;
  Document document;
  document.symbol = field(post.form, "symbol");
  document.title = form_texts(post.form, "title", languages);
  document.description = form_texts(post.form, "description", languages);
  const store::MeetingRecord saved =
      save_change(post.call, post.record, based_on, "add-document",
                  [&](const Meeting& m) { return edit::add_document(m, document, key.value_or("")); });
  if (key) return post.saved_at(saved, {MeetingPart::item, *key, ""});
  return post.saved(saved);
}

Response save_document(FormPost& post) {
  const std::shared_ptr<const Meeting> current = working_meeting(post.call, post.record);
  const std::string symbol = field(post.form, "symbol");
  const Document* document = find_document(*current, symbol);
  if (!document) throw HttpError(404, words(post.call, "error.no_such", {{"what", symbol}}));
  std::vector<std::function<Meeting(const Meeting&)>> changes;
  // Only what the officer changed, so that the edit merges with others'.
  for (const std::string& lang : current->languages) {
    for (const bool title : {true, false}) {
      const std::string name = (title ? "title." : "description.") + lang;
      if (!post.form.count(name)) continue;
      const std::string sent = lf(field(post.form, name));
      const std::string* now = text_in(title ? document->title : document->description, lang);
      if (sent == (now ? *now : "") || (blank(sent) && !now)) continue;
      changes.push_back([symbol, lang, sent, title](const Meeting& m) {
        return title ? edit::set_document_title(m, symbol, lang, sent)
                     : edit::set_document_description(m, symbol, lang, sent);
      });
    }
  }
  return save_changes(post, "edit-document", changes);
}

Response remove_document(FormPost& post) {
  const std::string symbol = field(post.form, "symbol");
  const store::MeetingRecord saved =
      save_change(post.call, post.record, form_version(post.call, post.form), "remove-document",
                  [&](const Meeting& m) { return edit::remove_document(m, symbol); });
  return post.saved_at(saved, {MeetingPart::documents, "", ""});
}

Response add_decision(FormPost& post) {
  const int64_t based_on = form_version(post.call, post.form);
  const std::vector<std::string> languages = working_meeting(post.call, post.record)->languages;
  Decision decision;
  decision.id = field(post.form, "id");
  decision.date = form_date(post.call, post.form, "date");
  std::optional<Procedure> procedure = procedure_from(field(post.form, "procedure"));
  if (!procedure) throw HttpError(400, words(post.call, "error.choose_procedure"), "procedure");
  decision.procedure = *procedure;
  decision.by = form_texts(post.form, "by", languages);
  decision.approved = form_texts(post.form, "approved", languages);
  const store::MeetingRecord saved = save_change(post.call, post.record, based_on, "add-decision",
                                                 [&](const Meeting& m) { return edit::add_decision(m, decision); });
  return post.saved(saved);
}

Response add_footnote(FormPost& post) {
  const int64_t based_on = form_version(post.call, post.form);
  const std::vector<std::string> languages = working_meeting(post.call, post.record)->languages;
  const std::string id = field(post.form, "id");
  const LangText texts = form_texts(post.form, "text", languages);
  const store::MeetingRecord saved = save_change(post.call, post.record, based_on, "add-footnote",
                                                 [&](const Meeting& m) { return edit::add_footnote(m, id, texts); });
  return post.saved_at(saved, {MeetingPart::footnote, id, ""});
}

// Only the languages whose text the officer changed are set, so that an
// edit merges with another officer's edit of another language.
Response save_footnote(FormPost& post) {
  const int64_t based_on = form_version(post.call, post.form);
  const std::string id = post.params.at("fid");
  const std::vector<std::string> languages = working_meeting(post.call, post.record)->languages;
  const store::MeetingRecord saved = save_change(post.call, post.record, based_on, "edit-footnote", [&](const Meeting& m) {
    const Footnote* footnote = find_footnote(m, id);
    if (!footnote) throw HttpError(404, words(post.call, "error.no_footnote", {{"id", id}}), "fid");
    Meeting out = m;
    for (const std::string& lang : languages) {
      auto sent = post.form.find("text." + lang);
      if (sent == post.form.end()) continue;
      auto now = footnote->text.find(lang);
      const std::string current = now == footnote->text.end() ? "" : write_rich_text(now->second);
      const std::string text = lf(sent->second);
      if (text != current) out = edit::set_footnote_text(out, id, lang, text);
    }
    return out;
  });
  return post.saved_at(saved, {MeetingPart::footnote, id, ""});
}

Response remove_footnote(FormPost& post) {
  const std::string id = post.params.at("fid");
  const store::MeetingRecord saved =
      save_change(post.call, post.record, form_version(post.call, post.form), "remove-footnote",
                  [&](const Meeting& m) { return edit::remove_footnote(m, id); });
  return post.saved_at(saved, {MeetingPart::footnotes, "", ""});
}

Response remove_decision(FormPost& post) {
  const std::string id = post.params.at("decision");
  const store::MeetingRecord saved =
      save_change(post.call, post.record, form_version(post.call, post.form), "remove-decision",
                  [&](const Meeting& m) { return edit::remove_decision(m, id); });
  return post.saved_at(saved, {MeetingPart::decisions, "", ""});
}

MeetingFormat form_format(Call& call, const Params& form) {
  std::optional<MeetingFormat> format = meeting_format_from(field(form, "format"));
  if (!format) throw HttpError(400, words(call, "error.choose_format"), "format");
  return *format;
}

// Nothing is saved: the page shows the plan and a form that saves it.
Response preview_plan(FormPost& post) {
  PlanPreviewView view;
  view.user = editor_user(post.call);
  view.record = post.record;
  const std::shared_ptr<const Meeting> meeting = working_meeting(post.call, post.record);
  view.meeting = meeting.get();
  view.format = form_format(post.call, post.form);
  const planning::Plan plan = plan_for(*meeting, post.record, post.call, view.format);
  view.plan = &plan;
  return page(200, render_plan_preview(view, ui(post.call)));
}

Response save_format(FormPost& post) {
  const MeetingFormat format = form_format(post.call, post.form);
  const FormatSwitch done = switch_format(post.call, post.record, form_version(post.call, post.form), format);
  return post.saved(done.saved);
}

// The organization of work by hand: field slot.N lists meeting N's items,
// "1 (a), 2: 60", minutes after a colon; set_organization checks the result.
Response save_organization(FormPost& post) {
  const std::shared_ptr<const Meeting> current = working_meeting(post.call, post.record);
  OrganizationOfWork organization = current->organization;
  for (size_t s = 0; s < organization.slots.size(); ++s) {
    const std::string name = "slot." + std::to_string(s + 1);
    if (!post.form.count(name)) continue;
    std::vector<SlotItem> items;
    const std::string text = field(post.form, name);
    size_t at = 0;
    while (at <= text.size()) {
      const size_t end = std::min(text.find(',', at), text.size());
      std::string part = text.substr(at, end - at);
      at = end + 1;
      part.erase(0, part.find_first_not_of(' '));
      part.erase(part.find_last_not_of(' ') + 1);
      if (part.empty()) continue;
      SlotItem entry;
      const size_t colon = part.find(':');
      if (colon != std::string::npos) {
        Params one{{name, part.substr(colon + 1)}};
        entry.minutes = form_number(post.call, one, name);
        part.erase(colon);
        part.erase(part.find_last_not_of(' ') + 1);
      }
      std::optional<std::string> key = parse_item_key(part);
      if (!key) throw HttpError(400, words(post.call, "error.item_number", {{"text", part}}), name);
      entry.item = *key;
      items.push_back(entry);
    }
    organization.slots[s].items = std::move(items);
  }
  auto same_items = [](const Slot& a, const Slot& b) {
    if (a.items.size() != b.items.size()) return false;
    for (size_t i = 0; i < a.items.size(); ++i)
      if (a.items[i].item != b.items[i].item || a.items[i].minutes != b.items[i].minutes) return false;
    return true;
  };
  bool changed = false;
  for (size_t s = 0; s < organization.slots.size(); ++s)
    changed = changed || !same_items(organization.slots[s], current->organization.slots[s]);
  if (!changed) return save_changes(post, "edit-organization", {});
  try {
    return save_changes(post, "edit-organization",
                        {[&](const Meeting& m) { return edit::set_organization(m, organization); }});
  } catch (const edit::EditError& error) {
    // "organization.slots[2].items[0]" is the field of meeting 3.
    std::string field_name = error.field;
    const std::string prefix = "organization.slots[";
    if (field_name.rfind(prefix, 0) == 0) {
      const size_t close = field_name.find(']');
      const std::string digits = field_name.substr(prefix.size(), close - prefix.size());
      if (is_digits(digits, 6)) field_name = "slot." + std::to_string(std::stoi(digits) + 1);
    }
    throw HttpError(422, error.what(), field_name);
  }
}

Response publish(FormPost& post) {
  const int64_t based_on = form_version(post.call, post.form);
  const LangText notices = form_texts(post.form, "notice", working_meeting(post.call, post.record)->languages);
  workflow::PublishOptions options;
  options.without_organization = field(post.form, "without_organization") == "1";
  const store::MeetingRecord published = publish_meeting(post.call, post.record, based_on, notices, options);
  return post.back_to({}, "published=" + std::to_string(published.version));
}

// "2022-06-01T12:00" from a datetime-local input, read as UTC.
std::string utc_deadline(const std::string& local) {
  if (local.size() == 16 && local[10] == 'T') return local + ":00Z";
  if (local.size() == 19 && local[10] == 'T') return local + "Z";
  return local;
}

Response submit_to_bureau(FormPost& post) {
  const int64_t based_on = form_version(post.call, post.form);
  const std::vector<std::string> languages = working_meeting(post.call, post.record)->languages;
  ProcedureRequest request;
  std::optional<store::ProcedureSubject> subject = store::procedure_subject_from(field(post.form, "subject"));
  if (!subject) throw HttpError(400, words(post.call, "error.choose_subject"), "subject");
  request.subject = *subject;
  request.description = lf(field(post.form, "description"));
  if (blank(request.description)) throw HttpError(400, words(post.call, "error.say_what"), "description");
  const std::string deadline = field(post.form, "deadline");
  if (deadline.empty()) throw HttpError(400, words(post.call, "error.give_deadline"), "deadline");
  request.deadline = utc_deadline(deadline);
  request.approved = form_texts(post.form, "approved", languages);
  request.by = form_texts(post.form, "by", languages);
  if (std::optional<std::string> key = form_item_key(post.call, post.form, "item")) request.item = *key;
  const store::SilenceProcedure procedure = submit_procedure(post.call, post.record, based_on, request);
  return post.back_to({MeetingPart::bureau, "", ""}, "submitted=" + std::to_string(procedure.id));
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
    require_utf8(call, form);
    Meeting meeting;
    if (from_previous) {
      const std::string id = field(form, "from_meeting");
      if (!is_digits(id)) throw HttpError(400, words(call, "error.choose_previous"), "from_meeting");
      const store::MeetingRecord previous = find_meeting(call, std::stoll(id));
      meeting = next_meeting_draft(call, previous, field(form, "symbol"), form_date(call, form, "start"),
                                   form_date(call, form, "end"));
    } else {
      const std::string text = field(form, "meeting_file");
      if (blank(text)) throw HttpError(400, words(call, "error.paste_file"), "meeting_file");
      MeetingFile file = parse_meeting_file(text, "meeting.toml");
      nlohmann::json lines = nlohmann::json::array();
      for (const Diagnostic& diagnostic : check_meeting_file(file, CheckOptions{}))
        if (diagnostic.severity == Severity::error) lines.push_back(format_diagnostic(diagnostic));
      if (!lines.empty() || !file.meeting)
        throw HttpError(422, words(call, "error.file_has_errors"), "meeting_file", {{"diagnostics", lines}});
      meeting = std::move(*file.meeting);
    }
    const store::MeetingRecord record = create_meeting(call, meeting);
    return redirect(fmt::format("/edit/meetings/{}?saved={}", record.id, record.version));
  } catch (const std::exception& thrown) {
    const HttpError error = web_error(thrown);
    if (!is_form_error(error)) throw error;
    return refuse(error.status(), error.field() == "document.symbol" ? "symbol" : error.field(), error.what(),
                  detail_lines(error.details(), nullptr, ui(call)));
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
    throw HttpError(403, words(call, "error.only_bureau", {{"body", record.body}}));
  const std::string comment = lf(field(form, "comment"));
  auto refuse = [&](int status, const std::string& field_name, const std::string& message) {
    return procedure_page(call, procedure, record, FormError{"objection-form", field_name, message, form, {}}, status);
  };
  if (utf8_problem(comment)) return refuse(400, "comment", words(call, "error.not_utf8"));
  if (blank(comment)) return refuse(422, "comment", words(call, "error.say_why"));
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
  return redirect(fmt::format("/edit/meetings/{}/bureau?withdrawn={}", record.id, procedure.id));
}

// A GET of one of a meeting's pages.
Handler meeting_page_route(Services& services, std::function<PagePlace(Call&, const RouteParams&)> where) {
  return editor_route(services, [&services, where](Call& call, const RouteParams& params) {
    const store::MeetingRecord record = readable_meeting(call, id_param(params, "id"));
    const PagePlace place = where(call, params);
    if (conclude_due_procedures(services) > 0) return meeting_part(call, find_meeting(call, record.id), place, std::nullopt, 200);
    return meeting_part(call, record, place, std::nullopt, 200);
  });
}

std::function<PagePlace(Call&, const RouteParams&)> at(MeetingPart part) {
  return [part](Call&, const RouteParams&) { return PagePlace{part, "", ""}; };
}

std::string query_value(const Request& request, const std::string& name) {
  auto found = request.query.find(name);
  return found == request.query.end() ? std::string() : found->second;
}

void add_meeting_pages(Services& services) {
  Router& r = services.router;
  r.add("GET", "/edit/meetings/{id}", meeting_page_route(services, at(MeetingPart::overview)));
  r.add("GET", "/edit/meetings/{id}/meeting", meeting_page_route(services, at(MeetingPart::meeting_data)));
  r.add("GET", "/edit/meetings/{id}/items", meeting_page_route(services, at(MeetingPart::add_item)));
  r.add("GET", "/edit/meetings/{id}/items/{key}",
        meeting_page_route(services, [](Call& call, const RouteParams& params) {
          return PagePlace{MeetingPart::item, item_key_param(call, params), query_value(call.request, "with")};
        }));
  r.add("GET", "/edit/meetings/{id}/documents", meeting_page_route(services, [](Call& call, const RouteParams&) {
          return PagePlace{MeetingPart::documents, query_value(call.request, "item"), ""};
        }));
  r.add("GET", "/edit/meetings/{id}/document", meeting_page_route(services, [](Call& call, const RouteParams&) {
          return PagePlace{MeetingPart::document, query_value(call.request, "symbol"), ""};
        }));
  r.add("GET", "/edit/meetings/{id}/footnotes", meeting_page_route(services, at(MeetingPart::footnotes)));
  r.add("GET", "/edit/meetings/{id}/footnotes/{fid}", meeting_page_route(services, [](Call&, const RouteParams& params) {
          return PagePlace{MeetingPart::footnote, params.at("fid"), ""};
        }));
  r.add("GET", "/edit/meetings/{id}/decisions", meeting_page_route(services, at(MeetingPart::decisions)));
  r.add("GET", "/edit/meetings/{id}/decisions/{decision}",
        meeting_page_route(services, [](Call&, const RouteParams& params) {
          return PagePlace{MeetingPart::decision, params.at("decision"), ""};
        }));
  r.add("GET", "/edit/meetings/{id}/organization", meeting_page_route(services, at(MeetingPart::organization)));
  r.add("GET", "/edit/meetings/{id}/publish", meeting_page_route(services, at(MeetingPart::publish)));
  r.add("GET", "/edit/meetings/{id}/bureau", meeting_page_route(services, at(MeetingPart::bureau)));
  r.add("GET", "/edit/meetings/{id}/preview/{lang}", editor_route(services, draft_preview));
  r.add("GET", "/edit/meetings/{id}/draft/{file}", editor_route(services, draft_file));
}

void add_meeting_forms(Services& services) {
  Router& r = services.router;
  const FormPlaceFn item_form = [](Call& call, const RouteParams& params, const Params& form) {
    return FormPlace{"item-form", {MeetingPart::item, item_key_param(call, params), field(form, "with")}};
  };
  const FormPlaceFn item_action = [](Call& call, const RouteParams& params, const Params&) {
    return FormPlace{"item-actions", {MeetingPart::item, item_key_param(call, params), ""}};
  };
  const FormPlaceFn document_form = [](Call&, const RouteParams&, const Params& form) {
    return FormPlace{"document-form", {MeetingPart::document, field(form, "symbol"), ""}};
  };
  const FormPlaceFn decision_action = [](Call&, const RouteParams& params, const Params&) {
    return FormPlace{"decision-actions", {MeetingPart::decision, params.at("decision"), ""}};
  };
  r.add("POST", "/edit/meetings/{id}/meeting", meeting_form(services, on("meeting-form", MeetingPart::meeting_data), save_meeting_data));
  r.add("POST", "/edit/meetings/{id}/items", meeting_form(services, on("add-item-form", MeetingPart::add_item), add_item));
  r.add("POST", "/edit/meetings/{id}/items/{key}", meeting_form(services, item_form, save_item));
  r.add("POST", "/edit/meetings/{id}/items/{key}/move", meeting_form(services, item_action, move_item));
  r.add("POST", "/edit/meetings/{id}/items/{key}/remove", meeting_form(services, item_action, remove_item));
  r.add("POST", "/edit/meetings/{id}/documents",
        meeting_form(services, on("add-document-form", MeetingPart::documents), add_document));
  r.add("POST", "/edit/meetings/{id}/document", meeting_form(services, document_form, save_document));
  r.add("POST", "/edit/meetings/{id}/documents/remove", meeting_form(services, document_form, remove_document));
  r.add("POST", "/edit/meetings/{id}/decisions",
        meeting_form(services, on("add-decision-form", MeetingPart::decisions), add_decision));
  r.add("POST", "/edit/meetings/{id}/decisions/{decision}/remove", meeting_form(services, decision_action, remove_decision));
  const FormPlaceFn footnote_form = [](Call&, const RouteParams& params, const Params&) {
    return FormPlace{"footnote-form", {MeetingPart::footnote, params.at("fid"), ""}};
  };
  const FormPlaceFn footnote_action = [](Call&, const RouteParams& params, const Params&) {
    return FormPlace{"footnote-actions", {MeetingPart::footnote, params.at("fid"), ""}};
  };
  r.add("POST", "/edit/meetings/{id}/footnotes",
        meeting_form(services, on("add-footnote-form", MeetingPart::footnotes), add_footnote));
  r.add("POST", "/edit/meetings/{id}/footnotes/{fid}", meeting_form(services, footnote_form, save_footnote));
  r.add("POST", "/edit/meetings/{id}/footnotes/{fid}/remove", meeting_form(services, footnote_action, remove_footnote));
  r.add("POST", "/edit/meetings/{id}/plan", meeting_form(services, on("format-form", MeetingPart::organization), preview_plan));
  r.add("POST", "/edit/meetings/{id}/format", meeting_form(services, on("format-form", MeetingPart::organization), save_format));
  r.add("POST", "/edit/meetings/{id}/organization",
        meeting_form(services, on("organization-form", MeetingPart::organization), save_organization));
  r.add("POST", "/edit/meetings/{id}/publish", meeting_form(services, on("publish-form", MeetingPart::publish), publish));
  r.add("POST", "/edit/meetings/{id}/procedures",
        meeting_form(services, on("procedure-form", MeetingPart::bureau), submit_to_bureau));
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

  add_meeting_pages(services);

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
          return page(200, render_audit_page(view, ui(call)));
        }));

  add_meeting_forms(services);

  r.add("GET", "/edit/procedures/{pid}", editor_route(services, [&services](Call& call, const RouteParams& params) {
          call.user();
          conclude_due_procedures(services);
          const auto found = readable_procedure(call, params);
          return procedure_page(call, found.first, found.second, std::nullopt, 200);
        }));
  r.add("POST", "/edit/procedures/{pid}/objections", editor_route(services, object_to));
  r.add("POST", "/edit/procedures/{pid}/withdraw", editor_route(services, withdraw));
}

}  // namespace plenary::web
