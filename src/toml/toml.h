// toml++ as every plenary file includes it. toml++ 3.3 asserts, rather than
// reports, on some malformed values ("2022-06-28Tq0:00:00" aborts in
// parse_time), and with NDEBUG turns those assertions into assumptions. Its
// parser reports such values as errors when the assertions are left out,
// whatever NDEBUG says. One header, so that every file compiles toml++'s
// inline functions the same way.
#pragma once

#pragma push_macro("NDEBUG")
#undef NDEBUG
#define TOML_ASSERT(expr) static_assert(true)
#include <toml++/toml.h>
#undef TOML_ASSERT
#pragma pop_macro("NDEBUG")
