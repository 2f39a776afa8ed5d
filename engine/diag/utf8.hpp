// UTF-8 validation of rule files and tables, so that an invalid byte is reported where it is
// instead of surfacing as a confusing syntax error (or garbling the terminal).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace subsidia::diag {

// Byte offset of the first byte that does not start a well-formed UTF-8 sequence (overlong
// forms, surrogates and code points above U+10FFFF are refused), or std::nullopt.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// `text` with each byte that does not start a well-formed sequence replaced by U+FFFD.
std::string valid_utf8(std::string_view text);

}  // namespace subsidia::diag
