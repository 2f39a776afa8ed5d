// Scalar cells of a published row read alone: yes/no, a year, a share. Pure functions, shared by
// the draft builder and the repair of rows cut by an unquoted separator.
#pragma once

#include <optional>
#include <string_view>

#include "decimal/decimal.hpp"

namespace subsidia::interop::scdl {

// « oui », « non », « true », « 0 »… (folded); std::nullopt for anything else.
std::optional<bool> read_yes_no(std::string_view text);

// "2017", "2017.0" (a year written as a number by a spreadsheet).
std::optional<int> read_year(std::string_view text);

// A pourcentageSubvention as published: the schema's decimal share (0.45), or a percentage with
// its sign (« 45 % »), a decimal comma accepted. In [0.01, 1] by the SCDL 2.1.1 constraints.
struct ShareReading {
  enum class Status { Ok, Unreadable, OutOfRange } status = Status::Unreadable;
  decimal::Decimal value;
};
ShareReading read_share(std::string_view raw);

}  // namespace subsidia::interop::scdl
