// The types the grammar is instantiated with: iterator, skipper, context (internal to parse/).
//
// The context carries a ParseState through x3::with so that primitive parsers can turn
// iterators into file offsets and record diagnostics that are not syntax errors (invalid
// dates, repeated clauses) without stopping the parse.
#pragma once

#include <cstdint>
#include <vector>

#include <boost/spirit/home/x3.hpp>

#include "diag/diagnostic.hpp"

namespace subsidia::parse {

namespace x3 = boost::spirit::x3;

using iterator_type = const char*;

struct ParseState {
  const char* begin = nullptr;  // first byte of the file
  diag::FileId file = 0;
  std::vector<diag::Diagnostic> diagnostics;
  const char* string_open = nullptr;  // opening quote of the string being read, for "unterminated"
  int depth = 0;                      // expression nesting, bounded so that deep input cannot blow the stack
  int operators = 0;                  // binary operators folded into the current top-level expression, bounded too
  const char* failed_at = nullptr;    // where the last expectation failed, to resume after it

  std::uint32_t offset(const char* it) const { return static_cast<std::uint32_t>(it - begin); }
  diag::SourceSpan span(const char* first, const char* last) const { return {file, offset(first), offset(last)}; }
};

struct state_tag;

template <class Context>
ParseState& state_of(const Context& context) {
  return x3::get<state_tag>(context);
}

// Blanks, line ends and `#` comments. Hand-written: byte tests only, so that UTF-8 bytes never
// reach the <cctype> classifiers.
struct Skipper : x3::parser<Skipper> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;

  template <class Iterator, class Context, class RContext, class Attribute>
  bool parse(Iterator& first, const Iterator& last, const Context&, RContext&, Attribute&) const {
    const Iterator start = first;
    while (first != last) {
      const char c = *first;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        ++first;
      } else if (c == '#') {
        while (first != last && *first != '\n') ++first;
      } else {
        break;
      }
    }
    return first != start;
  }
};

inline constexpr Skipper skipper{};

using phrase_context_type = x3::phrase_parse_context<Skipper>::type;
using context_type = x3::context<state_tag, ParseState, phrase_context_type>;

// Bounds the nesting of expressions; beyond it the file is refused rather than recursed into.
inline constexpr int max_depth = 48;
// Bounds the binary operators of one top-level expression: `a + b + c ...` nests no parser
// but folds into a tree as deep as the chain is long, which the checker, the plan and the
// destructors then recurse into (10 000 terms crashed `subsidia check`). A real rule has a
// few dozen; the tree is at most max_depth + max_operators deep.
inline constexpr int max_operators = 256;

}  // namespace subsidia::parse
