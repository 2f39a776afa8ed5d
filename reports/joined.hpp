// Dossier ids and labels joined for display, shared by the CSV, HTML and XLSX writers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace subsidia::reports {

std::string joined(const std::vector<std::string>& items, std::string_view separator = ", ");

}  // namespace subsidia::reports
