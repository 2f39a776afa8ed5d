#include "reports/id_key.hpp"

#include <cstdio>
#include <string_view>

#include "csv/encoding.hpp"
#include "diag/utf8.hpp"
#include "io/identifier.hpp"

namespace subsidia::reports {

namespace {

// U+00C0 to U+00FF, each to its base letter in lower case (0: kept as it is: ×, ÷, Ð, Þ, ß…).
constexpr char kLatin1Base[64] = {
    'a', 'a', 'a', 'a', 'a', 'a', 0,   'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',  // C0–CF
    0,   'n', 'o', 'o', 'o', 'o', 'o', 0,   0,   'u', 'u', 'u', 'u', 'y', 0,   0,    // D0–DF
    'a', 'a', 'a', 'a', 'a', 'a', 0,   'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',  // E0–EF
    0,   'n', 'o', 'o', 'o', 'o', 'o', 0,   0,   'u', 'u', 'u', 'u', 'y', 0,   'y',  // F0–FF
};

// U+0100 to U+017F (Latin Extended-A: Polish, Czech, Romanian, Turkish, Hungarian… letters), each
// to its base letter in lower case; '?' kept as it is (Ĳ, ĳ, and Œ, œ, folded to « oe » below).
// Only Latin-1 was folded, and « Ŕ6FF983 » and « R6FF983 » were two dossiers (review 30).
constexpr std::string_view kLatinExtendedABase =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii??jjkkkllllllllllnnnnnnnnnoooooo??rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(kLatinExtendedABase.size() == 0x80);

// Every Unicode space separator (io/identifier.hpp): « X » and « X » + an em space pasted from a
// word processor were two dossiers, counted twice (review 23), where « X » + a thin space was one.
bool is_blank(char32_t c) { return c == '\t' || c == '\n' || c == '\r' || io::is_unicode_blank(c); }

// Characters that show nothing (io/identifier.hpp), and line separators: « CP-2012\u200B-601 »
// looks like « CP-2012-601 » in every list and was counted twice (review 16). The reader
// refuses such ids; the key leaves them out for any that reaches the jaune another way.
bool is_invisible(char32_t c) {
  return io::is_invisible_character(c) || io::is_direction_mark(c) || c == 0x2028 || c == 0x2029 || c == 0x85;
}

bool is_combining_mark(char32_t c) { return c >= 0x300 && c <= 0x36F; }

}  // namespace

std::string id_key(std::string_view id) {
  std::string key;
  key.reserve(id.size());
  std::size_t blanks_pending = 0;  // a run of blanks inside the id is one space; those at the ends none
  for (std::size_t i = 0; i < id.size();) {
    const char32_t c = diag::next_code_point(id, i);
    if (is_blank(c)) {
      if (!key.empty()) ++blanks_pending;
      continue;
    }
    if (is_combining_mark(c) || is_invisible(c)) continue;
    // A run of blanks inside is one: « X  Y » and « X Y » look alike in every list and were two
    // dossiers, counted twice (review 26).
    if (blanks_pending > 0) key += ' ';
    blanks_pending = 0;
    if (c >= 'A' && c <= 'Z') {
      key += static_cast<char>(c - 'A' + 'a');
    } else if (c >= 0xC0 && c <= 0xFF && kLatin1Base[c - 0xC0] != 0) {
      key += kLatin1Base[c - 0xC0];
    } else if (c == 0x152 || c == 0x153) {
      key += "oe";
    } else if (c >= 0x100 && c <= 0x17F && kLatinExtendedABase[c - 0x100] != '?') {
      key += kLatinExtendedABase[c - 0x100];
    } else if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE63 || c == 0xFF0D) {
      // A word processor's hyphens and dashes, the minus sign: « CP‐2012‐601 » is « CP-2012-601 »
      // (the same dossier was counted twice under the two).
      key += '-';
    } else {
      csv::append_utf8(key, c);
    }
  }
  return key;
}

std::string visible_id(std::string_view id) {
  std::string out;
  for (std::size_t i = 0; i < id.size();) {
    const std::size_t start = i;
    const char32_t c = diag::next_code_point(id, i);
    const bool at_end = start == 0 || i == id.size();
    if (c == ' ' && at_end) {
      out += "\u2423";
    } else if ((c != ' ' && is_blank(c)) || is_invisible(c) || c < 0x20) {
      char code[24];
      std::snprintf(code, sizeof code, "\u27e8U+%04X\u27e9", static_cast<unsigned>(c));
      out += code;
    } else {
      out.append(id.substr(start, i - start));
    }
  }
  return out;
}

}  // namespace subsidia::reports
