// Findings tied to a place in a file: "meeting.toml:12:9: error: ...", or,
// for a meeting read from JSON, to a path: "meeting.json: items[2].number: error: ...".
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/check.h"

namespace plenary {

// Line and column, 1-based. A value read from JSON has no position: 0:0.
struct Position {
  int line = 1;
  int column = 1;

  bool known() const { return line > 0; }
};

struct Diagnostic {
  Severity severity = Severity::error;
  std::string file;
  Position position;
  std::string message;
  std::string path;  // the value at fault, "items[1].title.fr"; "" for the whole file
  bool missing_text = false;  // as Finding::missing_text
};

// "file:line:column: error: message"; "file: path: error: message" when the
// position is unknown (JSON).
std::string format_diagnostic(const Diagnostic& diagnostic);

// The diagnostic for a person on a page, without the file's name: "line 12,
// column 9: message" when the position is known, else the place as
// describe_place names it, "item 2, title in French: message".
std::string describe_diagnostic(const Diagnostic& diagnostic, const Meeting* meeting = nullptr);

// Where each value of a meeting file was written, by path ("items[2].title.fr").
class SourceMap {
 public:
  void add(const std::string& path, Position position) { positions_.emplace(path, position); }

  // The position of `path`, or of its nearest recorded ancestor ("" is the
  // root), or 1:1.
  Position find(std::string path) const;

 private:
  std::map<std::string, Position> positions_;
};

// Places model findings in the file they came from.
std::vector<Diagnostic> locate_findings(const std::vector<Finding>& findings, const SourceMap& sources,
                                        const std::string& file);

}  // namespace plenary
