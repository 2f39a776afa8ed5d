#include "diff_fixture.hpp"

#include <fstream>
#include <nlohmann/json.hpp>

namespace subsidia::testing {

namespace fs = std::filesystem;

const char* const kDiffRulesBefore = R"(# Base avant
source LOI_TEST
  intitulé "Loi de test, art. 1"
  en vigueur à toute date
fin

règle montant.positif
  titre "Montant strictement positif"
  source LOI_TEST
  gravité bloquante
  exige montant > 0 €
  si violée "Le montant n'est pas positif."
fin

règle deliberation.recente
  titre "Délibération postérieure à 2000"
  source LOI_TEST
  gravité bloquante
  s'applique si type_intervention = "subvention"
  exige deliberation.date >= 2000-01-01
fin

règle beneficiaire.identifie
  titre "Bénéficiaire identifié"
  source LOI_TEST
  gravité avertissement
  exige beneficiaire existe
fin
)";

const char* const kDiffRulesAfter = R"(# Base après
source LOI_TEST
  intitulé "Loi de test, art. 1"
  en vigueur à toute date
fin

règle montant.positif
  titre "Montant supérieur à 2 000 €"
  source LOI_TEST
  gravité bloquante
  exige montant > 2000 €
  si violée "Le montant ne dépasse pas 2 000 € <seuil>."
fin

règle deliberation.recente
    titre "Délibération "
          "postérieure à 2000"  # rewrapped, and a comment: no text change
    source LOI_TEST
    gravité bloquante
    s'applique si type_intervention = "subvention"
    exige deliberation.date >= 2000-01-01
fin

règle objet.renseigne
  titre "Objet renseigné"
  source LOI_TEST
  gravité avertissement
  exige objet existe
fin
)";

void write_text(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
}

namespace {

nlohmann::json dossier(const std::string& id, const std::string& montant) {
  return {
      {"id", id},
      {"exercice", 2012},
      {"collectivite", {{"nom", "Région Test"}, {"categorie", "region"}}},
      {"objet", "Coopération décentralisée de test"},
      {"type_intervention", "subvention"},
      {"montant", montant},
      {"deliberation", {{"organe", "assemblee"}, {"date", "2012-03-01"}}},
      {"beneficiaire", {{"nom", "Association test"}, {"categorie", "association"}}},
      {"jaune", {{"secteur", "Affaires internationales"}}},
      {"action", {{"nature", "cooperation"}, {"pays", {"SN"}}}},
  };
}

}  // namespace

void write_diff_fixture(const fs::path& dir) {
  write_text(dir / "avant" / "base.regles", kDiffRulesBefore);
  write_text(dir / "apres" / "base.regles", kDiffRulesAfter);
  write_text(dir / "dossiers" / "d1.json", dossier("D-1", "1500.00").dump(2));
  write_text(dir / "dossiers" / "d2.json", dossier("D-2", "5000.00").dump(2));
  nlohmann::json d3 = dossier("D-3", "800.00");
  d3.erase("deliberation");
  write_text(dir / "dossiers" / "d3.json", d3.dump(2));
}

}  // namespace subsidia::testing
