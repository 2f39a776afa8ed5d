#include "reports/amount_format.hpp"

#include <stdexcept>

namespace subsidia::reports {

namespace {

decimal::Decimal millions(const decimal::Decimal& euros) {
  // Shifting the decimal point is exact; only the later round() can lose digits.
  auto shifted = decimal::Decimal::from_parts(euros.coefficient(), euros.scale() + 6);
  if (shifted) return *shifted;
  // Scale already at its maximum: divide, which rounds to the 3 digits we keep anyway.
  auto divided = divide(euros, decimal::Decimal::from_integer(1'000'000), 3, decimal::RoundingMode::HalfAwayFromZero);
  if (!divided) throw std::logic_error("montant impossible à convertir en M€");
  return *divided;
}

}  // namespace

std::string meur_digits(const decimal::Decimal& euros) {
  auto rounded = millions(euros).round(3, decimal::RoundingMode::HalfAwayFromZero);
  if (!rounded) throw std::logic_error("arrondi M€ impossible");
  return rounded->to_french(3);
}

std::string format_meur(const decimal::Decimal& euros) { return meur_digits(euros) + " M€"; }

std::string format_euros(const decimal::Decimal& euros) { return euros.to_french(2) + " €"; }

std::string spreadsheet_euros(const decimal::Decimal& euros) {
  std::string text = euros.to_fixed(2);
  for (char& c : text)
    if (c == '.') c = ',';
  return text;
}

std::string spreadsheet_meur(const decimal::Decimal& euros) {
  auto rounded = millions(euros).round(3, decimal::RoundingMode::HalfAwayFromZero);
  if (!rounded) throw std::logic_error("arrondi M€ impossible");
  std::string text = rounded->to_fixed(3);
  for (char& c : text)
    if (c == '.') c = ',';
  return text;
}

std::string plain_euros(const decimal::Decimal& euros) { return euros.to_fixed(2); }

}  // namespace subsidia::reports
