#include "diag/spelling.hpp"

#include <algorithm>

#include "diag/utf8.hpp"

namespace subsidia::diag {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::vector<std::string> nearest_names(std::string_view name, const std::vector<std::string>& candidates,
                                       std::size_t limit) {
  std::vector<std::pair<std::size_t, std::string>> scored;
  const std::size_t near = std::max<std::size_t>(2, name.size() / 3);
  for (const std::string& c : candidates) {
    const std::size_t d = edit_distance(name, c);
    if (d <= near) scored.emplace_back(d, c);
  }
  std::vector<std::string> out;
  if (scored.empty()) {
    for (const std::string& c : candidates) {
      if (out.size() == limit) break;
      out.push_back(c);
    }
    return out;
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  for (auto& [d, c] : scored) {
    if (out.size() == limit) break;
    out.push_back(c);
  }
  return out;
}

std::string did_you_mean(std::string_view written, const std::vector<std::string>& nearest,
                         std::string_view shown_prefix) {
  if (nearest.empty() || written.size() < 3) return {};
  const std::string a = fold_case_and_accents(written);
  const std::string b = fold_case_and_accents(nearest.front());
  const std::size_t d = edit_distance(a, b);
  const bool slip = d == 0 || d <= std::min<std::size_t>(2, a.size() / 3) ||
                    misspelt_name(a, {std::string_view(b)}).has_value();
  if (!slip) return {};
  return " ; vouliez-vous dire « " + std::string(shown_prefix) + nearest.front() + " » ?";
}

namespace {

// The unaccented form of a Latin-1 Supplement or Latin Extended-A letter (U+00C0..U+017F)
// that French writes; empty when the code point is not one.
std::string_view unaccented(char32_t c) {
  switch (c) {
    case U'à': case U'á': case U'â': case U'ã': case U'ä': case U'å':
    case U'À': case U'Á': case U'Â': case U'Ã': case U'Ä': case U'Å': return "a";
    case U'æ': case U'Æ': return "ae";
    case U'ç': case U'Ç': return "c";
    case U'è': case U'é': case U'ê': case U'ë': case U'È': case U'É': case U'Ê': case U'Ë': return "e";
    case U'ì': case U'í': case U'î': case U'ï': case U'Ì': case U'Í': case U'Î': case U'Ï': return "i";
    case U'ñ': case U'Ñ': return "n";
    case U'ò': case U'ó': case U'ô': case U'õ': case U'ö': case U'Ò': case U'Ó': case U'Ô': case U'Õ': case U'Ö': return "o";
    case U'œ': case U'Œ': return "oe";
    case U'ù': case U'ú': case U'û': case U'ü': case U'Ù': case U'Ú': case U'Û': case U'Ü': return "u";
    case U'ý': case U'ÿ': case U'Ý': case U'Ÿ': return "y";
    default: return {};
  }
}

// Swapping two neighbours counts as one edit (Damerau): « delbieration ».
bool one_swap_apart(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  std::size_t first = 0;
  while (first < a.size() && a[first] == b[first]) ++first;
  if (first + 1 >= a.size()) return false;
  if (a[first] != b[first + 1] || a[first + 1] != b[first]) return false;
  return a.substr(first + 2) == b.substr(first + 2);
}

}  // namespace

std::string fold_case_and_accents(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      ++i;
      continue;
    }
    // Two-byte sequences cover U+0080..U+07FF, where every letter folded here lives.
    if ((c & 0xE0) == 0xC0 && i + 1 < text.size()) {
      const char32_t cp = (static_cast<char32_t>(c & 0x1F) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3F);
      const std::string_view plain = unaccented(cp);
      if (!plain.empty()) {
        out += plain;
        i += 2;
        continue;
      }
    }
    out += static_cast<char>(c);
    ++i;
  }
  return out;
}

std::optional<std::string> misspelt_name(std::string_view key, const std::vector<std::string_view>& candidates) {
  if (std::find(candidates.begin(), candidates.end(), key) != candidates.end()) return std::nullopt;
  const std::string folded = fold_case_and_accents(key);
  std::optional<std::string> found;
  int matches = 0;
  for (std::string_view candidate : candidates) {
    const std::string other = fold_case_and_accents(candidate);
    const bool long_enough = folded.size() >= 4 && other.size() >= 4;
    const bool near = folded == other ||
                      (long_enough && (edit_distance(folded, other) == 1 || one_swap_apart(folded, other)));
    if (near) {
      ++matches;
      found = std::string(candidate);
    }
  }
  if (matches != 1) return std::nullopt;
  return found;
}

namespace {

// A key as its words read: case and accents folded, separators between words taken out.
std::string without_separators(std::string_view key) {
  std::string out;
  const std::string folded = fold_case_and_accents(key);
  for (std::size_t i = 0; i < folded.size();) {
    const std::size_t start = i;
    const char32_t c = next_code_point(folded, i);
    // A no-break space from a word processor is a separator too (review 28: « objet » and a
    // no-break space got no suggestion).
    if (c == '_' || c == '-' || c == '.' || c == '\t' || is_unicode_blank(c)) continue;
    out.append(folded, start, i - start);
  }
  return out;
}

}  // namespace

std::vector<std::string> misspelt_names(std::string_view key, const std::vector<std::string_view>& candidates) {
  if (std::find(candidates.begin(), candidates.end(), key) != candidates.end()) return {};
  const std::string words = without_separators(key);
  std::vector<std::string> same, near;
  for (std::string_view candidate : candidates) {
    const std::string other = without_separators(candidate);
    if (words == other) {
      same.emplace_back(candidate);
    } else if (other.size() >= 4 && words.size() >= 3 &&
               (edit_distance(words, other) == 1 || one_swap_apart(words, other))) {
      near.emplace_back(candidate);
    }
  }
  // The same words beat one slip away: `Section` means section, whatever else is near.
  return same.empty() ? near : same;
}

bool may_be_misspelt(std::string_view key, std::string_view missing) {
  const std::string words = without_separators(key), other = without_separators(missing);
  if (words.empty() || other.empty()) return false;
  return words == other || edit_distance(words, other) == 1 || one_swap_apart(words, other);
}

}  // namespace subsidia::diag
