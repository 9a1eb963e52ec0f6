// The web server over real HTTP: the `plenary serve` binary in a child
// process on a fresh database, called with cpp-httplib's client (and raw
// sockets where a client would tidy the request up). Every client has
// timeouts and every wait for the server has a deadline, so a hung server
// fails a test instead of hanging it.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <ctime>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "auth/password.h"
#include "auth/tokens.h"
#include "store/sqlite_store.h"
#include "store/test_support.h"
#include "web/app.h"
#include "web/http.h"
#include "web/test_support.h"

namespace plenary::web {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;
using testing::Callers;
using testing::kBody;
using testing::kExample;
using testing::TempFolder;

const std::string kPlenary = PLENARY_BINARY_DIR "/plenary";
const std::string kJson = "application/json";
const std::string kForm = "application/x-www-form-urlencoded";

// ---- The server in a child process

class ServerProcess {
 public:
  // Starts `plenary serve` on `database` (creating and publishing `load`
  // when the store has no meeting) and waits, at most 30 s, until it listens.
  explicit ServerProcess(const std::string& database, const std::string& load = "") {
    std::vector<std::string> args{kPlenary, "serve", "--db", database, "--listen", "127.0.0.1:0"};
    if (!load.empty()) args.insert(args.end(), {"--load", load});
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    int out[2];
    if (pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
      // Dies with the test, so a crashed test leaves no server behind.
      prctl(PR_SET_PDEATHSIG, SIGKILL);
      dup2(out[1], STDOUT_FILENO);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(out[1]);
    stdout_ = out[0];
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    const std::string serving = "plenary: serving http://127.0.0.1:";
    while (true) {
      const size_t at = output_.find(serving);
      if (at != std::string::npos && output_.find('\n', at) != std::string::npos) {
        port_ = std::stoi(output_.substr(at + serving.size()));
        return;
      }
      if (!read_some(deadline)) {
        const int status = stop();
        throw std::runtime_error("the server did not start (wait status " + std::to_string(status) +
                                 "); its output: " + output_);
      }
    }
  }
  ~ServerProcess() {
    stop();
    close(stdout_);
  }
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  int port() const { return port_; }
  bool running() const { return !status_; }

  httplib::Client client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_connection_timeout(5);
    client.set_read_timeout(60);  // a PDF under AddressSanitizer takes a while
    client.set_write_timeout(30);
    return client;
  }

  void signal(int number) {
    if (running()) ::kill(pid_, number);
  }

  // The wait status once the process has exited, waiting at most `timeout`.
  std::optional<int> wait_exit(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!status_) {
      int status = 0;
      const pid_t done = waitpid(pid_, &status, WNOHANG);
      if (done == pid_) {
        status_ = status;
        break;
      }
      if (done < 0 || std::chrono::steady_clock::now() > deadline) break;
      std::this_thread::sleep_for(10ms);
    }
    return status_;
  }

  // SIGTERM, then SIGKILL if it has not exited within 15 s. The wait status.
  int stop() {
    signal(SIGTERM);
    if (!wait_exit(15s)) kill_now();
    return *status_;
  }

  int kill_now() {
    signal(SIGKILL);
    if (!wait_exit(10s)) ADD_FAILURE() << "the server survived SIGKILL";
    return status_.value_or(-1);
  }

  // Everything the server wrote on stdout, read until it closes (at most 10 s).
  std::string output() {
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (read_some(deadline)) {
    }
    return output_;
  }

 private:
  // Reads what is there; false at the end of the stream or the deadline.
  bool read_some(std::chrono::steady_clock::time_point deadline) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd ready{stdout_, POLLIN, 0};
    if (poll(&ready, 1, static_cast<int>(left.count())) != 1) return false;
    char buffer[4096];
    const ssize_t got = read(stdout_, buffer, sizeof buffer);
    if (got <= 0) return false;
    output_.append(buffer, static_cast<size_t>(got));
    return true;
  }

  pid_t pid_ = -1;
  int stdout_ = -1;
  int port_ = 0;
  std::string output_;
  std::optional<int> status_;
};

// ---- Raw connections, for requests a client library would not send

class RawConnection {
 public:
  explicit RawConnection(int port) {
    socket_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (socket_ < 0 || connect(socket_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
      throw std::runtime_error("cannot connect to the server");
    timeval timeout{30, 0};
    setsockopt(socket_, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  }
  ~RawConnection() { close(socket_); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool send(const std::string& bytes) {
    size_t sent = 0;
    while (sent < bytes.size()) {
      const ssize_t n = ::send(socket_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += static_cast<size_t>(n);
    }
    return true;
  }

  // What the server sends until it closes the connection, at most `timeout`.
  std::string receive_all(std::chrono::milliseconds timeout = 30s) {
    std::string received;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      pollfd ready{socket_, POLLIN, 0};
      if (left.count() <= 0 || poll(&ready, 1, static_cast<int>(left.count())) != 1) break;
      char buffer[65536];
      const ssize_t got = recv(socket_, buffer, sizeof buffer, 0);
      if (got <= 0) break;
      received.append(buffer, static_cast<size_t>(got));
    }
    return received;
  }

 private:
  int socket_ = -1;
};

// "HTTP/1.1 404 Not Found\r\n..." -> 404; 0 when there is no status line.
int raw_status(const std::string& response) {
  if (response.rfind("HTTP/1.", 0) != 0 || response.size() < 12) return 0;
  return std::atoi(response.c_str() + 9);
}

std::string raw_body(const std::string& response) {
  const size_t end = response.find("\r\n\r\n");
  return end == std::string::npos ? "" : response.substr(end + 4);
}

// ---- Requests and replies

struct Reply {
  int status = 0;  // 0: no answer; `error` says why
  std::string error;
  httplib::Headers headers;  // case-insensitive names
  std::string body;

  json parsed() const { return json::parse(body, nullptr, false); }
  std::string header(const std::string& name) const {
    auto found = headers.find(name);
    return found == headers.end() ? "" : found->second;
  }
};

std::ostream& operator<<(std::ostream& out, const Reply& reply) {
  return out << "status " << reply.status << (reply.error.empty() ? "" : " (" + reply.error + ")") << ": "
             << reply.body.substr(0, 600);
}

Reply send(httplib::Client& client, const std::string& method, const std::string& path,
           const std::string& authorization = "", const std::string& body = "",
           const std::string& content_type = kJson, const httplib::Headers& extra = {}) {
  httplib::Request request;
  request.method = method;
  request.path = path;
  request.headers = extra;
  if (!authorization.empty()) request.headers.emplace("Authorization", authorization);
  if (!body.empty() || method != "GET") request.headers.emplace("Content-Type", content_type);
  request.body = body;
  Reply reply;
  httplib::Result result = client.send(request);
  if (!result) {
    reply.error = httplib::to_string(result.error());
    return reply;
  }
  reply.status = result->status;
  reply.headers = result->headers;
  reply.body = result->body;
  return reply;
}

// {"ar": text, ..., "es": text}: a text in every language of the example.
json in_every_language(const std::string& text) {
  json out = json::object();
  for (const char* language : {"ar", "zh", "en", "fr", "ru", "es"}) out[language] = text;
  return out;
}

// ISO 8601 UTC, `seconds` from now: what the server compares deadlines with.
std::string utc_in(int seconds) {
  const std::time_t at = std::time(nullptr) + seconds;
  std::tm utc{};
  gmtime_r(&at, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The checks every API error must pass: a JSON body with error.status and
// error.message, and error.field when one field is at fault.
void expect_json_error(const Reply& reply, int status, const std::string& field = "") {
  EXPECT_EQ(reply.status, status) << reply;
  EXPECT_EQ(reply.header("Content-Type"), "application/json; charset=utf-8") << reply;
  const json body = reply.parsed();
  ASSERT_TRUE(body.is_object() && body.contains("error")) << reply;
  EXPECT_EQ(body["error"].value("status", 0), status) << reply;
  ASSERT_TRUE(body["error"].contains("message") && body["error"]["message"].is_string()) << reply;
  EXPECT_FALSE(body["error"]["message"].get<std::string>().empty()) << reply;
  if (!field.empty()) {
    EXPECT_EQ(body["error"].value("field", ""), field) << reply;
  }
}

void expect_security_headers(const Reply& reply, const std::string& what) {
  EXPECT_TRUE(contains(reply.header("Content-Security-Policy"), "frame-ancestors 'none'"))
      << what << ": " << reply;
  EXPECT_EQ(reply.header("X-Content-Type-Options"), "nosniff") << what << ": " << reply;
}

// ---- The fixture: a server on a fresh store holding the example, published
// as meeting 1 at version 2, and the accounts of test_support.h.

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = folder_.file("plenary.sqlite");
    {
      std::unique_ptr<store::SqliteStore> store = store::SqliteStore::open(database_);
      callers_ = testing::add_callers(*store);
    }
    server_ = std::make_unique<ServerProcess>(database_, kExample);
  }

  Reply call(const std::string& method, const std::string& path, const std::string& authorization = "",
             const std::string& body = "", const std::string& content_type = kJson,
             const httplib::Headers& extra = {}) {
    httplib::Client client = server_->client();
    return send(client, method, path, authorization, body, content_type, extra);
  }
  Reply get(const std::string& path, const std::string& authorization = "",
            const httplib::Headers& extra = {}) {
    return call("GET", path, authorization, "", kJson, extra);
  }
  json get_json(const std::string& path, const std::string& authorization = "") {
    const Reply reply = get(path, authorization);
    EXPECT_EQ(reply.status, 200) << path << ": " << reply;
    return reply.parsed();
  }
  // A write as the body's editor, which must succeed; the answer as JSON.
  json edit(const std::string& method, const std::string& path, const json& body, int status = 200) {
    const Reply reply = call(method, path, callers_.editor, body.is_null() ? "" : body.dump());
    EXPECT_EQ(reply.status, status) << method << " " << path << ": " << reply;
    return reply.parsed();
  }
  // From the listing, which is cheaper than the meeting itself.
  int64_t version(int64_t id = 1) {
    for (const json& meeting : get_json("/api/v1/meetings", callers_.admin))
      if (meeting["id"] == id) return meeting["version"];
    ADD_FAILURE() << "no meeting " << id;
    return 0;
  }

  TempFolder folder_;
  std::string database_;
  Callers callers_;
  std::unique_ptr<ServerProcess> server_;
};

// ---- 1. The API

TEST_F(ServerTest, ReadsBodiesMeetingsItemsDocumentsAndUpdates) {
  const json bodies = get_json("/api/v1/bodies");
  ASSERT_EQ(bodies.size(), 1u) << bodies;
  EXPECT_EQ(bodies[0]["short_name"], kBody);
  EXPECT_EQ(bodies[0]["meetings"], json::array({1}));

  const json meetings = get_json("/api/v1/meetings");
  ASSERT_EQ(meetings.size(), 1u) << meetings;
  EXPECT_EQ(meetings[0]["id"], 1);
  EXPECT_EQ(meetings[0]["symbol"], "CTOC/COP/WG.7/2022/1");
  EXPECT_EQ(meetings[0]["version"], 2);
  EXPECT_EQ(meetings[0]["published"], true);
  EXPECT_EQ(meetings[0]["calendar_sequence"], 1);
  EXPECT_EQ(get_json("/api/v1/meetings?body=CTOC/COP/WG.7").size(), 1u);
  EXPECT_EQ(get_json("/api/v1/meetings?body=CTOC/COP/WG.4").size(), 0u);

  const json meeting = get_json("/api/v1/meetings/1");
  EXPECT_EQ(meeting["meeting"]["document"]["symbol"], "CTOC/COP/WG.7/2022/1");
  EXPECT_EQ(meeting["meeting"]["meeting"]["languages"].size(), 6u);
  EXPECT_EQ(meeting["links"]["page"], "/en/meetings/1");

  const json items = get_json("/api/v1/meetings/1/items");
  ASSERT_EQ(items.size(), 6u) << items;
  EXPECT_EQ(items[0]["subitems"].size(), 2u);
  for (size_t i = 0; i < items.size(); ++i) EXPECT_EQ(items[i]["number"], i + 1);

  const json documents = get_json("/api/v1/meetings/1/documents");
  ASSERT_TRUE(documents.is_array() && !documents.empty()) << documents;
  std::set<std::string> symbols;
  for (const json& document : documents) symbols.insert(document["symbol"]);
  EXPECT_TRUE(symbols.count("CTOC/COP/WG.7/2022/2")) << documents;

  EXPECT_EQ(get_json("/api/v1/meetings/1/updates"), json::array());
  // The same reads as the body's editor see the working document.
  EXPECT_EQ(get_json("/api/v1/meetings/1/items", callers_.editor), items);
}

TEST_F(ServerTest, PostsAMeetingAsJson) {
  json meeting = get_json("/api/v1/meetings/1", callers_.editor)["meeting"];
  meeting["document"]["symbol"] = "CTOC/COP/WG.7/2023/1";
  const Reply created = call("POST", "/api/v1/meetings", callers_.editor, json{{"meeting", meeting}}.dump());
  ASSERT_EQ(created.status, 201) << created;
  EXPECT_EQ(created.header("Location"), "/api/v1/meetings/2");
  const json record = created.parsed();
  EXPECT_EQ(record["id"], 2);
  EXPECT_EQ(record["version"], 1);
  EXPECT_EQ(record["published"], false);
  EXPECT_EQ(record["meeting"]["document"]["symbol"], "CTOC/COP/WG.7/2023/1");
  EXPECT_EQ(get_json("/api/v1/meetings/2", callers_.editor)["meeting"], record["meeting"]);

  // The same symbol twice is a conflict, and writes nothing.
  expect_json_error(call("POST", "/api/v1/meetings", callers_.editor, json{{"meeting", meeting}}.dump()),
                    409);
  EXPECT_EQ(get_json("/api/v1/meetings", callers_.editor).size(), 2u);
  // A meeting with errors is refused with every finding.
  json broken = meeting;
  broken["document"]["symbol"] = "CTOC/COP/WG.7/2023/2";
  broken["meeting"]["end"] = "2021-01-01";
  const Reply refused = call("POST", "/api/v1/meetings", callers_.editor, json{{"meeting", broken}}.dump());
  expect_json_error(refused, 422);
  EXPECT_FALSE(refused.parsed()["error"]["findings"].empty()) << refused;
  EXPECT_EQ(get_json("/api/v1/meetings", callers_.editor).size(), 2u);
}

TEST_F(ServerTest, EditsItemsDocumentsAndDecisions) {
  const json original = get_json("/api/v1/meetings/1/items", callers_.editor);
  int64_t v = version();
  ASSERT_EQ(v, 2);

  // An item's title and annotation.
  json record = edit("PATCH", "/api/v1/meetings/1/items/2",
                     {{"based_on_version", v},
                      {"title", {{"en", "Cooperation with the private sector"}}},
                      {"annotation", {{"en", "The Working Group may wish to discuss this."}}}});
  EXPECT_EQ(record["version"], ++v);
  json item = record["meeting"]["items"][1];
  EXPECT_EQ(item["title"]["en"], "Cooperation with the private sector");
  EXPECT_EQ(item["title"]["fr"], original[1]["title"]["fr"]);
  EXPECT_EQ(item["annotation"]["en"], "The Working Group may wish to discuss this.");

  // An item added as the second: the items after it are renumbered, and
  // the organization of work follows.
  record = edit(
      "POST", "/api/v1/meetings/1/items",
      {{"based_on_version", v},
       {"item", {{"title", in_every_language("Statements")}, {"annotation", in_every_language("None.")}}},
       {"position", 2}});
  EXPECT_EQ(record["version"], ++v);
  json items = record["meeting"]["items"];
  ASSERT_EQ(items.size(), 7u);
  EXPECT_EQ(items[1]["number"], 2);
  EXPECT_EQ(items[1]["title"]["en"], "Statements");
  EXPECT_EQ(items[2]["number"], 3);
  EXPECT_EQ(items[2]["title"]["en"], "Cooperation with the private sector");
  EXPECT_EQ(items[6]["number"], 7);
  std::set<std::string> planned;
  for (const json& slot : record["meeting"]["organization"]["slots"])
    for (const json& key : slot["items"]) planned.insert(key);
  EXPECT_TRUE(planned.count("7")) << record["meeting"]["organization"];

  // Not after the adoption of the report, which stays last.
  expect_json_error(call("POST", "/api/v1/meetings/1/items/2/move", callers_.editor,
                         json{{"based_on_version", v}, {"position", 7}}.dump()),
                    422, "position");
  // Moved before it, then removed: the agenda is as it was.
  record = edit("POST", "/api/v1/meetings/1/items/2/move", {{"based_on_version", v}, {"position", 6}});
  EXPECT_EQ(record["version"], ++v);
  items = record["meeting"]["items"];
  EXPECT_EQ(items[1]["title"]["en"], "Cooperation with the private sector");
  EXPECT_EQ(items[5]["title"]["en"], "Statements");
  EXPECT_EQ(items[6]["kind"], "adoption-of-report");
  record = edit("DELETE", "/api/v1/meetings/1/items/6", {{"based_on_version", v}});
  EXPECT_EQ(record["version"], ++v);
  items = record["meeting"]["items"];
  ASSERT_EQ(items.size(), 6u);
  for (size_t i = 0; i < items.size(); ++i) {
    EXPECT_EQ(items[i]["number"], i + 1);
    if (i != 1) {
      EXPECT_EQ(items[i]["title"], original[i]["title"]) << i;
    }
  }

  // A document listed under item 3, then removed from everywhere.
  record = edit("POST", "/api/v1/meetings/1/documents",
                {{"based_on_version", v},
                 {"symbol", "CTOC/COP/WG.7/2022/CRP.1"},
                 {"title", {{"en", "Conference room paper"}}},
                 {"description", in_every_language("A conference room paper")},
                 {"item", "3"}});
  EXPECT_EQ(record["version"], ++v);
  EXPECT_TRUE(contains(record["meeting"]["items"][2]["documents"].dump(), "CTOC/COP/WG.7/2022/CRP.1"));
  EXPECT_TRUE(contains(get_json("/api/v1/meetings/1/documents", callers_.editor).dump(), "CRP.1"));
  record = edit("DELETE", "/api/v1/meetings/1/documents",
                {{"based_on_version", v}, {"symbol", "CTOC/COP/WG.7/2022/CRP.1"}});
  EXPECT_EQ(record["version"], ++v);
  EXPECT_FALSE(contains(record["meeting"].dump(), "CRP.1"));

  // A decision, added and removed; one that an annotation cites stays.
  record = edit("POST", "/api/v1/meetings/1/decisions",
                {{"based_on_version", v},
                 {"id", "bureau-2022-05"},
                 {"by", in_every_language("the Bureau")},
                 {"date", "2022-05-10"},
                 {"procedure", "meeting"},
                 {"approved", in_every_language("the dates")}});
  EXPECT_EQ(record["version"], ++v);
  EXPECT_TRUE(contains(record["meeting"]["decisions"].dump(), "bureau-2022-05"));
  record = edit("DELETE", "/api/v1/meetings/1/decisions/bureau-2022-05?based_on_version=" + std::to_string(v),
                nullptr);
  EXPECT_EQ(record["version"], ++v);
  EXPECT_FALSE(contains(record["meeting"]["decisions"].dump(), "bureau-2022-05"));
  expect_json_error(call("DELETE", "/api/v1/meetings/1/decisions/topics", callers_.editor,
                         json{{"based_on_version", v}}.dump()),
                    422);
  EXPECT_EQ(version(), v);

  // The public still sees the published agenda, untouched.
  EXPECT_EQ(get_json("/api/v1/meetings/1/items"), original);
}

TEST_F(ServerTest, PlansAndSwitchesTheFormat) {
  const json plan = get_json("/api/v1/meetings/1/plan?format=hybrid", callers_.editor);
  EXPECT_EQ(plan["format"], "hybrid");
  EXPECT_EQ(plan["ok"], true);
  ASSERT_FALSE(plan["changes"].empty()) << plan;
  EXPECT_TRUE(contains(plan["changes"][0]["text"], "moves from")) << plan["changes"][0];
  EXPECT_EQ(version(), 2) << "planning saves nothing";
  expect_json_error(get("/api/v1/meetings/1/plan?format=hybrid"), 401);
  expect_json_error(get("/api/v1/meetings/1/plan?format=sideways", callers_.editor), 400, "format");

  const json record =
      edit("PUT", "/api/v1/meetings/1/format", {{"based_on_version", 2}, {"format", "hybrid"}});
  EXPECT_EQ(record["version"], 3);
  EXPECT_EQ(record["meeting"]["meeting"]["format"], "hybrid");
  EXPECT_EQ(record["plan"]["format"], "hybrid");
  EXPECT_EQ(record["meeting"]["organization"]["slots"][0]["start"], "12:00");
  // The public still sees the in-person meeting.
  EXPECT_EQ(get_json("/api/v1/meetings/1")["meeting"]["meeting"]["format"], "in-person");
}

TEST_F(ServerTest, PublishesWithNoticesShownOnThePublicPages) {
  edit("PATCH", "/api/v1/meetings/1/items/2",
       {{"based_on_version", 2}, {"title", {{"en", "Private sector"}}}});
  EXPECT_FALSE(contains(get("/en/meetings/1").body, "Private sector")) << "a draft is not public";

  const json published = edit("POST", "/api/v1/meetings/1/publish",
                              {{"based_on_version", 3},
                               {"notice",
                                {{"fr", "La séance d'ouverture commencera à 10 h 30."},
                                 {"en", "The opening will be at 10.30 a.m."},
                                 {"ar", "ستبدأ الجلسة الافتتاحية في الساعة 10:30."}}}});
  EXPECT_EQ(published["version"], 4);
  EXPECT_EQ(published["calendar_sequence"], 2);

  const Reply french = get("/fr/meetings/1");
  ASSERT_EQ(french.status, 200) << french;
  EXPECT_TRUE(contains(french.body, "La séance d&#39;ouverture commencera à 10 h 30.") ||
              contains(french.body, "La séance d'ouverture commencera à 10 h 30."))
      << french.body.substr(0, 2000);
  const Reply arabic = get("/ar/meetings/1");
  ASSERT_EQ(arabic.status, 200);
  EXPECT_TRUE(contains(arabic.body, "ستبدأ الجلسة الافتتاحية في الساعة 10:30."))
      << arabic.body.substr(0, 2000);
  const Reply english = get("/en/meetings/1");
  EXPECT_TRUE(contains(english.body, "The opening will be at 10.30 a.m."));
  EXPECT_FALSE(contains(english.body, "10 h 30")) << "one notice per publication, in the page's language";
  EXPECT_TRUE(contains(english.body, "Private sector"));
  // Defect 8: a language left empty has no notice; another's is not shown instead.
  EXPECT_FALSE(contains(get("/es/meetings/1").body, "The opening will be at 10.30 a.m."));

  const json updates = get_json("/api/v1/meetings/1/updates");
  ASSERT_EQ(updates.size(), 3u) << updates;
  for (const json& update : updates) EXPECT_EQ(update["version"], 4);

  // The audit names who did what, and what changed.
  const json audit = get_json("/api/v1/meetings/1/audit", callers_.bureau);
  ASSERT_EQ(audit.size(), 4u) << audit;
  std::vector<std::string> actions, who;
  for (const json& entry : audit) actions.push_back(entry["action"]), who.push_back(entry["who"]);
  EXPECT_EQ(actions, (std::vector<std::string>{"create", "publish", "edit-item", "publish"}));
  EXPECT_EQ(who,
            (std::vector<std::string>{"plenary serve --load", "plenary serve --load", "editor", "editor"}));
  EXPECT_EQ(audit[2]["version"], 3);
  EXPECT_TRUE(contains(audit[2]["changes"].dump(), "item 2: title (en) changed")) << audit[2];
  EXPECT_FALSE(audit[2]["at"].get<std::string>().empty());
  expect_json_error(get("/api/v1/meetings/1/audit"), 401);
  expect_json_error(get("/api/v1/meetings/1/audit", callers_.other_editor), 403);
}

TEST_F(ServerTest, DownloadsAnswerConditionalRequests) {
  const std::string stem = "/meetings/1/CTOC_COP_WG.7_2022_1";
  const Reply pdf = get(stem + ".en.pdf");
  ASSERT_EQ(pdf.status, 200) << pdf.error;
  EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-");
  EXPECT_EQ(pdf.header("Content-Type"), "application/pdf");
  const std::string etag = pdf.header("ETag"), last_modified = pdf.header("Last-Modified");
  ASSERT_FALSE(etag.empty());
  ASSERT_TRUE(contains(last_modified, " GMT")) << last_modified;

  // HEAD: GET's headers, Content-Length included, and no body.
  httplib::Client head_client = server_->client();
  const httplib::Result head = head_client.Head((stem + ".en.pdf").c_str());
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->get_header_value("Content-Length"), std::to_string(pdf.body.size()));
  EXPECT_TRUE(head->body.empty());

  const Reply unchanged = get(stem + ".en.pdf", "", {{"If-None-Match", etag}});
  EXPECT_EQ(unchanged.status, 304);
  EXPECT_TRUE(unchanged.body.empty());
  EXPECT_EQ(get(stem + ".en.pdf", "", {{"If-Modified-Since", last_modified}}).status, 304);
  EXPECT_EQ(get(stem + ".en.pdf", "", {{"If-None-Match", "\"something-else\""}}).status, 200);

  const Reply docx = get(stem + ".fr.docx");
  ASSERT_EQ(docx.status, 200);
  EXPECT_EQ(docx.body.substr(0, 4), std::string("PK\x03\x04", 4));

  Reply ics = get(stem + ".en.ics");
  ASSERT_EQ(ics.status, 200);
  EXPECT_EQ(ics.body.rfind("BEGIN:VCALENDAR", 0), 0u) << ics.body.substr(0, 200);
  // Each event dated by the publications (calendar_feed_test.cc checks how).
  EXPECT_TRUE(contains(ics.body, "\r\nLAST-MODIFIED:")) << ics.body;
  EXPECT_TRUE(contains(ics.body, "SEQUENCE:0\r\n")) << ics.body;
  EXPECT_EQ(get(stem + ".en.ics", "", {{"If-None-Match", ics.header("ETag")}}).status, 304);

  const Reply feed = get("/bodies/CTOC_COP_WG.7.en.ics");
  ASSERT_EQ(feed.status, 200) << feed;
  EXPECT_EQ(feed.body.rfind("BEGIN:VCALENDAR", 0), 0u);
  EXPECT_TRUE(contains(feed.body, "SEQUENCE:0\r\n"));
  EXPECT_EQ(get("/bodies/CTOC_COP_WG.7.en.ics", "", {{"If-None-Match", feed.header("ETag")}}).status, 304);
  EXPECT_EQ(get("/bodies/CTOC_COP_WG.9.en.ics").status, 404);

  // A new publication that changes no event: the events keep their SEQUENCE.
  edit("POST", "/api/v1/meetings/1/publish", {{"based_on_version", 2}});
  ics = get(stem + ".en.ics");
  EXPECT_EQ(ics.status, 200);
  EXPECT_TRUE(contains(ics.body, "SEQUENCE:0\r\n")) << ics.body;
  EXPECT_EQ(get_json("/api/v1/meetings/1")["calendar_sequence"], 2);
  const Reply new_feed = get("/bodies/CTOC_COP_WG.7.en.ics");
  EXPECT_EQ(new_feed.status, 200);
  EXPECT_TRUE(contains(new_feed.body, "SEQUENCE:0\r\n"));

  // The API renders drafts for those who may read them, privately.
  const Reply draft = get("/api/v1/meetings/1/render?format=pdf&lang=zh", callers_.bureau);
  ASSERT_EQ(draft.status, 200);
  EXPECT_EQ(draft.body.substr(0, 5), "%PDF-");
  EXPECT_EQ(draft.header("Cache-Control"), "private, no-cache");
  expect_json_error(get("/api/v1/meetings/1/render?format=exe"), 404, "format");
  expect_json_error(get("/api/v1/meetings/1/render?format=pdf&lang=de"), 404, "lang");
  EXPECT_EQ(get(stem + ".de.pdf").status, 404);
  EXPECT_EQ(get("/meetings/1/OTHER.en.pdf").status, 404);
}

TEST_F(ServerTest, StaleVersionIsAConflictThatWritesNothing) {
  edit("PATCH", "/api/v1/meetings/1/items/2", {{"based_on_version", 2}, {"title", {{"en", "First"}}}});
  const size_t audited = get_json("/api/v1/meetings/1/audit", callers_.editor).size();

  // The same field from the version before: both texts come back.
  const Reply stale = call("PATCH", "/api/v1/meetings/1/items/2", callers_.editor,
                           json{{"based_on_version", 2}, {"title", {{"en", "Second"}}}}.dump());
  expect_json_error(stale, 409, "based_on_version");
  const json error = stale.parsed()["error"];
  EXPECT_EQ(error["current_version"], 3);
  EXPECT_EQ(error["based_on_version"], 2);
  EXPECT_EQ(error["changes"], json::array({"item 2: title (en) changed"})) << error;
  ASSERT_EQ(error["conflicts"].size(), 1u) << error;
  EXPECT_EQ(error["conflicts"][0]["field"], "items[1].title.en");
  EXPECT_EQ(error["conflicts"][0]["yours"], "Second");
  EXPECT_EQ(error["conflicts"][0]["theirs"], "First");

  // Writes that move items or publish check the version.
  const std::string v2 = json{{"based_on_version", 2}}.dump();
  expect_json_error(call("DELETE", "/api/v1/meetings/1/items/3", callers_.editor, v2), 409);
  expect_json_error(call("POST", "/api/v1/meetings/1/publish", callers_.editor, v2), 409);
  expect_json_error(call("POST", "/api/v1/meetings/1/items/3/move", callers_.editor,
                         json{{"based_on_version", 2}, {"position", 1}}.dump()),
                    409);
  // A version from the future is no better.
  const Reply future = call("PATCH", "/api/v1/meetings/1/items/3", callers_.editor,
                            json{{"based_on_version", 99}, {"title", {{"en", "Third"}}}}.dump());
  expect_json_error(future, 409, "based_on_version");
  EXPECT_EQ(future.parsed()["error"]["current_version"], 3);

  EXPECT_EQ(version(), 3);
  EXPECT_EQ(get_json("/api/v1/meetings/1/audit", callers_.editor).size(), audited);
  const json items = get_json("/api/v1/meetings/1/items", callers_.editor);
  EXPECT_EQ(items[1]["title"]["en"], "First");
  EXPECT_EQ(get_json("/api/v1/meetings/1")["calendar_sequence"], 1);
}

TEST_F(ServerTest, EditsToDifferentItemsFromOneVersionBothLand) {
  edit("PATCH", "/api/v1/meetings/1/items/2", {{"based_on_version", 2}, {"title", {{"en", "First"}}}});
  const json merged =
      edit("PATCH", "/api/v1/meetings/1/items/3", {{"based_on_version", 2}, {"title", {{"fr", "Deuxième"}}}});
  EXPECT_EQ(merged["merged"], true);
  const json items = get_json("/api/v1/meetings/1/items", callers_.editor);
  EXPECT_EQ(items[1]["title"]["en"], "First");
  EXPECT_EQ(items[2]["title"]["fr"], "Deuxième");
  EXPECT_EQ(version(), 4);
}

// ---- 2. Silence procedures, on the server's real clock

json procedure_request(int64_t based_on_version, const std::string& deadline,
                       const std::string& subject = "organization") {
  json approved = in_every_language("the revised organization of work");
  return {{"based_on_version", based_on_version},
          {"subject", subject},
          {"description", "The hybrid organization of work"},
          {"deadline", deadline},
          {"approved", approved}};
}

TEST_F(ServerTest, SilenceProceduresAreObjectedToOrApprovedAtTheDeadline) {
  // The editor switches to a hybrid meeting and asks the Bureau twice.
  edit("PUT", "/api/v1/meetings/1/format", {{"based_on_version", 2}, {"format", "hybrid"}});
  const std::string deadline = utc_in(3);
  const json first = edit("POST", "/api/v1/meetings/1/procedures", procedure_request(3, deadline), 201);
  const json second = edit("POST", "/api/v1/meetings/1/procedures", procedure_request(3, deadline), 201);
  ASSERT_EQ(first["status"], "open") << first;
  const std::string objections =
      "/api/v1/procedures/" + std::to_string(first["id"].get<int>()) + "/objections";
  const std::string silent = "/api/v1/procedures/" + std::to_string(second["id"].get<int>());

  // A Bureau member objects to the first; nobody else may.
  const std::string comment = json{{"comment", "The Bureau needs more time."}}.dump();
  expect_json_error(call("POST", silent + "/objections", callers_.editor, comment), 403);
  expect_json_error(call("POST", silent + "/objections", callers_.admin, comment), 403);
  expect_json_error(call("POST", silent + "/objections", ""), 401);
  const Reply objected = call("POST", objections, callers_.bureau, comment);
  ASSERT_EQ(objected.status, 200) << objected;
  const json stopped = objected.parsed();
  EXPECT_EQ(stopped["status"], "objected");
  ASSERT_EQ(stopped["objections"].size(), 1u);
  EXPECT_EQ(stopped["objections"][0]["who"], "bureau");
  EXPECT_EQ(stopped["objections"][0]["comment"], "The Bureau needs more time.");
  EXPECT_FALSE(stopped["closed_at"].is_null());
  expect_json_error(call("POST", objections, callers_.bureau, comment), 422);

  // The second stays silent: the server concludes it by itself, without a
  // read asking (a meeting read does not conclude).
  const auto until = std::chrono::steady_clock::now() + 20s;
  while (version() == 3 && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(200ms);
  const json procedure = get_json(silent, callers_.bureau);
  ASSERT_EQ(procedure["status"], "approved") << procedure;
  EXPECT_EQ(
      get_json("/api/v1/procedures/" + std::to_string(first["id"].get<int>()), callers_.editor)["status"],
      "objected");

  // The decision is in the meeting, cited by the adoption of the agenda,
  // and the meeting was published with the decision as its notice.
  const json record = get_json("/api/v1/meetings/1");
  EXPECT_EQ(record["calendar_sequence"], 2);
  const json& meeting = record["meeting"];
  EXPECT_EQ(meeting["meeting"]["format"], "hybrid");
  std::string decision;
  for (const json& d : meeting["decisions"])
    if (d["id"].get<std::string>().rfind("bureau-organization-", 0) == 0) decision = d["id"];
  ASSERT_FALSE(decision.empty()) << meeting["decisions"];
  EXPECT_TRUE(
      contains(meeting["items"][0]["subitems"][1]["annotation"]["en"], "{{decision:" + decision + "}}"));
  const json updates = get_json("/api/v1/meetings/1/updates");
  std::string notice;
  for (const json& update : updates)
    if (update["language"] == "en") notice = update["text"];
  EXPECT_EQ(notice.rfind("On ", 0), 0u) << updates;
  EXPECT_TRUE(contains(notice, " approved, by silence procedure, the revised organization of work."))
      << notice;
  EXPECT_TRUE(contains(get("/en/meetings/1").body, notice));

  // After the deadline the silence cannot be broken.
  expect_json_error(call("POST", silent + "/objections", callers_.bureau, comment), 422);
  EXPECT_EQ(get_json(silent, callers_.bureau)["status"], "approved");
}

TEST_F(ServerTest, ProceduresRefuseBadRequests) {
  const std::string path = "/api/v1/meetings/1/procedures";
  expect_json_error(call("POST", path, callers_.editor, procedure_request(2, utc_in(-60)).dump()), 422,
                    "deadline");
  expect_json_error(call("POST", path, callers_.editor, procedure_request(2, "tomorrow").dump()), 400,
                    "deadline");
  expect_json_error(call("POST", path, callers_.editor, procedure_request(2, utc_in(60), "lunch").dump()),
                    400, "subject");
  json partial = procedure_request(2, utc_in(60));
  partial["approved"].erase("zh");
  expect_json_error(call("POST", path, callers_.editor, partial.dump()), 422, "approved.zh");
  expect_json_error(call("POST", path, callers_.editor, procedure_request(1, utc_in(60)).dump()), 409);
  expect_json_error(call("POST", path, callers_.bureau, procedure_request(2, utc_in(60)).dump()), 403);
  EXPECT_EQ(get_json(path, callers_.editor), json::array());
  expect_json_error(get("/api/v1/procedures/99", callers_.editor), 404);
}

// ---- 3. Authorization

// A 303 to the login page: how the editing pages answer a caller without an
// account (a browser is sent to log in; an API client gets a 401).
constexpr int kToLogin = -303;

// The status each caller gets from one write.
struct Expected {
  int public_caller, bad_token, admin, editor, other_editor, bureau;
  int session_without_csrf;  // the body's editor logged in in a browser, sending no CSRF field
};

struct WriteRequest {
  std::string path;
  std::string body;
  std::string content_type = kJson;
};

struct WriteRoute {
  std::string method, pattern;
  std::function<WriteRequest()> prepare;  // run before each call: a fresh request (and what it needs)
  Expected expected;
};

std::string form_texts(const std::string& prefix, const std::string& text) {
  std::string out;
  for (const char* language : {"ar", "zh", "en", "fr", "ru", "es"})
    out += "&" + prefix + "." + language + "=" + url_encode(text);
  return out;
}

TEST_F(ServerTest, EveryWriteEndpointChecksWhoIsCalling) {
  // A browser session of the body's editor, whose forms must carry its CSRF token.
  const std::string session_token = auth::random_token();
  {
    std::unique_ptr<store::SqliteStore> store = store::SqliteStore::open(database_);
    store->create_session({auth::token_digest(session_token), store->user("editor")->id, auth::random_token(),
                           "", "2999-01-01T00:00:00Z"});
  }
  const std::vector<std::pair<std::string, httplib::Headers>> callers{
      {"no login", {}},
      {"a bad token", {{"Authorization", "Bearer 0123456789abcdefghijklmnopqrstuvwxyzABCDEFG"}}},
      {"the admin", {{"Authorization", callers_.admin}}},
      {"the body's editor", {{"Authorization", callers_.editor}}},
      {"another body's editor", {{"Authorization", callers_.other_editor}}},
      {"a Bureau member", {{"Authorization", callers_.bureau}}},
      {"a session without CSRF", {{"Cookie", "plenary_session=" + session_token}}}};

  int counter = 0;
  auto next = [&] { return std::to_string(++counter); };
  auto v = [&] { return version(); };
  auto vs = [&] { return std::to_string(version()); };
  // The adoption of the report stays last: items are added as the second.
  auto new_item = [&] {
    edit("POST", "/api/v1/meetings/1/items",
         {{"based_on_version", v()},
          {"item", {{"title", in_every_language("Added")}, {"annotation", in_every_language("Added.")}}},
          {"position", 2}});
    return std::string("2");
  };
  auto new_procedure = [&] {
    const Reply reply = call("POST", "/api/v1/meetings/1/procedures", callers_.admin,
                             procedure_request(v(), utc_in(3600), "topics").dump());
    EXPECT_EQ(reply.status, 201) << reply;
    return std::to_string(reply.parsed().value("id", 0));
  };
  auto decision = [&](const std::string& id) {
    return json{{"based_on_version", v()},
                {"id", id},
                {"by", in_every_language("the Bureau")},
                {"date", "2022-05-10"},
                {"procedure", "meeting"},
                {"approved", in_every_language("the dates")}};
  };
  auto new_decision = [&] {
    const std::string id = "d" + next();
    edit("POST", "/api/v1/meetings/1/decisions", decision(id));
    return id;
  };
  auto document = [&](const std::string& symbol) {
    return json{{"based_on_version", v()},
                {"symbol", symbol},
                {"description", in_every_language("A paper")},
                {"item", "3"}};
  };
  auto new_document = [&] {
    const std::string symbol = "CTOC/COP/WG.7/2022/CRP." + next();
    edit("POST", "/api/v1/meetings/1/documents", document(symbol));
    return symbol;
  };
  // What a publication needs that a form may have left out: every item's
  // annotation, every document's description, in every language.
  auto complete = [&] {
    const json meeting = get_json("/api/v1/meetings/1", callers_.admin)["meeting"];
    for (const json& item : meeting["items"])
      if (!item.contains("subitems") && (!item.contains("annotation") || item["annotation"].size() < 6))
        edit("PATCH", "/api/v1/meetings/1/items/" + item["number"].dump(),
             {{"based_on_version", v()}, {"annotation", in_every_language("Completed.")}});
    bool incomplete = false;
    for (const json& d : meeting.value("documents", json::array()))
      incomplete = incomplete || !d.contains("description") || d["description"].size() < 6;
    if (incomplete) {
      json fixed = meeting;
      for (json& d : fixed["documents"]) d["description"] = in_every_language("A paper");
      edit("PUT", "/api/v1/meetings/1", {{"based_on_version", v()}, {"meeting", fixed}});
    }
  };
  // The items the rows above added, taken out again, so that the agenda
  // still fits the meeting's time when the format is switched.
  auto trim = [&] {
    while (get_json("/api/v1/meetings/1/items", callers_.admin).size() > 6)
      edit("DELETE", "/api/v1/meetings/1/items/2", {{"based_on_version", v()}});
  };
  auto api = [](int success) { return Expected{401, 401, success, success, 403, 403, success}; };
  const Expected form{kToLogin, kToLogin, 303, 303, 403, 403, 403};
  const std::string pre = "/edit/meetings/1";
  const std::vector<WriteRoute> table{
      // ---- The JSON API: the JSON content type is its CSRF defence.
      {"POST", "/api/v1/meetings",
       [&] {
         json meeting = get_json("/api/v1/meetings/1", callers_.admin)["meeting"];
         meeting["document"]["symbol"] = "CTOC/COP/WG.7/2023/" + next();
         return WriteRequest{"/api/v1/meetings", json{{"meeting", meeting}}.dump()};
       },
       api(201)},
      {"PUT", "/api/v1/meetings/{id}",
       [&] {
         json meeting = get_json("/api/v1/meetings/1", callers_.admin)["meeting"];
         meeting["meeting"]["title"] = in_every_language("Title " + next());
         return WriteRequest{"/api/v1/meetings/1",
                             json{{"based_on_version", v()}, {"meeting", meeting}}.dump()};
       },
       api(200)},
      {"POST", "/api/v1/meetings/{id}/items",
       [&] {
         return WriteRequest{
             "/api/v1/meetings/1/items",
             json{{"based_on_version", v()},
                  {"item", {{"title", in_every_language("New")}, {"annotation", in_every_language("New.")}}},
                  {"position", 2}}
                 .dump()};
       },
       api(200)},
      {"PATCH", "/api/v1/meetings/{id}/items/{key}",
       [&] {
         return WriteRequest{"/api/v1/meetings/1/items/2",
                             json{{"based_on_version", v()}, {"title", {{"en", "Title " + next()}}}}.dump()};
       },
       api(200)},
      {"DELETE", "/api/v1/meetings/{id}/items/{key}",
       [&] {
         const std::string last = new_item();
         return WriteRequest{"/api/v1/meetings/1/items/" + last, json{{"based_on_version", v()}}.dump()};
       },
       api(200)},
      {"POST", "/api/v1/meetings/{id}/items/{key}/move",
       [&] {
         return WriteRequest{"/api/v1/meetings/1/items/2/move",
                             json{{"based_on_version", v()}, {"position", 3}}.dump()};
       },
       api(200)},
      {"POST", "/api/v1/meetings/{id}/documents",
       [&] {
         return WriteRequest{"/api/v1/meetings/1/documents",
                             document("CTOC/COP/WG.7/2022/CRP." + next()).dump()};
       },
       api(200)},
      {"DELETE", "/api/v1/meetings/{id}/documents",
       [&] {
         const std::string symbol = new_document();
         return WriteRequest{"/api/v1/meetings/1/documents",
                             json{{"based_on_version", v()}, {"symbol", symbol}}.dump()};
       },
       api(200)},
      {"POST", "/api/v1/meetings/{id}/decisions",
       [&] {
         return WriteRequest{"/api/v1/meetings/1/decisions", decision("d" + next()).dump()};
       },
       api(200)},
      {"DELETE", "/api/v1/meetings/{id}/decisions/{decision}",
       [&] {
         const std::string id = new_decision();
         return WriteRequest{"/api/v1/meetings/1/decisions/" + id, json{{"based_on_version", v()}}.dump()};
       },
       api(200)},
      {"PATCH", "/api/v1/meetings/{id}/documents",
       [&] {
         const std::string symbol = new_document();
         return WriteRequest{"/api/v1/meetings/1/documents",
                             json{{"based_on_version", v()}, {"symbol", symbol},
                                  {"description", in_every_language("Changed " + next())}}
                                 .dump()};
       },
       api(200)},
      {"POST", "/api/v1/meetings/{id}/footnotes",
       [&] {
         return WriteRequest{"/api/v1/meetings/1/footnotes",
                             json{{"based_on_version", v()}, {"id", "n" + next()}, {"text", in_every_language("A note.")}}
                                 .dump()};
       },
       api(200)},
      {"PATCH", "/api/v1/meetings/{id}/footnotes/{fid}",
       [&] {
         const std::string id = "n" + next();
         edit("POST", "/api/v1/meetings/1/footnotes",
              {{"based_on_version", v()}, {"id", id}, {"text", in_every_language("A note.")}});
         return WriteRequest{"/api/v1/meetings/1/footnotes/" + id,
                             json{{"based_on_version", v()}, {"text", in_every_language("Changed.")}}.dump()};
       },
       api(200)},
      {"DELETE", "/api/v1/meetings/{id}/footnotes/{fid}",
       [&] {
         const std::string id = "n" + next();
         edit("POST", "/api/v1/meetings/1/footnotes",
              {{"based_on_version", v()}, {"id", id}, {"text", in_every_language("A note.")}});
         return WriteRequest{"/api/v1/meetings/1/footnotes/" + id, json{{"based_on_version", v()}}.dump()};
       },
       api(200)},
      {"PATCH", "/api/v1/meetings/{id}/decisions/{decision}",
       [&] {
         const std::string id = new_decision();
         return WriteRequest{"/api/v1/meetings/1/decisions/" + id,
                             json{{"based_on_version", v()}, {"date", "2022-05-1" + std::to_string(std::stoi(next()) % 10)}}
                                 .dump()};
       },
       api(200)},
      {"PATCH", "/api/v1/meetings/{id}/heading",
       [&] {
         return WriteRequest{"/api/v1/meetings/1/heading",
                             json{{"based_on_version", v()}, {"issued", "2022-03-1" + std::to_string(std::stoi(next()) % 10)}}
                                 .dump()};
       },
       api(200)},
      {"PUT", "/api/v1/meetings/{id}/planning",
       [&] {
         return WriteRequest{"/api/v1/meetings/1/planning",
                             json{{"based_on_version", v()}, {"planning", {{"min_continuation", 20 + std::stoi(next()) % 10}}}}
                                 .dump()};
       },
       api(200)},
      {"PUT", "/api/v1/meetings/{id}/format",
       [&] {
         trim();
         return WriteRequest{"/api/v1/meetings/1/format",
                             json{{"based_on_version", v()}, {"format", "hybrid"}}.dump()};
       },
       api(200)},
      {"POST", "/api/v1/meetings/{id}/publish",
       [&] {
         complete();
         return WriteRequest{"/api/v1/meetings/1/publish", json{{"based_on_version", v()}}.dump()};
       },
       api(200)},
      {"POST", "/api/v1/meetings/{id}/procedures",
       [&] {
         return WriteRequest{"/api/v1/meetings/1/procedures",
                             procedure_request(v(), utc_in(3600), "topics").dump()};
       },
       api(201)},
      {"POST",
       "/api/v1/procedures/{pid}/objections",
       [&] {
         return WriteRequest{"/api/v1/procedures/" + new_procedure() + "/objections",
                             json{{"comment", "Not yet."}}.dump()};
       },
       {401, 401, 403, 403, 403, 200, 403}},
      {"POST", "/api/v1/procedures/{pid}/withdraw",
       [&] {
         return WriteRequest{"/api/v1/procedures/" + new_procedure() + "/withdraw", "{}"};
       },
       api(200)},

      // ---- Logging in and out. The login form needs its own cookie and
      // field, which no caller has here; scripts (tokens) send no cookies, so
      // they need no CSRF field; the public has no session to end.
      {"POST",
       "/login",
       [&] {
         return WriteRequest{"/login", "name=admin&password=not-the-password&csrf=guess", kForm};
       },
       {403, 403, 403, 403, 403, 403, 403}},
      {"POST",
       "/logout",
       [&] {
         return WriteRequest{"/logout", "csrf=guess", kForm};
       },
       {403, 401, 303, 303, 303, 303, 403}},

      // ---- The editing pages' forms.
      {"POST", "/edit/meetings",
       [&] {
         return WriteRequest{"/edit/meetings",
                             "from_meeting=1&symbol=CTOC%2FCOP%2FWG.7%2F2024%2F" + next() +
                                 "&start=2024-06-24&end=2024-06-25",
                             kForm};
       },
       form},
      {"POST", "/edit/meetings/{id}/meeting",
       [&] {
         return WriteRequest{pre + "/meeting", "based_on_version=" + vs() + "&title.en=Form+title+" + next(),
                             kForm};
       },
       form},
      {"POST", "/edit/meetings/{id}/items",
       [&] {
         return WriteRequest{
             pre + "/items",
             "based_on_version=" + vs() + "&kind=substantive&position=2" + form_texts("title", "Formed"),
             kForm};
       },
       form},
      {"POST", "/edit/meetings/{id}/items/{key}",
       [&] {
         return WriteRequest{pre + "/items/2", "based_on_version=" + vs() + "&title.en=Form+item+" + next(),
                             kForm};
       },
       form},
      {"POST", "/edit/meetings/{id}/items/{key}/move",
       [&] {
         return WriteRequest{pre + "/items/2/move", "based_on_version=" + vs() + "&position=3", kForm};
       },
       form},
      {"POST", "/edit/meetings/{id}/items/{key}/remove",
       [&] {
         const std::string last = new_item();
         return WriteRequest{pre + "/items/" + last + "/remove", "based_on_version=" + vs(), kForm};
       },
       form},
      {"POST", "/edit/meetings/{id}/documents",
       [&] {
         return WriteRequest{pre + "/documents",
                             "based_on_version=" + vs() + "&item=3&symbol=CTOC%2FCOP%2FWG.7%2F2022%2FCRP." +
                                 next() + form_texts("title", "A form paper") + form_texts("description", "Its use"),
                             kForm};
       },
       form},
      {"POST", "/edit/meetings/{id}/document",
       [&] {
         const std::string symbol = new_document();
         return WriteRequest{pre + "/document",
                             "based_on_version=" + vs() + "&symbol=" + url_encode(symbol) +
                                 form_texts("title", "Retitled " + next()),
                             kForm};
       },
       form},
      {"POST", "/edit/meetings/{id}/organization",
       [&] {
         return WriteRequest{pre + "/organization", "based_on_version=" + vs(), kForm};
       },
       form},
      {"POST", "/edit/meetings/{id}/documents/remove",
       [&] {
         const std::string symbol = new_document();
         return WriteRequest{pre + "/documents/remove",
                             "based_on_version=" + vs() + "&symbol=" + url_encode(symbol), kForm};
       },
       form},
      {"POST", "/edit/meetings/{id}/decisions",
       [&] {
         return WriteRequest{pre + "/decisions",
                             "based_on_version=" + vs() + "&id=f" + next() +
                                 "&date=2022-05-10&procedure=meeting" + form_texts("by", "the Bureau") +
                                 form_texts("approved", "the dates"),
                             kForm};
       },
       form},
      {"POST", "/edit/meetings/{id}/decisions/{decision}/remove",
       [&] {
         const std::string id = new_decision();
         return WriteRequest{pre + "/decisions/" + id + "/remove", "based_on_version=" + vs(), kForm};
       },
       form},
      {"POST", "/edit/meetings/{id}/footnotes",
       [&] {
         return WriteRequest{pre + "/footnotes",
                             "based_on_version=" + vs() + "&id=f" + next() + form_texts("text", "A form note."), kForm};
       },
       form},
      {"POST", "/edit/meetings/{id}/footnotes/{fid}",
       [&] {
         const std::string id = "f" + next();
         edit("POST", "/api/v1/meetings/1/footnotes",
              {{"based_on_version", v()}, {"id", id}, {"text", in_every_language("A note.")}});
         return WriteRequest{pre + "/footnotes/" + id, "based_on_version=" + vs() + form_texts("text", "Changed."),
                             kForm};
       },
       form},
      {"POST", "/edit/meetings/{id}/footnotes/{fid}/remove",
       [&] {
         const std::string id = "f" + next();
         edit("POST", "/api/v1/meetings/1/footnotes",
              {{"based_on_version", v()}, {"id", id}, {"text", in_every_language("A note.")}});
         return WriteRequest{pre + "/footnotes/" + id + "/remove", "based_on_version=" + vs(), kForm};
       },
       form},
      // A preview: shown, not saved.
      {"POST",
       "/edit/meetings/{id}/plan",
       [&] {
         return WriteRequest{pre + "/plan", "based_on_version=" + vs() + "&format=online", kForm};
       },
       {kToLogin, kToLogin, 200, 200, 403, 403, 403}},
      {"POST", "/edit/meetings/{id}/format",
       [&] {
         trim();
         return WriteRequest{pre + "/format", "based_on_version=" + vs() + "&format=hybrid", kForm};
       },
       form},
      {"POST", "/edit/meetings/{id}/publish",
       [&] {
         complete();
         return WriteRequest{pre + "/publish", "based_on_version=" + vs(), kForm};
       },
       form},
      {"POST", "/edit/meetings/{id}/procedures",
       [&] {
         return WriteRequest{pre + "/procedures",
                             "based_on_version=" + vs() + "&subject=topics&description=Topics&deadline=" +
                                 url_encode(utc_in(3600).substr(0, 16)) +
                                 form_texts("approved", "the topics"),
                             kForm};
       },
       form},
      {"POST",
       "/edit/procedures/{pid}/objections",
       [&] {
         return WriteRequest{"/edit/procedures/" + new_procedure() + "/objections", "comment=Not+yet", kForm};
       },
       {kToLogin, kToLogin, 403, 403, 403, 303, 403}},
      {"POST", "/edit/procedures/{pid}/withdraw",
       [&] {
         return WriteRequest{"/edit/procedures/" + new_procedure() + "/withdraw", "", kForm};
       },
       form},

      // ---- History. Restoring the current version saves nothing, and
      // importing the current file changes nothing, whatever procedures the
      // rows above left open.
      {"POST", "/api/v1/meetings/{id}/restore",
       [&] {
         return WriteRequest{"/api/v1/meetings/1/restore", json{{"based_on_version", v()}, {"version", v()}}.dump()};
       },
       api(200)},
      {"PUT", "/api/v1/meetings/{id}/meeting.toml",
       [&] {
         return WriteRequest{"/api/v1/meetings/1/meeting.toml?based_on_version=" + vs(),
                             get("/api/v1/meetings/1/meeting.toml", callers_.admin).body, "application/toml"};
       },
       api(200)},
      {"POST", "/edit/meetings/{id}/restore",
       [&] {
         return WriteRequest{pre + "/restore", "based_on_version=" + vs() + "&version=" + vs(), kForm};
       },
       form},
      {"POST", "/edit/meetings/{id}/import",
       [&] {
         return WriteRequest{pre + "/import",
                             "based_on_version=" + vs() + "&meeting_file=" +
                                 url_encode(get("/api/v1/meetings/1/meeting.toml", callers_.admin).body),
                             kForm};
       },
       form},
  };

  // What a refused write must leave as it was: every meeting's version and
  // every procedure's status.
  auto state = [&] {
    std::string out;
    for (const json& m : get_json("/api/v1/meetings", callers_.admin))
      out += m["id"].dump() + "@" + m["version"].dump() + " ";
    for (const json& p : get_json("/api/v1/meetings/1/procedures", callers_.admin))
      out += p["id"].dump() + ":" + p["status"].get<std::string>() + " ";
    return out;
  };
  auto expected_for = [](const Expected& expected, size_t caller) {
    const int statuses[] = {expected.public_caller,
                            expected.bad_token,
                            expected.admin,
                            expected.editor,
                            expected.other_editor,
                            expected.bureau,
                            expected.session_without_csrf};
    return statuses[caller];
  };

  // The routes come from the application itself: a new write endpoint
  // without a row here fails this test.
  AppConfig config;
  config.open_store = []() -> std::unique_ptr<store::Store> { throw std::logic_error("not opened"); };
  const App app(std::move(config));
  std::set<std::pair<std::string, std::string>> tested;
  for (const auto& [method, pattern] : app.routes()) {
    if (method == "GET") continue;
    const WriteRoute* row = nullptr;
    for (const WriteRoute& candidate : table)
      if (candidate.method == method && candidate.pattern == pattern) row = &candidate;
    if (!row) {
      ADD_FAILURE() << method << " " << pattern << " has no row in the authorization table";
      continue;
    }
    tested.insert({method, pattern});
    for (size_t caller = 0; caller < callers.size(); ++caller) {
      const std::string what = method + " " + pattern + " by " + callers[caller].first;
      const WriteRequest request = row->prepare();
      const std::string before = state();
      const Reply reply =
          call(method, request.path, "", request.body, request.content_type, callers[caller].second);
      const int expected = expected_for(row->expected, caller);
      const std::string location = reply.header("Location");
      if (expected == kToLogin) {
        EXPECT_EQ(reply.status, 303) << what << ": " << reply;
        EXPECT_EQ(location.rfind("/login", 0), 0u) << what << " goes to " << location;
      } else {
        EXPECT_EQ(reply.status, expected) << what << ": " << reply;
        if (expected == 303) {
          EXPECT_NE(location.rfind("/login", 0), 0u) << what << " goes to " << location;
        }
      }
      if (expected >= 400 || expected == kToLogin) {
        EXPECT_EQ(state(), before) << what << " wrote something";
        if (pattern.rfind("/api/", 0) == 0) expect_json_error(reply, expected);
      }
      // An open procedure holds what it covers: end it, so that the next
      // row's edits are not refused for it.
      for (const json& p : get_json("/api/v1/meetings/1/procedures", callers_.admin))
        if (p["status"] == "open")
          call("POST", "/api/v1/procedures/" + p["id"].dump() + "/withdraw", callers_.admin, "{}");
    }
  }
  for (const WriteRoute& row : table)
    EXPECT_TRUE(tested.count({row.method, row.pattern}))
        << row.method << " " << row.pattern << " is not a route";
}

TEST_F(ServerTest, ReadsOfDraftsNeedAnAccountOfTheBody) {
  const std::string procedure = std::to_string(
      edit("POST", "/api/v1/meetings/1/procedures", procedure_request(2, utc_in(3600), "topics"), 201)
          .value("id", 0));
  struct Read {
    std::string path;
    struct {
      int public_caller, bad_token, admin, editor, other_editor, bureau;
    } expected;
  };
  const std::vector<Read> reads{
      {"/api/v1/meetings/1/plan", {401, 401, 200, 200, 403, 403}},
      {"/api/v1/meetings/1/audit", {401, 401, 200, 200, 403, 200}},
      {"/api/v1/meetings/1/procedures", {401, 401, 200, 200, 403, 200}},
      {"/api/v1/procedures/" + procedure, {401, 401, 200, 200, 403, 200}},
      {"/api/v1/meetings/1", {200, 401, 200, 200, 200, 200}},
  };
  const std::vector<std::string> callers{
      "", "Bearer nope", callers_.admin, callers_.editor, callers_.other_editor, callers_.bureau};
  for (const Read& read : reads) {
    const int expected[] = {read.expected.public_caller, read.expected.bad_token,    read.expected.admin,
                            read.expected.editor,        read.expected.other_editor, read.expected.bureau};
    for (size_t caller = 0; caller < callers.size(); ++caller)
      EXPECT_EQ(get(read.path, callers[caller]).status, expected[caller])
          << read.path << " by caller " << caller;
  }
  // A token must be sent as "Bearer <token>".
  expect_json_error(get("/api/v1/meetings/1", callers_.editor.substr(7)), 401, "Authorization");
}

TEST_F(ServerTest, ThePublicNeverSeesADraft) {
  json meeting = get_json("/api/v1/meetings/1", callers_.editor)["meeting"];
  meeting["document"]["symbol"] = "CTOC/COP/WG.7/2023/1";
  meeting["items"][1]["title"]["en"] = "A secret draft title";
  edit("POST", "/api/v1/meetings", {{"meeting", meeting}}, 201);
  edit("PATCH", "/api/v1/meetings/1/items/3",
       {{"based_on_version", 2}, {"title", {{"en", "Another draft title"}}}});

  for (const char* path : {"/api/v1/meetings/2", "/api/v1/meetings/2/items", "/api/v1/meetings/2/documents",
                           "/api/v1/meetings/2/updates", "/api/v1/meetings/2/render?format=pdf"})
    expect_json_error(get(path), 404);
  for (const char* path : {"/en/meetings/2", "/fr/meetings/2", "/meetings/2/CTOC_COP_WG.7_2023_1.en.pdf"})
    EXPECT_EQ(get(path).status, 404) << path;
  EXPECT_EQ(get_json("/api/v1/meetings").size(), 1u);
  EXPECT_EQ(get_json("/api/v1/bodies")[0]["meetings"], json::array({1}));
  EXPECT_EQ(get_json("/api/v1/meetings", callers_.other_editor).size(), 1u);
  expect_json_error(get("/api/v1/meetings/2", callers_.other_editor), 404);
  EXPECT_EQ(get_json("/api/v1/meetings", callers_.bureau).size(), 2u);
  EXPECT_EQ(get_json("/api/v1/meetings/2", callers_.bureau)["meeting"]["items"][1]["title"]["en"],
            "A secret draft title");

  // Of a published meeting, the public gets the published text only.
  for (const char* path : {"/api/v1/meetings/1", "/api/v1/meetings/1/items", "/en/", "/en/meetings/1",
                           "/api/v1/meetings/1/render?format=md"}) {
    const Reply reply = get(path);
    EXPECT_EQ(reply.status, 200) << path;
    EXPECT_FALSE(contains(reply.body, "draft title")) << path;
  }
  EXPECT_TRUE(
      contains(get("/api/v1/meetings/1/render?format=md", callers_.editor).body, "Another draft title"));
  EXPECT_FALSE(contains(get("/api/v1/meetings/1/render?format=md&published=true", callers_.editor).body,
                        "Another draft title"));
}

// ---- 4. Bad input

TEST_F(ServerTest, BadRequestsGetPreciseJsonErrors) {
  struct Bad {
    std::string what, method, path, body;
    int status;
    std::string field;
    std::string content_type = kJson;
  };
  const std::string item = "/api/v1/meetings/1/items/2";
  const std::string deep_meeting =
      "{\"meeting\":{\"body\":" + std::string(100000, '[') + std::string(100000, ']') + "}}";
  const std::vector<Bad> cases{
      {"malformed JSON", "PATCH", item, "{\"based_on_version\": 2,", 400, "body"},
      {"an empty body", "PATCH", item, "", 400, "body"},
      {"an array", "PATCH", item, "[2, {\"title\": {}}]", 400, "body"},
      {"a string", "PATCH", item, "\"title\"", 400, "body"},
      {"a version as a string", "PATCH", item, R"({"based_on_version": "2", "title": {"en": "x"}})", 400,
       "based_on_version"},
      {"a version with a fraction", "PATCH", item, R"({"based_on_version": 2.5, "title": {"en": "x"}})", 400,
       "based_on_version"},
      {"a negative version", "PATCH", item, R"({"based_on_version": -2, "title": {"en": "x"}})", 400,
       "based_on_version"},
      {"a huge version", "PATCH", item, R"({"based_on_version": 1e400, "title": {"en": "x"}})", 400, "body"},
      {"a title as a number", "PATCH", item, R"({"based_on_version": 2, "title": 7})", 400, "title"},
      {"a title text as a number", "PATCH", item, R"({"based_on_version": 2, "title": {"en": 7}})", 400,
       "title.en"},
      {"an unknown language", "PATCH", item, R"({"based_on_version": 2, "title": {"de": "Titel"}})", 400,
       "title.de"},
      {"an uppercase language code", "PATCH", item, R"({"based_on_version": 2, "title": {"EN": "x"}})", 400,
       "title.EN"},
      {"an unknown key", "PATCH", item, R"({"based_on_version": 2, "titel": {"en": "x"}})", 400, "titel"},
      {"a missing version", "PATCH", item, R"({"title": {"en": "x"}})", 400, "based_on_version"},
      {"a missing position", "POST", item + "/move", R"({"based_on_version": 2})", 400, "position"},
      {"a position beyond int", "POST", item + "/move", R"({"based_on_version": 2, "position": 4294967298})",
       400, "position"},
      {"minutes beyond int", "PATCH", item, R"({"based_on_version": 2, "minutes": 4294967297})", 400,
       "minutes"},
      {"a missing item", "POST", "/api/v1/meetings/1/items", R"({"based_on_version": 2})", 400, "item"},
      {"a missing meeting", "POST", "/api/v1/meetings", R"({})", 400, "meeting"},
      {"a meeting as a string", "POST", "/api/v1/meetings", R"({"meeting": "CTOC"})", 400, "meeting"},
      {"invalid UTF-8", "PATCH", item, "{\"based_on_version\": 2, \"title\": {\"en\": \"\xC3\x28\"}}", 400,
       "body"},
      {"an overlong UTF-8 slash", "PATCH", item,
       "{\"based_on_version\": 2, \"title\": {\"en\": \"\xC0\xAF\"}}", 400, "body"},
      {"a NUL byte", "PATCH", item,
       std::string(R"({"based_on_version": 2, "title": {"en": "a)") + '\0' + "b\"}}", 400, "body"},
      {"an escaped NUL", "PATCH", item, R"({"based_on_version": 2, "title": {"en": "a\u0000b"}})", 422,
       "items[1].title.en"},
      {"a lone surrogate", "PATCH", item, R"({"based_on_version": 2, "title": {"en": "\ud800"}})", 400,
       "body"},
      {"a duplicate key", "PATCH", item,
       R"({"based_on_version": 2, "based_on_version": 3, "title": {"en": "x"}})", 400, "body"},
      {"a duplicate language", "PATCH", item, R"({"based_on_version": 2, "title": {"en": "x", "en": "y"}})",
       400, "body"},
      {"100000 nested arrays", "PATCH", item, std::string(100000, '['), 400, "body"},
      {"100000 closed nested arrays", "PATCH", item, std::string(100000, '[') + std::string(100000, ']'), 400,
       "body"},
      {"a deeply nested meeting", "POST", "/api/v1/meetings", deep_meeting, 400, "body"},
      {"a deeply nested item", "POST", "/api/v1/meetings/1/items",
       "{\"based_on_version\": 2, \"item\": {\"title\": " + std::string(5000, '[') + std::string(5000, ']') +
           "}}",
       400, "body"},
      {"an unknown item", "PATCH", "/api/v1/meetings/1/items/9",
       R"({"based_on_version": 2, "title": {"en": "x"}})", 404, "key"},
      {"an unknown sub-item", "DELETE", "/api/v1/meetings/1/items/1 (z)", R"({"based_on_version": 2})", 404,
       "key"},
      {"an item key that is no key", "PATCH", "/api/v1/meetings/1/items/two", R"({"based_on_version": 2})",
       404, "key"},
      {"an unknown decision", "DELETE", "/api/v1/meetings/1/decisions/nope", R"({"based_on_version": 2})",
       404, "decision"},
      {"an unknown meeting", "PATCH", "/api/v1/meetings/99/items/2", R"({"based_on_version": 2})", 404, ""},
      {"a non-numeric id", "GET", "/api/v1/meetings/abc", "", 404, "id"},
      {"a negative id", "GET", "/api/v1/meetings/-1", "", 404, "id"},
      {"a zero id", "GET", "/api/v1/meetings/0", "", 404, "id"},
      {"an id beyond 64 bits", "GET", "/api/v1/meetings/99999999999999999999999", "", 404, "id"},
      {"an unknown procedure", "POST", "/api/v1/procedures/7/objections", R"({"comment": "no"})", 404, ""},
      {"text/plain", "PATCH", item, R"({"based_on_version": 2, "title": {"en": "x"}})", 415, "Content-Type",
       "text/plain"},
      {"a form", "PATCH", item, "based_on_version=3", 415, "Content-Type", kForm},
      {"an unknown resource", "GET", "/api/v1/nothing", "", 404, ""},
      {"a method not allowed", "DELETE", "/api/v1/meetings", "", 405, ""},
  };
  for (const Bad& bad : cases) {
    SCOPED_TRACE(bad.what);
    const Reply reply = call(bad.method, bad.path, callers_.editor, bad.body, bad.content_type);
    expect_json_error(reply, bad.status, bad.field);
    expect_security_headers(reply, bad.what);
  }
  EXPECT_EQ(version(), 2) << "no bad request wrote anything";
  EXPECT_EQ(get_json("/healthz")["status"], "ok");
}

TEST_F(ServerTest, OversizedRequestsAreRefusedAndTheServerStaysUp) {
  // A body over the 10 MiB limit.
  const Reply large =
      call("PATCH", "/api/v1/meetings/1/items/2", callers_.editor, std::string((10u << 20) + 1, ' '));
  expect_json_error(large, 413);
  expect_security_headers(large, "413");
  // Chunked, the limit cannot be checked before reading: refused outright.
  {
    RawConnection connection(server_->port());
    ASSERT_TRUE(
        connection.send("POST /api/v1/meetings HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"));
    // A chunk of 12 MiB, sent in part: the server must not wait for it all.
    connection.send("C00000\r\n" + std::string(1 << 20, ' '));
    const std::string response = connection.receive_all(20s);
    EXPECT_EQ(raw_status(response), 411) << response.substr(0, 300);
    EXPECT_TRUE(contains(response, "\"message\"")) << response.substr(0, 300);
  }
  // A header line over the limit, and very many headers.
  const Reply header = get("/healthz", "", {{"X-Large", std::string(20000, 'a')}});
  EXPECT_GE(header.status, 400) << header;
  EXPECT_LT(header.status, 500) << header;
  expect_security_headers(header, "a large header");
  httplib::Headers many;
  for (int i = 0; i < 2000; ++i) many.emplace("X-Header-" + std::to_string(i), std::string(100, 'b'));
  const Reply lots = get("/healthz", "", many);
  EXPECT_TRUE(lots.status == 200 || (lots.status >= 400 && lots.status < 500)) << lots;
  // A URI over the limit.
  const Reply uri = get("/api/v1/meetings?body=" + std::string(20000, 'c'));
  EXPECT_EQ(uri.status, 414) << uri;
  expect_security_headers(uri, "a long URI");

  EXPECT_EQ(get_json("/healthz")["status"], "ok");
  EXPECT_EQ(version(), 2);
}

TEST_F(ServerTest, PathTraversalFindsNothing) {
  EXPECT_EQ(get("/assets/plenary.css").status, 200);
  for (const char* path :
       {"/assets/../../etc/passwd", "/assets/..%2F..%2Fetc%2Fpasswd", "/assets/%2e%2e/%2e%2e/etc/passwd",
        "/meetings/1/../../etc/passwd", "/meetings/1/..%2F..%2Fetc%2Fpasswd", "/assets/..", "/assets/.",
        "/assets//etc/passwd", "/assets/%00plenary.css", "/assets/plenary.css%00.txt",
        "/../../../../etc/passwd", "/api/v1/meetings/1/../../../../etc/passwd",
        "/bodies/..%2F..%2Fetc%2Fpasswd.en.ics"}) {
    RawConnection connection(server_->port());
    ASSERT_TRUE(
        connection.send(std::string("GET ") + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    const std::string response = connection.receive_all();
    const int status = raw_status(response);
    EXPECT_TRUE(status == 404 || status == 400) << path << ": " << response.substr(0, 300);
    EXPECT_FALSE(contains(response, "root:")) << path;
  }
  EXPECT_EQ(get_json("/healthz")["status"], "ok");
}

TEST_F(ServerTest, ScriptsInTextsAreEscapedOnEveryPublicPage) {
  const std::string script = "<script>alert(1)</script>";
  const std::string image = "\"><img src=x onerror=alert(1)>";
  json meeting = get_json("/api/v1/meetings/1", callers_.editor)["meeting"];
  meeting["meeting"]["title"] = in_every_language("Meeting " + script);
  edit("PUT", "/api/v1/meetings/1", {{"based_on_version", 2}, {"meeting", meeting}});
  // Annotations are Markdown without HTML: refused, not escaped.
  for (const std::string& html : {script, image})
    expect_json_error(call("PATCH", "/api/v1/meetings/1/items/2", callers_.editor,
                           json{{"based_on_version", 3}, {"annotation", {{"fr", "Before " + html}}}}.dump()),
                      422, "items[1].annotation.fr");
  edit("PATCH", "/api/v1/meetings/1/items/2",
       {{"based_on_version", 3},
        {"title", in_every_language("Item " + image)},
        {"annotation",
         in_every_language("See [the page](javascript:alert(1)) and [this](\"onmouseover=alert(1)).")}});
  edit("POST", "/api/v1/meetings/1/documents",
       {{"based_on_version", 4},
        {"symbol", "CTOC/COP/WG.7/2022/CRP.1"},
        {"title", in_every_language("Paper " + script)},
        {"description", in_every_language("Described " + image)},
        {"item", "2"}});
  edit("POST", "/api/v1/meetings/1/publish",
       {{"based_on_version", 5}, {"notice", in_every_language("Notice " + script + image)}});

  std::vector<std::string> pages;
  for (const char* language : {"ar", "zh", "en", "fr", "ru", "es"}) {
    pages.push_back(std::string("/") + language + "/");
    pages.push_back(std::string("/") + language + "/meetings/1");
  }
  pages.push_back("/meetings/1/CTOC_COP_WG.7_2022_1.en.html");
  pages.push_back("/meetings/1/CTOC_COP_WG.7_2022_1.fr.akn.xml");
  bool escaped_script = false, escaped_image = false;
  for (const std::string& page : pages) {
    const Reply reply = get(page);
    ASSERT_EQ(reply.status, 200) << page;
    EXPECT_FALSE(contains(reply.body, "<script")) << page;
    EXPECT_FALSE(contains(reply.body, "<img src=x")) << page;
    EXPECT_FALSE(contains(reply.body, "onerror=alert(1)>")) << page;
    EXPECT_FALSE(contains(reply.body, "href=\"javascript:")) << page;
    EXPECT_FALSE(contains(reply.body, "\"onmouseover")) << page;
    escaped_script = escaped_script || contains(reply.body, "&lt;script&gt;alert(1)&lt;/script&gt;");
    escaped_image = escaped_image || contains(reply.body, "&lt;img src=x onerror=alert(1)&gt;");
    if (page.find("/meetings/1") != std::string::npos && page.find('.') == std::string::npos) {
      EXPECT_TRUE(contains(reply.body, "Notice &lt;script&gt;")) << page;
    }
    expect_security_headers(reply, page);
  }
  EXPECT_TRUE(escaped_script);
  EXPECT_TRUE(escaped_image);
}

TEST_F(ServerTest, EveryResponseCarriesTheSecurityHeaders) {
  expect_security_headers(get("/en/"), "an HTML page");
  expect_security_headers(get("/api/v1/meetings"), "JSON");
  expect_security_headers(get("/api/v1/meetings/42"), "a JSON 404");
  expect_security_headers(get("/nowhere"), "an HTML 404");
  expect_security_headers(get("/"), "a redirect");
  expect_security_headers(get("/assets/plenary.css"), "an asset");
  expect_security_headers(call("POST", "/api/v1/meetings/1/publish", "", "{}"), "a 401");
  expect_security_headers(call("OPTIONS", "/api/v1/meetings"), "OPTIONS");
  const Reply css = get("/assets/plenary.css");
  expect_security_headers(get("/assets/plenary.css", "", {{"If-None-Match", css.header("ETag")}}), "a 304");
  const Reply html = get("/en/meetings/1");
  EXPECT_EQ(html.header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_TRUE(contains(html.header("Content-Security-Policy"), "default-src 'self'"));
  EXPECT_EQ(html.header("X-Frame-Options"), "DENY");
}

// ---- 5. Crash and shutdown

TEST_F(ServerTest, AcknowledgedWritesSurviveSigkill) {
  constexpr size_t kKillAfter = 150;
  struct Acknowledged {
    int64_t version;
    std::string title;
  };
  std::mutex mutex;
  std::vector<Acknowledged> acknowledged;
  std::atomic<bool> stop{false};
  std::string writer_error;
  std::thread writer([&] {
    httplib::Client client = server_->client();
    client.set_keep_alive(true);
    int64_t based_on = 2;
    for (int i = 0; i < 100000 && !stop; ++i) {
      const std::string title = "Write number " + std::to_string(i);
      const Reply reply = send(client, "PATCH", "/api/v1/meetings/1/items/2", callers_.editor,
                               json{{"based_on_version", based_on}, {"title", {{"en", title}}}}.dump());
      if (reply.status != 200) {
        std::lock_guard lock(mutex);
        writer_error = reply.error.empty() ? std::to_string(reply.status) + " " + reply.body : reply.error;
        return;
      }
      based_on = reply.parsed()["version"];
      std::lock_guard lock(mutex);
      acknowledged.push_back({based_on, title});
    }
  });
  const auto until = std::chrono::steady_clock::now() + 120s;
  while (std::chrono::steady_clock::now() < until) {
    {
      std::lock_guard lock(mutex);
      if (acknowledged.size() >= kKillAfter || !writer_error.empty()) break;
    }
    std::this_thread::sleep_for(5ms);
  }
  const int status = server_->kill_now();
  stop = true;
  writer.join();
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
  ASSERT_GE(acknowledged.size(), kKillAfter) << "the writes stopped early: " << writer_error;

  EXPECT_EQ(store::integrity_check(database_), "ok");
  server_ = std::make_unique<ServerProcess>(database_);
  EXPECT_EQ(get_json("/healthz")["status"], "ok");
  const int64_t last = acknowledged.back().version;
  const int64_t now = version();
  EXPECT_GE(now, last);
  EXPECT_LE(now, last + 1) << "at most the write in flight landed unacknowledged";

  // The audit log has every acknowledged write, each with its own text.
  const json audit = get_json("/api/v1/meetings/1/audit", callers_.editor);
  ASSERT_EQ(static_cast<int64_t>(audit.size()), now);
  std::unique_ptr<store::SqliteStore> store = store::SqliteStore::open(database_);
  const std::vector<store::AuditEntry> entries = store->audit(1);
  ASSERT_EQ(static_cast<int64_t>(entries.size()), now);
  for (const Acknowledged& write : acknowledged) {
    const store::AuditEntry& entry = entries[static_cast<size_t>(write.version - 1)];
    ASSERT_EQ(entry.version, write.version);
    EXPECT_EQ(entry.action, "edit-item");
    EXPECT_EQ(entry.who, "editor");
    EXPECT_EQ(json::parse(entry.after)["items"][1]["title"]["en"], write.title)
        << "version " << write.version;
    EXPECT_EQ(audit[static_cast<size_t>(write.version - 1)]["version"], write.version);
  }
  // And the server goes on writing where it stopped.
  edit("PATCH", "/api/v1/meetings/1/items/2",
       {{"based_on_version", now}, {"title", {{"en", "After the crash"}}}});
  EXPECT_EQ(version(), now + 1);
}

TEST_F(ServerTest, SigtermLetsTheRequestInFlightFinish) {
  // A fresh version, so that its PDF is not cached and takes a while.
  edit("PATCH", "/api/v1/meetings/1/items/2", {{"based_on_version", 2}, {"title", {{"zh", "新的标题"}}}});
  RawConnection connection(server_->port());
  // Half the request, so that it is surely in flight when the signal comes.
  ASSERT_TRUE(connection.send("GET /api/v1/meetings/1/render?format=pdf&lang=zh HTTP/1.1\r\nHost: x\r\n"));
  std::this_thread::sleep_for(500ms);
  server_->signal(SIGTERM);
  std::this_thread::sleep_for(300ms);
  EXPECT_FALSE(server_->wait_exit(0ms)) << "the server must wait for the request";
  ASSERT_TRUE(connection.send("Authorization: " + callers_.editor + "\r\nConnection: close\r\n\r\n"));
  const std::string response = connection.receive_all();
  EXPECT_EQ(raw_status(response), 200) << response.substr(0, 300);
  EXPECT_EQ(raw_body(response).substr(0, 5), "%PDF-");

  const std::optional<int> status = server_->wait_exit(20s);
  ASSERT_TRUE(status) << "the server did not stop";
  EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 0) << *status;
  EXPECT_TRUE(contains(server_->output(), "plenary: stopped"));
}

// ---- 6. Logging in

struct LoginForm {
  std::string cookie;  // "plenary_login=..."
  std::string csrf;
};

TEST_F(ServerTest, LogsInWithCsrfLockoutAndStrictCookies) {
  {
    std::unique_ptr<store::SqliteStore> store = store::SqliteStore::open(database_);
    store->create_user("clerk", store::Role::editor, {kBody}, auth::hash_password("correct horse battery"));
    store->create_user("guesser", store::Role::editor, {kBody}, auth::hash_password("correct horse battery"));
  }
  auto login_form = [&] {
    const Reply form = get("/login");
    EXPECT_EQ(form.status, 200);
    const std::string set_cookie = form.header("Set-Cookie");
    EXPECT_EQ(set_cookie.rfind("plenary_login=", 0), 0u) << set_cookie;
    EXPECT_TRUE(contains(set_cookie, "HttpOnly")) << set_cookie;
    EXPECT_TRUE(contains(set_cookie, "SameSite=Strict")) << set_cookie;
    LoginForm out;
    out.cookie = set_cookie.substr(0, set_cookie.find(';'));
    out.csrf = out.cookie.substr(std::string("plenary_login=").size());
    EXPECT_TRUE(contains(form.body, "name=\"csrf\" value=\"" + out.csrf + "\"")) << form.body;
    return out;
  };
  auto post_login = [&](const LoginForm& form, const std::string& name, const std::string& password,
                        const std::string& csrf) {
    return call("POST", "/login", "", "name=" + name + "&password=" + password + "&csrf=" + csrf, kForm,
                {{"Cookie", form.cookie}});
  };

  const LoginForm form = login_form();
  EXPECT_EQ(post_login(form, "clerk", "correct+horse+battery", "forged").status, 403);
  EXPECT_EQ(
      call("POST", "/login", "", "name=clerk&password=correct+horse+battery&csrf=" + form.csrf, kForm).status,
      403)
      << "the field without the cookie";
  EXPECT_EQ(post_login(form, "clerk", "correct+horse+battery", "").status, 403);
  EXPECT_EQ(post_login(form, "clerk", "wrong+horse+battery", form.csrf).status, 401);
  EXPECT_EQ(post_login(form, "nobody", "wrong+horse+battery", form.csrf).status, 401);

  // Five wrong passwords in a row lock the account, even for the right one.
  for (int i = 1; i <= 4; ++i)
    EXPECT_EQ(post_login(form, "guesser", "guess" + std::to_string(i), form.csrf).status, 401);
  EXPECT_EQ(post_login(form, "guesser", "guess5", form.csrf).status, 429);
  EXPECT_EQ(post_login(form, "guesser", "correct+horse+battery", form.csrf).status, 429);

  const Reply in = post_login(form, "clerk", "correct+horse+battery", form.csrf);
  ASSERT_EQ(in.status, 303) << in;
  EXPECT_EQ(in.header("Location"), "/edit/");
  const std::string set_cookie = in.header("Set-Cookie");
  ASSERT_EQ(set_cookie.rfind("plenary_session=", 0), 0u) << set_cookie;
  EXPECT_TRUE(contains(set_cookie, "; HttpOnly")) << set_cookie;
  EXPECT_TRUE(contains(set_cookie, "; SameSite=Strict")) << set_cookie;
  EXPECT_TRUE(contains(set_cookie, "; Path=/")) << set_cookie;
  const std::string session = set_cookie.substr(0, set_cookie.find(';'));
  const std::string token = session.substr(std::string("plenary_session=").size());

  const Reply editing = get("/edit/", "", {{"Cookie", session}});
  EXPECT_EQ(editing.status, 200) << editing;
  EXPECT_TRUE(contains(editing.body, "CTOC/COP/WG.7/2022/1"));
  EXPECT_EQ(get("/edit/").status, 303);
  EXPECT_EQ(get("/edit/").header("Location").rfind("/login", 0), 0u);
  EXPECT_EQ(get("/edit/", "", {{"Cookie", "plenary_session=forged"}}).status, 303);
  // The session reads drafts through the API too.
  EXPECT_EQ(get("/api/v1/meetings/1/audit", "", {{"Cookie", session}}).status, 200);

  // A form without the session's CSRF field changes nothing.
  EXPECT_EQ(call("POST", "/logout", "", "", kForm, {{"Cookie", session}}).status, 403);
  EXPECT_EQ(call("POST", "/logout", "", "csrf=forged", kForm, {{"Cookie", session}}).status, 403);
  EXPECT_EQ(get("/edit/", "", {{"Cookie", session}}).status, 200);
  std::string csrf;
  {
    std::unique_ptr<store::SqliteStore> store = store::SqliteStore::open(database_);
    csrf = store->session(auth::token_digest(token), "2000-01-01T00:00:00Z").value().csrf_token;
  }
  const Reply out = call("POST", "/logout", "", "csrf=" + csrf, kForm, {{"Cookie", session}});
  EXPECT_EQ(out.status, 303) << out;
  EXPECT_TRUE(contains(out.header("Set-Cookie"), "Max-Age=0"));
  EXPECT_EQ(get("/edit/", "", {{"Cookie", session}}).status, 303) << "the session ended";
}

}  // namespace
}  // namespace plenary::web
