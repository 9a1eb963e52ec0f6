// `plenary symbol A/77/1 ...`: parses UN document symbols and prints, for each
// argument, one JSON object per line (JSON Lines).
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace plenary {

// Prints one line per symbol to `out`: its parts when valid, else
//   {"input": ..., "valid": false, "error": ..., "offset": N}.
// Returns 0 when all are valid, 1 when any is not, 2 (with usage on `err`)
// when no symbol was given.
int run_symbol_command(const std::vector<std::string>& symbols, std::ostream& out, std::ostream& err);

}  // namespace plenary
