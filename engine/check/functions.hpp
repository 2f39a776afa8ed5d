// The built-in functions of the rule language, as one declarative table: name, operation,
// what each argument must be, what the result is. The checker reads it (check/calls.cpp);
// the DSL reference (docs/dsl.md) lists the same functions. `arrondi` is apart: its first
// argument may be a division and its optional third one a rounding mode (calls.cpp).
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include "model/expression.hpp"

namespace subsidia::check {

enum class ArgumentKind { Text, Integer, Numeric, NumericOrDate, Date };
enum class ResultKind {
  Text,
  Integer,
  LikeFirst,    // the type of the first argument (abs: a money stays money)
  MergedFirst,  // the type both arguments merge into (min, max)
};

struct FunctionSignature {
  std::string_view name;
  model::Op op;
  std::size_t arity;
  std::array<ArgumentKind, 2> arguments;
  ResultKind result;
  std::string_view expected;  // French, for the error message
};

inline constexpr std::array<FunctionSignature, 8> kFunctions = {{
    {"debut", model::Op::Start, 2, {ArgumentKind::Text, ArgumentKind::Integer}, ResultKind::Text, "(texte, entier)"},
    {"fin", model::Op::End, 2, {ArgumentKind::Text, ArgumentKind::Integer}, ResultKind::Text, "(texte, entier)"},
    {"longueur", model::Op::Length, 1, {ArgumentKind::Text, ArgumentKind::Text}, ResultKind::Integer, "un texte"},
    {"sans_blancs", model::Op::Trim, 1, {ArgumentKind::Text, ArgumentKind::Text}, ResultKind::Text, "un texte"},
    {"abs", model::Op::Abs, 1, {ArgumentKind::Numeric, ArgumentKind::Numeric}, ResultKind::LikeFirst,
     "un nombre ou un montant"},
    {"annee", model::Op::Year, 1, {ArgumentKind::Date, ArgumentKind::Date}, ResultKind::Integer, "une date"},
    {"min", model::Op::Min2, 2, {ArgumentKind::NumericOrDate, ArgumentKind::NumericOrDate}, ResultKind::MergedFirst,
     "deux nombres, deux montants ou deux dates"},
    {"max", model::Op::Max2, 2, {ArgumentKind::NumericOrDate, ArgumentKind::NumericOrDate}, ResultKind::MergedFirst,
     "deux nombres, deux montants ou deux dates"},
}};

// "arrondi, selon, debut, …": for "fonction inconnue" messages. `selon` is apart too (calls.cpp):
// its first argument is a condition and the other two may be of any one type.
inline std::string_view function_names() {
  return "arrondi, selon, debut, fin, longueur, sans_blancs, abs, annee, min, max";
}

}  // namespace subsidia::check
