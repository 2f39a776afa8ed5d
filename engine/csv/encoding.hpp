// Bytes of a published file -> UTF-8 text. Real open-data files come as UTF-8 with or
// without a byte-order mark, as Windows-1252 (what French spreadsheets call "ANSI" or
// Latin-1), as UTF-16 ("Texte Unicode" in Excel) and sometimes as a mix of UTF-8 and
// Windows-1252 (files pasted together). Decoding never fails: every byte becomes a character,
// and what was guessed is said in the result.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace subsidia::csv {

enum class Encoding {
  Utf8,             // valid UTF-8, no byte-order mark
  Utf8WithBom,      // valid UTF-8 after EF BB BF (the mark is dropped)
  Utf16Le,          // FF FE, or NUL bytes at odd offsets
  Utf16Be,          // FE FF, or NUL bytes at even offsets
  Windows1252,      // not UTF-8: each byte read as Windows-1252 (a superset of Latin-1's letters)
  MixedUtf8Windows1252,  // mostly UTF-8; the bytes that are not are read as Windows-1252
  Cp850,            // not UTF-8, French letters where DOS code page 850 puts them (« D\x82lib\x82ration »)
};

struct DecodedText {
  std::string text;            // UTF-8, without byte-order mark
  Encoding encoding = Encoding::Utf8;
  std::size_t guessed_bytes = 0;  // Mixed: bytes read as Windows-1252; UTF-16: units replaced by U+FFFD
};

DecodedText decode_to_utf8(std::string_view bytes);
// The same, reusing the buffer when the bytes are already UTF-8 (the common case): no copy,
// a byte-order mark removed in place.
DecodedText decode_buffer_to_utf8(std::string&& bytes);

// French, for a summary: "UTF-8 avec BOM", "Windows-1252 (Latin-1)", ...
std::string_view encoding_label(Encoding encoding);

// Length of the well-formed UTF-8 sequence starting at `at` (1 to 4), or 0 when the byte there
// does not start one (overlong forms, surrogates and code points above U+10FFFF are refused).
std::size_t utf8_sequence_length(std::string_view text, std::size_t at);

// Appends the UTF-8 form of a code point (U+FFFD for a surrogate or a value above U+10FFFF).
void append_utf8(std::string& out, char32_t code_point);

}  // namespace subsidia::csv
