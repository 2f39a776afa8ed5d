// What the exports read of a dossier: the jaune's facts (reports::JauneEntry: id, exercice,
// amount, countries, scope) and what IATI and SCDL ask beyond them, extracted once by schema
// field names. A field the dossier does not give stays empty.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "decimal/decimal.hpp"
#include "io/dossier.hpp"
#include "io/schema.hpp"
#include "reports/jaune_entry.hpp"
#include "reports/value_path.hpp"

namespace subsidia::interop {

// origine.scdl of a dossier imported from SCDL (interop/scdl): the row's SCDL fields.
struct ScdlOrigin {
  std::string id_attribuant, reference_decision, nom_beneficiaire, id_beneficiaire, rna_beneficiaire, objet, nature,
      conditions_versement, dates_periode_versement, id_rae, dispositif_aide;
  std::optional<std::string> date_convention;
  std::optional<decimal::Decimal> montant, pourcentage;
  std::optional<bool> notification_ue;
};

struct DossierFacts {
  reports::JauneEntry entry;
  std::string type_intervention;
  std::string collectivite_categorie;
  std::string deliberation_date, deliberation_reference;  // "" when not given
  std::string beneficiaire_nom;
  std::string action_nature, secteur_service_public;
  ScdlOrigin scdl;
};

// The collectivités of the dossiers of `exercice` that `counts` keeps, when there are several
// (an export has one organisation), each shown with its first dossier's id:
// "« Ville de Poitiers » (id), « Commune de Roques » (id)" (five at most, then "…"); an empty
// string when they are one collectivité or none.
template <class Counts>
std::string several_collectivites(const std::vector<DossierFacts>& dossiers, int exercice, Counts counts,
                                  std::size_t* how_many = nullptr);

class FactsExtractor {
 public:
  explicit FactsExtractor(const schema::Schema& schema);
  DossierFacts extract(const io::Dossier& dossier) const;

 private:
  reports::EntryExtractor entry_;
  reports::ValuePath type_, categorie_, date_, reference_, beneficiaire_, nature_, service_, scdl_;
};

template <class Counts>
std::string several_collectivites(const std::vector<DossierFacts>& dossiers, int exercice, Counts counts,
                                  std::size_t* how_many) {
  std::map<std::string, std::string> first_dossier_of_collectivite;
  for (const DossierFacts& f : dossiers)
    if (f.entry.exercice == exercice && counts(f)) first_dossier_of_collectivite.emplace(f.entry.collectivite, f.entry.id);
  if (how_many != nullptr) *how_many = first_dossier_of_collectivite.size();
  if (first_dossier_of_collectivite.size() < 2) return {};
  std::string named;
  std::size_t shown = 0;
  for (const auto& [collectivite, id] : first_dossier_of_collectivite) {
    if (shown++ == 5) {
      named += ", …";
      break;
    }
    named += (named.empty() ? "« " : ", « ") + collectivite + " » (" + id + ")";
  }
  return named;
}

}  // namespace subsidia::interop
