#include "format/diagnostic.h"

#include <fmt/format.h>

namespace plenary {

std::string format_diagnostic(const Diagnostic& d) {
  const char* severity = d.severity == Severity::error ? "error" : "warning";
  if (d.position.known())
    return fmt::format("{}:{}:{}: {}: {}", d.file, d.position.line, d.position.column, severity, d.message);
  if (d.path.empty()) return fmt::format("{}: {}: {}", d.file, severity, d.message);
  return fmt::format("{}: {}: {}: {}", d.file, d.path, severity, d.message);
}

std::string describe_diagnostic(const Diagnostic& d, const Meeting* meeting) {
  if (d.position.known()) return fmt::format("line {}, column {}: {}", d.position.line, d.position.column, d.message);
  if (d.path.empty()) return d.message;
  return fmt::format("{}: {}", describe_place(d.path, meeting), d.message);
}

Position SourceMap::find(std::string path) const {
  while (true) {
    if (auto it = positions_.find(path); it != positions_.end()) return it->second;
    if (path.empty()) return Position{};
    const size_t cut = path.find_last_of(".[");
    path.resize(cut == std::string::npos ? 0 : cut);
  }
}

std::vector<Diagnostic> locate_findings(const std::vector<Finding>& findings, const SourceMap& sources,
                                        const std::string& file) {
  std::vector<Diagnostic> result;
  result.reserve(findings.size());
  for (const Finding& finding : findings)
    result.push_back(
        {finding.severity, file, sources.find(finding.path), finding.message, finding.path, finding.missing_text});
  return result;
}

}  // namespace plenary
