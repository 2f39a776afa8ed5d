#include "reports/jaune_csv.hpp"

#include <array>

#include "reports/amount_format.hpp"
#include "reports/jaune_labels.hpp"
#include "reports/joined.hpp"

namespace subsidia::reports {

namespace {

constexpr std::array<std::string_view, 17> kColumns = {
    "tableau", "ligne", "libelle", "montant_euros", "montant_meur", "nb_dossiers", "dossiers", "signales",
    "verdict", "inclusion", "secteur", "domaine", "zone", "pays", "nomenclature", "chapitre", "fonction",
};
// One more, last: collectivite (kept apart to keep the array readable).
constexpr std::string_view kLastColumn = "collectivite";

using Row = std::array<std::string, kColumns.size() + 1>;

std::string field(std::string_view text) {
  if (text.find_first_of(";\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

void emit(std::string& out, const Row& row) {
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i) out += ';';
    out += field(row[i]);
  }
  out += "\r\n";
}

Row line_row(std::string_view table, const JauneLine& line) {
  Row row;
  row[0] = table;
  row[1] = line.key;
  row[2] = line.label;
  row[3] = spreadsheet_euros(line.amount);
  row[4] = meur_digits(line.amount);
  row[5] = std::to_string(line.dossiers.size());
  row[6] = joined(line.dossiers);
  row[7] = joined(line.flagged);
  if (table == "imputation" && line.key_parts.size() == 3) {
    row[14] = line.key_parts[0];
    row[15] = line.key_parts[1];
    row[16] = line.key_parts[2];
  }
  return row;
}

}  // namespace

std::string jaune_csv(const Jaune& jaune) {
  std::string out = "\xEF\xBB\xBF";  // UTF-8 byte-order mark, for Excel
  Row header;
  for (std::size_t i = 0; i < kColumns.size(); ++i) header[i] = kColumns[i];
  header.back() = kLastColumn;
  emit(out, header);

  for (const auto& line : jaune.synthesis) emit(out, line_row("synthese", line));
  auto aside_row = [&](std::string_view key, std::string_view label, const SetAside& aside, Inclusion inclusion) {
    JauneLine line;
    line.key = key;
    line.label = label;
    line.amount = aside.total;
    for (std::size_t index : aside.dossiers) {
      const auto& d = jaune.dossiers[index];
      line.dossiers.push_back(d.entry.id);
      if (d.verdict != eval::Verdict::Compliant) line.flagged.push_back(d.entry.id);
    }
    Row row = line_row("synthese", line);
    row[9] = inclusion_key(inclusion);
    emit(out, row);
  };
  aside_row("operations_exceptionnelles", kSynthesisExceptional, jaune.exceptional, Inclusion::Exceptional);
  aside_row("hors_perimetre", kSynthesisOutOfScope, jaune.out_of_scope, Inclusion::OutOfScope);

  for (const auto& line : jaune.by_sector) emit(out, line_row("secteur", line));
  for (const auto& line : jaune.by_domain) emit(out, line_row("domaine", line));
  for (const auto& line : jaune.by_zone) emit(out, line_row("zone", line));
  for (const auto& line : jaune.by_imputation) emit(out, line_row("imputation", line));
  for (const auto& line : jaune.by_collectivite) emit(out, line_row("collectivite", line));

  for (const auto& d : jaune.dossiers) {
    Row row;
    row[0] = "detail";
    row[1] = d.entry.id;
    row[2] = d.entry.objet;
    row[3] = spreadsheet_euros(d.entry.montant);
    row[4] = meur_digits(d.entry.montant);
    row[5] = "1";
    row[6] = d.entry.id;
    row[7] = d.verdict == eval::Verdict::Compliant ? "" : d.entry.id;
    row[8] = verdict_key(d.verdict);
    row[9] = inclusion_key(d.inclusion);
    row[10] = d.sector;
    row[11] = d.domain;
    row[12] = d.zone;
    row[13] = joined(d.entry.pays, " ");
    row[14] = d.entry.nomenclature;
    row[15] = d.entry.chapitre;
    row[16] = d.entry.fonction;
    row[17] = d.entry.collectivite;
    emit(out, row);
  }
  return out;
}

}  // namespace subsidia::reports
