// Shortcuts for parser tests: parse an expression or a file, print it, find its diagnostics.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "diag/diagnostic.hpp"
#include "parse/parser.hpp"
#include "print_ast.hpp"

namespace subsidia::parse::testing {

inline constexpr std::string_view expression_prefix = "définition x = ";

// The value of `définition x = <text>`; fails the test when it does not parse.
inline ast::Expression parse_expression(std::string_view text) {
  const std::string file = std::string(expression_prefix) + std::string(text);
  auto parsed = parse_rules(file, 0);
  EXPECT_TRUE(parsed.ok()) << text << "\n" << (parsed.diagnostics.empty() ? "" : parsed.diagnostics[0].message);
  if (!parsed.ok() || parsed.value->declarations.size() != 1) return {};
  return std::get<ast::DefinitionDecl>(parsed.value->declarations[0]).value;
}

inline std::string printed(std::string_view expression_text) { return print(parse_expression(expression_text)); }

inline std::vector<diag::Diagnostic> errors_of(std::string_view text) {
  auto parsed = parse_rules(text, 0);
  EXPECT_FALSE(parsed.value.has_value()) << text;
  return parsed.diagnostics;
}

// Line and column (1-based, code points) of an offset.
inline diag::LineColumn where(std::string_view text, std::uint32_t offset) {
  return diag::SourceFile("t.regles", std::string(text)).locate(offset);
}

inline std::string_view spanned(std::string_view text, diag::SourceSpan span) {
  return text.substr(span.begin, span.end - span.begin);
}

}  // namespace subsidia::parse::testing
