// Files that are not text at all, told by their first bytes: a spreadsheet saved as .xlsx or
// .ods and renamed .csv, an old .xls, a PDF, a compressed file. Read as text they gave « en-tête
// introuvable », which sends the reader looking for a wrong header instead of the real cause.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace subsidia::csv {

// What the file is, in French, and what to do, when its first bytes show a known binary
// format; nullopt for anything that may be text (the CSV reader then judges it).
std::optional<std::string> binary_file_kind(std::string_view bytes);

}  // namespace subsidia::csv
