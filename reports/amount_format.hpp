// How the jaune shows amounts. Amounts stay exact Decimals until this last step.
//
// M€: the amount divided by 1 000 000, rounded to three decimals half away from zero
// (46 189 500,00 € -> 46,190 M€; 46 189 499,99 € -> 46,189 M€), French decimal comma.
// Because each figure is rounded on its own, displayed M€ lines may differ from the
// displayed M€ total by a unit of the last digit; the euro figures always add up exactly.
#pragma once

#include <string>

#include "decimal/decimal.hpp"

namespace subsidia::reports {

// "46,190" (thousands separated by U+202F from 1 000 M€ on).
std::string meur_digits(const decimal::Decimal& euros);
// "46,190 M€"
std::string format_meur(const decimal::Decimal& euros);
// "46 190 000,00 €" (U+202F between thousands)
std::string format_euros(const decimal::Decimal& euros);
// "46190000,00": what a French spreadsheet reads as a number (CSV cells)
std::string spreadsheet_euros(const decimal::Decimal& euros);
// "46,190", "6849,987": M€ to three decimals, what a French spreadsheet reads as a number (no
// thousands separator, unlike meur_digits) (CSV cells)
std::string spreadsheet_meur(const decimal::Decimal& euros);
// "46190000.00": the machine form (JSON)
std::string plain_euros(const decimal::Decimal& euros);

}  // namespace subsidia::reports
