#include "fmt/same_meaning.hpp"

#include <string>
#include <utility>
#include <vector>

#include "fmt/lexer.hpp"

namespace subsidia::workbench::fmt {

namespace {

struct Reading {
  std::vector<std::pair<TokenKind, std::string>> code;  // words, and joined string runs
  std::vector<std::string_view> comments;
};

Reading read(std::string_view text) {
  Reading r;
  bool in_strings = false;
  for (const Token& t : lex(text)) {
    if (t.kind == TokenKind::Comment) {
      r.comments.push_back(t.text);
      continue;  // a comment does not end a run of strings for the parser
    }
    if (t.kind == TokenKind::String) {
      if (!in_strings) r.code.emplace_back(TokenKind::String, std::string());
      r.code.back().second += string_content(t);
      in_strings = true;
      continue;
    }
    in_strings = false;
    r.code.emplace_back(TokenKind::Word, std::string(t.text));
  }
  return r;
}

}  // namespace

std::string code_signature(std::string_view text) {
  std::string out;
  for (const auto& [kind, value] : read(text).code) {
    out += kind == TokenKind::String ? '"' : 'w';
    out += value;
    out += '\x1f';
  }
  return out;
}

bool same_meaning(std::string_view original, std::string_view formatted) {
  const Reading a = read(original), b = read(formatted);
  return a.code == b.code && a.comments == b.comments;
}

}  // namespace subsidia::workbench::fmt
