#include "diff/diff_json.hpp"

#include <nlohmann/json.hpp>

#include "diff/diff_labels.hpp"

namespace subsidia::workbench {

namespace {

using json = nlohmann::ordered_json;

json status_json(const std::optional<eval::RuleStatus>& status, const std::string& explanation) {
  if (!status) return nullptr;
  return json{{"statut", eval::status_code(*status)}, {"explication", explanation}};
}

json flagged_json(std::size_t count, const decimal::Decimal& amount) {
  return json{{"dossiers", count}, {"montant", amount.to_string()}};
}

}  // namespace

std::string diff_json(const DiffReport& report) {
  json doc;
  doc["moteur"] = {{"version", report.receipt_after.version},
                   {"commit", report.receipt_after.commit},
                   {"empreinte_avant", report.receipt_before.fingerprint},
                   {"empreinte_apres", report.receipt_after.fingerprint}};
  doc["avant"] = {{"base", report.label_before}, {"empreinte", report.receipt_before.fingerprint}};
  doc["apres"] = {{"base", report.label_after}, {"empreinte", report.receipt_after.fingerprint}};
  doc["difference"] = report.differs();
  doc["dossiers_compares"] = report.dossiers;
  doc["dossiers_changes"] = report.changed.size();

  json matrix = json::array();
  for (std::size_t i = 0; i < 3; ++i)
    for (std::size_t j = 0; j < 3; ++j)
      matrix.push_back({{"avant", eval::verdict_code(kVerdicts[i])},
                        {"apres", eval::verdict_code(kVerdicts[j])},
                        {"dossiers", report.matrix[i][j].count},
                        {"montant", report.matrix[i][j].euros.to_string()}});
  doc["matrice"] = std::move(matrix);

  json dossiers = json::array();
  for (const DossierChange& change : report.changed) {
    json rules = json::array();
    for (const RuleStatusChange& rule : change.rules)
      rules.push_back({{"id", rule.id},
                       {"avant", status_json(rule.before, rule.explanation_before)},
                       {"apres", status_json(rule.after, rule.explanation_after)}});
    dossiers.push_back({{"id", change.id},
                        {"fichier", change.file},
                        {"ligne", change.line},
                        {"avant", eval::verdict_code(change.before)},
                        {"apres", eval::verdict_code(change.after)},
                        {"montant", change.montant.to_string()},
                        {"regles", std::move(rules)}});
  }
  doc["dossiers"] = std::move(dossiers);

  json rules = json::array();
  for (const RuleChange& rule : report.rules) {
    json causes = json::array();
    for (const RuleCause& cause : rule.causes) causes.push_back({{"type", cause_code(cause.kind)}, {"nom", cause.name}});
    rules.push_back({{"id", rule.id},
                     {"changement", change_code(rule.kind)},
                     {"texte_modifie", rule.text_changed},
                     {"dossiers_bascules", rule.flips},
                     {"a_change_dessous", std::move(causes)}});
  }
  doc["regles"] = std::move(rules);

  json sectors = json::array();
  for (const SectorDifference& sector : report.sectors)
    sectors.push_back({{"exercice", sector.exercice},
                       {"secteur", sector.key},
                       {"libelle", sector.label},
                       {"total", sector.total.to_string()},
                       {"signales_avant", flagged_json(sector.flagged_count_before, sector.flagged_before)},
                       {"signales_apres", flagged_json(sector.flagged_count_after, sector.flagged_after)}});
  doc["jaune_par_secteur"] = std::move(sectors);

  json unreadable = json::array();
  for (const UnreadableUnder& u : report.unreadable)
    unreadable.push_back({{"fichier", u.error.file},
                          {"ligne", u.error.line},
                          {"chemin", u.error.json_path},
                          {"message", u.error.message},
                          {"base", u.base}});
  doc["illisibles"] = std::move(unreadable);
  doc["notes"] = report.notes;
  return doc.dump(2) + "\n";
}

}  // namespace subsidia::workbench
