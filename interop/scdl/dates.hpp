// A date cell of a published file: ISO (2017-04-13, with or without a time), dd/mm/yyyy
// (also with '-' or '.'), yyyy/mm/dd, yyyymmdd, a year alone, a spreadsheet serial number
// (days since 1899-12-30, as Excel exports a date cell written as a number). A date that
// only reads month first (04/13/2017) is read so and says it was guessed. Two-digit years are
// refused (which century?).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/date.hpp"

namespace subsidia::interop::scdl {

struct DateReading {
  enum class Status { Ok, YearOnly, Missing, Invalid };
  Status status = Status::Missing;
  std::optional<calendar::Date> date;  // Ok
  int year = 0;                        // Ok and YearOnly
  std::string guess;                   // French, when the reading was a guess (serial, month first)
  std::string reason;                  // French, when Invalid
};

DateReading read_date(std::string_view text);

// A period of payment (datesPeriodeVersement): one date or two, joined by '/', '_', " au ",
// " - ". Returns the SCDL 2.1.1 form "AAAA-MM-JJ" or "AAAA-MM-JJ/AAAA-MM-JJ", or std::nullopt.
// Also a list of payment dates (Mayenne writes one per line: « 2019-02-25\n2020-01-31 »), read
// as the period from the first to the last (read_date_list says how many).
std::optional<std::string> read_period(std::string_view text);

// Two or more whole dates separated by line breaks, ';', ',', '|' or « et », sorted; empty
// when the text is anything else (one date, a period, a date that is a guess).
std::vector<calendar::Date> read_date_list(std::string_view text);

}  // namespace subsidia::interop::scdl
