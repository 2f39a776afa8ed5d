// Counts written as French agrees them, in every report, page and message a person reads:
// "1 dossier", "14 dossiers", never "dossier(s)". French takes the singular for 0 and 1.
// Header only: the jaune, the server's pages, the diff, the importers and the commands use it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace subsidia::output {

// Whether a count of `n` takes the plural: 2 and more.
constexpr bool french_plural(std::size_t n) { return n >= 2; }

// `singular` or `plural`, as `n` asks (for the words that agree with a count written earlier).
constexpr std::string_view agreed(std::size_t n, std::string_view singular, std::string_view plural) {
  return french_plural(n) ? plural : singular;
}

// "0 dossier", "1 dossier", "14 dossiers".
inline std::string counted(std::size_t n, std::string_view singular, std::string_view plural) {
  std::string out = std::to_string(n);
  out += ' ';
  out += agreed(n, singular, plural);
  return out;
}

}  // namespace subsidia::output
