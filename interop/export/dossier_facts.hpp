// What the exports read of a dossier: the jaune's facts (reports::JauneEntry: id, exercice,
// amount, countries, scope) and what IATI and SCDL ask beyond them, extracted once by schema
// field names. A field the dossier does not give stays empty.
#pragma once

#include <optional>
#include <string>

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

class FactsExtractor {
 public:
  explicit FactsExtractor(const schema::Schema& schema);
  DossierFacts extract(const io::Dossier& dossier) const;

 private:
  reports::EntryExtractor entry_;
  reports::ValuePath type_, categorie_, date_, reference_, beneficiaire_, nature_, service_, scdl_;
};

}  // namespace subsidia::interop
