// The tokens `subsidia fmt` lays out. The parser drops comments and blanks; the formatter must
// keep the comments where they are, so it reads the file again with this small lexer, which
// knows only what the language's skipper knows (parse/config.hpp): blanks and line ends
// separate tokens, `#` starts a comment to the end of the line, `"…"` is a string that ends on
// its line (escapes \" \\ \n). Everything else is a word: a run of other bytes ("règle",
// "montant", ">=", "f(", "2000-01-01"). Blanks between two tokens never change the meaning of
// a valid file, and a string or a comment is never cut, so moving line breaks and blanks
// between tokens is the formatter's whole freedom.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace subsidia::workbench::fmt {

enum class TokenKind : std::uint8_t { Word, String, Comment };

struct Token {
  TokenKind kind = TokenKind::Word;
  std::string_view text;          // as written; a string with its quotes, a comment with its '#'
  std::uint32_t newlines_before = 0;  // line ends between the previous token and this one
  bool blank_before = false;      // blanks or line ends between the previous token and this one
  std::uint32_t line = 1;         // 1-based, of the first byte
};

// Never fails: an unterminated string runs to the end of its line (the parser, not the
// lexer, refuses such a file).
std::vector<Token> lex(std::string_view text);

// A string token's content between its quotes, escapes left as written.
std::string_view string_content(const Token& token);

}  // namespace subsidia::workbench::fmt
