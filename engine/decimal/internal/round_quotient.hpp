// The one rounding step every operation shares: given |q| = floor(|n| / d) and the
// remainder r, decide whether the magnitude goes up by one under `mode`.
#pragma once

#include "decimal/decimal.hpp"
#include "decimal/internal/wide.hpp"

namespace subsidia::decimal::internal {

// `negative` is the sign of the exact result; returns the rounded magnitude.
u128 round_quotient(bool negative, u128 quotient, u128 remainder, u128 divisor, RoundingMode mode);

}  // namespace subsidia::decimal::internal
