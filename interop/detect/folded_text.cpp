#include "detect/folded_text.hpp"

#include <array>

namespace subsidia::interop {

namespace {

// Folded form of a code point: its ASCII letters (one or two), or "" for a separator.
std::string_view fold(char32_t cp) {
  if (cp < 0x80) {
    static constexpr char kLower[] = "abcdefghijklmnopqrstuvwxyz";
    static constexpr char kDigits[] = "0123456789";
    if (cp >= 'a' && cp <= 'z') return {kLower + (cp - 'a'), 1};
    if (cp >= 'A' && cp <= 'Z') return {kLower + (cp - 'A'), 1};
    if (cp >= '0' && cp <= '9') return {kDigits + (cp - '0'), 1};
    return {};
  }
  // U+00C0..U+00FF, one entry each ("" for × and ÷).
  static constexpr std::string_view kLatin1[64] = {
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  //
      "d", "n", "o", "o", "o", "o", "o", "",   "o", "u", "u", "u", "u", "y", "th", "ss",  //
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  //
      "d", "n", "o", "o", "o", "o", "o", "",   "o", "u", "u", "u", "u", "y", "th", "y"};
  if (cp >= 0xC0 && cp <= 0xFF) return kLatin1[cp - 0xC0];
  // Latin Extended-A: pairs of upper and lower case in order, base letters by range.
  if (cp >= 0x100 && cp <= 0x17F) {
    if (cp == 0x152 || cp == 0x153) return "oe";
    if (cp == 0x132 || cp == 0x133) return "ij";
    if (cp == 0x178) return "y";
    if (cp <= 0x105) return "a";
    if (cp <= 0x10D) return "c";
    if (cp <= 0x111) return "d";
    if (cp <= 0x11B) return "e";
    if (cp <= 0x123) return "g";
    if (cp <= 0x127) return "h";
    if (cp <= 0x131) return "i";
    if (cp <= 0x135) return "j";
    if (cp <= 0x138) return "k";
    if (cp <= 0x142) return "l";
    if (cp <= 0x14B) return "n";
    if (cp <= 0x151) return "o";
    if (cp <= 0x159) return "r";
    if (cp <= 0x161) return "s";
    if (cp <= 0x167) return "t";
    if (cp <= 0x173) return "u";
    if (cp <= 0x175) return "w";
    if (cp <= 0x177) return "y";
    return "z";
  }
  // Romanian (Ș ș Ț ț with a comma below), Vietnamese (Ơ ơ Ư ư, and the letters with tones of
  // Latin Extended Additional): partner towns of French cooperation (Timișoara, Iași, Hải Phòng,
  // Đà Nẵng) that would otherwise be cut into fragments at these letters.
  if (cp == 0x218 || cp == 0x219) return "s";
  if (cp == 0x21A || cp == 0x21B) return "t";
  if (cp == 0x1A0 || cp == 0x1A1) return "o";
  if (cp == 0x1AF || cp == 0x1B0) return "u";
  if (cp >= 0x1EA0 && cp <= 0x1EF9) {
    static constexpr std::string_view kVietnamese =
        "aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy";
    return kVietnamese.substr(cp - 0x1EA0, 1);
  }
  return {};
}

// ASCII letters and digits folded (lower case), 0 for a separator.
constexpr auto kAsciiFold = [] {
  std::array<char, 128> table{};
  for (int c = 0; c < 128; ++c) {
    if (c >= 'a' && c <= 'z') table[c] = static_cast<char>(c);
    else if (c >= 'A' && c <= 'Z') table[c] = static_cast<char>(c - 'A' + 'a');
    else if (c >= '0' && c <= '9') table[c] = static_cast<char>(c);
  }
  return table;
}();

// Decodes one UTF-8 code point at `i` (the text is valid UTF-8: it was transcoded).
char32_t decode(std::string_view text, std::size_t& i) {
  const auto c = static_cast<unsigned char>(text[i]);
  int length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (i + length > text.size()) length = 1;
  char32_t cp = length == 1 ? c : length == 2 ? (c & 0x1F) : length == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < length; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  i += length;
  return cp;
}

// Code points that belong to the word they are in rather than separate it: combining marks
// (a text in Unicode NFD, as Mac exports and PDF copies give it, writes « é » as « e » and
// U+0301; treated as separators they split « Sénégal » into « se » and « negal » and hid every
// accented clue), the soft hyphen, and the zero-width joiners and spaces.
bool inside_a_word(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || cp == 0x00AD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 ||
         (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
         (cp >= 0xFE20 && cp <= 0xFE2F);
}

}  // namespace

void FoldedText::assign(std::string_view original) {
  original_ = original;
  folded_.clear();
  tokens_.clear();
  std::vector<Span>& spans = spans_;
  spans.clear();
  bool in_word = false;
  // The letters of the character that began at `at` and ends before `end` ("" separates words).
  auto put = [&](std::string_view letters, std::size_t at, std::size_t end) {
    if (letters.empty()) {
      in_word = false;
      return;
    }
    if (!in_word) {
      if (!spans.empty()) folded_ += ' ';
      spans.push_back({folded_.size(), at, at});
      in_word = true;
    }
    folded_ += letters;
    spans.back().end = end;
  };
  std::size_t i = 0;
  while (i < original.size()) {
    const std::size_t at = i;
    const auto byte = static_cast<unsigned char>(original[i]);
    if (byte < 0x80) {
      // ASCII, most of the text: one table lookup.
      const char& letter = kAsciiFold[byte];
      ++i;
      put(letter ? std::string_view(&letter, 1) : std::string_view(), at, i);
      continue;
    }
    const char32_t cp = decode(original, i);
    if (inside_a_word(cp)) {
      // Part of the letter or word around it: it neither adds a letter nor ends the word.
      if (in_word) spans.back().end = i;
      continue;
    }
    put(fold(cp), at, i);
  }
  // Views are taken once the folded buffer no longer grows.
  tokens_.reserve(spans.size());
  for (std::size_t k = 0; k < spans.size(); ++k) {
    const std::size_t stop = k + 1 < spans.size() ? spans[k + 1].folded_begin - 1 : folded_.size();
    tokens_.push_back({std::string_view(folded_).substr(spans[k].folded_begin, stop - spans[k].folded_begin),
                       spans[k].begin, spans[k].end});
  }
}

std::string_view FoldedText::quote(std::size_t first, std::size_t last) const {
  return original_.substr(tokens_[first].begin, tokens_[last].end - tokens_[first].begin);
}

std::string folded_key(std::string_view text) {
  FoldedText folded(text);
  std::string key;
  for (const auto& token : folded.tokens()) key += token.word;
  return key;
}

std::string folded_words(std::string_view text) {
  FoldedText folded(text);
  std::string words;
  for (const auto& token : folded.tokens()) {
    if (!words.empty()) words += ' ';
    words += token.word;
  }
  return words;
}

}  // namespace subsidia::interop
