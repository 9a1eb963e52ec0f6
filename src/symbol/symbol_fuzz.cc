// Feeds arbitrary bytes to symbol::parse and checks what must always hold.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "symbol/symbol.h"

namespace {

// Like assert, but not compiled out in release builds.
void check(bool condition) {
  if (!condition) std::abort();
}

bool is_iri_safe(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
         c == '-';
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace plenary::symbol;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const ParseResult result = parse(input);
  check(result.symbol.has_value() != result.error.has_value());

  if (!result) {
    check(result.error->offset <= size);
    check(!result.error->message.empty());
    for (char c : result.error->message) check(c >= 0x20 && c < 0x7F);  // messages quote only ASCII
    return 0;
  }

  // The normalized text is a fixed point: it parses to itself, with the same parts.
  const Symbol& symbol = *result.symbol;
  check(!symbol.text.empty() && symbol.text.size() <= kMaxSymbolLength);
  check(!symbol.series.empty() && !symbol.number.empty());
  const ParseResult again = parse(symbol.text);
  check(static_cast<bool>(again));
  check(again.symbol->text == symbol.text);
  check(again.symbol->components.size() == symbol.components.size());
  for (std::size_t i = 0; i < symbol.components.size(); ++i) {
    check(again.symbol->components[i].kind == symbol.components[i].kind);
    check(again.symbol->components[i].text == symbol.components[i].text);
  }
  check(again.symbol->session == symbol.session && again.symbol->nature == symbol.nature);
  check(again.symbol->qualifier == symbol.qualifier && again.symbol->bodies == symbol.bodies);

  const std::string form = akoma_ntoso_form(symbol);
  check(!form.empty());
  for (char c : form) check(is_iri_safe(c));
  return 0;
}
