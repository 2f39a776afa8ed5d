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

// Number of code points in `text`: the bytes that are not continuation bytes. Every layer that
// places a caret or counts characters (diagnostics, CSV columns, `longueur`, the reader's
// length checks) counts them this way.
inline std::size_t code_point_count(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// The code point of `text` that starts at byte `i`, and `i` moved past it. For text already
// checked as UTF-8 (a dossier's strings, a rule file): a lead byte whose sequence would run
// past the end, or a stray continuation byte, is taken as one code point of its own value, so
// that a caller walking a damaged string still moves forward.
char32_t next_code_point(std::string_view text, std::size_t& i);

// A blank of Unicode's space separators (Zs: the space, the no-break space, the en, em, thin,
// hair, narrow no-break, medium mathematical and ideographic spaces, the Ogham space mark): each
// looks like a space, or like nothing at the end of an id or a key.
bool is_unicode_blank(char32_t c);

}  // namespace subsidia::diag
