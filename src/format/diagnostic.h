// Findings tied to a place in a file: "meeting.toml:12:9: error: ...".
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/check.h"

namespace plenary {

struct Position {
  int line = 1;
  int column = 1;
};

struct Diagnostic {
  Severity severity = Severity::error;
  std::string file;
  Position position;
  std::string message;
};

// "file:line:column: error: message".
std::string format_diagnostic(const Diagnostic& diagnostic);

// Where each value of a meeting file was written, by path ("items[2].title.fr").
class SourceMap {
 public:
  void add(const std::string& path, Position position) { positions_.emplace(path, position); }

  // The position of `path`, or of its nearest recorded ancestor, or 1:1.
  Position find(std::string path) const;

 private:
  std::map<std::string, Position> positions_;
};

// Places model findings in the file they came from.
std::vector<Diagnostic> locate_findings(const std::vector<Finding>& findings, const SourceMap& sources,
                                        const std::string& file);

}  // namespace plenary
