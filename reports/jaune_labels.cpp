#include "reports/jaune_labels.hpp"

namespace subsidia::reports {

std::string_view domain_label(std::string_view code) {
  if (code.empty()) return kNotGiven;
  for (const auto& d : kDomains)
    if (d.code == code) return d.label;
  return code;
}

std::string_view verdict_label(eval::Verdict verdict) {
  switch (verdict) {
    case eval::Verdict::Compliant: return "conforme";
    case eval::Verdict::NonCompliant: return "non conforme";
    case eval::Verdict::Incomplete: return "incomplet";
  }
  return "incomplet";
}

std::string_view verdict_key(eval::Verdict verdict) {
  switch (verdict) {
    case eval::Verdict::Compliant: return "conforme";
    case eval::Verdict::NonCompliant: return "non_conforme";
    case eval::Verdict::Incomplete: return "incomplet";
  }
  return "incomplet";
}

std::string_view inclusion_key(Inclusion inclusion) {
  switch (inclusion) {
    case Inclusion::Counted: return "total";
    case Inclusion::Exceptional: return "operation_exceptionnelle";
    case Inclusion::OutOfScope: return "hors_perimetre";
  }
  return "total";
}

std::string_view inclusion_label(Inclusion inclusion) {
  switch (inclusion) {
    case Inclusion::Counted: return "compté";
    case Inclusion::Exceptional: return "opération exceptionnelle (pour mémoire)";
    case Inclusion::OutOfScope: return "hors périmètre";
  }
  return "compté";
}

}  // namespace subsidia::reports
