// The grammar's entry rule, declared for grammar.cpp (internal to parse/; includes Spirit).
//
// One rule is exported: a single top-level declaration. grammar.cpp calls it in a loop so that
// after a syntax error it can skip to the next declaration and report several errors at once.
#pragma once

#include "parse/ast.hpp"
#include "parse/config.hpp"

namespace subsidia::parse::grammar {

// Turns an expectation failure into a diagnostic and fails the declaration.
struct declaration_class;
using declaration_type = x3::rule<declaration_class, ast::Declaration>;
BOOST_SPIRIT_DECLARE(declaration_type)

const declaration_type& declaration();

}  // namespace subsidia::parse::grammar
