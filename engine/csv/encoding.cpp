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

// DOS code page 850 (Western Europe), 0x80-0xFF: what a file exported by an old accounting
// program holds. Read as Windows-1252 its French letters became punctuation (« D‚lib‚ration
// coop‚ration S‚n‚gal »): the clue « Sénégal » was lost (review of real files, 2 December 2026).
constexpr std::array<char16_t, 128> kCp850High = {
    0x00C7, 0x00FC, 0x00E9, 0x00E2, 0x00E4, 0x00E0, 0x00E5, 0x00E7, 0x00EA, 0x00EB, 0x00E8, 0x00EF, 0x00EE,
    0x00EC, 0x00C4, 0x00C5, 0x00C9, 0x00E6, 0x00C6, 0x00F4, 0x00F6, 0x00F2, 0x00FB, 0x00F9, 0x00FF, 0x00D6,
    0x00DC, 0x00F8, 0x00A3, 0x00D8, 0x00D7, 0x0192, 0x00E1, 0x00ED, 0x00F3, 0x00FA, 0x00F1, 0x00D1, 0x00AA,
    0x00BA, 0x00BF, 0x00AE, 0x00AC, 0x00BD, 0x00BC, 0x00A1, 0x00AB, 0x00BB, 0x2591, 0x2592, 0x2593, 0x2502,
    0x2524, 0x00C1, 0x00C2, 0x00C0, 0x00A9, 0x2563, 0x2551, 0x2557, 0x255D, 0x00A2, 0x00A5, 0x2510, 0x2514,
    0x2534, 0x252C, 0x251C, 0x2500, 0x253C, 0x00E3, 0x00C3, 0x255A, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550,
    0x256C, 0x00A4, 0x00F0, 0x00D0, 0x00CA, 0x00CB, 0x00C8, 0x0131, 0x00CD, 0x00CE, 0x00CF, 0x2518, 0x250C,
    0x2588, 0x2584, 0x00A6, 0x00CC, 0x2580, 0x00D3, 0x00DF, 0x00D4, 0x00D2, 0x00F5, 0x00D5, 0x00B5, 0x00FE,
    0x00DE, 0x00DA, 0x00DB, 0x00D9, 0x00FD, 0x00DD, 0x00AF, 0x00B4, 0x00AD, 0x00B1, 0x2017, 0x00BE, 0x00B6,
    0x00A7, 0x00F7, 0x00B8, 0x00B0, 0x00A8, 0x00B7, 0x00B9, 0x00B3, 0x00B2, 0x25A0, 0x00A0,
};

bool ascii_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Whether single-byte text is DOS code page 850 rather than Windows-1252: French lower-case
// letters of CP850 (é 82, è 8A, à 85, ç 87, ê 88, ô 93, î 8C, â 83, û 96, ù 97, ë 89, ï 8B, ü 81)
// between two ASCII letters, where Windows-1252 has punctuation (‚ … ‡ ˆ “ – —) that stands
// between words, not inside them; against letters of Windows-1252 (C0-FF, where CP850 has
// box-drawing and rare signs) next to an ASCII letter. Two words' worth of evidence at least.
bool looks_like_cp850(std::string_view bytes) {
  static constexpr unsigned char kFrenchCp850[] = {0x81, 0x82, 0x83, 0x85, 0x87, 0x88, 0x89,
                                                   0x8A, 0x8B, 0x8C, 0x93, 0x96, 0x97};
  std::size_t dos = 0, windows = 0;
  for (std::size_t i = 1; i + 1 < bytes.size(); ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) continue;
    const auto before = static_cast<unsigned char>(bytes[i - 1]), after = static_cast<unsigned char>(bytes[i + 1]);
    if (std::find(std::begin(kFrenchCp850), std::end(kFrenchCp850), c) != std::end(kFrenchCp850)) {
      if (ascii_letter(before) && ascii_letter(after)) ++dos;
    } else if (c >= 0xC0 && (ascii_letter(before) || ascii_letter(after))) {
      ++windows;
    }
  }
  return dos >= 2 && dos > windows;
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
  const bool dos = !mixed && looks_like_cp850(bytes);
  out.encoding = mixed ? Encoding::MixedUtf8Windows1252 : dos ? Encoding::Cp850 : Encoding::Windows1252;
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
      append_utf8(out.text, dos ? kCp850High[byte - 0x80] : windows1252(byte));
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
    case Encoding::Cp850: return "DOS (page de code 850)";
  }
  return "inconnu";
}

}  // namespace subsidia::csv
