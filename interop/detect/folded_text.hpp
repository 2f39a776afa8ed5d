// Text folded for matching words whatever their case and accents: "Coopération Décentralisée
// (Sénégal)" -> tokens "cooperation", "decentralisee", "senegal", each with the span of the
// original text it came from, so that a clue can be quoted as written.
//
// Folding: lower case; the Latin-1 and Latin Extended-A letters French and its neighbours use
// lose their accents (é -> e, ç -> c, œ -> oe, æ -> ae, ß -> ss); every other character
// (spaces, punctuation, apostrophes, hyphens, other scripts) separates words. Combining accents
// (Unicode NFD), the soft hyphen and zero-width characters are part of the word they are in.
// Letters and digits stay one word ("D2017"): draft ids are made of these words and must not
// change from one version to the next, so "JUMELAGE2017" is no clue.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace subsidia::interop {

struct FoldedToken {
  std::string_view word;      // into FoldedText::folded
  std::size_t begin = 0, end = 0;  // byte span in the original text
};

class FoldedText {
 public:
  FoldedText() = default;
  explicit FoldedText(std::string_view original) { assign(original); }
  // Reuses the buffers (one FoldedText per thread, many texts).
  void assign(std::string_view original);

  const std::vector<FoldedToken>& tokens() const { return tokens_; }
  std::string_view original() const { return original_; }
  // The original text from token `first` to token `last` included.
  std::string_view quote(std::size_t first, std::size_t last) const;

 private:
  struct Span {
    std::size_t folded_begin, begin, end;
  };
  std::string_view original_;
  std::string folded_;
  std::vector<FoldedToken> tokens_;
  std::vector<Span> spans_;
};

// The folded words joined without separators: "Notification à la commission Européenne" ->
// "notificationalacommissioneuropeenne" (how column names are compared).
std::string folded_key(std::string_view text);

// The folded words joined by single spaces: "Côte d'Ivoire" -> "cote d ivoire".
std::string folded_words(std::string_view text);

}  // namespace subsidia::interop
