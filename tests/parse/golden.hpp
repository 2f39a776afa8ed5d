// What a golden file holds for a rule file: its AST with spans, or its formatted diagnostics.
#pragma once

#include <string>

#include "diag/diagnostic.hpp"
#include "parse/parser.hpp"
#include "print_ast.hpp"

namespace subsidia::parse::testing {

inline std::string golden_output(const std::string& name, const std::string& text) {
  diag::SourceSet sources;
  const std::string base = name.substr(name.find_last_of('/') + 1);
  const diag::FileId id = sources.add(base, text);
  const auto parsed = parse_rules(text, id);
  if (parsed.value) return print(*parsed.value, true);
  return diag::format_diagnostics(sources, parsed.diagnostics);
}

}  // namespace subsidia::parse::testing
