// `subsidia diff --format texte`: for a person at a terminal, in French.
#pragma once

#include <string>

#include "diff/diff_report.hpp"

namespace subsidia::workbench {

std::string diff_text(const DiffReport& report);

}  // namespace subsidia::workbench
