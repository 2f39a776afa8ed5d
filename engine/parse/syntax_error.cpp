#include "parse/syntax_error.hpp"

#include <algorithm>
#include <array>

#include "parse/keywords.hpp"

namespace subsidia::parse {

namespace {

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
}

// Cuts at most `limit` bytes without splitting a UTF-8 sequence.
std::string_view clip(std::string_view s, std::size_t limit) {
  if (s.size() <= limit) return s;
  std::size_t n = limit;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

// The word, string or character that starts at `offset`, as the person wrote it.
std::string_view offending_text(std::string_view text, std::size_t offset) {
  const std::string_view rest = text.substr(offset);
  const auto c = static_cast<unsigned char>(rest[0]);
  std::size_t n = 1;
  if (c == '"') {
    while (n < rest.size() && rest[n] != '"' && rest[n] != '\n' && rest[n] != '\r') ++n;
    if (n < rest.size() && rest[n] == '"') ++n;
  } else if (is_word_byte(c)) {
    while (n < rest.size() && is_word_byte(static_cast<unsigned char>(rest[n]))) ++n;
  } else if (c >= 0x80) {
    while (n < rest.size() && (static_cast<unsigned char>(rest[n]) & 0xC0) == 0x80) ++n;
  }
  return clip(rest.substr(0, n), 40);
}

constexpr std::array<Keyword, 5> declaration_keywords{kw::rule, kw::source, kw::table, kw::definition, kw::import_};

bool starts_declaration(std::string_view line) {
  for (const Keyword& k : declaration_keywords) {
    std::string_view rest = k.spellings;
    while (!rest.empty()) {
      const std::size_t bar = rest.find('|');
      const std::string_view spelling = rest.substr(0, bar);
      rest = bar == std::string_view::npos ? std::string_view{} : rest.substr(bar + 1);
      if (line.substr(0, spelling.size()) == spelling &&
          (line.size() == spelling.size() || !is_word_byte(static_cast<unsigned char>(line[spelling.size()])))) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

diag::Diagnostic syntax_error(std::string_view text, diag::FileId file, std::uint32_t offset, std::string expected,
                              std::uint32_t string_open) {
  if (expected == "un guillemet fermant" && offset < text.size() && (text[offset] == '\n' || text[offset] == '\r')) {
    return {diag::Code::UnterminatedString, {file, string_open, offset}, "chaîne non terminée", std::move(expected)};
  }
  // An expectation fails before its parser skips blanks: point at the text, not at the blank.
  while (offset < text.size()) {
    const char c = text[offset];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      ++offset;
    } else if (c == '#') {
      while (offset < text.size() && text[offset] != '\n') ++offset;
    } else {
      break;
    }
  }
  if (offset >= text.size()) {
    const auto end = static_cast<std::uint32_t>(text.size());
    if (expected == "un guillemet fermant") {
      return {diag::Code::UnterminatedString, {file, string_open, end}, "chaîne non terminée", std::move(expected)};
    }
    return {diag::Code::SyntaxError, {file, end, end}, "fin du fichier inattendue", std::move(expected)};
  }
  const std::string_view found = offending_text(text, offset);
  return {diag::Code::SyntaxError,
          {file, offset, static_cast<std::uint32_t>(offset + found.size())},
          "texte inattendu « " + std::string(found) + " »",
          std::move(expected)};
}

std::uint32_t next_declaration_start(std::string_view text, std::uint32_t from) {
  std::size_t p = from;
  if (p > 0 && p <= text.size() && text[p - 1] != '\n') {
    const std::size_t nl = text.find('\n', p);
    p = nl == std::string_view::npos ? text.size() : nl + 1;
  }
  while (p < text.size()) {
    if (starts_declaration(text.substr(p))) return static_cast<std::uint32_t>(p);
    const std::size_t nl = text.find('\n', p);
    if (nl == std::string_view::npos) break;
    p = nl + 1;
  }
  return static_cast<std::uint32_t>(text.size());
}

}  // namespace subsidia::parse
