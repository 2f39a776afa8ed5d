// The jaune as one long CSV table for French spreadsheets: UTF-8 with a byte-order mark
// (without it Excel reads the file as Windows-1252 and mangles "é"), ';' as separator,
// decimal comma and no thousands separator in amounts (so the cells are numbers), CRLF
// line ends, fields quoted only when they hold ';', '"' or a line break.
//
// Column `tableau` says which table a row belongs to: synthese, secteur, domaine, zone,
// imputation, collectivite (only when several are mixed), detail. docs/jaune.md lists
// every column.
#pragma once

#include <string>

#include "reports/jaune.hpp"

namespace subsidia::reports {

std::string jaune_csv(const Jaune& jaune);

}  // namespace subsidia::reports
