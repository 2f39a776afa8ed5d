// Helpers shared by the decimal translation units: powers of ten and magnitudes as
// unsigned 128-bit integers. Internal to decimal/.
#pragma once

#include <array>

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

// coefficient * 10^shift with overflow detection against kMaxCoefficient.
inline bool scale_up(i128 coefficient, int shift, i128& out) {
  if (shift < 0 || shift > 38) return coefficient == 0 ? (out = 0, true) : false;
  i128 result;
  if (__builtin_mul_overflow(coefficient, static_cast<i128>(kPow10[shift]), &result)) return false;
  if (magnitude(result) > kMaxCoefficient) return false;
  out = result;
  return true;
}

}  // namespace subsidia::decimal::internal
