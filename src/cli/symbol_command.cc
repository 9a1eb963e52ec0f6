#include "cli/symbol_command.h"

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "symbol/symbol.h"

namespace plenary {

namespace {

using nlohmann::json;

// Absent parts are null rather than "", so that consumers need not know
// which empty strings mean "none".
json string_or_null(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

json describe(const std::string& input, const symbol::Symbol& s) {
  json modifiers = json::array();
  for (const symbol::Modifier& m : s.modifiers)
    modifiers.push_back({{"kind", m.kind}, {"number", m.number == 0 ? json(nullptr) : json(m.number)}});
  json components = json::array();
  for (const symbol::Component& c : s.components)
    components.push_back({{"kind", std::string(symbol::to_string(c.kind))}, {"text", c.text}});
  const std::string_view organ = symbol::organ_name(s.series);
  return json{
      {"input", input},
      {"valid", true},
      {"symbol", s.text},
      {"series", s.series},
      {"organ", organ.empty() ? json(nullptr) : json(std::string(organ))},
      {"bodies", s.bodies},
      {"session", string_or_null(s.session)},
      {"nature", string_or_null(s.nature)},
      {"number", s.number},
      {"modifiers", modifiers},
      {"qualifier", string_or_null(s.qualifier)},
      {"reissued", s.reissued},
      {"components", components},
      {"akoma_ntoso", symbol::akoma_ntoso_form(s)},
  };
}

}  // namespace

int run_symbol_command(const std::vector<std::string>& symbols, std::ostream& out, std::ostream& err) {
  if (symbols.empty()) {
    err << "usage: plenary symbol SYMBOL...\n"
           "Parses UN document symbols such as E/CN.15/2022/L.1/Rev.1 and prints one JSON object per line.\n";
    return kExitUnreadable;
  }
  int status = kExitOk;
  for (const std::string& input : symbols) {
    const symbol::ParseResult result = symbol::parse(input);
    json line;
    if (result) {
      line = describe(input, *result.symbol);
    } else {
      line = {{"input", input}, {"valid", false}, {"error", result.error->message}, {"offset", result.error->offset}};
      status = kExitErrors;
    }
    // Arguments need not be UTF-8; replace bad bytes rather than throw.
    out << line.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
  }
  return status;
}

}  // namespace plenary
