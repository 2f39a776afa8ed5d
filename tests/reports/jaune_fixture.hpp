// Small hand-made records for the jaune tests: no reader, no rule base.
#pragma once

#include <string>
#include <vector>

#include "decimal/decimal.hpp"
#include "reports/jaune_from_verdicts.hpp"

namespace subsidia::reports::testing {

inline decimal::Decimal euros(const char* text) { return *decimal::Decimal::parse(text); }

inline JauneRecord record(std::string id, const char* amount, std::string secteur, std::vector<std::string> pays = {"SN"},
                          eval::Verdict verdict = eval::Verdict::Compliant) {
  JauneRecord r;
  r.entry.id = std::move(id);
  r.entry.exercice = 2012;
  r.entry.collectivite = "Région Île-de-France";
  r.entry.objet = "Action " + r.entry.id;
  r.entry.montant = euros(amount);
  r.entry.secteur = std::move(secteur);
  r.entry.domaine = "cooperation_decentralisee";
  r.entry.pays = std::move(pays);
  r.entry.nomenclature = "M71";
  r.entry.section = "fonctionnement";
  r.entry.chapitre = "930";
  r.entry.fonction = "048";
  r.entry.action_declared = true;  // each stands for an international action (action.nature given)
  r.verdict = verdict;
  return r;
}

// A mixed year: two sectors, an exceptional operation, an out-of-scope line, a record of
// another year, a flagged dossier, an action in several zones and one without country.
inline std::vector<JauneRecord> mixed_year() {
  std::vector<JauneRecord> records;
  records.push_back(record("AI-1", "1000000.00", "Affaires internationales et européennes", {"SN"}));
  records.push_back(record("AI-2", "250000.50", "Affaires internationales et européennes", {"VN", "SN"}));
  records.push_back(record("ESR-1", "3000000.00", "Enseignement supérieur et recherche", {"CA"},
                           eval::Verdict::NonCompliant));
  auto eco = record("ECO-1", "500000.25", "Développement économique", {}, eval::Verdict::Incomplete);
  eco.entry.domaine = "";
  eco.entry.nomenclature = "M71";
  eco.entry.chapitre = "939";
  eco.entry.fonction = "94";
  records.push_back(eco);
  auto france = record("CULT-1", "120000.00", "Culture", {"FR"});
  france.entry.domaine = "rayonnement_international";
  france.entry.chapitre = "933";
  france.entry.fonction = "312";
  records.push_back(france);
  auto exceptional = record("EXC-1", "17169000.00", "Enseignement supérieur et recherche", {"FR"});
  exceptional.entry.operation_exceptionnelle = true;
  records.push_back(exceptional);
  auto idfe = record("IDFE", "800000.00", "Affaires internationales et européennes", {"BE"});
  idfe.entry.hors_perimetre = true;
  records.push_back(idfe);
  auto other_year = record("OLD-1", "99.00", "Culture", {"FR"});
  other_year.entry.exercice = 2011;
  records.push_back(other_year);
  return records;
}

}  // namespace subsidia::reports::testing
