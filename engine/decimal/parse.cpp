#include <cstdint>

#include "decimal/decimal.hpp"
#include "decimal/internal/wide.hpp"

namespace subsidia::decimal {

using internal::i128;
using internal::kMaxCoefficient;
using internal::u128;

std::string_view parse_error_french(ParseError error) {
  switch (error) {
    case ParseError::Empty:
      return "nombre vide";
    case ParseError::Syntax:
      return "nombre mal écrit (attendu : chiffres avec un point décimal, par exemple 12.50)";
    case ParseError::TooManyDigits:
      return "trop de chiffres significatifs pour un calcul exact (36 au plus)";
    case ParseError::ExponentTooLarge:
      return "exposant trop grand pour un calcul exact (30 décimales au plus)";
    case ParseError::TooManyDecimals:
      return "trop de décimales pour un calcul exact (30 au plus)";
  }
  return "nombre invalide";
}

namespace {
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::optional<Decimal> fail(ParseError* out, ParseError error) {
  if (out) *out = error;
  return std::nullopt;
}
}  // namespace

namespace {

// The form almost every amount and share of a dossier has: at most 19 characters, an optional
// minus, digits with no superfluous leading zero, and an optional point followed by digits; no
// exponent. At most 19 digits, so the coefficient fits 64 bits. Whether `text` has that form,
// and if so its coefficient's magnitude and its count of decimals; anything else goes the
// general way below, which gives the same value for this form (tests/decimal: parse(t) and
// parse(t + "e0"), which cannot take this way, agree on every string tried).
bool parse_short_plain(std::string_view text, std::uint64_t& magnitude, int& decimals) {
  const std::size_t n = text.size();
  if (n == 0 || n > 19) return false;
  std::size_t i = text[0] == '-' ? 1 : 0;
  if (i == n || !is_digit(text[i])) return false;
  if (text[i] == '0' && i + 1 < n && text[i + 1] != '.') return false;  // "01": the general way refuses it
  std::uint64_t value = 0;
  for (; i < n && is_digit(text[i]); ++i) value = value * 10 + static_cast<unsigned>(text[i] - '0');
  int fraction = 0;
  if (i < n) {
    if (text[i] != '.' || i + 1 == n) return false;
    for (++i; i < n; ++i) {
      if (!is_digit(text[i])) return false;
      value = value * 10 + static_cast<unsigned>(text[i] - '0');
      ++fraction;
    }
  }
  magnitude = value;
  decimals = fraction;
  return true;
}

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view text, ParseError* error) {
  if (text.empty()) return fail(error, ParseError::Empty);
  std::uint64_t magnitude = 0;
  int decimals = 0;
  if (parse_short_plain(text, magnitude, decimals)) {
    Decimal result;  // zero, whatever its sign, as below
    if (magnitude != 0) result.coefficient_ = text[0] == '-' ? -static_cast<i128>(magnitude) : static_cast<i128>(magnitude);
    result.scale_ = decimals;
    return result;
  }
  std::size_t i = 0;
  const std::size_t n = text.size();
  bool negative = false;
  if (text[i] == '-') {
    negative = true;
    ++i;
  }
  if (i == n || !is_digit(text[i])) return fail(error, ParseError::Syntax);

  // The first 19 significant digits are gathered in 64 bits (10^19 - 1 < 2^64), the rest in
  // 128: amounts and shares rarely have more, and a 128-bit multiplication a digit was most
  // of reading a number.
  std::uint64_t leading = 0;
  u128 coefficient = 0;
  int significant = 0;  // digits counted from the first non-zero one
  bool too_many = false;
  auto take = [&](char c) {
    const unsigned digit = static_cast<unsigned>(c - '0');
    if (significant == 0 && digit == 0) return;  // leading zeros carry no information
    if (++significant > kMaxDigits) {
      too_many = true;
      return;
    }
    if (significant <= 19) {
      leading = leading * 10 + digit;
      return;
    }
    if (significant == 20) coefficient = leading;
    coefficient = coefficient * 10 + digit;
  };

  // Integer part: "0" alone, or no leading zero.
  if (text[i] == '0') {
    ++i;
    if (i < n && is_digit(text[i])) return fail(error, ParseError::Syntax);
  } else {
    while (i < n && is_digit(text[i])) take(text[i++]);
  }
  long fraction_digits = 0;
  if (i < n && text[i] == '.') {
    ++i;
    if (i == n || !is_digit(text[i])) return fail(error, ParseError::Syntax);
    while (i < n && is_digit(text[i])) {
      take(text[i++]);
      ++fraction_digits;
    }
  }
  long exponent = 0;
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exponent_negative = false;
    if (i < n && (text[i] == '+' || text[i] == '-')) exponent_negative = text[i++] == '-';
    if (i == n || !is_digit(text[i])) return fail(error, ParseError::Syntax);
    while (i < n && is_digit(text[i])) {
      // Saturate: anything beyond a few hundred is out of range anyway.
      if (exponent < 100000) exponent = exponent * 10 + (text[i] - '0');
      ++i;
    }
    if (exponent_negative) exponent = -exponent;
  }
  if (i != n) return fail(error, ParseError::Syntax);
  if (too_many) return fail(error, ParseError::TooManyDigits);
  if (significant <= 19) coefficient = leading;

  long scale = fraction_digits - exponent;
  if (coefficient == 0) {
    // Zero is zero whatever its exponent; keep a sensible scale.
    Decimal zero;
    zero.scale_ = static_cast<int>(scale < 0 ? 0 : (scale > kMaxScale ? kMaxScale : scale));
    return zero;
  }
  if (scale < 0) {
    if (-scale > kMaxDigits) return fail(error, ParseError::ExponentTooLarge);
    const u128 factor = internal::kPow10[-scale];
    if (coefficient > kMaxCoefficient / factor) return fail(error, ParseError::ExponentTooLarge);
    coefficient *= factor;
    scale = 0;
  }
  // Trailing zeros of the fraction may be dropped to fit the scale without changing the value.
  while (scale > kMaxScale && coefficient % 10 == 0) {
    coefficient /= 10;
    --scale;
  }
  // Without an exponent the cause is the decimals written (a 31-decimal share was told it had an
  // exponent too large; review 24).
  if (scale > kMaxScale) return fail(error, exponent == 0 ? ParseError::TooManyDecimals : ParseError::ExponentTooLarge);

  Decimal result;
  result.coefficient_ = negative ? -static_cast<i128>(coefficient) : static_cast<i128>(coefficient);
  result.scale_ = static_cast<int>(scale);
  return result;
}

}  // namespace subsidia::decimal
