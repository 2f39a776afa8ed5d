// Shared fixtures for the io tests: the vendored schema and a valid dossier to mutate.
#pragma once

#include <string>

#include "io/schema.hpp"

namespace subsidia::io::testing {

inline const schema::Schema& vendored_schema() {
  static const schema::Schema schema = schema::Schema::load(SUBSIDIA_SOURCE_DIR "/rules/dossier.schema.json");
  return schema;
}

// A complete, valid dossier; tests replace one part of it with string substitution.
inline const std::string kValidDossier = R"({
  "id": "IDF-CP-2006-07-06-ERDE",
  "exercice": 2006,
  "collectivite": {"nom": "Région Île-de-France", "categorie": "region", "code_insee": "11"},
  "objet": "Équipement de deux écoles",
  "type_intervention": "subvention",
  "montant": "10000.00",
  "deliberation": {"organe": "commission_permanente", "date": "2006-07-06"},
  "beneficiaire": {"nom": "ER & DE", "categorie": "association", "pays": "FR",
                   "adherents": {"total": 60, "dans_territoire": 41}},
  "action": {"nature": "aide_au_developpement", "pays": ["NI", "FR"], "urgence": false},
  "convention": null,
  "financement": {"cout_total": 18050.00, "plan": [
     {"financeur": "Région", "part": 0.1, "montant": "1805.00", "demandeur": true},
     {"financeur": "Autre", "part": "0.90", "montant": 16245}]},
  "imputation": {"nomenclature": "M71", "section": "fonctionnement", "chapitre": "930", "fonction": "044"},
  "inconnu": {"a": [1, 2, {"b": null}], "c": "texte"}
})";

inline std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  if (at == std::string::npos) throw std::logic_error("fixture has no " + from);
  text.replace(at, from.size(), to);
  return text;
}

}  // namespace subsidia::io::testing
