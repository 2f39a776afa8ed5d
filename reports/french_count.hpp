// Counts written as French agrees them, for reports pasted into a budget annex: "1 dossier",
// "14 dossiers", never "dossier(s)". French takes the singular for 0 and 1.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace subsidia::reports {

// Whether a count of `n` takes the plural: 2 and more.
constexpr bool french_plural(std::size_t n) { return n >= 2; }

// "0 dossier", "1 dossier", "14 dossiers".
std::string counted(std::size_t n, std::string_view singular, std::string_view plural);

// `singular` or `plural`, as `n` asks (for the words that agree with a count written earlier).
constexpr std::string_view agreed(std::size_t n, std::string_view singular, std::string_view plural) {
  return french_plural(n) ? plural : singular;
}

}  // namespace subsidia::reports
