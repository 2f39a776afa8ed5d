// The jaune as an XLSX workbook (libxlsxwriter): sheet "Synthèse" (the table of the 2012
// communication, then every breakdown) and sheet "Détail" (one row per dossier, with its
// verdict). Amounts are numeric cells with a euro number format, so they can be summed.
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
