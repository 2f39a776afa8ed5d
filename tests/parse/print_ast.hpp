// A readable dump of the AST for tests and golden files: S-expressions, optionally with spans.
#pragma once

#include <string>

#include "parse/ast.hpp"

namespace subsidia::parse::testing {

std::string print(const ast::Expression& e, bool with_spans = false);
std::string print(const ast::RuleFile& file, bool with_spans = false);

// Two trees are equal when they print the same without their spans.
inline bool equal_ignoring_spans(const ast::Expression& a, const ast::Expression& b) { return print(a) == print(b); }
inline bool equal_ignoring_spans(const ast::RuleFile& a, const ast::RuleFile& b) { return print(a) == print(b); }

}  // namespace subsidia::parse::testing
