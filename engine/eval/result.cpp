#include "eval/result.hpp"

namespace subsidia::eval {

std::string_view status_code(RuleStatus status) {
  switch (status) {
    case RuleStatus::Respected: return "respectee";
    case RuleStatus::Violated: return "violee";
    case RuleStatus::Unknown: return "indeterminee";
    case RuleStatus::NotApplicable: return "sans_objet";
  }
  return "indeterminee";
}

std::string_view verdict_code(Verdict verdict) {
  switch (verdict) {
    case Verdict::Compliant: return "conforme";
    case Verdict::NonCompliant: return "non_conforme";
    case Verdict::Incomplete: return "incomplet";
  }
  return "incomplet";
}

std::string_view status_french(RuleStatus status) {
  switch (status) {
    case RuleStatus::Respected: return "respectée";
    case RuleStatus::Violated: return "violée";
    case RuleStatus::Unknown: return "indéterminée";
    case RuleStatus::NotApplicable: return "sans objet";
  }
  return "indéterminée";
}

std::string_view verdict_french(Verdict verdict) {
  switch (verdict) {
    case Verdict::Compliant: return "conforme";
    case Verdict::NonCompliant: return "non conforme";
    case Verdict::Incomplete: return "incomplet";
  }
  return "incomplet";
}

}  // namespace subsidia::eval
