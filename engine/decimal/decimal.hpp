// Exact decimal numbers for amounts and shares: a 128-bit integer coefficient and a
// decimal scale (value = coefficient / 10^scale). Never a binary floating point.
//
// Every operation that could lose a digit says so: arithmetic returns std::nullopt on
// overflow, parsing refuses more digits than the type holds, and rounding only happens in
// round(), with an explicit mode. 0.1 + 0.2 + 0.7 == 1 holds.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace subsidia::decimal {

enum class RoundingMode {
  HalfAwayFromZero,  // default of the rule base: 6172.835 -> 6172.84, -0.005 -> -0.01
  HalfEven,          // banker's rounding
  TowardZero,        // truncation
  Up,                // toward +infinity
  Down,              // toward -infinity
};

// "au plus proche, demi-centime arrondi à l'unité supérieure en valeur absolue", ...
std::string_view rounding_mode_french(RoundingMode mode);

enum class ParseError {
  Empty,
  Syntax,            // not a JSON number / plain decimal ("12,50", "1.", "+1", "0x10", " 1")
  TooManyDigits,     // more significant digits than the coefficient holds (36)
  ExponentTooLarge,  // 1e400, or an exponent that would need a scale beyond kMaxScale
  TooManyDecimals,   // no exponent, more decimals than kMaxScale (31 significant decimals)
};
std::string_view parse_error_french(ParseError error);

class Decimal {
 public:
  static constexpr int kMaxScale = 30;   // digits after the point
  static constexpr int kMaxDigits = 36;  // significant digits of the coefficient

  constexpr Decimal() = default;  // zero
  static Decimal from_integer(std::int64_t value);
  // coefficient / 10^scale; scale in [0, kMaxScale]
  static std::optional<Decimal> from_parts(__int128 coefficient, int scale);

  // A JSON number literal (RFC 8259 grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?)
  // read from its text. Exponents are applied exactly ("1e2" is 100, "1.5e-3" is 0.0015);
  // trailing zeros are kept in the scale ("5000.00" has scale 2) but never change a
  // comparison.
  static std::optional<Decimal> parse(std::string_view text, ParseError* error = nullptr);

  __int128 coefficient() const { return coefficient_; }
  int scale() const { return scale_; }
  bool is_zero() const { return coefficient_ == 0; }
  bool is_negative() const { return coefficient_ < 0; }
  bool is_integer() const;  // no non-zero digit after the point
  std::optional<std::int64_t> to_int64() const;  // when is_integer() and it fits

  // Exact; std::nullopt when the result does not fit (kMaxDigits / kMaxScale).
  friend std::optional<Decimal> add(const Decimal& a, const Decimal& b);
  friend std::optional<Decimal> subtract(const Decimal& a, const Decimal& b);
  friend std::optional<Decimal> multiply(const Decimal& a, const Decimal& b);
  // a / b rounded to `scale` digits with `mode`; std::nullopt on b == 0 or overflow.
  friend std::optional<Decimal> divide(const Decimal& a, const Decimal& b, int scale, RoundingMode mode);
  Decimal negated() const;
  Decimal abs() const;

  // Rounds to `digits` after the point (0.01 -> digits = 2). Never widens the scale.
  std::optional<Decimal> round(int digits, RoundingMode mode) const;
  // Same value, without trailing zeros after the point ("5000.00" -> "5000").
  Decimal normalized() const;

  // Exact comparison of values: 5000 == 5000.00. The same scale (most comparisons: amounts
  // with amounts) compares the coefficients alone, inline where it is called: the evaluator
  // compares some 25 numbers a dossier.
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
    if (a.scale_ == b.scale_) return static_cast<__int128>(a.coefficient_) <=> static_cast<__int128>(b.coefficient_);
    return compare_across_scales(a, b);
  }
  friend bool operator==(const Decimal& a, const Decimal& b) { return (a <=> b) == 0; }

  // As stored: "5000.00", "-0.5", "0.33333333333333331".
  std::string to_string() const;
  // With exactly `digits` decimals, rounding half away from zero if it must cut: "5000.00".
  std::string to_fixed(int digits) const;
  // French display: thousands separated by a narrow no-break space (U+202F), decimal comma,
  // exactly `digits` decimals: "46 190 000,00".
  std::string to_french(int digits) const;

 private:
  // The 128-bit coefficient kept as two 64-bit halves: aligned on 8 rather than 16 bytes, a
  // Decimal is 24 bytes instead of 32, and so is every value that holds one (the evaluator
  // copies its values at every node; the reader holds one in each field of a dossier).
  struct Coefficient {
    std::uint64_t low = 0;
    std::int64_t high = 0;
    constexpr Coefficient() = default;
    constexpr Coefficient(__int128 value)  // NOLINT: implicit, as the __int128 it stands for
        : low(static_cast<std::uint64_t>(value)), high(static_cast<std::int64_t>(value >> 64)) {}
    constexpr operator __int128() const {  // NOLINT
      return static_cast<__int128>(static_cast<unsigned __int128>(static_cast<std::uint64_t>(high)) << 64 | low);
    }
  };
  Coefficient coefficient_;
  int scale_ = 0;

  // operator<=> of two different scales (arithmetic.cpp).
  static std::strong_ordering compare_across_scales(const Decimal& a, const Decimal& b);
};

// Namespace-scope declarations of the friends above, so that decimal::add(a, b) also works
// by qualified name (a friend declared only in the class is found by argument lookup alone).
std::optional<Decimal> add(const Decimal& a, const Decimal& b);
std::optional<Decimal> subtract(const Decimal& a, const Decimal& b);
std::optional<Decimal> multiply(const Decimal& a, const Decimal& b);
std::optional<Decimal> divide(const Decimal& a, const Decimal& b, int scale, RoundingMode mode);
std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);

}  // namespace subsidia::decimal
