// `subsidia diff --format json`: the stable document described in docs/diff.md. Amounts
// are exact decimal strings ("1500.00"), keys always present in the same order, arrays in
// the report's order, so that two runs on the same inputs give the same bytes.
#pragma once

#include <string>

#include "diff/diff_report.hpp"

namespace subsidia::workbench {

std::string diff_json(const DiffReport& report);

}  // namespace subsidia::workbench
