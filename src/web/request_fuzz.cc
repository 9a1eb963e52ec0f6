// Feeds arbitrary requests to the application (App::handle, no sockets) and
// checks what must always hold: an answer with a status between 200 and
// 599, the security headers, and a JSON error body under /api/. The input's
// first byte chooses the caller (the public, an editor's token, a bad
// token); then come the method, the target and headers, one per line, an
// empty line and the body.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>
#include <unistd.h>

#include "auth/login.h"
#include "format/meeting_file.h"
#include "format/meeting_json.h"
#include "store/sqlite_store.h"
#include "web/app.h"

namespace {

void check(bool condition) {
  if (!condition) std::abort();
}

struct Fixture {
  std::string token;
  std::unique_ptr<plenary::web::App> app;
};

// One store and app for the whole run: the meeting is loaded once, and
// what the inputs write accumulates, as on a real server.
Fixture& fixture() {
  static Fixture* made = [] {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("plenary-request-fuzz-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string database = (dir / "fuzz.sqlite").string();
    auto store = plenary::store::SqliteStore::open(database);
    const plenary::MeetingFile file = plenary::load_meeting_file(PLENARY_SOURCE_DIR "/examples/ctoc-wg7-2022/meeting.toml");
    check(file.meeting.has_value());
    const auto record = store->create_meeting(file.meeting->body.short_name, file.meeting->document.symbol,
                                              plenary::meeting_to_json(*file.meeting), "fuzz");
    store->publish(record.id, record.version, "fuzz", {});
    // A known hash: the fuzzer never logs in with a password (argon2id would be slow).
    const auto user = store->create_user("editor", plenary::store::Role::editor, {"CTOC/COP/WG.7"},
                                         plenary::auth::kDummyPasswordHash);
    auto* out = new Fixture;
    out->token = plenary::auth::create_api_token(*store, user.id, "fuzz");
    plenary::web::AppConfig config;
    config.open_store = [database] { return std::unique_ptr<plenary::store::Store>(plenary::store::SqliteStore::open(database)); };
    out->app = std::make_unique<plenary::web::App>(std::move(config));
    return out;
  }();
  return *made;
}

std::string_view next_line(std::string_view& rest) {
  const size_t end = rest.find('\n');
  std::string_view line = rest.substr(0, end);
  rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  return line;
}

}  // namespace

// Built before the first input, so that its memory is not taken for a leak.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fixture();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  Fixture& f = fixture();
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  plenary::web::Request request;
  request.method = std::string(next_line(rest));
  const std::string target(next_line(rest));
  const size_t question = target.find('?');
  request.path = target.substr(0, question);
  if (question != std::string::npos) request.query = plenary::web::parse_query(target.substr(question + 1));
  for (std::string_view line = next_line(rest); !line.empty(); line = next_line(rest)) {
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string name(line.substr(0, colon));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    request.headers[name] = std::string(line.substr(colon + 1));
  }
  request.body = std::string(rest);
  if (data[0] % 3 == 1) request.headers["authorization"] = "Bearer " + f.token;
  if (data[0] % 3 == 2) request.headers["authorization"] = "Bearer not-a-token";

  const plenary::web::Response response = f.app->handle(request);
  check(response.status >= 200 && response.status <= 599);
  check(response.headers.count("content-security-policy") == 1);
  check(response.headers.count("x-content-type-options") == 1);
  if (response.status >= 400 && request.path.rfind("/api/", 0) == 0) {
    const nlohmann::json body = nlohmann::json::parse(response.body, nullptr, false);
    check(!body.is_discarded() && body.contains("error") && body["error"].contains("message"));
  }
  return 0;
}
