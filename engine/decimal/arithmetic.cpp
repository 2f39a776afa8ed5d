#include <algorithm>
#include <cstdint>

#include "decimal/decimal.hpp"
#include "decimal/internal/round_quotient.hpp"
#include "decimal/internal/wide.hpp"

namespace subsidia::decimal {

using internal::i128;
using internal::kMaxCoefficient;
using internal::kPow10;
using internal::magnitude;
using internal::u128;

Decimal Decimal::from_integer(std::int64_t value) {
  Decimal d;
  d.coefficient_ = value;
  return d;
}

std::optional<Decimal> Decimal::from_parts(__int128 coefficient, int scale) {
  if (scale < 0 || scale > kMaxScale || magnitude(coefficient) > kMaxCoefficient) return std::nullopt;
  Decimal d;
  d.coefficient_ = coefficient;
  d.scale_ = scale;
  return d;
}

bool Decimal::is_integer() const { return scale_ == 0 || magnitude(coefficient_) % kPow10[scale_] == 0; }

std::optional<std::int64_t> Decimal::to_int64() const {
  if (!is_integer()) return std::nullopt;
  const i128 whole = coefficient_ / static_cast<i128>(kPow10[scale_]);
  if (whole < INT64_MIN || whole > INT64_MAX) return std::nullopt;
  return static_cast<std::int64_t>(whole);
}

Decimal Decimal::negated() const {
  Decimal d = *this;
  d.coefficient_ = -coefficient_;
  return d;
}

Decimal Decimal::abs() const { return coefficient_ < 0 ? negated() : *this; }

Decimal Decimal::normalized() const {
  Decimal d = *this;
  i128 coefficient = coefficient_;
  if (coefficient == 0) {
    d.scale_ = 0;
    return d;
  }
  while (d.scale_ > 0 && coefficient % 10 == 0) {
    coefficient /= 10;
    --d.scale_;
  }
  d.coefficient_ = coefficient;
  return d;
}

namespace {

// a ± b at the larger scale; the smaller-scale operand is widened, which can overflow.
std::optional<Decimal> add_signed(const Decimal& a, const Decimal& b, bool subtract) {
  const int scale = std::max(a.scale(), b.scale());
  i128 x, y;
  if (!internal::scale_up(a.coefficient(), scale - a.scale(), x) ||
      !internal::scale_up(b.coefficient(), scale - b.scale(), y)) {
    // Trailing zeros may be what makes the scale wide: retry on the normalized values.
    const Decimal na = a.normalized(), nb = b.normalized();
    if (na.scale() == a.scale() && nb.scale() == b.scale()) return std::nullopt;
    return add_signed(na, nb, subtract);
  }
  i128 sum;
  const bool overflow = subtract ? __builtin_sub_overflow(x, y, &sum) : __builtin_add_overflow(x, y, &sum);
  if (!overflow) {
    if (std::optional<Decimal> exact = Decimal::from_parts(sum, scale)) return exact;
  }
  // The sum at this scale has more than 36 digits: trailing zeros of an operand may be what
  // widened it (9999999999999999.99 − 5.97500000000000000000), so retry on the normalized
  // values before giving up.
  const Decimal na = a.normalized(), nb = b.normalized();
  if (na.scale() == a.scale() && nb.scale() == b.scale()) return std::nullopt;
  return add_signed(na, nb, subtract);
}

}  // namespace

std::optional<Decimal> add(const Decimal& a, const Decimal& b) { return add_signed(a, b, false); }
std::optional<Decimal> subtract(const Decimal& a, const Decimal& b) { return add_signed(a, b, true); }

std::optional<Decimal> multiply(const Decimal& a, const Decimal& b) {
  i128 product;
  int scale = a.scale() + b.scale();
  // Two coefficients of 64 bits (a cost in cents times a share): one 64 × 64 → 128-bit
  // multiplication, which cannot overflow (|product| <= 2^126), instead of the checked
  // 128-bit one, a library call.
  bool overflow = false;
  if (internal::fits_int64(a.coefficient()) && internal::fits_int64(b.coefficient())) {
    product = static_cast<i128>(static_cast<std::int64_t>(a.coefficient())) * static_cast<std::int64_t>(b.coefficient());
  } else {
    overflow = __builtin_mul_overflow(a.coefficient(), b.coefficient(), &product);
  }
  if (overflow || magnitude(product) > kMaxCoefficient) {
    const Decimal na = a.normalized(), nb = b.normalized();
    if (na.scale() == a.scale() && nb.scale() == b.scale()) return std::nullopt;
    return multiply(na, nb);
  }
  // Too many decimals is only acceptable when the extra ones are zeros: never round here.
  while (scale > Decimal::kMaxScale && product % 10 == 0) {
    product /= 10;
    --scale;
  }
  if (scale > Decimal::kMaxScale) {
    const Decimal na = a.normalized(), nb = b.normalized();
    if (na.scale() == a.scale() && nb.scale() == b.scale()) return std::nullopt;
    return multiply(na, nb);
  }
  return Decimal::from_parts(product, scale);
}

std::optional<Decimal> divide(const Decimal& a, const Decimal& b, int scale, RoundingMode mode) {
  if (b.is_zero() || scale < 0 || scale > Decimal::kMaxScale) return std::nullopt;
  const bool negative = (a.coefficient() < 0) != (b.coefficient() < 0);
  const u128 n = magnitude(a.coefficient());
  const u128 d = magnitude(b.coefficient());
  // result coefficient = n * 10^k / d, with k = scale + scale_b - scale_a
  const int k = scale + b.scale() - a.scale();
  u128 quotient, remainder, divisor;
  if (k >= 0) {
    // Long division, one decimal at a time: r < d <= 10^36 so r * 10 never overflows.
    divisor = d;
    quotient = n / d;
    remainder = n % d;
    for (int i = 0; i < k; ++i) {
      const u128 r10 = remainder * 10;
      quotient = quotient * 10 + r10 / d;
      remainder = r10 % d;
      if (quotient > kMaxCoefficient) return std::nullopt;
    }
  } else {
    const int shift = -k;  // at most 30 + 30
    if (shift > 38 || d > (~u128(0) >> 1) / kPow10[shift]) {
      // The divisor is beyond any numerator: the quotient is 0 and less than a half.
      quotient = 0;
      remainder = n;
      divisor = ~u128(0) >> 1;
    } else {
      divisor = d * kPow10[shift];
      quotient = n / divisor;
      remainder = n % divisor;
    }
  }
  const u128 rounded = internal::round_quotient(negative, quotient, remainder, divisor, mode);
  if (rounded > kMaxCoefficient) return std::nullopt;
  return Decimal::from_parts(negative ? -static_cast<i128>(rounded) : static_cast<i128>(rounded), scale);
}

std::strong_ordering Decimal::compare_across_scales(const Decimal& a, const Decimal& b) {
  // (The same scale is settled inline, decimal.hpp.) Two coefficients of 64 bits or less and
  // scales at most 18 apart: the smaller scale widened, which stays under 2^63 * 10^18 < 2^124,
  // no overflow. That spares the 128-bit divisions of the general case, which were a third of
  // the comparison's cost in an evaluation.
  if (a.scale() == b.scale()) return a.coefficient() <=> b.coefficient();
  constexpr i128 kSmall = i128{1} << 63;
  const int gap = a.scale() - b.scale();
  if (gap >= -18 && gap <= 18 && a.coefficient() > -kSmall && a.coefficient() < kSmall &&
      b.coefficient() > -kSmall && b.coefficient() < kSmall) {
    if (gap > 0) return a.coefficient() <=> b.coefficient() * static_cast<i128>(kPow10[gap]);
    return a.coefficient() * static_cast<i128>(kPow10[-gap]) <=> b.coefficient();
  }
  // Integer parts first, then fractions widened to kMaxScale: neither step can overflow,
  // whatever the two scales.
  const i128 pa = static_cast<i128>(kPow10[a.scale()]), pb = static_cast<i128>(kPow10[b.scale()]);
  const i128 ia = a.coefficient() / pa, ib = b.coefficient() / pb;
  if (ia != ib) return ia <=> ib;
  const i128 fa = (a.coefficient() % pa) * static_cast<i128>(kPow10[Decimal::kMaxScale - a.scale()]);
  const i128 fb = (b.coefficient() % pb) * static_cast<i128>(kPow10[Decimal::kMaxScale - b.scale()]);
  return fa <=> fb;
}

}  // namespace subsidia::decimal
