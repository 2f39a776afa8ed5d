#include "model/rule_base.hpp"

namespace subsidia::model {

namespace {

// "(en vigueur du 8 février 1992 au 5 février 2007)", "(en vigueur depuis le ...)", ...
std::string period_french(const Period& period) {
  if (period.from && period.to) return "en vigueur du " + period.from->french() + " au " + period.to->french();
  if (period.from) return "en vigueur depuis le " + period.from->french();
  if (period.to) return "en vigueur jusqu'au " + period.to->french();
  return "en vigueur à toute date";
}

}  // namespace

std::string Rule::citation() const {
  std::string out;
  for (const LegalSource* source : sources) {
    if (!out.empty()) out += " ; ";
    out += source->title.empty() ? source->name : source->title;
    out += " (" + period_french(source->period) + ")";
  }
  return out;
}

}  // namespace subsidia::model
