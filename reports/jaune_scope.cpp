#include "reports/jaune_scope.hpp"

#include "reports/id_key.hpp"
#include "reports/jaune_labels.hpp"

namespace subsidia::reports {

namespace {

constexpr std::string_view kFrenchTerritories[] = {"FR", "GP", "MQ", "GF", "RE", "YT", "PM",
                                                   "BL", "MF", "NC", "PF", "WF", "TF"};
constexpr std::string_view kForeignBeneficiaries[] = {"autorite_locale_etrangere", "etat_etranger",
                                                      "organisation_internationale", "ong_internationale"};

}  // namespace

bool french_territory(std::string_view country) {
  for (std::string_view c : kFrenchTerritories)
    if (c == country) return true;
  return false;
}

ScopeDecision international_scope(const JauneEntry& e) {
  for (const auto& country : e.pays)
    if (!french_territory(country)) return {true, "action à l'étranger (" + country + ")"};
  for (const auto& country : e.beneficiaire_pays)
    if (!french_territory(country)) return {true, "bénéficiaire établi à l'étranger (" + country + ")"};
  for (std::string_view category : kForeignBeneficiaries)
    if (e.beneficiaire_categorie == category) return {true, "bénéficiaire " + std::string(category)};
  if (e.action_declared || !e.domaine.empty()) return {true, "action internationale déclarée (action.nature ou action.domaine)"};
  if (e.convention) return {true, "convention avec un partenaire étranger"};
  if (id_key(e.secteur) == id_key(kInternationalAffairsSector)) return {true, "secteur des affaires internationales"};
  // The budget code says it as well as the dossier's own fields: function 04 is "coopération
  // décentralisée, actions européennes et internationales" in M71, M57, M52 and M14 (domain.md
  // §4), and account 6562 is a participation "au titre de la coopération décentralisée" in
  // M71, M57 and M52 (data/natures.csv). An action hidden in another sector's list, without its
  // action block, is still an international action: left out, it would make the jaune short.
  if (e.fonction.size() >= 2 && e.fonction.compare(0, 2, "04") == 0)
    return {true, "imputation en fonction " + e.fonction + " (actions européennes et internationales)"};
  if (e.nature == "6562") return {true, "imputation au compte 6562 (participation au titre de la coopération décentralisée)"};
  if (e.operation_exceptionnelle)
    return {true, "opération exceptionnelle déclarée pour le jaune (jaune.operation_exceptionnelle)"};
  // Nothing international, but is that a fact or a silence? Without the place of the action,
  // and without where its beneficiary is established, the dossier does not say it is domestic;
  // an imported draft's published row was searched for clues, which is evidence enough.
  const bool place_known = !e.pays.empty() || !e.beneficiaire_pays.empty() || e.searched_for_clues || e.candidate;
  if (!place_known) {
    return {false,
            "élément international non établi : le dossier ne dit ni où a lieu l'action (action.pays), ni où est établi "
            "son bénéficiaire (beneficiaire.pays), ni quelle action il finance (action.nature) ; à compléter avant de "
            "l'écarter du jaune",
            true};
  }
  std::string reason =
      "aucun élément international : ni pays d'action hors de France (action.pays), ni bénéficiaire étranger, ni action "
      "internationale déclarée (action.nature, action.domaine, convention, secteur des affaires internationales), ni imputation "
      "internationale (fonction 04x, compte 6562)";
  if (e.candidate) {
    reason += " ; candidat de l'import à revoir";
    if (!e.clues.empty()) {
      reason += " (indices :";
      for (std::size_t i = 0; i < e.clues.size(); ++i) reason += (i ? ", « " : " « ") + e.clues[i] + " »";
      reason += ")";
    }
  }
  return {false, std::move(reason)};
}

}  // namespace subsidia::reports
