#include "diff/diff_labels.hpp"

namespace subsidia::workbench {

std::string_view change_french(RuleChangeKind kind) {
  switch (kind) {
    case RuleChangeKind::Added: return "ajoutée";
    case RuleChangeKind::Removed: return "supprimée";
    case RuleChangeKind::Changed: return "modifiée";
  }
  return "modifiée";
}

std::string_view change_code(RuleChangeKind kind) {
  switch (kind) {
    case RuleChangeKind::Added: return "ajoutee";
    case RuleChangeKind::Removed: return "supprimee";
    case RuleChangeKind::Changed: return "modifiee";
  }
  return "modifiee";
}

std::string_view status_french_or_absent(const std::optional<eval::RuleStatus>& status) {
  return status ? eval::status_french(*status) : std::string_view("absente");
}

std::string_view cause_code(RuleCause::Kind kind) {
  switch (kind) {
    case RuleCause::Kind::Definition: return "definition";
    case RuleCause::Kind::Table: return "table";
    case RuleCause::Kind::Source: return "source";
  }
  return "definition";
}

std::string causes_french(const std::vector<RuleCause>& causes) {
  std::string out;
  for (const RuleCause& cause : causes) {
    if (!out.empty()) out += ", ";
    out += cause.kind == RuleCause::Kind::Definition ? "définition " : cause.kind == RuleCause::Kind::Table ? "table " : "source ";
    out += cause.name;
  }
  return out;
}

}  // namespace subsidia::workbench
