#include "reports/jaune_html.hpp"

#include <algorithm>

#include "output/french_count.hpp"
#include "output/markup.hpp"
#include "reports/amount_format.hpp"
#include "reports/jaune_labels.hpp"
#include "reports/joined.hpp"

namespace subsidia::reports {

namespace {

std::string escaped(std::string_view text) { return output::markup_escaped(text); }

// At most `limit` code points, cut on a character boundary, with an ellipsis when cut.
std::string shortened(std::string_view text, std::size_t limit) {
  std::size_t points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (points == limit - 1) {
      // Only cut when more than one code point remains after this one.
      std::size_t rest = 0;
      for (std::size_t k = i; k < text.size(); ++k) rest += (static_cast<unsigned char>(text[k]) & 0xC0) != 0x80;
      if (rest > 1) return std::string(text.substr(0, i)) + "…";
      break;
    }
    ++points;
  }
  return std::string(text);
}

constexpr std::string_view kStyle = R"css(
:root { --ink: #1d1d1b; --muted: #5f5f5a; --rule: #c9c6b8; --jaune: #f3d36b; --flag: #b3261e; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: var(--ink); margin: 2rem auto;
       max-width: 60rem; padding: 0 1rem; font-size: 11pt; line-height: 1.35; }
header { border-bottom: 4px solid var(--jaune); margin-bottom: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .6rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }
.subtitle { color: var(--muted); margin: 0 0 .8rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
th, td { text-align: left; padding: .3rem .45rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { background: #faf6e4; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: 700; border-top: 2px solid var(--ink); }
tr.memo td { font-style: italic; color: var(--muted); }
.ids { display: block; font-size: .75em; font-weight: 400; color: var(--muted); word-break: break-word; }
.flag { color: var(--flag); font-weight: 600; }
.verdict-conforme { color: #2e6b30; }
.verdict-non_conforme, .verdict-incomplet { color: var(--flag); font-weight: 600; }
svg { display: block; margin: .3rem 0 1rem; max-width: 100%; height: auto; }
svg text { font-family: inherit; font-size: 12px; fill: var(--ink); }
svg .bar { fill: #d9a300; }
ul.notes { color: var(--muted); font-size: .9em; }
@media print {
  @page { size: A4; margin: 15mm 12mm; }
  body { margin: 0; max-width: none; font-size: 9.5pt; }
  h2 { break-after: avoid; }
  tr, svg { break-inside: avoid; }
  th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  svg .bar { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";

std::string amount_cells(const decimal::Decimal& amount) {
  return "<td class=\"num\">" + escaped(format_meur(amount)) + "</td><td class=\"num\">" +
         escaped(format_euros(amount)) + "</td>";
}

std::string ids_span(const JauneLine& line) {
  std::string out = "<span class=\"ids\">" + output::counted(line.dossiers.size(), "dossier", "dossiers") + " : " +
                    escaped(joined(line.dossiers)) + "</span>";
  if (!line.flagged.empty())
    out += "<span class=\"ids flag\">" + std::string(output::agreed(line.flagged.size(), "signalé", "signalés")) + " : " +
           escaped(joined(line.flagged)) + "</span>";
  return out;
}

void breakdown(std::string& out, std::string_view title, std::string_view column, const std::vector<JauneLine>& lines,
               const decimal::Decimal& total) {
  if (lines.empty()) return;
  out += "<section><h2>" + escaped(title) + "</h2>\n<table><thead><tr><th>" + escaped(column) +
         "</th><th class=\"num\">M€</th><th class=\"num\">euros</th></tr></thead><tbody>\n";
  for (const auto& line : lines)
    out += "<tr><td>" + escaped(line.label) + ids_span(line) + "</td>" + amount_cells(line.amount) + "</tr>\n";
  out += "<tr class=\"total\"><td>Total</td>" + amount_cells(total) + "</tr>\n</tbody></table></section>\n";
}

// Horizontal bars, widths in per-mille of the largest line, computed exactly.
void bar_chart(std::string& out, std::string_view title, const std::vector<JauneLine>& lines) {
  if (lines.empty()) return;
  decimal::Decimal largest;
  for (const auto& line : lines)
    if (line.amount > largest) largest = line.amount;
  constexpr int kLabelWidth = 340, kBarWidth = 280, kRow = 24;
  const int height = kRow * static_cast<int>(lines.size()) + 8;
  out += "<svg role=\"img\" aria-label=\"" + escaped(title) + "\" viewBox=\"0 0 " +
         std::to_string(kLabelWidth + kBarWidth + 110) + " " + std::to_string(height) + "\" width=\"" +
         std::to_string(kLabelWidth + kBarWidth + 110) + "\" height=\"" + std::to_string(height) + "\">\n";
  int y = 4;
  for (const auto& line : lines) {
    std::int64_t per_mille = 0;
    if (!largest.is_zero() && !line.amount.is_negative()) {
      auto scaled = multiply(line.amount, decimal::Decimal::from_integer(1000));
      auto ratio = scaled ? divide(*scaled, largest, 0, decimal::RoundingMode::HalfAwayFromZero) : std::nullopt;
      if (ratio) per_mille = ratio->to_int64().value_or(0);
    }
    const std::int64_t bar = per_mille * kBarWidth / 1000;
    const std::string label = shortened(line.label, 44);
    out += "<text x=\"" + std::to_string(kLabelWidth - 6) + "\" y=\"" + std::to_string(y + 15) +
           "\" text-anchor=\"end\">" + escaped(label) + "</text>";
    out += "<rect class=\"bar\" x=\"" + std::to_string(kLabelWidth) + "\" y=\"" + std::to_string(y + 3) +
           "\" width=\"" + std::to_string(std::max<std::int64_t>(bar, 1)) + "\" height=\"16\"/>";
    out += "<text x=\"" + std::to_string(kLabelWidth + bar + 6) + "\" y=\"" + std::to_string(y + 15) + "\">" +
           escaped(format_meur(line.amount)) + "</text>\n";
    y += kRow;
  }
  out += "</svg>\n";
}

void set_aside(std::string& out, const Jaune& jaune, std::string_view title, std::string_view explanation,
               const SetAside& aside) {
  if (aside.dossiers.empty()) return;
  out += "<section><h2>" + escaped(title) + "</h2><p class=\"subtitle\">" + escaped(explanation) +
         "</p>\n<table><thead><tr><th>Dossier</th><th>Objet</th><th>Verdict</th><th class=\"num\">M€</th>"
         "<th class=\"num\">euros</th></tr></thead><tbody>\n";
  for (std::size_t index : aside.dossiers) {
    const auto& d = jaune.dossiers[index];
    const std::string note = d.reason.empty() ? d.sector : d.reason;
    out += "<tr><td>" + escaped(d.entry.id) + "</td><td>" + escaped(d.entry.objet) + "<span class=\"ids\">" +
           escaped(note) + "</span></td><td class=\"verdict-" + std::string(verdict_key(d.verdict)) + "\">" +
           escaped(verdict_label(d.verdict)) + "</td>" + amount_cells(d.entry.montant) + "</tr>\n";
  }
  out += "<tr class=\"total\"><td colspan=\"3\">Total</td>" + amount_cells(aside.total) + "</tr>\n</tbody></table></section>\n";
}

}  // namespace

std::string jaune_html(const Jaune& jaune) {
  const std::string year = std::to_string(jaune.exercice);
  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>Jaune des actions internationales — exercice " + year + "</title>\n<style>" + std::string(kStyle) +
         "</style>\n</head>\n<body>\n";

  std::vector<std::string> collectivites;
  for (const auto& d : jaune.dossiers)
    if (!d.entry.collectivite.empty() &&
        std::find(collectivites.begin(), collectivites.end(), d.entry.collectivite) == collectivites.end())
      collectivites.push_back(d.entry.collectivite);
  out += "<header><h1>Jaune budgétaire des actions internationales</h1><p class=\"subtitle\">Exercice " + year;
  if (!collectivites.empty()) out += " — " + escaped(joined(collectivites));
  out += " — " + output::counted(jaune.dossiers.size(), "dossier", "dossiers") + "</p></header>\n";

  // The synthesis, worded and laid out as the communication of December 2012.
  out += "<section><h2>Synthèse des engagements " + year +
         "</h2>\n<table><thead><tr><th>Engagements</th><th class=\"num\">M€</th><th class=\"num\">euros</th></tr>"
         "</thead><tbody>\n";
  for (const auto& line : jaune.synthesis) {
    // The total's dossiers are those of the two lines above: their count is enough here.
    const bool total = line.key == "total";
    const std::string ids = total ? "<span class=\"ids\">" + output::counted(line.dossiers.size(), "dossier", "dossiers") + "</span>"
                                  : ids_span(line);
    out += std::string(total ? "<tr class=\"total\">" : "<tr>") + "<td>" + escaped(line.label) + ids + "</td>" +
           amount_cells(line.amount) + "</tr>\n";
  }
  out += "<tr class=\"memo\"><td>" + escaped(kSynthesisExceptional) + "</td>" + amount_cells(jaune.exceptional.total) +
         "</tr>\n";
  if (!jaune.exceptional.dossiers.empty())
    out += "<tr class=\"memo\"><td>" + escaped(kSynthesisTotalWithExceptional) + "</td>" +
           amount_cells(jaune.total_with_exceptional) + "</tr>\n";
  if (!jaune.out_of_scope.dossiers.empty())
    out += "<tr class=\"memo\"><td>" + escaped(kSynthesisOutOfScope) + "</td>" + amount_cells(jaune.out_of_scope.total) +
           "</tr>\n";
  if (!jaune.domestic.dossiers.empty())
    out += "<tr class=\"memo\"><td>" + escaped(kSynthesisDomestic) + "</td>" + amount_cells(jaune.domestic.total) +
           "</tr>\n";
  out += "</tbody></table>\n<p>Verdicts de la base de règles : " +
         output::counted(jaune.verdicts.compliant, "conforme", "conformes") + ", <span class=\"" +
         std::string(jaune.verdicts.non_compliant ? "flag" : "") + "\">" +
         output::counted(jaune.verdicts.non_compliant, "non conforme", "non conformes") + "</span>, <span class=\"" +
         std::string(jaune.verdicts.incomplete ? "flag" : "") + "\">" +
         output::counted(jaune.verdicts.incomplete, "incomplet", "incomplets") +
         "</span>. Les montants des dossiers signalés sont comptés, jamais retirés.</p></section>\n";

  out += "<section><h2>Par secteur</h2>\n";
  bar_chart(out, "Engagements par secteur", jaune.by_sector);
  out += "</section>\n";
  breakdown(out, "Par secteur : détail", "Secteur", jaune.by_sector, jaune.total);
  breakdown(out, "Par domaine", "Domaine", jaune.by_domain, jaune.total);
  out += "<section><h2>Par zone géographique</h2>\n";
  bar_chart(out, "Engagements par zone géographique", jaune.by_zone);
  out += "</section>\n";
  breakdown(out, "Par zone géographique : détail", "Zone", jaune.by_zone, jaune.total);
  breakdown(out, "Par imputation budgétaire", "Nomenclature · chapitre · fonction", jaune.by_imputation, jaune.total);
  breakdown(out, "Par collectivité", "Collectivité", jaune.by_collectivite, jaune.total);

  set_aside(out, jaune, "Pour mémoire : opérations exceptionnelles",
            "Opérations ponctuelles, indiquées pour information et non comprises dans le total.", jaune.exceptional);
  set_aside(out, jaune, "Hors périmètre", "Actions retracées ailleurs, non comprises dans le total.",
            jaune.out_of_scope);
  set_aside(out, jaune, kSynthesisDomestic,
            "Subventions de l'exercice sans aucun élément international (ni action à l'étranger, ni bénéficiaire "
            "étranger, ni action internationale déclarée) : elles ne font pas partie du jaune.",
            jaune.domestic);
  if (!jaune.unreadable.empty()) {
    out += "<section><h2>Dossiers illisibles</h2><p class=\"subtitle flag\">Dossiers de l'exercice qui n'ont pas pu être "
           "lus et que le jaune ne compte pas (--ignorer-illisibles) : le jaune n'est pas exhaustif.</p><ul>\n";
    for (const auto& u : jaune.unreadable)
      out += "<li>" + escaped(unreadable_place(u)) + " : " + escaped(u.message) + "</li>\n";
    out += "</ul></section>\n";
  }

  out += "<section><h2>Détail des dossiers</h2>\n<table><thead><tr><th>Dossier</th><th>Objet</th><th>Classement</th>"
         "<th>Verdict</th><th class=\"num\">euros</th></tr></thead><tbody>\n";
  for (const auto& d : jaune.dossiers) {
    std::string where = d.sector + " · " + d.domain + " · " + d.zone;
    if (!d.entry.pays.empty()) where += " (" + joined(d.entry.pays, " ") + ")";
    where += " · " + d.imputation;
    out += "<tr><td>" + escaped(d.entry.id) + "</td><td>" + escaped(d.entry.objet) + "<span class=\"ids\">" +
           escaped(d.entry.file) + "</span></td><td>" + escaped(where);
    if (d.inclusion != Inclusion::Counted) out += "<span class=\"ids\">" + escaped(inclusion_label(d.inclusion)) + "</span>";
    out += "</td><td class=\"verdict-" + std::string(verdict_key(d.verdict)) + "\">" + escaped(verdict_label(d.verdict)) +
           "</td><td class=\"num\">" + escaped(format_euros(d.entry.montant)) + "</td></tr>\n";
  }
  out += "</tbody></table></section>\n";

  if (!jaune.notes.empty()) {
    out += "<section><h2>Notes</h2><ul class=\"notes\">\n";
    for (const auto& note : jaune.notes) out += "<li>" + escaped(note) + "</li>\n";
    out += "</ul></section>\n";
  }
  out += "<footer><p class=\"receipt\">" + escaped(receipt_line(jaune.moteur)) + "</p></footer>\n";
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace subsidia::reports
