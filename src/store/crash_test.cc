// An acknowledged write survives the writer being killed at any moment.
//
// A child process writes in a loop and, after each write returns, sends the
// version it produced down a pipe. The parent reads a few hundred of these
// acknowledgements, SIGKILLs the child in mid-stream, reopens the database and
// checks that every acknowledged version is there and the file is sound. It
// does so for a few rounds, each child reopening the file the last one left.
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "store/sqlite_store.h"
#include "store/test_support.h"

namespace plenary::store {
namespace {

constexpr int kRounds = 3;
constexpr int kAcknowledgementsPerRound = 200;

// Big enough to span several pages, so a write is many page writes and the
// WAL checkpoints every so often.
std::string document_for(int64_t version) {
  std::string text = "{\"version\": " + std::to_string(version) + ", \"padding\": \"";
  text.append(6000 + static_cast<size_t>(version % 7) * 1000, 'x');
  return text + "\"}";
}

// The child: writes until killed. Never returns.
[[noreturn]] void write_until_killed(const std::string& path, int acknowledgements) {
  try {
    std::unique_ptr<SqliteStore> store = SqliteStore::open(path);
    MeetingRecord record = store->meetings().empty()
                               ? store->create_meeting("CTOC/COP/WG.7", "CTOC/COP/WG.7/2022/1",
                                                       document_for(1), "crash-test")
                               : *store->meeting(store->meetings().front().id);
    // A bound, in case the parent never kills: the test fails on a short count.
    for (int i = 0; i < 100000; ++i) {
      int64_t next = record.version + 1;
      record = next % 25 == 0 ? store->publish(record.id, record.version, "crash-test", {})
                              : store->update_meeting(record.id, record.version, document_for(next),
                                                      "crash-test", "edit");
      int64_t acknowledged = record.version;
      if (write(acknowledgements, &acknowledged, sizeof acknowledged) != sizeof acknowledged) _exit(3);
    }
    _exit(0);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "crash test child: %s\n", error.what());
    _exit(2);
  }
}

// Reads one acknowledgement, waiting at most a few seconds; false at the end of the stream.
bool read_acknowledgement(int fd, int64_t& version) {
  char* bytes = reinterpret_cast<char*>(&version);
  size_t got = 0;
  while (got < sizeof version) {
    pollfd ready{fd, POLLIN, 0};
    if (poll(&ready, 1, 5000) != 1) return false;
    ssize_t n = read(fd, bytes + got, sizeof version - got);
    if (n <= 0) return false;
    got += static_cast<size_t>(n);
  }
  return true;
}

TEST(CrashTest, AcknowledgedWritesSurviveSigkill) {
  std::string folder = std::filesystem::temp_directory_path() / "plenary-crash-XXXXXX";
  ASSERT_TRUE(mkdtemp(folder.data()));
  std::string path = folder + "/plenary.db";
  auto started = std::chrono::steady_clock::now();

  int64_t last_acknowledged = 0;
  int total_acknowledged = 0;
  for (int round = 0; round < kRounds; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    int pipe_ends[2];
    ASSERT_EQ(pipe(pipe_ends), 0);
    pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      close(pipe_ends[0]);
      write_until_killed(path, pipe_ends[1]);
    }
    close(pipe_ends[1]);

    std::vector<int64_t> acknowledged;
    int64_t version = 0;
    while (static_cast<int>(acknowledged.size()) < kAcknowledgementsPerRound &&
           read_acknowledgement(pipe_ends[0], version))
      acknowledged.push_back(version);
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    ASSERT_EQ(static_cast<int>(acknowledged.size()), kAcknowledgementsPerRound)
        << "the child stopped early";
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    // The child ran ahead of the reading: what it sent before it died was
    // acknowledged too.
    while (read_acknowledgement(pipe_ends[0], version)) acknowledged.push_back(version);
    close(pipe_ends[0]);
    total_acknowledged += static_cast<int>(acknowledged.size());

    // Every acknowledged version is in the file, with its document.
    EXPECT_EQ(integrity_check(path), "ok");
    std::unique_ptr<SqliteStore> store = SqliteStore::open(path);
    std::vector<MeetingSummary> meetings = store->meetings();
    ASSERT_EQ(meetings.size(), 1u);
    std::optional<MeetingRecord> meeting = store->meeting(meetings[0].id);
    EXPECT_GE(meeting->version, acknowledged.back());
    // At most the write in flight when the child died landed unacknowledged.
    EXPECT_LE(meeting->version, acknowledged.back() + 1);
    std::vector<AuditEntry> log = store->audit(meeting->id);
    ASSERT_EQ(static_cast<int64_t>(log.size()), meeting->version);
    for (int64_t v : acknowledged) {
      ASSERT_GT(v, last_acknowledged);
      last_acknowledged = v;
      const AuditEntry& entry = log[static_cast<size_t>(v - 1)];
      EXPECT_EQ(entry.version, v);
      if (v % 25 == 0) {
        EXPECT_EQ(entry.action, "publish");
        EXPECT_EQ(entry.after, document_for(v - 1));
      } else {
        EXPECT_EQ(entry.after, document_for(v));
      }
    }
    EXPECT_EQ(meeting->calendar_sequence, meeting->version / 25);
    std::printf("crash test round %d: %zu writes acknowledged (%zu after the kill), the last version %lld; "
                "the database has version %lld\n",
                round, acknowledged.size(), acknowledged.size() - kAcknowledgementsPerRound,
                static_cast<long long>(acknowledged.back()), static_cast<long long>(meeting->version));
  }

  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("crash test: %d rounds, %d acknowledged writes, the last version %lld, in %.2f s\n",
              kRounds, total_acknowledged, static_cast<long long>(last_acknowledged), seconds);
  EXPECT_EQ(integrity_check(path), "ok");
  std::filesystem::remove_all(folder);
}

}  // namespace
}  // namespace plenary::store
