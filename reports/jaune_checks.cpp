#include "reports/jaune_checks.hpp"

#include <map>

#include "reports/amount_format.hpp"
#include "reports/id_key.hpp"

namespace subsidia::reports {

namespace {

std::string quoted(const std::string& id) { return "« " + id + " »"; }

// What makes two dossiers look like one operation, or "" when the dossier does not say enough
// (no beneficiary named, no deliberation): silence is no likeness.
std::string operation_key(const JauneEntry& e) {
  const std::string beneficiary = id_key(e.beneficiaire_nom);
  if (beneficiary.empty()) return {};
  std::string deliberation = id_key(e.deliberation_reference);
  if (deliberation.empty() && e.deliberation_date) deliberation = e.deliberation_date->iso();
  if (deliberation.empty()) return {};
  constexpr char kSeparator = '\x1f';
  return id_key(e.collectivite) + kSeparator + e.collectivite_code + kSeparator + beneficiary + kSeparator +
         e.montant.normalized().to_string() + kSeparator + deliberation;
}

}  // namespace

std::vector<std::string> consistency_notes(const Jaune& jaune) {
  std::vector<std::string> notes;
  std::map<std::string, std::vector<std::size_t>> same_operation;  // key -> dossiers, in order
  std::vector<std::string> keys_in_order;
  for (std::size_t i = 0; i < jaune.dossiers.size(); ++i) {
    const JauneDossier& d = jaune.dossiers[i];
    const JauneEntry& e = d.entry;
    if (e.hors_perimetre && e.operation_exceptionnelle)
      notes.push_back("Dossier " + quoted(e.id) +
                      " marqué à la fois hors périmètre et opération exceptionnelle (jaune.hors_perimetre et "
                      "jaune.operation_exceptionnelle) : classé hors périmètre, il n'est pas montré pour mémoire ; ne "
                      "garder que celle des deux marques qui s'applique.");
    if (d.inclusion == Inclusion::Domestic) continue;
    if (e.deliberation_date && e.deliberation_date->year() > jaune.exercice)
      notes.push_back("Dossier " + quoted(e.id) + " de l'exercice " + std::to_string(jaune.exercice) + ", délibéré le " +
                      e.deliberation_date->french() +
                      " : l'exercice précède l'année de la délibération, alors qu'une dépense se rattache à l'exercice "
                      "où elle est engagée, après la délibération qui la décide ; vérifier l'exercice.");
    if (d.inclusion == Inclusion::OutOfScope) continue;
    if (std::string key = operation_key(e); !key.empty()) {
      auto [at, first] = same_operation.try_emplace(key);
      if (first) keys_in_order.push_back(key);
      at->second.push_back(i);
    }
  }
  for (const std::string& key : keys_in_order) {
    const std::vector<std::size_t>& group = same_operation[key];
    if (group.size() < 2) continue;
    const JauneEntry& first = jaune.dossiers[group.front()].entry;
    std::string ids;
    for (std::size_t k = 0; k < group.size(); ++k)
      ids += (k == 0 ? "" : k + 1 == group.size() ? " et " : ", ") + quoted(jaune.dossiers[group[k]].entry.id);
    const std::string deliberation = !first.deliberation_reference.empty() ? "délibération " + first.deliberation_reference
                                                                            : "délibération du " + first.deliberation_date->french();
    notes.push_back("Dossiers " + ids + " : même collectivité, même bénéficiaire (« " + first.beneficiaire_nom +
                    " »), même montant (" + format_euros(first.montant) + ") et même " + deliberation +
                    " : peut-être une seule opération saisie sous deux identifiants, et comptée deux fois ; "
                    "vérifier, et ne garder qu'un dossier si c'est le cas.");
  }
  return notes;
}

}  // namespace subsidia::reports
