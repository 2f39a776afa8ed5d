#include "model/rule_base.hpp"

namespace subsidia::model {

std::string period_french(const Period& period) {
  if (period.from && period.to) return "en vigueur du " + period.from->french() + " au " + period.to->french();
  if (period.from) return "en vigueur depuis le " + period.from->french();
  if (period.to) return "en vigueur jusqu'au " + period.to->french();
  return "en vigueur à toute date";
}

std::vector<std::string> Rule::notes() const {
  std::vector<std::string> out;
  for (const LegalSource* source : sources) {
    if (source->note.empty()) continue;
    out.push_back((source->title.empty() ? source->name : source->title) + " : " + source->note);
  }
  return out;
}

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
