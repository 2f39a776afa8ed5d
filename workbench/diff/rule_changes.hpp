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

// A family's text as the parser sees it: its versions' words and strings (adjacent strings
// joined), without blanks or comments, so that reformatting a rule (subsidia fmt: indentation,
// line breaks, strings rewrapped) or editing a comment in it is not a change.
std::string normalised_family_text(const model::RuleFamily& family, const diag::SourceSet& sources);

}  // namespace subsidia::workbench
