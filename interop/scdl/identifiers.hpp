// SIRET, SIREN and RNA numbers as published files write them: with spaces or dots, and, when
// a spreadsheet took them for numbers, as "21860194600000.0" or "2.18601946E+13". Cleaning
// only removes what cannot be part of the number; it never pads or invents a digit.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace subsidia::interop::scdl {

struct IdentifierReading {
  std::string digits;      // 14 (SIRET) or 9 (SIREN) digits; empty when unreadable
  bool checksum_ok = false;  // Luhn key (La Poste's SIRETs: sum of the digits a multiple of 5)
  std::string note;        // French: what was cleaned ("écrit comme un nombre décimal")
};

// std::nullopt for an empty or "NC" cell.
std::optional<IdentifierReading> read_siret(std::string_view text);

bool luhn_valid(std::string_view digits);

// "W123456789" (upper-cased), or "" when the text is no RNA number.
std::string read_rna(std::string_view text);

}  // namespace subsidia::interop::scdl
