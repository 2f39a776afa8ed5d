#include "csv/encoding.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

namespace subsidia::csv {

namespace {

// Windows-1252 0x80-0x9F. The five bytes Windows leaves undefined (81, 8D, 8F, 90, 9D) map
// to the C1 control of the same value, as the WHATWG encoding standard does.
constexpr std::array<char16_t, 32> kWindows1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

char32_t windows1252(unsigned char byte) {
  if (byte >= 0x80 && byte <= 0x9F) return kWindows1252High[byte - 0x80];
  return byte;
}

// UTF-16 without a byte-order mark: most ASCII text then has a NUL in every other byte.
// Returns 1 for little endian, 2 for big endian, 0 when the bytes do not look like UTF-16.
int utf16_without_bom(std::string_view bytes) {
  const std::size_t n = std::min<std::size_t>(bytes.size() & ~std::size_t{1}, 4096);
  if (n < 4) return 0;
  std::size_t even_nul = 0, odd_nul = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    if (bytes[i] == '\0') ++even_nul;
    if (bytes[i + 1] == '\0') ++odd_nul;
  }
  const std::size_t units = n / 2;
  if (odd_nul * 10 >= units * 7 && even_nul * 10 < units) return 1;
  if (even_nul * 10 >= units * 7 && odd_nul * 10 < units) return 2;
  return 0;
}

DecodedText decode_utf16(std::string_view bytes, bool little_endian, Encoding encoding) {
  DecodedText out;
  out.encoding = encoding;
  out.text.reserve(bytes.size());
  auto unit_at = [&](std::size_t i) -> char16_t {
    const auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
    return little_endian ? static_cast<char16_t>(a | (b << 8)) : static_cast<char16_t>((a << 8) | b);
  };
  std::size_t i = 0;
  for (; i + 1 < bytes.size(); i += 2) {
    char16_t unit = unit_at(i);
    if (unit >= 0xD800 && unit <= 0xDBFF && i + 3 < bytes.size()) {
      char16_t low = unit_at(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        append_utf8(out.text, 0x10000 + ((static_cast<char32_t>(unit) - 0xD800) << 10) + (low - 0xDC00));
        i += 2;
        continue;
      }
    }
    if (unit >= 0xD800 && unit <= 0xDFFF) {
      append_utf8(out.text, 0xFFFD);
      ++out.guessed_bytes;
      continue;
    }
    append_utf8(out.text, unit);
  }
  if (i < bytes.size()) {  // an odd last byte
    append_utf8(out.text, 0xFFFD);
    ++out.guessed_bytes;
  }
  return out;
}

}  // namespace

std::size_t utf8_sequence_length(std::string_view text, std::size_t at) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  const unsigned char c = s[at];
  if (c < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    length = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    length = 3;
    if (c == 0xE0) low = 0xA0;
    if (c == 0xED) high = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    length = 4;
    if (c == 0xF0) low = 0x90;
    if (c == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (at + length > n || s[at + 1] < low || s[at + 1] > high) return 0;
  for (std::size_t k = 2; k < length; ++k)
    if ((s[at + k] & 0xC0) != 0x80) return 0;
  return length;
}

void append_utf8(std::string& out, char32_t cp) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

DecodedText decode_to_utf8(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xFE")) return decode_utf16(bytes.substr(2), true, Encoding::Utf16Le);
  if (bytes.starts_with("\xFE\xFF")) return decode_utf16(bytes.substr(2), false, Encoding::Utf16Be);
  if (int endian = utf16_without_bom(bytes))
    return decode_utf16(bytes, endian == 1, endian == 1 ? Encoding::Utf16Le : Encoding::Utf16Be);

  DecodedText out;
  bool bom = bytes.starts_with("\xEF\xBB\xBF");
  if (bom) bytes.remove_prefix(3);
  // One pass to classify: well-formed multi-byte sequences against stray bytes. A sequence is
  // strong evidence of UTF-8 when Windows-1252 text would hardly hold it: three or four bytes
  // ("â€™" is ’ misread), or two that decode to U+00A0-U+017F, the accented letters of French
  // and Latin text (C2-C5 then a high byte: "Ã©" is é misread). Two bytes that decode further
  // on are what Windows-1252 writes for a capital accented letter before a no-break space, «,
  // », ’ or € ("SOLIDARITÉ »": C9 A0 is U+0260): weak evidence, which counts only when it
  // outnumbers the stray bytes (Greek or Cyrillic in a UTF-8 file with a few stray bytes).
  std::size_t strong = 0, weak = 0, invalid = 0;
  for (std::size_t i = 0; i < bytes.size();) {
    // Eight ASCII bytes at a time: no high bit set.
    while (i + 8 <= bytes.size()) {
      std::uint64_t word;
      std::memcpy(&word, bytes.data() + i, sizeof word);
      if (word & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= bytes.size()) break;
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = utf8_sequence_length(bytes, i);
    if (length == 0) {
      ++invalid;
      ++i;
    } else {
      const bool latin = length == 2 && static_cast<unsigned char>(bytes[i]) <= 0xC5;
      ++(length > 2 || latin ? strong : weak);
      i += length;
    }
  }
  if (invalid == 0) {
    out.text.assign(bytes);
    out.encoding = bom ? Encoding::Utf8WithBom : Encoding::Utf8;
    return out;
  }
  // Windows-1252 text almost never holds a strong UTF-8 sequence by chance; a file that has
  // both was pasted together: keep each sequence, read each stray byte as Windows-1252. One
  // accidental weak pair among the stray bytes of a Windows-1252 file made it "mixed", and
  // its cell changed silently ("SOLIDARITÉ »" read "SOLIDARITɠ»").
  const bool mixed = bom || strong > 0 || weak > invalid;
  out.encoding = mixed ? Encoding::MixedUtf8Windows1252 : Encoding::Windows1252;
  out.text.reserve(bytes.size() + bytes.size() / 8);
  for (std::size_t i = 0; i < bytes.size();) {
    const auto byte = static_cast<unsigned char>(bytes[i]);
    if (byte < 0x80) {
      out.text += static_cast<char>(byte);
      ++i;
      continue;
    }
    std::size_t length = mixed ? utf8_sequence_length(bytes, i) : 0;
    if (length > 0) {
      out.text.append(bytes.substr(i, length));
      i += length;
    } else {
      append_utf8(out.text, windows1252(byte));
      if (mixed) ++out.guessed_bytes;
      ++i;
    }
  }
  return out;
}

DecodedText decode_buffer_to_utf8(std::string&& bytes) {
  const bool bom = std::string_view(bytes).starts_with("\xEF\xBB\xBF");
  const std::string_view body = std::string_view(bytes).substr(bom ? 3 : 0);
  bool valid = !body.starts_with("\xFF\xFE") && !body.starts_with("\xFE\xFF") && !utf16_without_bom(body);
  for (std::size_t i = 0; valid && i < body.size();) {
    while (i + 8 <= body.size()) {
      std::uint64_t word;
      std::memcpy(&word, body.data() + i, sizeof word);
      if (word & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= body.size()) break;
    const std::size_t length = utf8_sequence_length(body, i);
    valid = length > 0;
    i += length;
  }
  if (!valid) return decode_to_utf8(std::string_view(bytes));
  DecodedText out;
  out.encoding = bom ? Encoding::Utf8WithBom : Encoding::Utf8;
  if (bom) bytes.erase(0, 3);
  out.text = std::move(bytes);
  return out;
}

std::string_view encoding_label(Encoding encoding) {
  switch (encoding) {
    case Encoding::Utf8: return "UTF-8";
    case Encoding::Utf8WithBom: return "UTF-8 avec BOM";
    case Encoding::Utf16Le: return "UTF-16 petit-boutiste";
    case Encoding::Utf16Be: return "UTF-16 gros-boutiste";
    case Encoding::Windows1252: return "Windows-1252 (Latin-1)";
    case Encoding::MixedUtf8Windows1252: return "UTF-8 mêlé de Windows-1252";
  }
  return "inconnu";
}

}  // namespace subsidia::csv
