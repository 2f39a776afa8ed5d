// The French words every writer of a diff uses, in one place.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diff/diff_report.hpp"

namespace subsidia::workbench {

// "ajoutée", "supprimée", "modifiée"; codes "ajoutee", "supprimee", "modifiee"
std::string_view change_french(RuleChangeKind kind);
std::string_view change_code(RuleChangeKind kind);
// A status that may be absent (rule on one side only): "absente" / "absente".
std::string_view status_french_or_absent(const std::optional<eval::RuleStatus>& status);
// "définition seuil_convention, table organes"; code of a kind: "definition", "table", "source".
std::string causes_french(const std::vector<RuleCause>& causes);
std::string_view cause_code(RuleCause::Kind kind);
// Verdicts in the order of the matrix.
inline constexpr eval::Verdict kVerdicts[3] = {eval::Verdict::Compliant, eval::Verdict::NonCompliant,
                                               eval::Verdict::Incomplete};

}  // namespace subsidia::workbench
