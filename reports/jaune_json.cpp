#include "reports/jaune_json.hpp"

#include <nlohmann/json.hpp>

#include "reports/amount_format.hpp"
#include "reports/jaune_labels.hpp"

namespace subsidia::reports {

namespace {

using Json = nlohmann::ordered_json;

Json line_json(const JauneLine& line, const char* key_name, bool with_key) {
  Json j;
  j[key_name] = line.label;
  if (with_key) j["code"] = line.key;
  j["montant"] = plain_euros(line.amount);
  j["montant_meur"] = meur_digits(line.amount);
  j["dossiers"] = line.dossiers;
  j["signales"] = line.flagged;
  return j;
}

Json lines_json(const std::vector<JauneLine>& lines, const char* key_name, bool with_key = false) {
  Json array = Json::array();
  for (const auto& line : lines) array.push_back(line_json(line, key_name, with_key));
  return array;
}

Json dossier_json(const JauneDossier& d) {
  Json j;
  j["id"] = d.entry.id;
  j["fichier"] = d.entry.file;
  j["collectivite"] = d.entry.collectivite;
  j["objet"] = d.entry.objet;
  j["montant"] = plain_euros(d.entry.montant);
  j["montant_meur"] = meur_digits(d.entry.montant);
  j["verdict"] = verdict_key(d.verdict);
  j["inclusion"] = inclusion_key(d.inclusion);
  j["secteur"] = d.sector;
  j["domaine"] = d.entry.domaine.empty() ? Json(nullptr) : Json(d.entry.domaine);
  j["pays"] = d.entry.pays;
  j["zones"] = d.zones;
  j["zone"] = d.zone;
  if (!d.zone_amounts.empty()) {
    Json split = Json::array();
    for (const auto& [zone, amount] : d.zone_amounts) split.push_back({{"zone", zone}, {"montant", plain_euros(amount)}});
    j["repartition_zones"] = std::move(split);
  }
  if (!d.reason.empty()) j["raison"] = d.reason;
  Json imputation;
  imputation["nomenclature"] = d.entry.nomenclature;
  imputation["section"] = d.entry.section;
  imputation["chapitre"] = d.entry.chapitre;
  imputation["fonction"] = d.entry.fonction;
  j["imputation"] = imputation;
  return j;
}

Json set_aside_json(const Jaune& jaune, const SetAside& aside) {
  Json j;
  j["total"] = plain_euros(aside.total);
  j["total_meur"] = meur_digits(aside.total);
  Json lines = Json::array();
  for (std::size_t index : aside.dossiers) {
    const JauneDossier& d = jaune.dossiers[index];
    Json line;
    line["id"] = d.entry.id;
    line["objet"] = d.entry.objet;
    line["secteur"] = d.sector;
    line["montant"] = plain_euros(d.entry.montant);
    line["montant_meur"] = meur_digits(d.entry.montant);
    line["verdict"] = verdict_key(d.verdict);
    line["dossiers"] = Json::array({d.entry.id});
    if (!d.reason.empty()) {
      line["fichier"] = d.entry.file;
      line["raison"] = d.reason;
    }
    lines.push_back(std::move(line));
  }
  j["lignes"] = std::move(lines);
  return j;
}

}  // namespace

std::string jaune_json(const Jaune& jaune) {
  Json j;
  j["moteur"] = Json{{"version", jaune.moteur.version},
                     {"commit", jaune.moteur.commit},
                     {"empreinte_regles", jaune.moteur.fingerprint}};
  j["exercice"] = jaune.exercice;
  j["total"] = plain_euros(jaune.total);
  j["total_meur"] = meur_digits(jaune.total);
  j["dossiers"] = jaune.total_dossiers;
  j["synthese"] = lines_json(jaune.synthesis, "libelle", true);
  j["operations_exceptionnelles"] = set_aside_json(jaune, jaune.exceptional);
  j["total_y_compris_exceptionnelles"] = plain_euros(jaune.total_with_exceptional);
  j["total_y_compris_exceptionnelles_meur"] = meur_digits(jaune.total_with_exceptional);
  j["hors_perimetre"] = set_aside_json(jaune, jaune.out_of_scope);
  j["sans_element_international"] = set_aside_json(jaune, jaune.domestic);
  Json unreadable = Json::array();
  for (const auto& u : jaune.unreadable) unreadable.push_back({{"fichier", u.file}, {"ligne", u.line}, {"message", u.message}});
  j["illisibles"] = std::move(unreadable);
  j["par_secteur"] = lines_json(jaune.by_sector, "secteur");
  Json domains = Json::array();
  for (const auto& line : jaune.by_domain) {
    Json l = line_json(line, "domaine", false);
    l["domaine"] = line.key == "non_renseigne" ? Json(nullptr) : Json(line.key);
    l["libelle"] = line.label;
    domains.push_back(std::move(l));
  }
  j["par_domaine"] = std::move(domains);
  j["par_zone"] = lines_json(jaune.by_zone, "zone");
  Json imputations = Json::array();
  for (const auto& line : jaune.by_imputation) {
    Json l;
    l["nomenclature"] = line.key_parts.at(0);
    l["chapitre"] = line.key_parts.at(1);
    l["fonction"] = line.key_parts.at(2);
    l["libelle"] = line.label;
    l["montant"] = plain_euros(line.amount);
    l["montant_meur"] = meur_digits(line.amount);
    l["dossiers"] = line.dossiers;
    l["signales"] = line.flagged;
    imputations.push_back(std::move(l));
  }
  j["par_imputation"] = std::move(imputations);
  if (!jaune.by_collectivite.empty()) j["par_collectivite"] = lines_json(jaune.by_collectivite, "collectivite");
  Json verdicts;
  verdicts["conforme"] = jaune.verdicts.compliant;
  verdicts["non_conforme"] = jaune.verdicts.non_compliant;
  verdicts["incomplet"] = jaune.verdicts.incomplete;
  j["verdicts"] = verdicts;
  j["autres_exercices_ignores"] = jaune.other_exercices;
  Json detail = Json::array();
  for (const auto& d : jaune.dossiers) detail.push_back(dossier_json(d));
  j["detail"] = std::move(detail);
  j["notes"] = jaune.notes;
  return j.dump(2) + "\n";
}

}  // namespace subsidia::reports
