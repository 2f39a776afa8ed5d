// The jaune as an XLSX workbook (libxlsxwriter): sheet "Synthèse" (the table of the 2012
// communication, then every breakdown), sheet "Détail" (one row per dossier, with its
// verdict), sheet "Dossiers par chiffre" (every figure's dossiers, one per row), and
// "Textes longs" when a text is too long for a cell. Every sheet names the engine and the rule
// base (the receipt line) in a cell and in its printed footer; the file's properties too.
//
// Nothing is dropped: every libxlsxwriter call is checked and the first failure is the
// error; a cell longer than a spreadsheet holds (32 767 characters) points to the rows that
// hold it; a sheet that would pass 1 048 576 rows goes on in another. Amounts are numeric
// cells with a euro or M€ number format, so they add up; each holds the decimal the text
// shows (docs/jaune.md, "XLSX").
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "reports/jaune.hpp"

namespace subsidia::reports {

// Writes the workbook at `file` (callers go through write_atomically). Returns an error
// message (French) or std::nullopt.
std::optional<std::string> write_jaune_xlsx(const Jaune& jaune, const std::filesystem::path& file);

}  // namespace subsidia::reports
