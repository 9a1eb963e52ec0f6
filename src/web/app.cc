#include "web/app.h"

#include <ctime>
#include <exception>
#include <set>
#include <vector>

#include "auth/permissions.h"
#include "auth/tokens.h"
#include "edit/diff.h"
#include "edit/edit.h"
#include "format/meeting_json.h"
#include "model/check.h"
#include "web/meeting_writes.h"
#include "web/pages.h"
#include "web/procedures.h"
#include "web/services.h"

namespace plenary::web {

// ---- Who is calling

const Caller& Call::caller() {
  if (caller_) return *caller_;
  caller_.emplace();
  if (const std::string* authorization = request.header("authorization")) {
    // Scripts: "Authorization: Bearer <token>". A bad token is an error, not
    // the public: a script should learn that its token is wrong.
    const std::string prefix = "Bearer ";
    if (authorization->rfind(prefix, 0) != 0) throw HttpError(401, "the Authorization header must be \"Bearer <token>\"", "Authorization");
    caller_->user = auth::user_for_api_token(*store, authorization->substr(prefix.size()));
    if (!caller_->user) throw HttpError(401, "the API token is unknown or revoked", "Authorization");
    caller_->by_token = true;
    return *caller_;
  }
  if (std::optional<std::string> token = request.cookie("plenary_session")) {
    caller_->session = store->session(auth::token_digest(*token), now());
    if (caller_->session) {
      caller_->user = store->user_by_id(caller_->session->user_id);
      if (!caller_->user) caller_->session.reset();
    }
  }
  return *caller_;
}

const store::User& Call::user() {
  const Caller& who = caller();
  if (!who.user) throw HttpError(401, "log in first: this needs an account");
  return *who.user;
}

const store::User& Call::editor_of(const std::string& body) {
  const store::User& account = user();
  if (!auth::may_edit(account, body))
    throw HttpError(403, "the account \"" + account.name + "\" may not edit meetings of " + body);
  return account;
}

void Call::check_csrf(const Params& form) {
  const Caller& who = caller();
  if (who.by_token) return;  // scripts send no cookies, so they cannot be forged
  auto sent = form.find("csrf");
  if (!who.session || sent == form.end() || !auth::same_secret(sent->second, who.session->csrf_token))
    throw HttpError(403, "the form is out of date or was not sent from this site; reload the page and try again", "csrf");
}

// ---- Meetings

std::shared_ptr<const Meeting> MeetingCache::get(int64_t id, int64_t version, bool published,
                                                 const std::string& json) {
  const auto key = std::make_tuple(id, version, published);
  {
    std::lock_guard lock(mutex_);
    if (auto found = meetings_.find(key); found != meetings_.end()) return found->second;
  }
  MeetingFile file = parse_meeting_json(json, "meeting " + std::to_string(id));
  if (!file.meeting) throw HttpError(500, "the stored meeting " + std::to_string(id) + " cannot be read");
  auto meeting = std::make_shared<const Meeting>(std::move(*file.meeting));
  std::lock_guard lock(mutex_);
  // Older versions of the same meeting are not needed again.
  for (auto it = meetings_.begin(); it != meetings_.end();)
    it = std::get<0>(it->first) == id && std::get<2>(it->first) == published ? meetings_.erase(it) : std::next(it);
  meetings_[key] = meeting;
  return meeting;
}

std::optional<store::MeetingSummary> SummaryCache::get(int64_t id, store::Store& store) {
  const auto now = std::chrono::steady_clock::now();
  uint64_t generation = 0;
  {
    std::lock_guard lock(mutex_);
    auto found = entries_.find(id);
    if (found != entries_.end() && now - found->second.read_at < std::chrono::seconds(1)) return found->second.summary;
    generation = generation_;
  }
  std::optional<store::MeetingSummary> summary = store.meeting_summary(id);
  std::lock_guard lock(mutex_);
  if (generation == generation_) entries_[id] = Entry{now, summary};
  return summary;
}

std::vector<store::MeetingSummary> SummaryCache::all(store::Store& store) {
  const auto now = std::chrono::steady_clock::now();
  uint64_t generation = 0;
  {
    std::lock_guard lock(mutex_);
    if (all_read_at_ && now - *all_read_at_ < std::chrono::seconds(1)) return all_;
    generation = generation_;
  }
  std::vector<store::MeetingSummary> summaries = store.meetings();
  std::lock_guard lock(mutex_);
  if (generation == generation_) all_read_at_ = now, all_ = summaries;
  return summaries;
}

void SummaryCache::forget() {
  std::lock_guard lock(mutex_);
  entries_.clear();
  all_read_at_.reset();
  ++generation_;
}

int64_t id_param(const RouteParams& params, const std::string& name) {
  auto found = params.find(name);
  if (found == params.end() || found->second.empty() || found->second.size() > 18)
    throw HttpError(404, "no such " + name, name);
  int64_t value = 0;
  for (char c : found->second) {
    if (c < '0' || c > '9') throw HttpError(404, "\"" + found->second + "\" is not a number", name);
    value = value * 10 + (c - '0');
  }
  if (value <= 0) throw HttpError(404, "no such " + name, name);
  return value;
}

store::MeetingRecord find_meeting(Call& call, int64_t id) {
  std::optional<store::MeetingRecord> record = call.store->meeting(id);
  // A meeting the caller may not see does not exist for it, on every route:
  // a 403 would tell that it does.
  if (!record || (!record->published && !reads_drafts(call, record->body)))
    throw HttpError(404, "there is no meeting " + std::to_string(id));
  return *record;
}

bool reads_drafts(Call& call, const std::string& body) {
  const Caller& who = call.caller();
  return who.user && auth::may_read_drafts(*who.user, body);
}

std::shared_ptr<const Meeting> published_meeting(Call& call, const store::MeetingRecord& record) {
  if (!record.published) throw HttpError(404, "meeting " + std::to_string(record.id) + " is not published");
  return call.services.meetings.get(record.id, record.calendar_sequence, true, record.published_document);
}

std::shared_ptr<const Meeting> working_meeting(Call& call, const store::MeetingRecord& record) {
  return call.services.meetings.get(record.id, record.version, false, record.document);
}

nlohmann::json json_body(const Request& request) {
  const std::string* type = request.header("content-type");
  if (!type || type->rfind("application/json", 0) != 0)
    throw HttpError(415, "send the body as application/json", "Content-Type");
  if (auto problem = utf8_problem(request.body)) throw HttpError(400, "the body is not UTF-8: " + *problem, "body");
  // Refused before parsing: dump() and the meeting reader recurse, and
  // 100000 '[' would overflow the stack of the thread answering.
  if (find_too_deep_json(request.body))
    throw HttpError(400, "the body nests arrays and objects deeper than " + std::to_string(kMaxJsonDepth) + " levels",
                    "body");
  // A key given twice is ambiguous (which one counts?): refused, as in a meeting file.
  using Event = nlohmann::json::parse_event_t;
  std::vector<std::set<std::string>> keys;  // those of each object being read
  std::string repeated;
  auto check_keys = [&](int, Event event, nlohmann::json& parsed) {
    if (event == Event::object_start) keys.emplace_back();
    if (event == Event::object_end && !keys.empty()) keys.pop_back();
    if (event == Event::key && !keys.empty() && !keys.back().insert(parsed.get<std::string>()).second &&
        repeated.empty())
      repeated = parsed.get<std::string>();
    return true;
  };
  nlohmann::json body = nlohmann::json::parse(request.body, check_keys, false);
  if (body.is_discarded()) throw HttpError(400, "the body is not valid JSON", "body");
  if (!repeated.empty()) throw HttpError(400, "the key \"" + repeated + "\" is given twice in one object", "body");
  if (!body.is_object()) throw HttpError(400, "the body must be a JSON object", "body");
  return body;
}

std::string http_date(const std::string& iso) {
  std::tm time{};
  if (!strptime(iso.c_str(), "%Y-%m-%dT%H:%M:%SZ", &time)) return "";
  char text[64];
  std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &time);
  return text;
}

std::string etag_of(const std::string& bytes) { return "\"" + auth::token_digest(bytes).substr(0, 32) + "\""; }

Response conditional(const Request& request, const CachedBytes& bytes) {
  Response response;
  response.set("etag", bytes.etag);
  if (!bytes.last_modified.empty()) response.set("last-modified", bytes.last_modified);
  response.set("cache-control", "public, max-age=60");
  const std::string* if_none_match = request.header("if-none-match");
  const std::string* if_modified_since = request.header("if-modified-since");
  const bool fresh = if_none_match ? (if_none_match->find(bytes.etag) != std::string::npos || *if_none_match == "*")
                                   : (if_modified_since && *if_modified_since == bytes.last_modified);
  if (fresh) {
    response.status = 304;
    return response;
  }
  response.set("content-type", bytes.content_type);
  response.body = bytes.body;
  return response;
}

// ---- Saving

namespace {

nlohmann::json findings_json(const std::vector<workflow::Finding>& findings) {
  nlohmann::json out = nlohmann::json::array();
  for (const workflow::Finding& finding : findings)
    out.push_back({{"field", finding.field}, {"message", finding.message}});
  return out;
}

HttpError stale_http_error(const workflow::Stale& stale) {
  nlohmann::json conflicts = nlohmann::json::array();
  for (const edit::MergeConflict& conflict : stale.conflicts)
    conflicts.push_back(
        {{"field", conflict.field}, {"base", conflict.base}, {"yours", conflict.yours}, {"theirs", conflict.theirs}});
  return HttpError(409, stale.what(), stale.field(),
                   {{"current_version", stale.current_version},
                    {"based_on_version", stale.based_on_version},
                    {"changes", stale.changes},
                    {"conflicts", conflicts}});
}

int status_of(workflow::Refusal why) {
  switch (why) {
    case workflow::Refusal::malformed: return 400;
    case workflow::Refusal::not_allowed: return 403;
    case workflow::Refusal::not_found: return 404;
    case workflow::Refusal::conflict: return 409;
    case workflow::Refusal::unprocessable: return 422;
  }
  return 500;
}

}  // namespace

std::string editor_language(const Request& request) {
  auto asked = request.query.find("lang");
  if (asked != request.query.end() && is_official_language(asked->second)) return asked->second;
  if (std::optional<std::string> kept = request.cookie(kEditorLanguageCookie))
    if (is_official_language(*kept)) return *kept;
  return "en";
}

HttpError web_error(const std::exception& error) {
  if (const auto* http = dynamic_cast<const HttpError*>(&error)) return *http;
  if (const auto* stale = dynamic_cast<const workflow::Stale*>(&error)) return stale_http_error(*stale);
  if (const auto* held = dynamic_cast<const workflow::HeldByProcedure*>(&error))
    return HttpError(409, held->what(), held->field(), {{"procedure", held->procedure_id}});
  if (const auto* refused = dynamic_cast<const workflow::Refused*>(&error)) {
    nlohmann::json details = nlohmann::json::object();
    if (!refused->findings().empty()) details["findings"] = findings_json(refused->findings());
    return HttpError(status_of(refused->why()), refused->what(), refused->field(), details);
  }
  if (const auto* edit_error = dynamic_cast<const edit::EditError*>(&error))
    return HttpError(422, edit_error->what(), edit_error->field);
  if (dynamic_cast<const store::VersionConflict*>(&error)) return HttpError(409, error.what(), "based_on_version");
  if (dynamic_cast<const store::NotFound*>(&error)) return HttpError(404, error.what());
  if (dynamic_cast<const store::AlreadyExists*>(&error)) return HttpError(409, error.what());
  if (dynamic_cast<const store::InvalidInput*>(&error)) return HttpError(422, error.what());
  return HttpError(500, std::string("internal error: ") + error.what());
}

HttpError conflict_error(Call& call, const store::MeetingRecord& current, int64_t based_on_version) {
  return stale_http_error(workflow::stale_error(*call.store, current, based_on_version));
}

std::unique_lock<std::mutex> MeetingLocks::lock(int64_t meeting_id) {
  std::mutex* meeting_mutex = nullptr;
  {
    std::lock_guard guard(mutex_);
    std::unique_ptr<std::mutex>& slot = locks_[meeting_id];
    if (!slot) slot = std::make_unique<std::mutex>();
    meeting_mutex = slot.get();
  }
  return std::unique_lock<std::mutex>(*meeting_mutex);
}

workflow::Saved save(Call& call, const store::MeetingRecord& record, int64_t based_on_version,
                     const std::string& action, const std::function<Meeting(const Meeting&)>& change,
                     const workflow::SaveOptions& options) {
  const workflow::Actor actor{call.editor_of(record.body), call.now()};
  const std::unique_lock<std::mutex> turn = call.services.meeting_locks.lock(record.id);
  // Others may have saved while this one waited for its turn: start from
  // the meeting as it is now, so the first write does not fail for it.
  std::optional<store::MeetingRecord> now = call.store->meeting(record.id);
  workflow::SaveOptions asked = options;
  asked.withdraw_procedures = asked.withdraw_procedures || call.save_options.withdraw_procedures;
  return workflow::save_change(*call.store, actor, now ? *now : record, based_on_version, action, change, asked);
}

store::MeetingRecord save_change(Call& call, const store::MeetingRecord& record, int64_t based_on_version,
                                 const std::string& action, const std::function<Meeting(const Meeting&)>& change) {
  return save(call, record, based_on_version, action, change).record;
}

// ---- The application

Services::Services(AppConfig app_config)
    : config(std::move(app_config)), stores(config.open_store), cache(config.cache_bytes) {
  for (const char* language : kOfficialLanguages) catalogs.emplace(language, Catalog::load(language));
}

const Catalog& Services::catalog(const std::string& language) const {
  auto found = catalogs.find(language);
  return found == catalogs.end() ? catalogs.at("en") : found->second;
}

struct App::State {
  explicit State(AppConfig config) : services(std::move(config)) {}
  Services services;
};

App::App(AppConfig config) : state_(std::make_unique<State>(std::move(config))) {
  add_public_routes(state_->services);
  add_account_routes(state_->services);
  add_api_routes(state_->services);
  add_editor_routes(state_->services);
  add_history_routes(state_->services);
}

App::~App() = default;

std::vector<std::pair<std::string, std::string>> App::routes() const { return state_->services.router.routes(); }

int App::conclude_due_procedures() { return web::conclude_due_procedures(state_->services); }

namespace {

// The language of an HTML page: its path's first segment, else English.
std::string page_language(const Request& request) {
  const std::vector<std::string> segments = split_path(request.path);
  return !segments.empty() && is_official_language(segments[0]) ? segments[0] : "en";
}

Response error_response(const Services& services, const Request& request, int status, const std::string& message,
                        const std::string& field, const nlohmann::json& details = nlohmann::json::object()) {
  if (is_api_path(request.path)) {
    Response response = json_error(status, message, field);
    if (!details.empty()) {
      nlohmann::json body = nlohmann::json::parse(response.body);
      body["error"].update(details);
      response = json_response(status, body);
    }
    return response;
  }
  const std::string lang = page_language(request);
  return html_response(status, render_error_page(status, message, lang, services.catalog(lang)));
}

}  // namespace

Response App::handle(const Request& request) {
  const Services& services = state_->services;
  Response response;
  try {
    try {
      response = state_->services.router.route(request);
      if (response.status >= 400 && response.body.empty())
        response = error_response(services, request, response.status, response.status == 404 ? "page not found" : "error", "");
    } catch (const std::exception& thrown) {
      const HttpError error = web_error(thrown);
      response = error_response(services, request, error.status(), error.what(), error.field(), error.details());
    }
  } catch (const std::exception& error) {
    // The error page itself failed: answer in plain JSON.
    response = json_error(500, std::string("internal error: ") + error.what());
  }
  add_security_headers(response);
  // Whatever a write changed is read afresh by the next request.
  if (request.method != "GET" && request.method != "HEAD") state_->services.summaries.forget();
  return response;
}

}  // namespace plenary::web
