#include "diff/diff_text.hpp"

#include "diff/diff_labels.hpp"
#include "output/french_count.hpp"
#include "reports/amount_format.hpp"

namespace subsidia::workbench {

namespace {

std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

// Columns count code points: "é" and the narrow no-break space of amounts are one each.
std::string padded(std::string text, std::size_t width) {
  const std::size_t n = code_points(text);
  if (n < width) text.append(width - n, ' ');
  return text;
}

std::string place(const std::string& file, std::size_t line) {
  return line ? file + ":" + std::to_string(line) : file;
}

}  // namespace

std::string diff_text(const DiffReport& report) {
  std::string out;
  out += "Comparaison de deux bases de règles\n";
  out += "  avant : " + report.label_before + " (" + report.receipt_before.fingerprint + ")\n";
  out += "  après : " + report.label_after + " (" + report.receipt_after.fingerprint + ")\n";
  out += "  " + output::counted(report.dossiers, "dossier comparé", "dossiers comparés") + ", " +
         std::to_string(report.changed.size()) + " " +
         std::string(output::agreed(report.changed.size(), "change", "changent")) +
         " de verdict ou de statut de règle\n\n";

  out += "Verdicts (lignes : avant ; colonnes : après ; nombre de dossiers et somme de leurs montants)\n";
  constexpr std::size_t kFirst = 16, kCell = 26;
  out += padded("", kFirst);
  for (eval::Verdict after : kVerdicts) out += padded(std::string(eval::verdict_french(after)), kCell);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  out += '\n';
  for (std::size_t i = 0; i < 3; ++i) {
    std::string row = padded(std::string(eval::verdict_french(kVerdicts[i])), kFirst);
    for (std::size_t j = 0; j < 3; ++j) {
      const TransitionCell& cell = report.matrix[i][j];
      row += padded(std::to_string(cell.count) + " · " + reports::format_euros(cell.euros), kCell);
    }
    while (!row.empty() && row.back() == ' ') row.pop_back();
    out += row + '\n';
  }

  if (!report.changed.empty()) out += "\nDossiers qui changent\n";
  for (const DossierChange& change : report.changed) {
    out += "DOSSIER " + change.id + " (" + place(change.file, change.line) + ") : " +
           std::string(eval::verdict_french(change.before)) + " → " + std::string(eval::verdict_french(change.after)) +
           " (" + reports::format_euros(change.montant) + ")\n";
    if (change.rules.empty()) out += "  aucune règle ne change de statut (gravité modifiée)\n";
    for (const RuleStatusChange& rule : change.rules) {
      out += "  " + rule.id + " : " + std::string(status_french_or_absent(rule.before)) + " → " +
             std::string(status_french_or_absent(rule.after)) + '\n';
      if (!rule.explanation_before.empty()) out += "    avant : " + rule.explanation_before + '\n';
      if (!rule.explanation_after.empty()) out += "    après : " + rule.explanation_after + '\n';
    }
  }

  if (!report.rules.empty()) out += "\nRègles\n";
  for (const RuleChange& rule : report.rules) {
    out += "  " + rule.id + " : " + std::string(change_french(rule.kind));
    if (rule.kind == RuleChangeKind::Changed && rule.text_changed) out += " (texte modifié)";
    if (rule.kind == RuleChangeKind::Changed && !rule.text_changed)
      out += rule.causes.empty() ? " (texte inchangé)" : " (texte inchangé ; a changé : " + causes_french(rule.causes) + ")";
    out += ", fait basculer " + output::counted(rule.flips, "dossier", "dossiers") + "\n";
  }

  if (!report.sectors.empty())
    out += "\nJaune par secteur : montants des dossiers signalés (non conformes ou incomplets)\n";
  for (const SectorDifference& sector : report.sectors) {
    out += "  " + std::to_string(sector.exercice) + ", " + sector.label + " (total " + reports::format_euros(sector.total) +
           ") : avant " + output::counted(sector.flagged_count_before, "dossier", "dossiers") + ", " +
           reports::format_euros(sector.flagged_before) + " ; après " +
           output::counted(sector.flagged_count_after, "dossier", "dossiers") + ", " +
           reports::format_euros(sector.flagged_after) + '\n';
  }

  if (!report.unreadable.empty()) out += "\nDossiers illisibles, non comparés\n";
  for (const UnreadableUnder& u : report.unreadable) {
    out += "  " + place(u.error.file, u.error.line) + ": " + (u.error.json_path.empty() ? "" : u.error.json_path + " : ") +
           u.error.message + " (base " + u.base + ")\n";
  }
  for (const std::string& note : report.notes) out += "\nNote : " + note + '\n';

  out += "\nMoteur " + report.receipt_after.version + " (commit " + report.receipt_after.commit + ")\n";
  return out;
}

}  // namespace subsidia::workbench
