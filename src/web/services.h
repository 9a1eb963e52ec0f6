// What the application's handlers share, and the small vocabulary they
// use: who is calling, errors that become HTTP answers, meetings loaded and
// parsed once per version. Internal to src/web.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <tuple>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "i18n/catalog.h"
#include "model/meeting.h"
#include "store/store.h"
#include "web/app.h"
#include "web/cache.h"
#include "web/router.h"
#include "workflow/meetings.h"

namespace plenary::web {

// Thrown by handlers; App::handle turns it into a JSON body under /api/ and
// an HTML page elsewhere.
class HttpError : public std::runtime_error {
 public:
  HttpError(int status, const std::string& message, std::string field = "",
            nlohmann::json details = nlohmann::json::object())
      : std::runtime_error(message), status_(status), field_(std::move(field)), details_(std::move(details)) {}
  int status() const { return status_; }
  const std::string& field() const { return field_; }
  // More members of the JSON error object: a 409's current version and
  // changes, a 422's findings.
  const nlohmann::json& details() const { return details_; }

 private:
  int status_;
  std::string field_;
  nlohmann::json details_;
};

// A meeting parsed from its stored JSON, shared by the requests that read
// the same version.
class MeetingCache {
 public:
  std::shared_ptr<const Meeting> get(int64_t id, int64_t version, bool published, const std::string& json);

 private:
  std::mutex mutex_;
  std::map<std::tuple<int64_t, int64_t, bool>, std::shared_ptr<const Meeting>> meetings_;
};

// Meeting summaries read within the last second, so that a warm public page
// costs no database read (a summary sits after the large JSON columns of its
// row). Writes made through this application forget them at once; another
// process's writes show within a second.
class SummaryCache {
 public:
  std::optional<store::MeetingSummary> get(int64_t id, store::Store& store);
  // Every meeting's summary, as Store::meetings() lists them.
  std::vector<store::MeetingSummary> all(store::Store& store);
  void forget();

 private:
  struct Entry {
    std::chrono::steady_clock::time_point read_at;
    std::optional<store::MeetingSummary> summary;
  };
  std::mutex mutex_;
  std::map<int64_t, Entry> entries_;
  std::optional<std::chrono::steady_clock::time_point> all_read_at_;
  std::vector<store::MeetingSummary> all_;
  uint64_t generation_ = 0;  // bumped by forget(): a read begun before it is not kept
};

// One lock per meeting, so that this server's writes to a meeting take
// turns: a save reads, merges and writes, and without turns a writer can
// keep losing the race to the others. Writes from other processes are
// still caught by the store's versions and merged again.
class MeetingLocks {
 public:
  std::unique_lock<std::mutex> lock(int64_t meeting_id);

 private:
  std::mutex mutex_;
  std::map<int64_t, std::unique_ptr<std::mutex>> locks_;
};

struct Services {
  explicit Services(AppConfig app_config);
  // The page chrome and house style of an official language; English for
  // any other code.
  const Catalog& catalog(const std::string& language) const;

  AppConfig config;
  std::map<std::string, Catalog> catalogs;
  StorePool stores;
  Cache cache;
  MeetingCache meetings;
  SummaryCache summaries;
  MeetingLocks meeting_locks;
  Router router;
  std::mutex single_threaded_rendering;  // libical's time zone cache is not thread-safe
};

// Who is calling: nobody (the public), a browser session, or a script's token.
struct Caller {
  std::optional<store::User> user;
  std::optional<store::Session> session;  // browser logins only
  bool by_token = false;
};

// One request being answered: its store lease and its caller, found once.
class Call {
 public:
  // An API request that names a token is checked at once: a script with a
  // wrong token learns it (401) even where the public may read.
  Call(Services& shared, const Request& incoming)
      : services(shared), request(incoming), store(shared.stores.lease()) {
    if (is_api_path(incoming.path) && incoming.header("authorization")) caller();
  }

  Services& services;
  const Request& request;
  StorePool::Lease store;
  // What the request asked of every save it makes (a form's "withdraw the
  // procedure and save"); save() adds it to the options it is given.
  workflow::SaveOptions save_options;

  const Caller& caller();
  // The caller's account; throws 401 when there is none.
  const store::User& user();
  // Throws 403 unless the caller may edit the body's meetings.
  const store::User& editor_of(const std::string& body);
  // For browser forms: throws 403 unless the form's csrf field matches the session's.
  void check_csrf(const Params& form);
  std::string now() { return services.config.clock(); }

 private:
  std::optional<Caller> caller_;
};

// The `name` route parameter as a positive id; 404 otherwise.
int64_t id_param(const RouteParams& params, const std::string& name);

// The meeting record, or 404.
store::MeetingRecord find_meeting(Call& call, int64_t id);
// The published meeting, parsed; 404 when it is not published.
std::shared_ptr<const Meeting> published_meeting(Call& call, const store::MeetingRecord& record);
// The working (draft) meeting, parsed; 500 when the stored JSON is unreadable.
std::shared_ptr<const Meeting> working_meeting(Call& call, const store::MeetingRecord& record);
// Whether the caller may see the body's drafts (admin, its editors and Bureau).
bool reads_drafts(Call& call, const std::string& body);

// The request body as a JSON object; 415 unless it is JSON, 400 when it
// does not parse, is not an object or is not UTF-8.
nlohmann::json json_body(const Request& request);

// An HTTP date: "Mon, 27 Jun 2022 08:00:00 GMT", from ISO 8601 UTC.
std::string http_date(const std::string& iso);

// A strong ETag for `bytes`.
std::string etag_of(const std::string& bytes);

// A 200 with the cached bytes, or 304 when the request's validators match.
Response conditional(const Request& request, const CachedBytes& bytes);

// workflow::save_change for the calling editor: `change` applied to the
// meeting as it was at `based_on_version`, merged with what others saved
// since, audited as `action`.
workflow::Saved save(Call& call, const store::MeetingRecord& record, int64_t based_on_version,
                     const std::string& action, const std::function<Meeting(const Meeting&)>& change,
                     const workflow::SaveOptions& options = {});

// save() when only the saved record matters.
store::MeetingRecord save_change(Call& call, const store::MeetingRecord& record, int64_t based_on_version,
                                 const std::string& action, const std::function<Meeting(const Meeting&)>& change);

// The 409 for an editor whose version is stale: the current version and
// what changed since the version the editor read.
HttpError conflict_error(Call& call, const store::MeetingRecord& current, int64_t based_on_version);

// The cookie that keeps the editor's choice of language for the editing pages.
inline constexpr char kEditorLanguageCookie[] = "plenary_editor_lang";

// The language the editing pages speak: ?lang= when it names an official
// language, else the editor's choice kept in kEditorLanguageCookie, else English.
std::string editor_language(const Request& request);

// The one map from what the layers below throw to an HTTP answer: the
// workflows' refusals, the store's and the edits' errors, HttpError as it
// is, anything else a 500.
HttpError web_error(const std::exception& error);

// Registered by each part of the application.
void add_public_routes(Services& services);
void add_account_routes(Services& services);
void add_api_routes(Services& services);
void add_editor_routes(Services& services);
void add_history_routes(Services& services);  // history.cc: versions, compare, restore, meeting file

}  // namespace plenary::web
