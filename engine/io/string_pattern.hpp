// The `pattern` of a schema string field, compiled once per reader. Schema patterns are
// anchored sequences of character classes with counts (^[0-9]{2,5}$); those are matched by
// a small byte matcher, because std::regex costs more than the rest of a dossier. Anything
// richer falls back to std::regex (ECMAScript), still compiled once.
#pragma once

#include <memory>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace subsidia::io {

class StringPattern {
 public:
  explicit StringPattern(const std::string& pattern);
  bool matches(std::string_view text) const;
  // Whether some text the pattern accepts begins with `prefix` (true when it cannot tell: a
  // pattern left to std::regex, or one not anchored at its start).
  bool accepts_prefix(std::string_view prefix) const;

 private:
  struct Atom {
    bool accepts[256] = {};
    int min = 1;
    int max = 1;  // -1: unbounded
  };
  bool match_from(std::size_t atom, std::string_view text, std::size_t pos) const;
  bool prefix_from(std::size_t atom, std::string_view text, std::size_t pos) const;

  std::vector<Atom> atoms_;
  bool anchored_start_ = false;
  bool anchored_end_ = false;
  std::unique_ptr<std::regex> fallback_;
};

}  // namespace subsidia::io
