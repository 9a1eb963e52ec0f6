// Twenty editors on one meeting, each editing its own item through the JSON
// API (in process, on an SQLite file), re-reading and trying again when
// refused: how many edits are refused, and how fast the edits go, against
// one editor making the same edits alone (the baseline, same machine, same
// run). Before edits merged, 100 such edits met 818 refusals.
//
//   build/bench/concurrent_edits [EDITORS] [EDITS_EACH]
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "auth/login.h"
#include "auth/tokens.h"
#include "format/meeting_file.h"
#include "format/meeting_json.h"
#include "store/sqlite_store.h"
#include "web/app.h"

namespace {

using nlohmann::json;
using namespace plenary;

struct Run {
  double seconds = 0;
  int edits = 0;
  int refusals = 0;
};

web::Response call(web::App& app, const std::string& method, const std::string& path, const std::string& token,
                   const std::string& body = "") {
  web::Request request;
  request.method = method;
  request.path = path;
  request.headers["authorization"] = "Bearer " + token;
  if (!body.empty()) request.headers["content-type"] = "application/json";
  request.body = body;
  return app.handle(request);
}

// A meeting with `items` substantive items after the example's first.
Meeting meeting_with(int items) {
  Meeting meeting = load_meeting_file(PLENARY_SOURCE_DIR "/examples/ctoc-wg7-2022/meeting.toml").meeting.value();
  Item model = meeting.items[1];
  model.documents.clear();
  model.annotation.clear();
  std::vector<Item> out{meeting.items.front()};
  for (int i = 0; i < items; ++i) {
    Item item = model;
    item.number = 2 + i;
    out.push_back(item);
  }
  for (size_t i = meeting.items.size() - 2; i < meeting.items.size(); ++i) {
    out.push_back(meeting.items[i]);
    out.back().number = static_cast<int>(out.size());
  }
  meeting.items = out;
  meeting.organization = OrganizationOfWork{};
  return meeting;
}

Run run(int editors, int edits_each) {
  const std::filesystem::path folder = std::filesystem::temp_directory_path() /
                                       ("plenary-bench-" + std::to_string(::getpid()) + "-" + std::to_string(editors));
  std::filesystem::create_directories(folder);
  const std::string database = folder / "plenary.sqlite";
  std::vector<std::string> tokens;
  {
    auto store = store::SqliteStore::open(database);
    const Meeting meeting = meeting_with(editors);
    store->create_meeting(meeting.body.short_name, meeting.document.symbol, meeting_to_json(meeting), "seed");
    for (int e = 0; e < editors; ++e) {
      const store::User user = store->create_user("editor" + std::to_string(e), store::Role::editor,
                                                  {meeting.body.short_name}, auth::kDummyPasswordHash);
      tokens.push_back(auth::create_api_token(*store, user.id, "bench"));
    }
  }
  web::AppConfig config;
  config.open_store = [database] { return std::unique_ptr<store::Store>(store::SqliteStore::open(database)); };
  web::App app(std::move(config));
  std::atomic<int> refusals{0}, edits{0};
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  for (int e = 0; e < editors; ++e)
    threads.emplace_back([&, e] {
      const std::string path = "/api/v1/meetings/1/items/" + std::to_string(2 + e);
      for (int i = 0; i < edits_each; ++i)
        for (int attempt = 0; attempt < 1000; ++attempt) {
          const int64_t version = json::parse(call(app, "GET", "/api/v1/meetings/1", tokens[e]).body)["version"];
          const json body{{"based_on_version", version}, {"title", {{"en", "Edit " + std::to_string(i)}}}};
          const web::Response response = call(app, "PATCH", path, tokens[e], body.dump());
          if (response.status == 200) {
            ++edits;
            break;
          }
          ++refusals;
        }
    });
  for (std::thread& thread : threads) thread.join();
  Run out;
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  out.edits = edits;
  out.refusals = refusals;
  std::filesystem::remove_all(folder);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const int editors = argc > 1 ? std::atoi(argv[1]) : 20;
  const int each = argc > 2 ? std::atoi(argv[2]) : 5;
  if (editors < 1 || each < 1 || editors > 200 || each > 1000) {
    std::fprintf(stderr, "usage: concurrent_edits [EDITORS 1-200] [EDITS_EACH 1-1000]\n");
    return 2;
  }
  const Run alone = run(1, editors * each);
  const Run together = run(editors, each);
  std::printf("one editor alone:   %d edits in %.2f s (%.1f edits/s), %d refused\n", alone.edits, alone.seconds,
              alone.edits / alone.seconds, alone.refusals);
  std::printf("%d editors at once: %d edits in %.2f s (%.1f edits/s), %d refused\n", editors, together.edits,
              together.seconds, together.edits / together.seconds, together.refusals);
  std::printf("ratio (together / alone, edits per second): %.2fx\n",
              (together.edits / together.seconds) / (alone.edits / alone.seconds));
  return together.edits == editors * each ? 0 : 1;
}
