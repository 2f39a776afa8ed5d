#include <algorithm>

#include "decimal/decimal.hpp"
#include "decimal/internal/wide.hpp"

namespace subsidia::decimal {

namespace {

// Decimal digits of a magnitude, most significant first, at least `min_digits` long.
std::string digits_of(internal::u128 value, int min_digits) {
  char buffer[48];
  int length = 0;
  do {
    buffer[length++] = static_cast<char>('0' + static_cast<int>(value % 10));
    value /= 10;
  } while (value != 0);
  while (length < min_digits) buffer[length++] = '0';
  std::string out(buffer, static_cast<std::size_t>(length));
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace

std::string Decimal::to_string() const {
  std::string digits = digits_of(internal::magnitude(coefficient_), scale_ + 1);
  if (scale_ > 0) digits.insert(digits.size() - static_cast<std::size_t>(scale_), 1, '.');
  if (coefficient_ < 0) digits.insert(digits.begin(), '-');
  return digits;
}

std::string Decimal::to_fixed(int digits) const {
  if (digits < 0) digits = 0;
  if (digits > kMaxScale) digits = kMaxScale;
  Decimal value = *this;
  if (scale_ > digits) {
    // Rounding a 36-digit value up can overflow; keep every digit rather than print nonsense.
    if (auto rounded = round(digits, RoundingMode::HalfAwayFromZero)) value = *rounded;
  }
  std::string text = value.to_string();
  if (value.scale_ < digits) {
    if (value.scale_ == 0) text.push_back('.');
    text.append(static_cast<std::size_t>(digits - value.scale_), '0');
  }
  // "-0.00" after rounding -0.001 reads as a negative amount: print it without sign.
  if (text.front() == '-' && text.find_first_not_of("-0.") == std::string::npos) text.erase(0, 1);
  return text;
}

std::string Decimal::to_french(int digits) const {
  static constexpr std::string_view kNarrowNoBreakSpace = "\xE2\x80\xAF";
  const std::string fixed = to_fixed(digits);
  const bool negative = fixed.front() == '-';
  const std::size_t begin = negative ? 1 : 0;
  const std::size_t point = fixed.find('.');
  const std::size_t end = point == std::string::npos ? fixed.size() : point;
  std::string out;
  out.reserve(fixed.size() + 3 * (end - begin) / 3 + 2);
  if (negative) out.push_back('-');
  for (std::size_t i = begin; i < end; ++i) {
    if (i > begin && (end - i) % 3 == 0) out.append(kNarrowNoBreakSpace);
    out.push_back(fixed[i]);
  }
  if (point != std::string::npos) {
    out.push_back(',');
    out.append(fixed, point + 1, std::string::npos);
  }
  return out;
}

}  // namespace subsidia::decimal
