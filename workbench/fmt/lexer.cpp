#include "fmt/lexer.hpp"

namespace subsidia::workbench::fmt {

namespace {

// One past the closing quote of a plain string opening at `start`, or npos when it does not
// close on its line.
std::size_t plain_from(std::string_view text, std::size_t start) {
  std::size_t i = start + 1;
  while (i < text.size() && text[i] != '\n' && text[i] != '\r') {
    if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] != '\n') {
      i += 2;
      continue;
    }
    if (text[i++] == '"') return i;
  }
  return std::string_view::npos;
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// One past the closing quote of the string opening at `start`, or the end of its line. A
// message's placeholder `{expression}` may hold strings of its own ({x sinon "aucune"}): their
// quotes do not close the message. `{{` is a literal brace. A `{` that does not close on the
// line (a title is a plain string, where braces mean nothing) falls back to the plain reading.
std::size_t string_end(std::string_view text, std::size_t start) {
  auto plain = [&] {
    std::size_t i = start + 1;
    while (i < text.size() && text[i] != '\n' && text[i] != '\r') {
      if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] != '\n') {
        i += 2;
        continue;
      }
      if (text[i++] == '"') break;
    }
    return i;
  };
  std::size_t i = start + 1;
  while (i < text.size() && text[i] != '\n' && text[i] != '\r') {
    const char c = text[i];
    if (c == '\\' && i + 1 < text.size() && text[i + 1] != '\n') {
      i += 2;
    } else if (c == '"') {
      return i + 1;
    } else if (c == '{' && i + 1 < text.size() && text[i + 1] == '{') {
      i += 2;
    } else if (c == '{') {
      // Inside the placeholder: inner strings, until the matching '}'.
      ++i;
      int depth = 1;
      while (i < text.size() && text[i] != '\n' && text[i] != '\r' && depth > 0) {
        if (text[i] == '"') {
          const std::size_t inner = plain_from(text, i);
          if (inner == std::string_view::npos) return plain();
          i = inner;
          continue;
        }
        if (text[i] == '{') ++depth;
        if (text[i] == '}') --depth;
        ++i;
      }
      if (depth > 0) return plain();
    } else {
      ++i;
    }
  }
  return plain();
}

}  // namespace

std::vector<Token> lex(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  std::uint32_t line = 1;
  std::uint32_t newlines = 0;
  bool blank = false;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\n') {
      ++line;
      ++newlines;
      blank = true;
      ++i;
      continue;
    }
    if (is_blank(c)) {
      blank = true;
      ++i;
      continue;
    }
    Token token;
    token.newlines_before = newlines;
    token.blank_before = blank;
    token.line = line;
    const std::size_t start = i;
    if (c == '#') {
      token.kind = TokenKind::Comment;
      while (i < text.size() && text[i] != '\n') ++i;
      // A comment keeps its text but not the blanks (or \r) that end its line.
      std::size_t end = i;
      while (end > start && (is_blank(text[end - 1]))) --end;
      token.text = text.substr(start, end - start);
    } else if (c == '"') {
      token.kind = TokenKind::String;
      i = string_end(text, start);
      token.text = text.substr(start, i - start);
    } else {
      token.kind = TokenKind::Word;
      while (i < text.size() && !is_blank(text[i]) && text[i] != '\n' && text[i] != '#' && text[i] != '"') ++i;
      token.text = text.substr(start, i - start);
    }
    tokens.push_back(token);
    newlines = 0;
    blank = false;
  }
  return tokens;
}

std::string_view string_content(const Token& token) {
  std::string_view t = token.text;
  if (!t.empty() && t.front() == '"') t.remove_prefix(1);
  if (!t.empty() && t.back() == '"' && token.text.size() >= 2) t.remove_suffix(1);
  return t;
}

}  // namespace subsidia::workbench::fmt
