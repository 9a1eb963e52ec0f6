// UTF-8 well-formedness, as every layer checks it (RFC 3629): no stray
// continuation bytes, no overlong forms, no surrogates, nothing past
// U+10FFFF. One definition, so that the file reader, the store, the web
// pages and the password rules agree on what is valid.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace plenary {

// The length (1 to 4) of the well-formed sequence that starts at byte `at`
// of `text`, or 0 when the bytes there are not one.
size_t utf8_sequence_length(std::string_view text, size_t at);

// The offset of the first byte that does not start a well-formed sequence,
// or std::string_view::npos when all of `text` is valid.
size_t invalid_utf8_offset(std::string_view text);

// The number of code points, or nothing when `text` is not valid UTF-8.
std::optional<size_t> count_code_points(std::string_view text);

}  // namespace plenary
