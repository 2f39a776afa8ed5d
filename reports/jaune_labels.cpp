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

std::string unreadable_place(const UnreadableDossier& dossier) {
  std::string place = dossier.file;
  if (dossier.line) place.append(":").append(std::to_string(dossier.line));
  return place;
}

std::string_view inclusion_key(Inclusion inclusion) {
  switch (inclusion) {
    case Inclusion::Counted: return "total";
    case Inclusion::Exceptional: return "operation_exceptionnelle";
    case Inclusion::OutOfScope: return "hors_perimetre";
    case Inclusion::Domestic: return "sans_element_international";
  }
  return "total";
}

std::string_view inclusion_label(Inclusion inclusion) {
  switch (inclusion) {
    case Inclusion::Counted: return "compté";
    case Inclusion::Exceptional: return "opération exceptionnelle (pour mémoire)";
    case Inclusion::OutOfScope: return "hors périmètre";
    case Inclusion::Domestic: return "sans élément international (hors jaune)";
  }
  return "compté";
}

std::string receipt_line(const JauneReceipt& receipt) {
  if (receipt.version.empty()) return "Moteur subsidia (version non renseignée)";
  return "Moteur subsidia " + receipt.version + " (commit " + receipt.commit + "), base de règles " + receipt.fingerprint;
}

}  // namespace subsidia::reports
