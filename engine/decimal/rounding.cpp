#include <cstdint>

#include "decimal/decimal.hpp"
#include "decimal/internal/round_quotient.hpp"

namespace subsidia::decimal {

using internal::i128;
using internal::u128;

std::string_view rounding_mode_french(RoundingMode mode) {
  switch (mode) {
    case RoundingMode::HalfAwayFromZero:
      return "au plus proche, demi-centime arrondi à l'unité supérieure en valeur absolue";
    case RoundingMode::HalfEven:
      return "au plus proche, demi-centime arrondi au chiffre pair (arrondi bancaire)";
    case RoundingMode::TowardZero:
      return "par troncature (vers zéro)";
    case RoundingMode::Up:
      return "par excès (vers plus l'infini)";
    case RoundingMode::Down:
      return "par défaut (vers moins l'infini)";
  }
  return "mode d'arrondi inconnu";
}

namespace internal {

u128 round_quotient(bool negative, u128 quotient, u128 remainder, u128 divisor, RoundingMode mode) {
  if (remainder == 0) return quotient;
  // Compare r with d - r rather than 2r with d: 2r could overflow when d is near 2^127.
  const u128 rest = divisor - remainder;
  switch (mode) {
    case RoundingMode::HalfAwayFromZero:
      return remainder >= rest ? quotient + 1 : quotient;
    case RoundingMode::HalfEven:
      if (remainder > rest) return quotient + 1;
      if (remainder == rest) return (quotient & 1) ? quotient + 1 : quotient;
      return quotient;
    case RoundingMode::TowardZero:
      return quotient;
    case RoundingMode::Up:
      return negative ? quotient : quotient + 1;
    case RoundingMode::Down:
      return negative ? quotient + 1 : quotient;
  }
  return quotient;
}

}  // namespace internal

std::optional<Decimal> Decimal::round(int digits, RoundingMode mode) const {
  if (digits < 0) return std::nullopt;
  if (digits >= scale_) return *this;  // never widens
  const u128 divisor = internal::kPow10[scale_ - digits];
  const u128 mag = internal::magnitude(coefficient_);
  // Both within 64 bits (an amount rounded to the cent): the processor's division, not the
  // 128-bit library one.
  u128 quotient, remainder;
  if (mag <= UINT64_MAX && divisor <= UINT64_MAX) {
    const std::uint64_t m = static_cast<std::uint64_t>(mag), d = static_cast<std::uint64_t>(divisor);
    quotient = m / d;
    remainder = m % d;
  } else {
    quotient = mag / divisor;
    remainder = mag % divisor;
  }
  const u128 rounded = internal::round_quotient(coefficient_ < 0, quotient, remainder, divisor, mode);
  if (rounded > internal::kMaxCoefficient) return std::nullopt;
  const i128 signed_value = coefficient_ < 0 ? -static_cast<i128>(rounded) : static_cast<i128>(rounded);
  return from_parts(signed_value, digits);
}

}  // namespace subsidia::decimal
