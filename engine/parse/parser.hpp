// The only public header of parse/: rule file text -> AST, with every syntax error.
#pragma once

#include <string_view>

#include "diag/diagnostic.hpp"
#include "parse/ast.hpp"

namespace subsidia::parse {

// Parses one rule file. On a syntax error the value is empty and the diagnostics say where
// (file id + byte offsets) and what was expected, in French. Never throws on bad input.
diag::Checked<ast::RuleFile> parse_rules(std::string_view text, diag::FileId file);

}  // namespace subsidia::parse
