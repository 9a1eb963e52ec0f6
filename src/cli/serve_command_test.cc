// `plenary serve` as the person starting it sees it: the binary in a child
// process on a fresh store, stopped with SIGTERM once it listens. Every wait
// has a deadline, so a hung server fails the test instead of hanging it.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "cli/test_support.h"
#include "cli/user_command.h"

namespace plenary {
namespace {

using namespace std::chrono_literals;

const std::string kPlenary = PLENARY_BINARY_DIR "/plenary";

struct ServeRun {
  int status = -1;  // the wait status
  std::string out, err;
};

const std::string kServing = "plenary: serving http://127.0.0.1:";

// Sends one request to the server at `port` and waits (at most 10 s) for
// the first bytes of its answer.
void answers_a_request(int port) {
  const int socket_fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  ASSERT_GE(socket_fd, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  EXPECT_EQ(connect(socket_fd, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
  const std::string request = "GET /login HTTP/1.0\r\n\r\n";
  EXPECT_EQ(write(socket_fd, request.data(), request.size()), static_cast<ssize_t>(request.size()));
  pollfd answer{socket_fd, POLLIN, 0};
  EXPECT_EQ(poll(&answer, 1, 10000), 1) << "no answer from port " << port;
  close(socket_fd);
}

// Starts `plenary serve` on `database`, waits (at most 30 s) until it
// answers, stops it with SIGTERM and returns what it wrote.
ServeRun serve_until_listening(const std::string& database) {
  std::vector<std::string> args{kPlenary, "serve", "--db", database, "--listen", "127.0.0.1:0"};
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  int out[2], err[2];
  if (pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);  // dies with the test
    dup2(out[1], STDOUT_FILENO);
    dup2(err[1], STDERR_FILENO);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out[1]);
  close(err[1]);
  ServeRun run;
  bool stopping = false;
  const auto deadline = std::chrono::steady_clock::now() + 30s;
  pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
  std::string* texts[2] = {&run.out, &run.err};
  int open_pipes = 2;
  while (open_pipes > 0 && std::chrono::steady_clock::now() < deadline) {
    const size_t serving = run.out.find(kServing);
    if (!stopping && serving != std::string::npos && run.out.find('\n', serving) != std::string::npos) {
      // A SIGTERM before the server's accept loop runs would be lost: answer one request first.
      answers_a_request(std::stoi(run.out.substr(serving + kServing.size())));
      kill(pid, SIGTERM);
      stopping = true;
    }
    if (poll(fds, 2, 200) < 0) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP))) continue;
      char buffer[4096];
      const ssize_t got = read(fds[i].fd, buffer, sizeof buffer);
      if (got > 0) {
        texts[i]->append(buffer, static_cast<size_t>(got));
      } else {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_pipes;
      }
    }
  }
  if (open_pipes > 0) kill(pid, SIGKILL);
  for (const pollfd& fd : fds)
    if (fd.fd >= 0) close(fd.fd);
  waitpid(pid, &run.status, 0);
  return run;
}

class Serve : public testing::CommandTest {};

// The defect: an empty store gave no account and no word of how to make one.
TEST_F(Serve, AStoreWithoutAccountsSaysHowToCreateOne) {
  const std::string database = (dir_ / "var" / "plenary.sqlite").string();
  const ServeRun first = serve_until_listening(database);
  EXPECT_TRUE(WIFEXITED(first.status) && WEXITSTATUS(first.status) == 0) << first.status << "\nstdout: " << first.out << "\nstderr: " << first.err;
  EXPECT_NE(first.out.find("plenary: serving"), std::string::npos) << first.out;
  EXPECT_NE(first.err.find("plenary: the store " + database + " has no account yet"), std::string::npos)
      << first.err;
  const std::string command = "echo 'a long passphrase' | " + kPlenary +
                              " user add admin --role admin --password-stdin --db " + database;
  ASSERT_NE(first.err.find("  " + command + "\n"), std::string::npos) << first.err;
  EXPECT_EQ(first.out.find("no account"), std::string::npos) << "the advice goes to stderr";

  // The command works as printed; then serve says nothing of it.
  ASSERT_EQ(std::system((command + " > /dev/null").c_str()), 0);
  const ServeRun second = serve_until_listening(database);
  EXPECT_NE(second.out.find("plenary: serving"), std::string::npos) << second.out << second.err;
  EXPECT_EQ(second.err.find("no account"), std::string::npos) << second.err;
}

TEST_F(Serve, TheAdviceQuotesAStoreWithSpaces) {
  std::ostringstream err;
  advise_first_account("plenary", "my store/it's.sqlite", err);
  EXPECT_NE(err.str().find("--db 'my store/it'\\''s.sqlite'\n"), std::string::npos) << err.str();
}

}  // namespace
}  // namespace plenary
