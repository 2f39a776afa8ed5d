// A published row wider than its header: a separator left unquoted inside a cell. Spreadsheets
// that export without quotes cut « 30 000,00 » into two cells in a comma-separated file, and an
// object or a condition of payment holding a comma into as many cells as it has commas (the
// Vendée's monthly files: « Possibilité d'acomptes (…), puis versement du solde »).
//
// Such a row is read only when exactly one way of putting the cells back (into one free-text
// column or two, with or without a cut amount joined) gives every typed cell of the row a valid
// value (a non-zero amount, dates, SIRET, RNA, yes/no, share, nature); when none or several do,
// the row is refused and the reason names the columns that could hold the separator. A reading
// that would join a number into a text is never chosen and stands against the others. A row is
// never read from a guess that another reading would contradict.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scdl/columns.hpp"

namespace subsidia::interop::scdl {

// Whether `whole` then `cents` are an amount cut at its decimal comma: `whole` grouped by
// three with blanks (« 160 000 ») or under four digits (a four-digit number without a blank is
// more often a year pushed into the amount's place), `cents` two digits.
bool amount_cut_at(std::string_view whole, std::string_view cents);

struct RowRepair {
  enum class Outcome { Repaired, Ambiguous, NoReading };
  Outcome outcome = Outcome::NoReading;
  std::vector<std::string> cells;     // Repaired: one per header column
  std::string what;                   // Repaired: French, what was put back together
  std::vector<std::string> columns;   // Ambiguous: the columns that could each hold the separators
};

// `cells` has more cells than `header`. `join_amounts`: the file's rule is that amounts are cut
// at their decimal comma (half its rows or more), so an amount may be joined as well.
RowRepair repair_wide_row(const std::vector<std::string_view>& cells, const std::vector<std::string>& header,
                          const ColumnMap& columns, char separator, bool join_amounts);

// Whether every typed cell of `row` (one per header column) holds a valid value or nothing
// (the amount must be there): what a repaired row must satisfy.
bool typed_cells_valid(const std::vector<std::string_view>& row, const ColumnMap& columns);

}  // namespace subsidia::interop::scdl
