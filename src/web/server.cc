#include "web/server.h"

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <httplib.h>
#include <pango/pangocairo.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <ostream>
#include <thread>

#include "format/meeting_file.h"
#include "format/meeting_json.h"
#include "store/sqlite_store.h"
#include "web/app.h"

namespace plenary::web {

namespace {

Request to_request(const httplib::Request& in) {
  Request out;
  out.method = in.method;
  out.path = in.path;
  for (const auto& [name, value] : in.params) out.query[name] = value;
  for (const auto& [name, value] : in.headers) {
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    out.headers[lower] = value;
  }
  out.body = in.body;
  out.remote_address = in.remote_addr;
  return out;
}

void to_response(const Response& in, httplib::Response& out) {
  out.status = in.status;
  std::string content_type = "application/octet-stream";
  for (const auto& [name, value] : in.headers) {
    if (name == "content-type")
      content_type = value;
    else
      out.set_header(name.c_str(), value);
  }
  if (!in.body.empty() || in.status == 200) out.set_content(in.body, content_type.c_str());
  else if (in.headers.count("content-type")) out.set_header("Content-Type", content_type);
}

// Pango, Cairo and fontconfig keep font caches for the life of the process.
// Released once nothing can draw any more, so that LeakSanitizer (make asan)
// sees only real leaks when the server stops, as in the PDF tests.
void release_font_caches() {
  pango_cairo_font_map_set_default(nullptr);
  cairo_debug_reset_static_data();
  FcFini();
}

// An error answered before the application sees the request.
Response refusal(int status, const std::string& message) {
  Response response = json_error(status, message);
  add_security_headers(response);
  return response;
}

// Creates the store's file and directory if needed and, when the store has
// no meeting yet and `load` names a meeting file, creates that meeting and
// publishes it, so that a first run shows something.
bool prepare_store(const ServerOptions& options, std::ostream& out, std::ostream& err) {
  const std::filesystem::path parent = std::filesystem::path(options.database).parent_path();
  std::error_code ec;
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  std::unique_ptr<store::SqliteStore> store = store::SqliteStore::open(options.database);
  if (options.load.empty() || !store->meetings().empty()) return true;
  const MeetingFile file = load_meeting_file(options.load);
  for (const Diagnostic& d : check_meeting_file(file, CheckOptions{}))
    if (d.severity == Severity::error) {
      err << format_diagnostic(d) << '\n';
      return false;
    }
  const Meeting& meeting = *file.meeting;
  const store::MeetingRecord record = store->create_meeting(meeting.body.short_name, meeting.document.symbol,
                                                            meeting_to_json(meeting), "plenary serve --load");
  store->publish(record.id, record.version, "plenary serve --load", {});
  out << "plenary: loaded " << options.load << " as meeting " << record.id << " (" << record.symbol << ")\n";
  return true;
}

}  // namespace

int serve(const ServerOptions& options, std::ostream& out, std::ostream& err) {
  try {
    if (!prepare_store(options, out, err)) return 1;
  } catch (const std::exception& error) {
    err << "plenary: cannot open the store " << options.database << ": " << error.what() << '\n';
    return 1;
  }

  // Signals go to one waiting thread, not to whichever thread they hit.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  AppConfig config;
  const std::string database = options.database;
  config.open_store = [database] { return std::unique_ptr<store::Store>(store::SqliteStore::open(database)); };
  config.secure_cookies = options.secure_cookies;
  App app(std::move(config));

  httplib::Server server;
  // httplib gives each keep-alive connection a thread for its life: too few
  // threads and connections queue behind each other for seconds.
  const size_t threads = options.threads > 0 ? static_cast<size_t>(options.threads) : 64;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_payload_max_length(options.max_body_bytes);
  server.set_read_timeout(options.read_timeout_seconds, 0);
  server.set_write_timeout(options.write_timeout_seconds, 0);
  server.set_keep_alive_max_count(1000);
  server.set_keep_alive_timeout(5);
  // httplib writes the headers and the body separately; with Nagle's
  // algorithm the body then waits for the client's delayed ACK (40 ms).
  server.set_tcp_nodelay(true);
  // httplib's defaults add SO_REUSEPORT, which would let a second server on
  // the same port share its traffic silently; only SO_REUSEADDR is wanted.
  // The listening socket is kept to listen again with a longer queue.
  int listening_socket = -1;
  server.set_socket_options([&listening_socket](socket_t socket) {
    const int yes = 1;
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listening_socket = socket;
  });

  auto handle = [&app](const httplib::Request& request, httplib::Response& response) {
    to_response(app.handle(to_request(request)), response);
  };
  // Bodies are read here rather than by httplib, which refuses form bodies
  // over 8 KiB (a limit compiled into Debian's library): an item's form
  // holds its annotation in six languages. payload_max_length still applies.
  auto handle_with_body = [&app](const httplib::Request& request, httplib::Response& response,
                                 const httplib::ContentReader& read) {
    std::string body;
    const bool complete = read([&body](const char* data, size_t length) {
      body.append(data, length);
      return true;
    });
    // httplib has set 413 (over payload_max_length) or 400; the error
    // handler writes the body.
    if (!complete) return;
    Request incoming = to_request(request);
    incoming.body = std::move(body);
    to_response(app.handle(incoming), response);
  };
  server.Get(".*", handle);
  server.Post(".*", handle_with_body);
  server.Put(".*", handle_with_body);
  server.Delete(".*", handle_with_body);
  server.Patch(".*", handle_with_body);
  // What httplib answers itself (a body over the limit, a malformed request):
  // the same JSON errors as the application, with the same headers.
  server.set_error_handler([](const httplib::Request&, httplib::Response& response) {
    if (!response.body.empty()) return;
    const std::string message = response.status == 413   ? "the request body is too large"
                                : response.status == 414 ? "the request URI is too long"
                                                         : "the request could not be read";
    to_response(refusal(response.status, message), response);
  });
  server.set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr) {
    to_response(refusal(500, "internal error"), response);
  });
  // A chunked body has no length to check against the limit before it is
  // read, and httplib would read it whole: only bodies with a Content-Length.
  const size_t max_body_bytes = options.max_body_bytes;
  server.set_pre_routing_handler([max_body_bytes](const httplib::Request& request, httplib::Response& response) {
    if (!request.has_header("Transfer-Encoding")) return httplib::Server::HandlerResponse::Unhandled;
    to_response(refusal(411, "send the body with a Content-Length (of at most " + std::to_string(max_body_bytes) +
                                 " bytes), not in chunks"),
                response);
    response.set_header("Connection", "close");
    return httplib::Server::HandlerResponse::Handled;
  });

  int port = options.port == 0 ? server.bind_to_any_port(options.host)
                               : (server.bind_to_port(options.host, options.port) ? options.port : -1);
  // httplib listens with a queue of 5: clients connecting together overflow
  // it, and each dropped handshake costs a one-second retransmission.
  if (port >= 0 && ::listen(listening_socket, SOMAXCONN) != 0) port = -1;
  if (port < 0) {
    err << "plenary: cannot listen on " << options.host << ":" << options.port << '\n';
    return 1;
  }

  std::mutex mutex;
  std::condition_variable stopped_signal;
  bool stopped = false;
  std::atomic<bool> signalled{false};
  std::thread signals([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    signalled = true;
    server.stop();
  });
  // Silence procedures end at their deadline even when nobody is looking.
  std::thread procedures([&] {
    std::unique_lock lock(mutex);
    while (!stopped_signal.wait_for(lock, std::chrono::seconds(2), [&] { return stopped; })) {
      lock.unlock();
      try {
        app.conclude_due_procedures();
      } catch (const std::exception& error) {
        err << "plenary: concluding procedures: " << error.what() << '\n';
      }
      lock.lock();
    }
  });

  out << "plenary: serving http://" << options.host << ":" << port << "/" << std::endl;
  server.listen_after_bind();  // returns once stopped and the requests in flight are done
  {
    std::lock_guard lock(mutex);
    stopped = true;
  }
  stopped_signal.notify_all();
  procedures.join();
  // Stopped otherwise than by a signal: wake the thread still waiting for one.
  if (!signalled) pthread_kill(signals.native_handle(), SIGTERM);
  signals.join();
  release_font_caches();
  out << "plenary: stopped" << std::endl;
  return 0;
}

}  // namespace plenary::web
