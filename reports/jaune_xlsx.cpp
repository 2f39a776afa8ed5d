#include "reports/jaune_xlsx.hpp"

#include <xlsxwriter.h>

#include "reports/amount_format.hpp"
#include "reports/jaune_labels.hpp"
#include "reports/joined.hpp"

namespace subsidia::reports {

namespace {

// The one place where an amount becomes a binary double: the value of a display cell,
// because XLSX stores numbers as IEEE doubles and libxlsxwriter has no other way to write
// a numeric cell (a string cell would not add up in the spreadsheet). It is computed from
// the exact count of units (cents, or thousandths of M€) divided by a power of ten: both
// are exact doubles below 2^53, and IEEE division is correctly rounded, so the cell holds
// the double nearest to the exact decimal, the same one a spreadsheet gets by reading
// "46190000.00". Amounts beyond 2^53 units (90 000 billion euros) are refused.
std::optional<double> display_number(const decimal::Decimal& value, int digits) {
  auto rounded = value.round(digits, decimal::RoundingMode::HalfAwayFromZero);
  if (!rounded) return std::nullopt;
  __int128 units = rounded->coefficient();
  for (int s = rounded->scale(); s < digits; ++s) units *= 10;  // round() never widens the scale
  constexpr __int128 kExactLimit = static_cast<__int128>(1) << 53;
  if (units >= kExactLimit || units <= -kExactLimit) return std::nullopt;
  double power = 1;
  for (int s = 0; s < digits; ++s) power *= 10;
  return static_cast<double>(static_cast<std::int64_t>(units)) / power;
}

decimal::Decimal meur_value(const decimal::Decimal& euros) {
  auto shifted = decimal::Decimal::from_parts(euros.coefficient(), euros.scale() + 6);
  return shifted ? *shifted : decimal::Decimal();
}

class Sheets {
 public:
  explicit Sheets(lxw_workbook* book) {
    title_ = workbook_add_format(book);
    format_set_bold(title_);
    format_set_font_size(title_, 14);
    header_ = workbook_add_format(book);
    format_set_bold(header_);
    format_set_bg_color(header_, 0xFAF6E4);
    format_set_bottom(header_, LXW_BORDER_THIN);
    euros_ = workbook_add_format(book);
    format_set_num_format(euros_, "#,##0.00\\ \"€\"");
    meur_ = workbook_add_format(book);
    format_set_num_format(meur_, "0.000\\ \"M€\"");
    total_euros_ = workbook_add_format(book);
    format_set_num_format(total_euros_, "#,##0.00\\ \"€\"");
    format_set_bold(total_euros_);
    total_meur_ = workbook_add_format(book);
    format_set_num_format(total_meur_, "0.000\\ \"M€\"");
    format_set_bold(total_meur_);
    bold_ = workbook_add_format(book);
    format_set_bold(bold_);
    italic_ = workbook_add_format(book);
    format_set_italic(italic_);
    flag_ = workbook_add_format(book);
    format_set_font_color(flag_, 0xB3261E);
    format_set_bold(flag_);
  }

  // False when an amount cannot be shown exactly (see display_number).
  bool amount(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const decimal::Decimal& euros, bool total = false) {
    auto e = display_number(euros, 2);
    auto m = display_number(meur_value(euros), 3);
    if (!e || !m) return false;
    worksheet_write_number(sheet, row, col, *m, total ? total_meur_ : meur_);
    worksheet_write_number(sheet, row, col + 1, *e, total ? total_euros_ : euros_);
    return true;
  }

  lxw_format *title_, *header_, *euros_, *meur_, *total_euros_, *total_meur_, *bold_, *italic_, *flag_;
};

}  // namespace

std::optional<std::string> write_jaune_xlsx(const Jaune& jaune, const std::filesystem::path& file) {
  lxw_workbook* book = workbook_new(file.c_str());
  if (!book) return file.string() + " : création du classeur impossible";
  Sheets f(book);
  bool exact = true;

  lxw_worksheet* synthesis = workbook_add_worksheet(book, "Synthèse");
  worksheet_set_column(synthesis, 0, 0, 62, nullptr);
  worksheet_set_column(synthesis, 1, 1, 14, nullptr);
  worksheet_set_column(synthesis, 2, 2, 20, nullptr);
  worksheet_set_column(synthesis, 3, 3, 60, nullptr);
  lxw_row_t row = 0;
  const std::string year = std::to_string(jaune.exercice);
  worksheet_write_string(synthesis, row++, 0, ("Jaune des actions internationales — exercice " + year).c_str(), f.title_);
  ++row;
  worksheet_write_string(synthesis, row, 0, ("Engagements budgétaires " + year).c_str(), f.header_);
  worksheet_write_string(synthesis, row, 1, "M€", f.header_);
  worksheet_write_string(synthesis, row, 2, "euros", f.header_);
  worksheet_write_string(synthesis, row++, 3, "dossiers", f.header_);
  for (const auto& line : jaune.synthesis) {
    bool total = line.key == "total";
    worksheet_write_string(synthesis, row, 0, line.label.c_str(), total ? f.bold_ : nullptr);
    exact = f.amount(synthesis, row, 1, line.amount, total) && exact;
    worksheet_write_string(synthesis, row++, 3, joined(line.dossiers).c_str(), nullptr);
  }
  auto aside_row = [&](std::string_view label, const SetAside& aside) {
    worksheet_write_string(synthesis, row, 0, std::string(label).c_str(), f.italic_);
    exact = f.amount(synthesis, row, 1, aside.total) && exact;
    std::vector<std::string> ids;
    for (std::size_t index : aside.dossiers) ids.push_back(jaune.dossiers[index].entry.id);
    worksheet_write_string(synthesis, row++, 3, joined(ids).c_str(), nullptr);
  };
  aside_row(kSynthesisExceptional, jaune.exceptional);
  if (!jaune.out_of_scope.dossiers.empty()) aside_row(kSynthesisOutOfScope, jaune.out_of_scope);
  ++row;
  worksheet_write_string(synthesis, row++, 0,
                         ("Verdicts : " + std::to_string(jaune.verdicts.compliant) + " conforme(s), " +
                          std::to_string(jaune.verdicts.non_compliant) + " non conforme(s), " +
                          std::to_string(jaune.verdicts.incomplete) + " incomplet(s)")
                             .c_str(),
                         nullptr);

  auto breakdown = [&](std::string_view title, const std::vector<JauneLine>& lines) {
    if (lines.empty()) return;
    ++row;
    worksheet_write_string(synthesis, row, 0, std::string(title).c_str(), f.header_);
    worksheet_write_string(synthesis, row, 1, "M€", f.header_);
    worksheet_write_string(synthesis, row, 2, "euros", f.header_);
    worksheet_write_string(synthesis, row++, 3, "dossiers (signalés)", f.header_);
    for (const auto& line : lines) {
      worksheet_write_string(synthesis, row, 0, line.label.c_str(), nullptr);
      exact = f.amount(synthesis, row, 1, line.amount) && exact;
      std::string ids = joined(line.dossiers);
      if (!line.flagged.empty()) ids += " (signalés : " + joined(line.flagged) + ")";
      worksheet_write_string(synthesis, row++, 3, ids.c_str(), line.flagged.empty() ? nullptr : f.flag_);
    }
    worksheet_write_string(synthesis, row, 0, "Total", f.bold_);
    exact = f.amount(synthesis, row++, 1, jaune.total, true) && exact;
  };
  breakdown("Par secteur", jaune.by_sector);
  breakdown("Par domaine", jaune.by_domain);
  breakdown("Par zone géographique", jaune.by_zone);
  breakdown("Par imputation", jaune.by_imputation);
  breakdown("Par collectivité", jaune.by_collectivite);
  if (!jaune.notes.empty()) {
    ++row;
    worksheet_write_string(synthesis, row++, 0, "Notes", f.bold_);
    for (const auto& note : jaune.notes) worksheet_write_string(synthesis, row++, 0, note.c_str(), f.italic_);
  }

  lxw_worksheet* detail = workbook_add_worksheet(book, "Détail");
  const char* headers[] = {"dossier", "objet", "collectivité", "secteur", "domaine", "zone", "pays", "nomenclature",
                           "chapitre", "fonction", "classement", "verdict", "M€", "euros", "fichier"};
  lxw_col_t col = 0;
  for (const char* h : headers) worksheet_write_string(detail, 0, col++, h, f.header_);
  worksheet_set_column(detail, 0, 0, 24, nullptr);
  worksheet_set_column(detail, 1, 1, 60, nullptr);
  worksheet_set_column(detail, 2, 5, 24, nullptr);
  worksheet_set_column(detail, 12, 12, 12, nullptr);
  worksheet_set_column(detail, 13, 13, 18, nullptr);
  worksheet_freeze_panes(detail, 1, 0);
  lxw_row_t r = 1;
  for (const auto& d : jaune.dossiers) {
    worksheet_write_string(detail, r, 0, d.entry.id.c_str(), nullptr);
    worksheet_write_string(detail, r, 1, d.entry.objet.c_str(), nullptr);
    worksheet_write_string(detail, r, 2, d.entry.collectivite.c_str(), nullptr);
    worksheet_write_string(detail, r, 3, d.sector.c_str(), nullptr);
    worksheet_write_string(detail, r, 4, d.domain.c_str(), nullptr);
    worksheet_write_string(detail, r, 5, d.zone.c_str(), nullptr);
    worksheet_write_string(detail, r, 6, joined(d.entry.pays, " ").c_str(), nullptr);
    worksheet_write_string(detail, r, 7, d.entry.nomenclature.c_str(), nullptr);
    worksheet_write_string(detail, r, 8, d.entry.chapitre.c_str(), nullptr);
    worksheet_write_string(detail, r, 9, d.entry.fonction.c_str(), nullptr);
    worksheet_write_string(detail, r, 10, std::string(inclusion_label(d.inclusion)).c_str(), nullptr);
    worksheet_write_string(detail, r, 11, std::string(verdict_label(d.verdict)).c_str(),
                           d.verdict == eval::Verdict::Compliant ? nullptr : f.flag_);
    exact = f.amount(detail, r, 12, d.entry.montant) && exact;
    worksheet_write_string(detail, r, 14, d.entry.file.c_str(), nullptr);
    ++r;
  }
  if (r > 1) worksheet_autofilter(detail, 0, 0, r - 1, 14);

  lxw_error closed = workbook_close(book);
  if (!exact) return std::string("montant trop grand pour une cellule numérique exacte du classeur (au-delà de 2^53 centimes)");
  if (closed != LXW_NO_ERROR) return file.string() + " : écriture du classeur impossible (" + lxw_strerror(closed) + ")";
  return std::nullopt;
}

}  // namespace subsidia::reports
