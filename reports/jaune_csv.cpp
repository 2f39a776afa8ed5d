#include "reports/jaune_csv.hpp"

#include <array>
#include <vector>

#include "reports/amount_format.hpp"
#include "reports/jaune_labels.hpp"
#include "reports/joined.hpp"

namespace subsidia::reports {

namespace {

constexpr std::array<std::string_view, 19> kColumns = {
    "tableau", "ligne", "libelle", "montant_euros", "montant_meur", "nb_dossiers", "dossiers", "signales",
    "verdict", "inclusion", "secteur", "domaine", "zone", "pays", "nomenclature", "chapitre", "fonction",
    "collectivite", "raison",
};
constexpr std::size_t kDossiers = 6, kFlagged = 7, kReason = 18;

using Row = std::array<std::string, kColumns.size()>;

// Spreadsheets hold at most 32 767 characters in a cell (Excel cuts the rest, LibreOffice
// refuses the file): a longer cell is written on rows of its own, never cut.
constexpr std::size_t kMaxCell = 32767;

std::size_t characters(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

// Pieces of at most `limit` characters, cut on character boundaries.
std::vector<std::string_view> pieces(std::string_view text, std::size_t limit) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    std::size_t chars = 0, i = 0;
    while (i < text.size()) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
        if (chars == limit) break;
        ++chars;
      }
      ++i;
    }
    out.push_back(text.substr(0, i));
    text.remove_prefix(i);
  }
  return out;
}

// The columns that hold numbers (euros, M€, a count): written as they are, a minus included.
constexpr bool numeric_column(std::size_t i) { return i == 3 || i == 4 || i == 5; }

// A text a spreadsheet would take for a formula (`=HYPERLINK(…)`, `@SUM(…)`, `+1+1`, `-2+3`,
// or a tab or carriage return before one): an objet or a name from a dossier must not run in
// the finance officer's spreadsheet. Written with a leading apostrophe, as OWASP advises for
// CSV files; quoting alone does not stop Excel.
bool looks_like_formula(std::string_view text) {
  return !text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' ||
                           text[0] == '\r');
}

std::string field(std::string_view text, bool numeric) {
  std::string cell;
  if (!numeric && looks_like_formula(text)) cell = "'";
  cell += text;
  if (cell.find_first_of(";\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

void emit_plain(std::string& out, const Row& row) {
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i) out += ';';
    out += row[i].empty() ? std::string() : field(row[i], numeric_column(i));
  }
  out += "\r\n";
}

// A row, then, for each of its cells too long for a spreadsheet, the rows that hold it: a
// list of dossiers one id a row (tableau "dossiers"), any other text in pieces (tableau
// "suite"), each naming the row and column they belong to.
void emit(std::string& out, Row row) {
  std::vector<Row> continuation;
  const std::string owner = row[0] + "/" + row[1];
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (characters(row[i]) <= kMaxCell) continue;
    std::string text = std::move(row[i]);
    if (i == kDossiers || i == kFlagged) {
      std::size_t count = 0;
      for (std::size_t start = 0; start <= text.size();) {
        std::size_t cut = text.find(", ", start);
        Row r;
        r[0] = "dossiers";
        r[1] = owner;
        r[2] = kColumns[i];
        r[kDossiers] = text.substr(start, cut == std::string::npos ? std::string::npos : cut - start);
        continuation.push_back(std::move(r));
        ++count;
        if (cut == std::string::npos) break;
        start = cut + 2;
      }
      row[i] = std::to_string(count) + " dossiers : un par ligne, lignes « dossiers » " + owner + " ci-dessous";
    } else {
      std::size_t n = 0;
      for (std::string_view piece : pieces(text, kMaxCell - 100)) {
        Row r;
        r[0] = "suite";
        r[1] = owner;
        r[2] = std::string(kColumns[i]) + " (" + std::to_string(++n) + ")";
        r[kReason] = std::string(piece);
        continuation.push_back(std::move(r));
      }
      row[i] = "texte de " + std::to_string(characters(text)) + " caractères : lignes « suite » " + owner + " ci-dessous";
    }
  }
  emit_plain(out, row);
  for (const Row& r : continuation) emit_plain(out, r);
}

Row line_row(std::string_view table, const JauneLine& line) {
  Row row;
  row[0] = table;
  row[1] = line.key;
  row[2] = line.label;
  row[3] = spreadsheet_euros(line.amount);
  row[4] = spreadsheet_meur(line.amount);
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
  if (!jaune.exceptional.dossiers.empty()) {
    // The sum of the total and the line above, with their dossiers.
    JauneLine line;
    line.key = "total_y_compris_exceptionnelles";
    line.label = kSynthesisTotalWithExceptional;
    line.amount = jaune.total_with_exceptional;
    line.dossiers = jaune.total_dossiers;
    for (std::size_t index : jaune.exceptional.dossiers) line.dossiers.push_back(jaune.dossiers[index].entry.id);
    emit(out, line_row("synthese", line));
  }
  aside_row("hors_perimetre", kSynthesisOutOfScope, jaune.out_of_scope, Inclusion::OutOfScope);
  if (!jaune.domestic.dossiers.empty())
    aside_row("sans_element_international", kSynthesisDomestic, jaune.domestic, Inclusion::Domestic);
  for (const auto& u : jaune.unreadable) {
    Row row;
    row[0] = "illisible";
    row[1] = unreadable_place(u);
    row[2] = "Dossier de l'exercice illisible, laissé hors du jaune (--ignorer-illisibles)";
    row[kReason] = u.message;
    emit(out, row);
  }

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
    row[4] = spreadsheet_meur(d.entry.montant);
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
    row[kReason] = d.reason;
    emit(out, row);
  }
  // The receipt: what produced these figures (tableau "moteur", the value in libelle).
  const std::pair<std::string_view, const std::string*> receipt[] = {
      {"version", &jaune.moteur.version}, {"commit", &jaune.moteur.commit},
      {"empreinte_regles", &jaune.moteur.fingerprint}};
  for (const auto& [key, value] : receipt) {
    Row row;
    row[0] = "moteur";
    row[1] = key;
    row[2] = *value;
    emit(out, row);
  }
  return out;
}

}  // namespace subsidia::reports
