// An amount cell of a published file -> an exact decimal of euros, never through a float.
//
// Read: "24 975,00", "24975.00", "10000.0", "1 500 €", "EUR 1500", thousands separated by a
// space, a no-break space (U+00A0), a narrow no-break space (U+202F) or a thin space, or by
// dots or commas when the other mark is the decimal one ("1.234.567,89", "1,234,567.89"),
// scientific notation written by spreadsheets ("2.4E+04"). A single comma or dot is the
// decimal mark ("1,5" = 1.50; "10000.0"), except before exactly three digits after one to
// three digits ("1.500", "12,500"): French files write thousands that way as often as decimals,
// so that amount is refused as ambiguous rather than guessed. More than two decimals (after
// trailing zeros) is refused: the schema holds cents.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "decimal/decimal.hpp"

namespace subsidia::interop::scdl {

struct AmountReading {
  enum class Status { Ok, Missing, Invalid, Ambiguous };
  Status status = Status::Missing;
  decimal::Decimal value;  // Ok: exact, at most two decimals
  std::string reason;      // French, when not Ok ("NC", "montant illisible : SEM", ...)
  // Ok, read from scientific notation ("2.18601946E+13"): exact as written, but a spreadsheet
  // writes a number so when it shows fewer digits than it holds, so the digits may be lost.
  bool scientific = false;
};

AmountReading read_amount(std::string_view text);

// Marks of a value not given: "", NA, N/A, NC, N.C., ND, NR, néant, "-", "?" (folded).
bool is_missing_marker(std::string_view text);

// Trims ASCII spaces, tabs, line breaks and the Unicode spaces of spreadsheets (U+00A0,
// U+202F, U+2009, U+2007).
std::string_view trim_spaces(std::string_view text);

}  // namespace subsidia::interop::scdl
