#include "cli/commands.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <functional>
#include <thread>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <ostream>

#include "cli/plan_command.h"
#include "cli/symbol_command.h"
#include "cli/user_command.h"
#include "format/meeting_file.h"
#include "i18n/catalog.h"
#include "render/formats.h"
#include "web/server.h"
#include "render/layout.h"

namespace plenary {

namespace {

// The command line's own advice goes on the line: the messages are the
// pages' too, where no option can be given.
void print_diagnostics(const std::vector<Diagnostic>& diagnostics, std::ostream& stream) {
  for (const Diagnostic& d : diagnostics) {
    stream << format_diagnostic(d);
    if (d.missing_text && d.severity == Severity::warning) stream << " (an error with --final)";
    stream << '\n';
  }
}

size_t count(const std::vector<Diagnostic>& diagnostics, Severity severity) {
  return static_cast<size_t>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                           [&](const Diagnostic& d) { return d.severity == severity; }));
}

bool any_error(const std::vector<Diagnostic>& diagnostics) { return count(diagnostics, Severity::error) > 0; }

// Calls work(0) .. work(count - 1), spread over the machine's cores.
void run_in_parallel(size_t count, const std::function<void(size_t)>& work) {
  const size_t threads = std::min<size_t>(count, std::max(1u, std::thread::hardware_concurrency()));
  std::atomic<size_t> next{0};
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t)
    pool.emplace_back([&] {
      for (size_t i = next++; i < count; i = next++) work(i);
    });
  for (size_t i = next++; i < count; i = next++) work(i);
  for (std::thread& thread : pool) thread.join();
}

bool write_file(const std::filesystem::path& path, const std::string& content, std::ostream& err) {
  // Write beside the target, then rename: a failed run never leaves half a file.
  const std::filesystem::path temporary = path.string() + ".tmp";
  {
    std::ofstream stream(temporary, std::ios::binary | std::ios::trunc);
    stream << content;
    if (!stream.flush()) {
      err << fmt::format("plenary: cannot write {}\n", temporary.string());
      return false;
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    err << fmt::format("plenary: cannot write {}: {}\n", path.string(), ec.message());
    return false;
  }
  return true;
}

std::vector<std::string> split_list(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& value : values) {
    size_t start = 0;
    while (start <= value.size()) {
      const size_t comma = std::min(value.find(',', start), value.size());
      if (comma > start) out.push_back(value.substr(start, comma - start));
      start = comma + 1;
    }
  }
  return out;
}

}  // namespace

int run_check(const std::string& file, bool final, bool json, std::ostream& out, std::ostream&) {
  const MeetingFile meeting_file = load_meeting_file(file);
  CheckOptions options;
  options.final = final;
  const std::vector<Diagnostic> diagnostics = check_meeting_file(meeting_file, options);
  const int status = meeting_file.unreadable ? kExitUnreadable : any_error(diagnostics) ? kExitErrors : kExitOk;
  if (json) {
    nlohmann::json findings = nlohmann::json::array();
    for (const Diagnostic& d : diagnostics)
      findings.push_back({{"file", d.file},
                          {"line", d.position.line},
                          {"column", d.position.column},
                          {"severity", d.severity == Severity::error ? "error" : "warning"},
                          {"message", d.message}});
    out << nlohmann::json{{"file", file}, {"status", status}, {"findings", findings}}.dump(2,' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return status;
  }
  print_diagnostics(diagnostics, out);
  out << fmt::format("{}: {} error{}, {} warning{}\n", file, count(diagnostics, Severity::error),
                     count(diagnostics, Severity::error) == 1 ? "" : "s", count(diagnostics, Severity::warning),
                     count(diagnostics, Severity::warning) == 1 ? "" : "s");
  return status;
}

int run_render(const RenderOptions& options, std::ostream& out, std::ostream& err) {
  for (const std::string& format : options.formats)
    if (!find_output_format(format)) {
      err << fmt::format("plenary render: unknown format '{}': expected one of {}\n", format, output_format_names());
      return kExitUnreadable;
    }
  if (options.languages.empty() || options.formats.empty()) {
    err << "plenary render: name at least one language (--lang) and one format (--to)\n";
    return kExitUnreadable;
  }
  const MeetingFile meeting_file = load_meeting_file(options.file);
  const std::vector<Diagnostic> diagnostics = check_meeting_file(meeting_file, CheckOptions{});
  if (meeting_file.unreadable || any_error(diagnostics)) {
    print_diagnostics(diagnostics, err);
    err << fmt::format("plenary render: {} has errors; nothing was written\n", options.file);
    return meeting_file.unreadable ? kExitUnreadable : kExitErrors;
  }
  const Meeting& meeting = *meeting_file.meeting;

  // Lay out every language first: nothing is written if one of them fails.
  std::vector<AgendaLayout> layouts;
  for (const std::string& lang : options.languages) {
    try {
      layouts.push_back(lay_out_agenda(meeting, Catalog::load(lang)));
    } catch (const CatalogError& e) {
      err << fmt::format("plenary render: {}\n", e.what());
      return kExitUnreadable;
    }
    const AgendaLayout& layout = layouts.back();
    if (!layout.missing.empty() && !options.draft) {
      err << fmt::format("plenary render: {} lacks {} text{} in '{}': {}\n(use --draft to render with the gaps marked)\n",
                         options.file, layout.missing.size(), layout.missing.size() == 1 ? "" : "s", lang,
                         fmt::join(layout.missing, "; "));
      return kExitErrors;
    }
  }

  namespace fs = std::filesystem;
  const bool single = layouts.size() == 1 && options.formats.size() == 1;
  const fs::path target(options.output.empty() ? "." : options.output);
  const bool to_file =
      single && target.extension() == fs::path(std::string("x.") + find_output_format(options.formats.front())->suffix).extension();
  std::error_code ec;
  fs::create_directories(to_file ? target.parent_path().empty() ? fs::path(".") : target.parent_path() : target, ec);
  if (ec) {
    err << fmt::format("plenary render: cannot create {}: {}\n", target.string(), ec.message());
    return kExitUnreadable;
  }
  // Each (language, format) file is independent: render them on every core,
  // then write them in order.
  struct Job {
    const AgendaLayout* layout;
    const OutputFormat* format;
    std::string bytes;
    std::string error;
  };
  std::vector<Job> jobs;
  for (const AgendaLayout& layout : layouts)
    for (const std::string& name : options.formats) jobs.push_back({&layout, find_output_format(name), {}, {}});
  auto render = [&](Job& job) {
    try {
      job.bytes = job.format->render(meeting, *job.layout);
    } catch (const std::exception& e) {
      job.error = e.what();
    }
  };
  std::vector<Job*> parallel;
  for (Job& job : jobs)
    if (job.format->threads) parallel.push_back(&job);
  run_in_parallel(parallel.size(), [&](size_t i) { render(*parallel[i]); });
  for (Job& job : jobs)
    if (!job.format->threads) render(job);
  for (const Job& job : jobs) {
    if (!job.error.empty()) {
      err << fmt::format("plenary render: {} ({}): {}\n", job.format->name, job.layout->language, job.error);
      return kExitUnreadable;
    }
    const fs::path path = to_file ? target
                                  : target / fmt::format("{}.{}.{}", file_stem(meeting.document.symbol),
                                                         job.layout->language, job.format->suffix);
    if (!write_file(path, job.bytes, err)) return kExitUnreadable;
    out << path.string() << '\n';
  }
  return kExitOk;
}

const char* version() { return PLENARY_VERSION; }

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"plenary: plans and publishes the meetings of intergovernmental bodies", "plenary"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("plenary ") + version(), "Print the version and exit");

  std::string check_file;
  bool final = false, json = false;
  auto* check = app.add_subcommand("check", "Check a meeting file; exit 0 (clean), 1 (errors) or 2 (unreadable)");
  check->add_option("FILE", check_file, "the meeting file")->required();
  check->add_flag("--final", final, "treat texts missing in a declared language as errors");
  check->add_flag("--json", json, "print the findings as JSON");

  std::vector<std::string> symbols;
  auto* symbol = app.add_subcommand("symbol", "Print the components of UN document symbols as JSON");
  symbol->add_option("SYMBOL", symbols, "document symbols, e.g. E/CN.15/2022/L.1/Rev.1")->required();

  RenderOptions render_options;
  std::vector<std::string> langs{"fr"}, formats{"md"};
  auto* render = app.add_subcommand("render", "Write the annotated provisional agenda");
  render->add_option("FILE", render_options.file, "the meeting file")->required();
  render->add_option("--lang", langs, "languages, comma-separated (ar,zh,en,fr,ru,es), or all")->capture_default_str();
  render->add_option("--to", formats, "formats, comma-separated: " + output_format_names() + ", or all")->capture_default_str();
  render->add_option("-o,--output", render_options.output, "output directory (or file, for one language and format)")
      ->required();
  render->add_flag("--draft", render_options.draft, "render texts missing in a language as visible gaps");

  PlanCommandOptions plan_options;
  auto* plan = app.add_subcommand("plan", "Plan the organization of work (the annex)");
  plan->add_option("FILE", plan_options.file, "the meeting file")->required();
  plan->add_option("--format", plan_options.format, "in-person, hybrid or online (default: the file's)");
  plan->add_option("--previous", plan_options.previous, "a plan from --json: change as few assignments as possible");
  plan->add_flag("--against-file", plan_options.against_file, "use the file's [organization] as the previous plan");
  plan->add_flag("--explain", plan_options.explain, "say why each item sits where it does");
  plan->add_flag("--json", plan_options.json, "print the plan as JSON");
  plan->add_flag("--write", plan_options.write, "store the plan in the meeting file");

  UserCommandOptions user_options;
  auto* user = add_user_command(app, user_options);

  web::ServerOptions serve_options;
  std::string listen = "127.0.0.1:8080";
  auto* serve = app.add_subcommand("serve", "Serve the public site, the editing pages and the JSON API");
  serve->add_option("--db", serve_options.database, "the SQLite store (created on first run)")->capture_default_str();
  serve->add_option("--listen", listen, "HOST:PORT to listen on; port 0 picks a free one")->capture_default_str();
  serve->add_option("--load", serve_options.load, "a meeting file to create and publish when the store is empty");
  serve->add_option("--threads", serve_options.threads, "worker threads, one per open connection (default 64)");
  serve->add_flag("--secure-cookies", serve_options.secure_cookies, "mark cookies Secure (behind TLS)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    return kExitOk;
  } catch (const CLI::CallForAllHelp&) {
    out << app.help("", CLI::AppFormatMode::All);
    return kExitOk;
  } catch (const CLI::CallForVersion& e) {
    out << e.what() << '\n';
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    const CLI::App* failing = app.get_subcommands().empty() ? &app : app.get_subcommands().front();
    err << fmt::format("plenary: {}\n", e.what());
    err << failing->help();
    return kExitUnreadable;
  }

  if (check->parsed()) return run_check(check_file, final, json, out, err);
  if (symbol->parsed()) return run_symbol_command(symbols, out, err);
  if (plan->parsed()) return run_plan(plan_options, out, err);
  if (user->parsed()) return run_user(user_options, std::cin, out, err);
  if (serve->parsed()) {
    const size_t colon = listen.rfind(':');
    const std::string port = colon == std::string::npos ? "" : listen.substr(colon + 1);
    if (colon == std::string::npos || port.empty() || port.size() > 5 ||
        port.find_first_not_of("0123456789") != std::string::npos || std::stoi(port) > 65535) {
      err << fmt::format("plenary: --listen wants HOST:PORT, like 127.0.0.1:8080, not \"{}\"\n", listen);
      return kExitUnreadable;
    }
    serve_options.host = listen.substr(0, colon);
    serve_options.port = std::stoi(port);
    advise_first_account(argc > 0 ? argv[0] : "", serve_options.database, err);
    return web::serve(serve_options, out, err);
  }
  render_options.languages = split_list(langs);
  render_options.formats = split_list(formats);
  // "all" stands for every official language, or every format.
  if (render_options.languages == std::vector<std::string>{"all"})
    render_options.languages.assign(std::begin(kOfficialLanguages), std::end(kOfficialLanguages));
  if (render_options.formats == std::vector<std::string>{"all"}) {
    render_options.formats.clear();
    for (const OutputFormat& format : output_formats()) render_options.formats.push_back(format.name);
  }
  return run_render(render_options, out, err);
}

}  // namespace plenary
