// The facts of one dossier that the jaune reads, extracted once from an io::Dossier by
// schema field names. The builder and the writers never look at a Dossier again: they
// work on these plain records, so they can be tested without the reader.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "calendar/date.hpp"
#include "decimal/decimal.hpp"
#include "io/dossier.hpp"
#include "io/schema.hpp"
#include "reports/value_path.hpp"

namespace subsidia::reports {

struct JauneEntry {
  std::string id;
  std::string file;                 // where it was read, for the detail list
  std::string collectivite;         // collectivite.nom
  std::string collectivite_code;    // collectivite.code_insee, "" when absent
  std::optional<int> exercice;
  decimal::Decimal montant;
  std::string objet;
  std::string secteur;              // jaune.secteur, "" when absent
  bool operation_exceptionnelle = false;
  bool hors_perimetre = false;
  std::string domaine;              // action.domaine (enum code), "" when absent
  std::vector<std::string> pays;    // action.pays, ISO codes in dossier order
  std::string nomenclature;         // imputation.*, "" when absent
  std::string section;
  std::string chapitre;
  std::string fonction;
  std::string nature;               // imputation.nature (the account)
  // What tells one operation from another when two dossiers may be the same under two ids.
  std::string beneficiaire_nom;     // beneficiaire.nom, "" when absent
  std::optional<calendar::Date> deliberation_date;
  std::string deliberation_reference;

  // What makes an action international (jaune_scope.hpp).
  bool action_declared = false;                  // action.nature or action.domaine given
  bool convention = false;                       // convention is an object (not null, not absent)
  std::string beneficiaire_categorie;
  std::vector<std::string> beneficiaire_pays;    // beneficiaire.pays, beneficiaire.siege.pays
  bool candidate = false;                        // origine.international.candidat (an imported draft)
  // origine.international is given: an imported draft, whose published row the importer searched
  // for international clues (none found is then evidence, not silence).
  bool searched_for_clues = false;
  std::vector<std::string> clues;                // origine.international.indices[*].texte

  // action.repartition_pays, as given.
  struct CountryShare {
    std::string pays;
    std::optional<decimal::Decimal> part, montant;
  };
  std::vector<CountryShare> repartition;

  // The dossier's content (every field but origine, which only says where it was read),
  // hashed twice: equal for the same dossier read from two places.
  std::uint64_t content[2] = {0, 0};
};

// Resolves the schema paths to slot indices once (one extractor per run), then reads any
// number of dossiers. A field the schema does not know simply reads as absent.
class EntryExtractor {
 public:
  explicit EntryExtractor(const schema::Schema& schema);
  JauneEntry extract(const io::Dossier& dossier) const;
  // The same into `into`, every field set anew (for a caller that reuses one entry).
  void extract(const io::Dossier& dossier, JauneEntry& into) const;

 private:
  ValuePath id_, exercice_, collectivite_nom_, collectivite_code_, montant_, objet_, secteur_, exceptionnelle_, hors_perimetre_,
      domaine_, pays_, nomenclature_, section_, chapitre_, fonction_, imputation_nature_, nature_, convention_, beneficiaire_categorie_,
      beneficiaire_pays_, siege_pays_, candidat_, indices_, repartition_, beneficiaire_nom_, deliberation_date_,
      deliberation_reference_;
  int origine_slot_ = -1;  // root slot left out of the content hash
};

}  // namespace subsidia::reports
