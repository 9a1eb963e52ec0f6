// docs/api.yaml must describe the JSON API as the router serves it: every
// /api/ route with its method, and no /api/ path or method that is not a
// route. The project has no YAML library, so the file is read with a line
// scan that relies on its plain 2-space block style (said at its top).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <unistd.h>

#include "store/sqlite_store.h"
#include "web/app.h"

namespace plenary::web {
namespace {

using Operation = std::pair<std::string, std::string>;  // ("GET", "/api/v1/meetings/{id}")

struct PathScan {
  std::set<Operation> operations;
  std::vector<std::string> problems;  // "line 12: ..."
};

bool is_http_method(std::string_view key) {
  for (std::string_view method : {"get", "put", "post", "delete", "patch", "head", "options", "trace"})
    if (key == method) return true;
  return false;
}

// The key of a block mapping entry, "  /api/v1/bodies:" -> "/api/v1/bodies",
// with its quotes removed; nothing for a line that is not "key:" or "key: value".
std::optional<std::string> mapping_key(std::string_view content) {
  if (content.empty() || content[0] == '-') return std::nullopt;
  if (content[0] == '"' || content[0] == '\'') {
    const size_t close = content.find(content[0], 1);
    if (close == std::string_view::npos || close + 1 >= content.size() || content[close + 1] != ':')
      return std::nullopt;
    return std::string(content.substr(1, close - 1));
  }
  for (size_t at = content.find(':'); at != std::string_view::npos; at = content.find(':', at + 1))
    if (at + 1 == content.size() || content[at + 1] == ' ') {
      std::string_view key = content.substr(0, at);
      while (!key.empty() && key.back() == ' ') key.remove_suffix(1);
      return std::string(key);
    }
  return std::nullopt;
}

// The (method, path) pairs under the top-level `paths:` key: paths at two
// spaces, methods at four spaces beneath them. Reports what the scan cannot
// trust: tabs, a path or a method given twice, a method outside a path, no
// `paths:` at all.
PathScan scan_paths(std::string_view yaml) {
  PathScan scan;
  bool in_paths = false, saw_paths = false;
  std::string path;
  std::set<std::string> paths;
  int number = 0;
  std::istringstream lines{std::string(yaml)};
  for (std::string line; std::getline(lines, line);) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const size_t indent = line.find_first_not_of(' ');
    if (indent == std::string::npos || line[indent] == '#') continue;
    const std::string where = "line " + std::to_string(number) + ": ";
    if (line[indent] == '\t') {
      scan.problems.push_back(where + "a tab in the indentation");
      continue;
    }
    const std::optional<std::string> key = mapping_key(std::string_view(line).substr(indent));
    if (indent == 0) {
      in_paths = key && *key == "paths";
      saw_paths = saw_paths || in_paths;
      path.clear();
      continue;
    }
    if (!in_paths || !key) continue;
    if (indent == 2) {
      path = *key;
      if (!paths.insert(path).second) scan.problems.push_back(where + "the path " + path + " is given twice");
    } else if (indent == 4 && is_http_method(*key)) {
      std::string method = *key;
      std::transform(method.begin(), method.end(), method.begin(), [](unsigned char c) { return std::toupper(c); });
      if (path.empty())
        scan.problems.push_back(where + "the method " + *key + " is under no path");
      else if (!scan.operations.emplace(method, path).second)
        scan.problems.push_back(where + "the method " + *key + " of " + path + " is given twice");
    }
  }
  if (!saw_paths) scan.problems.push_back("no top-level `paths:` key");
  return scan;
}

bool is_api(const std::string& pattern) { return pattern.rfind("/api/", 0) == 0; }

struct Mismatch {
  std::vector<std::string> undocumented;  // /api/ routes the file lacks
  std::vector<std::string> not_routes;    // operations the file describes that the router lacks
};

// `routes` against `documented`: every /api/ route must be documented, and
// every documented operation must be a route (the pages too, except under
// /edit/, which is being rewritten and described as a whole).
Mismatch compare(const std::vector<Operation>& routes, const std::set<Operation>& documented) {
  Mismatch mismatch;
  const std::set<Operation> served(routes.begin(), routes.end());
  for (const Operation& route : served)
    if (is_api(route.second) && !documented.count(route))
      mismatch.undocumented.push_back(route.first + " " + route.second);
  for (const Operation& operation : documented)
    if (operation.second.rfind("/edit/", 0) != 0 && !served.count(operation))
      mismatch.not_routes.push_back(operation.first + " " + operation.second);
  return mismatch;
}

std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += "\n  " + line;
  return out;
}

// The spec's text without one path and everything beneath it.
std::string without_path(const std::string& yaml, const std::string& path) {
  std::istringstream lines(yaml);
  std::string out;
  bool dropping = false;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("  ", 0) == 0 && line.size() > 2 && line[2] != ' ') dropping = line == "  " + path + ":";
    if (line.find_first_not_of(' ') == 0) dropping = false;
    if (!dropping) out += line + "\n";
  }
  return out;
}

class ApiSpecTest : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = (std::filesystem::temp_directory_path() /
                 ("plenary_api_spec_test_" + std::to_string(::getpid()) + ".sqlite"))
                    .string();
    AppConfig config;
    const std::string database = database_;
    config.open_store = [database] { return std::unique_ptr<store::Store>(store::SqliteStore::open(database)); };
    config.clock = [] { return std::string("2022-03-01T09:00:00Z"); };
    app_ = std::make_unique<App>(std::move(config));
    spec_ = read_text_file(PLENARY_SOURCE_DIR "/docs/api.yaml");
  }

  void TearDown() override {
    app_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(database_ + suffix);
  }

  std::string database_;
  std::unique_ptr<App> app_;
  std::string spec_;
};

// ---- The real file against the real routes

TEST_F(ApiSpecTest, TheSpecDescribesEveryApiRouteAndNothingElse) {
  ASSERT_FALSE(spec_.empty()) << "cannot read docs/api.yaml";
  const PathScan scan = scan_paths(spec_);
  EXPECT_TRUE(scan.problems.empty()) << "docs/api.yaml:" << joined(scan.problems);
  const Mismatch mismatch = compare(app_->routes(), scan.operations);
  EXPECT_TRUE(mismatch.undocumented.empty())
      << "routes that docs/api.yaml does not describe (add them under paths:):" << joined(mismatch.undocumented);
  EXPECT_TRUE(mismatch.not_routes.empty())
      << "operations in docs/api.yaml that no route serves:" << joined(mismatch.not_routes);
}

TEST_F(ApiSpecTest, TheApiHasRoutesToCheck) {
  // A router that lost its API routes would pass the test above vacuously.
  int api_routes = 0;
  for (const auto& [method, pattern] : app_->routes()) api_routes += is_api(pattern);
  EXPECT_GE(api_routes, 20);
}

TEST_F(ApiSpecTest, EveryDocumentedApiOperationReachesAHandler) {
  // Fill the path parameters and send each documented API operation to the
  // application: the router must match it (no 405, no "no such resource"),
  // whatever the handler then says of an empty store and no account.
  for (const auto& [method, pattern] : scan_paths(spec_).operations) {
    if (!is_api(pattern)) continue;
    std::string path;
    size_t at = 0;
    while (at < pattern.size()) {
      const size_t open = pattern.find('{', at);
      if (open == std::string::npos) {
        path += pattern.substr(at);
        break;
      }
      path += pattern.substr(at, open - at) + "1";
      at = pattern.find('}', open) + 1;
    }
    Request request;
    request.method = method;
    request.path = path;
    const Response response = app_->handle(request);
    EXPECT_NE(response.status, 405) << method << " " << path;
    EXPECT_EQ(response.body.find("no such resource"), std::string::npos)
        << method << " " << path << ": " << response.body;
  }
}

TEST_F(ApiSpecTest, TheTestFailsWhenARouteIsNotDocumented) {
  const std::string shortened = without_path(spec_, "/api/v1/meetings/{id}/plan");
  ASSERT_NE(shortened, spec_) << "the path to remove is not in docs/api.yaml";
  const Mismatch mismatch = compare(app_->routes(), scan_paths(shortened).operations);
  EXPECT_EQ(mismatch.undocumented, std::vector<std::string>{"GET /api/v1/meetings/{id}/plan"});
  EXPECT_TRUE(mismatch.not_routes.empty());
}

TEST_F(ApiSpecTest, TheTestFailsWhenTheSpecDescribesARouteThatIsNotThere) {
  std::string extended = spec_;
  const size_t paths = extended.find("\npaths:\n");
  ASSERT_NE(paths, std::string::npos);
  extended.insert(paths + 8, "  /api/v1/teapot:\n    get:\n      summary: no such route\n"
                             "  /api/v1/bodies/{id}:\n    delete:\n      summary: nor this\n");
  const Mismatch mismatch = compare(app_->routes(), scan_paths(extended).operations);
  EXPECT_TRUE(mismatch.undocumented.empty());
  EXPECT_EQ(mismatch.not_routes, (std::vector<std::string>{"DELETE /api/v1/bodies/{id}", "GET /api/v1/teapot"}));
}

// ---- The scan itself

TEST(ScanPaths, ReadsPathsAndMethodsAndNothingElse) {
  const PathScan scan = scan_paths(
      "# a comment\n"
      "openapi: 3.0.3\n"
      "paths:\n"
      "  /a:\n"
      "    parameters:\n"
      "      - name: get\n"
      "    get:\n"
      "      description: |\n"
      "        post: not a method, only text\n"
      "    summary: not a method\n"
      "  # post: commented out\n"
      "  \"/b/{id}\":\n"
      "    delete:\n"
      "    x-roles: [editor]\n"
      "\n"
      "  '/c':\n"
      "    patch: {}\n"
      "components:\n"
      "  /d:\n"
      "    get:\n");
  EXPECT_TRUE(scan.problems.empty()) << joined(scan.problems);
  EXPECT_EQ(scan.operations, (std::set<Operation>{{"GET", "/a"}, {"DELETE", "/b/{id}"}, {"PATCH", "/c"}}));
}

TEST(ScanPaths, ReadsWindowsLineEndings) {
  const PathScan scan = scan_paths("paths:\r\n  /a:\r\n    get:\r\n    put:\r\n");
  EXPECT_TRUE(scan.problems.empty()) << joined(scan.problems);
  EXPECT_EQ(scan.operations, (std::set<Operation>{{"GET", "/a"}, {"PUT", "/a"}}));
}

TEST(ScanPaths, ReportsDuplicates) {
  const PathScan scan = scan_paths("paths:\n  /a:\n    get:\n    get:\n  /b:\n    post:\n  /a:\n    put:\n");
  EXPECT_EQ(scan.problems, (std::vector<std::string>{"line 4: the method get of /a is given twice",
                                                     "line 7: the path /a is given twice"}));
}

TEST(ScanPaths, ReportsTabsAndMethodsOutsideAPath) {
  const PathScan scan = scan_paths("paths:\n    get:\n\t/a:\n");
  EXPECT_EQ(scan.problems, (std::vector<std::string>{"line 2: the method get is under no path",
                                                     "line 3: a tab in the indentation"}));
  EXPECT_TRUE(scan.operations.empty());
}

TEST(ScanPaths, ReportsAFileWithoutPaths) {
  for (const char* text : {"", "\n\n", "openapi: 3.0.3\ninfo:\n  title: x\n", "  paths:\n", "\xff\xfe\x00"}) {
    const PathScan scan = scan_paths(text);
    EXPECT_EQ(scan.problems, std::vector<std::string>{"no top-level `paths:` key"}) << text;
    EXPECT_TRUE(scan.operations.empty());
  }
}

TEST(ScanPaths, ToleratesBrokenUtf8AndHugeInput) {
  std::string yaml = "paths:\n  /\xc3\x28:\n    get:\n";
  for (int i = 0; i < 20000; ++i) yaml += "  /p" + std::to_string(i) + ":\n    get:\n    post:\n";
  const PathScan scan = scan_paths(yaml);
  EXPECT_TRUE(scan.problems.empty());
  EXPECT_EQ(scan.operations.size(), 1u + 2u * 20000u);
  EXPECT_TRUE(scan.operations.count({"GET", "/\xc3\x28"}));
}

TEST(MappingKey, SplitsKeysFromValues) {
  EXPECT_EQ(mapping_key("/api/v1/bodies:"), "/api/v1/bodies");
  EXPECT_EQ(mapping_key("get: {}"), "get");
  EXPECT_EQ(mapping_key("\"/a: b\":"), "/a: b");
  EXPECT_EQ(mapping_key("example: 10:00"), "example");
  EXPECT_EQ(mapping_key("time: 10:00:00"), "time");
  EXPECT_EQ(mapping_key("- get:"), std::nullopt);
  EXPECT_EQ(mapping_key("no colon here"), std::nullopt);
  EXPECT_EQ(mapping_key("a:b"), std::nullopt);
  EXPECT_EQ(mapping_key("\"unclosed:"), std::nullopt);
  EXPECT_EQ(mapping_key(""), std::nullopt);
}

}  // namespace
}  // namespace plenary::web
