#include "diff/diff_html.hpp"

#include "diff/diff_labels.hpp"
#include "output/french_count.hpp"
#include "output/markup.hpp"
#include "reports/amount_format.hpp"

namespace subsidia::workbench {

// The project's one escaper (output/markup.hpp), so that the diff escapes as every page does.
std::string html_escaped(std::string_view text) { return output::markup_escaped(text); }

namespace {

constexpr std::string_view kStyle = R"(body{font-family:Georgia,"Times New Roman",serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.25rem;border-bottom:1px solid #bbb;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.3rem .6rem;vertical-align:top}
th{background:#f0f0f0;text-align:left}td.num{text-align:right;white-space:nowrap}td.same{background:#f7f7f7;color:#666}
td.moved{background:#fff3cd}.conforme{color:#1e6b2e}.non_conforme{color:#a4161a}.incomplet{color:#8a5a00}
.dossier{border-left:4px solid #888;padding:.2rem .8rem;margin:1rem 0}.expl{margin:.1rem 0 .1rem 1.5rem;font-size:.95rem}
.receipt{font-family:monospace;font-size:.85rem;color:#555}
)";

std::string verdict_span(eval::Verdict verdict) {
  return "<span class=\"" + std::string(eval::verdict_code(verdict)) + "\">" +
         html_escaped(eval::verdict_french(verdict)) + "</span>";
}

std::string place(const std::string& file, std::size_t line) {
  return line ? file + ":" + std::to_string(line) : file;
}

}  // namespace

std::string diff_html(const DiffReport& report) {
  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<title>Comparaison de bases de règles</title>\n<style>\n";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n<h1>Comparaison de deux bases de règles</h1>\n";
  out += "<p>Avant : <strong>" + html_escaped(report.label_before) + "</strong> ; après : <strong>" +
         html_escaped(report.label_after) + "</strong>. " +
         output::counted(report.dossiers, "dossier jugé", "dossiers jugés") + " sous les deux bases, " +
         std::to_string(report.changed.size()) + " " +
         std::string(output::agreed(report.changed.size(), "change", "changent")) +
         " de verdict ou de statut de règle.</p>\n";

  out += "<h2>Verdicts avant et après</h2>\n<p>Lignes : verdict sous l'ancienne base ; colonnes : sous la nouvelle. "
         "Chaque case donne le nombre de dossiers et la somme exacte de leurs montants.</p>\n";
  out += "<table><thead><tr><th>avant \\ après</th>";
  for (eval::Verdict after : kVerdicts) out += "<th>" + verdict_span(after) + "</th>";
  out += "</tr></thead><tbody>\n";
  for (std::size_t i = 0; i < 3; ++i) {
    out += "<tr><th>" + verdict_span(kVerdicts[i]) + "</th>";
    for (std::size_t j = 0; j < 3; ++j) {
      const TransitionCell& cell = report.matrix[i][j];
      out += std::string("<td class=\"num ") + (i == j ? "same" : (cell.count ? "moved" : "")) + "\">" +
             output::counted(cell.count, "dossier", "dossiers") + "<br>" + html_escaped(reports::format_euros(cell.euros)) + "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody></table>\n";

  out += "<h2>Dossiers qui changent</h2>\n";
  if (report.changed.empty()) out += "<p>Aucun.</p>\n";
  for (const DossierChange& change : report.changed) {
    out += "<div class=\"dossier\"><p><strong>" + html_escaped(change.id) + "</strong> (" +
           html_escaped(place(change.file, change.line)) + ", " + html_escaped(reports::format_euros(change.montant)) +
           ") : " + verdict_span(change.before) + " → " + verdict_span(change.after) + "</p>\n";
    if (change.rules.empty()) out += "<p class=\"expl\">Aucune règle ne change de statut (gravité modifiée).</p>\n";
    for (const RuleStatusChange& rule : change.rules) {
      out += "<p>Règle <code>" + html_escaped(rule.id) + "</code> : " + html_escaped(status_french_or_absent(rule.before)) +
             " → " + html_escaped(status_french_or_absent(rule.after)) + "</p>\n";
      if (!rule.explanation_before.empty())
        out += "<p class=\"expl\">Avant : " + html_escaped(rule.explanation_before) + "</p>\n";
      if (!rule.explanation_after.empty())
        out += "<p class=\"expl\">Après : " + html_escaped(rule.explanation_after) + "</p>\n";
    }
    out += "</div>\n";
  }

  out += "<h2>Règles</h2>\n";
  if (report.rules.empty()) {
    out += "<p>Aucune règle ajoutée, supprimée ou modifiée.</p>\n";
  } else {
    out += "<table><thead><tr><th>règle</th><th>changement</th><th>texte</th><th>dossiers basculés</th></tr></thead><tbody>\n";
    for (const RuleChange& rule : report.rules) {
      out += "<tr><td><code>" + html_escaped(rule.id) + "</code></td><td>" + html_escaped(change_french(rule.kind)) +
             "</td><td>" +
             (rule.kind != RuleChangeKind::Changed ? "—"
              : rule.text_changed                  ? "modifié"
              : rule.causes.empty()                ? "inchangé"
                                                   : "inchangé ; a changé : " + html_escaped(causes_french(rule.causes))) +
             "</td><td class=\"num\">" +
             std::to_string(rule.flips) + "</td></tr>\n";
    }
    out += "</tbody></table>\n";
  }

  if (!report.sectors.empty()) {
    out += "<h2>Jaune par secteur</h2>\n<p>Secteurs dont le montant des dossiers signalés (non conformes ou incomplets) "
           "change.</p>\n<table><thead><tr><th>exercice</th><th>secteur</th><th>total</th><th>signalés avant</th>"
           "<th>signalés après</th></tr></thead><tbody>\n";
    for (const SectorDifference& sector : report.sectors) {
      out += "<tr><td>" + std::to_string(sector.exercice) + "</td><td>" + html_escaped(sector.label) +
             "</td><td class=\"num\">" + html_escaped(reports::format_euros(sector.total)) + "</td><td class=\"num\">" +
             std::to_string(sector.flagged_count_before) + " · " + html_escaped(reports::format_euros(sector.flagged_before)) +
             "</td><td class=\"num\">" + std::to_string(sector.flagged_count_after) + " · " +
             html_escaped(reports::format_euros(sector.flagged_after)) + "</td></tr>\n";
    }
    out += "</tbody></table>\n";
  }

  if (!report.unreadable.empty()) {
    out += "<h2>Dossiers illisibles, non comparés</h2>\n<ul>\n";
    for (const UnreadableUnder& u : report.unreadable)
      out += "<li>" + html_escaped(place(u.error.file, u.error.line)) + " : " +
             html_escaped(u.error.json_path.empty() ? u.error.message : u.error.json_path + " : " + u.error.message) +
             " (base " + html_escaped(u.base) + ")</li>\n";
    out += "</ul>\n";
  }
  for (const std::string& note : report.notes) out += "<p><em>Note : " + html_escaped(note) + "</em></p>\n";

  out += "<p class=\"receipt\">Moteur " + html_escaped(report.receipt_after.version) + " (commit " +
         html_escaped(report.receipt_after.commit) + ")<br>avant " + html_escaped(report.receipt_before.fingerprint) +
         "<br>après " + html_escaped(report.receipt_after.fingerprint) + "</p>\n</body>\n</html>\n";
  return out;
}

}  // namespace subsidia::workbench
