// Rule ids present in one base only, and those whose text differs, found by comparing the two
// bases' declarations (every version of a family, as written, blanks collapsed).
#pragma once

#include <vector>

#include "api/engine.hpp"
#include "diff/diff_report.hpp"

namespace subsidia::workbench {

// In "après" order, then the rules removed in "avant" order; `flips` left at 0 (the caller
// counts them while it judges the dossiers). Unchanged rules are not listed.
std::vector<RuleChange> rule_changes(const api::Loaded& before, const api::Loaded& after);

// A family's text: its versions' declarations as written, runs of blanks (spaces, tabs, line
// ends) made one space, so that reindenting or rewrapping a rule is not a change.
std::string normalised_family_text(const model::RuleFamily& family, const diag::SourceSet& sources);

}  // namespace subsidia::workbench
