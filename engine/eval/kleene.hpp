// Three-valued logic (Kleene): a fact the dossier does not give is unknown, never false.
// The tables live here and nowhere else; the evaluator merges the missing paths of the
// unknown operands that decide a result (false et inconnu = false drops them).
#pragma once

#include <cstdint>

namespace subsidia::eval {

enum class Truth : std::uint8_t { False, True, Unknown };

constexpr Truth kleene_not(Truth a) {
  return a == Truth::True ? Truth::False : a == Truth::False ? Truth::True : Truth::Unknown;
}

//            b: False    True     Unknown
// a False     False      False    False
// a True      False      True     Unknown
// a Unknown   False      Unknown  Unknown
constexpr Truth kleene_and(Truth a, Truth b) {
  if (a == Truth::False || b == Truth::False) return Truth::False;
  if (a == Truth::True && b == Truth::True) return Truth::True;
  return Truth::Unknown;
}

//            b: False    True     Unknown
// a False     False      True     Unknown
// a True      True       True     True
// a Unknown   Unknown    True     Unknown
constexpr Truth kleene_or(Truth a, Truth b) {
  if (a == Truth::True || b == Truth::True) return Truth::True;
  if (a == Truth::False && b == Truth::False) return Truth::False;
  return Truth::Unknown;
}

// Which operands' missing paths an unknown result carries: those that are unknown
// (a decided result carries none).
constexpr bool kleene_keeps_missing(Truth result, Truth operand) {
  return result == Truth::Unknown && operand == Truth::Unknown;
}

}  // namespace subsidia::eval
