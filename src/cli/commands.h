// The plenary command line. Each command is a function of its options and two
// streams, so tests run it in-process; main() only wires it to CLI11.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace plenary {

// Exit statuses shared by the commands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitErrors = 1;      // the input has errors
inline constexpr int kExitUnreadable = 2;  // the input could not be read, or bad usage

struct CheckOptions;

// plenary check FILE [--final] [--json]
int run_check(const std::string& file, bool final, bool json, std::ostream& out, std::ostream& err);

struct RenderOptions {
  std::string file;
  std::vector<std::string> languages;  // "fr", "en"
  std::vector<std::string> formats;    // "md", "html"
  std::string output;                  // a directory, or a file for one language and format
  bool draft = false;                  // render texts missing in a language as visible gaps
};

// plenary render FILE --lang fr,en --to md,html -o OUT
int run_render(const RenderOptions& options, std::ostream& out, std::ostream& err);

// The program's version: CMake's project version, "0.1.0".
const char* version();

// Parses argv and runs the command it names.
int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace plenary
