// Helpers shared by the decimal translation units: powers of ten and magnitudes as
// unsigned 128-bit integers. Internal to decimal/.
#pragma once

#include <array>
#include <cstdint>

namespace subsidia::decimal::internal {

using u128 = unsigned __int128;
using i128 = __int128;

constexpr std::array<u128, 39> make_powers() {
  std::array<u128, 39> p{};
  p[0] = 1;
  for (std::size_t i = 1; i < p.size(); ++i) p[i] = p[i - 1] * 10;
  return p;
}
// 10^0 .. 10^38 (10^38 < 2^127).
inline constexpr std::array<u128, 39> kPow10 = make_powers();

// Largest coefficient magnitude: 36 nines.
inline constexpr u128 kMaxCoefficient = kPow10[36] - 1;

inline u128 magnitude(i128 v) { return v < 0 ? u128(0) - u128(v) : u128(v); }

// Whether a coefficient fits in 64 signed bits: then products and quotients can take the
// processor's own 64-bit instructions instead of 128-bit library calls.
inline bool fits_int64(i128 v) { return v >= INT64_MIN && v <= INT64_MAX; }

// coefficient * 10^shift with overflow detection against kMaxCoefficient.
inline bool scale_up(i128 coefficient, int shift, i128& out) {
  // No shift, the case of two amounts at the same scale: the coefficient is already within
  // kMaxCoefficient, and the checked 128-bit multiplication by 1 is a library call.
  if (shift == 0) {
    out = coefficient;
    return true;
  }
  if (shift < 0 || shift > 38) return coefficient == 0 ? (out = 0, true) : false;
  i128 result;
  if (__builtin_mul_overflow(coefficient, static_cast<i128>(kPow10[shift]), &result)) return false;
  if (magnitude(result) > kMaxCoefficient) return false;
  out = result;
  return true;
}

}  // namespace subsidia::decimal::internal
