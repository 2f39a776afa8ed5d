// `subsidia diff --format html`: one self-contained page (inline CSS, no script, no external
// resource) for a lawyer: the matrix, the dossiers that change and why, the rules, the jaune.
// Every text from a rule base or a dossier is escaped.
#pragma once

#include <string>
#include <string_view>

#include "diff/diff_report.hpp"

namespace subsidia::workbench {

std::string diff_html(const DiffReport& report);

// &, <, >, " and ' as entities: output::markup_escaped, for the diff and the site.
std::string html_escaped(std::string_view text);

}  // namespace subsidia::workbench
