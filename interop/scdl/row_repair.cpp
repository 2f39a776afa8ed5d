#include "scdl/row_repair.hpp"

#include <algorithm>

#include "detect/folded_text.hpp"
#include "scdl/amount.hpp"
#include "scdl/cell_readings.hpp"
#include "scdl/dates.hpp"
#include "scdl/identifiers.hpp"

namespace subsidia::interop::scdl {

namespace {

// Whether `text` is an amount's whole part as a spreadsheet writes it: digits grouped by three with
// a blank (a space, a no-break space U+00A0 or U+202F), or fewer than four digits.
bool whole_part(std::string_view text) {
  std::size_t digits = 0, group = 0;
  bool grouped = false;
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= '0' && c <= '9') {
      ++digits;
      ++group;
      ++i;
      continue;
    }
    std::size_t blank = c == ' ' ? 1 : text.substr(i).starts_with("\xC2\xA0") ? 2 : text.substr(i).starts_with("\xE2\x80\xAF") ? 3 : 0;
    if (blank == 0 || group == 0 || group > 3 || (grouped && group != 3)) return false;
    grouped = true;
    group = 0;
    i += blank;
  }
  // Four digits or more without a blank are not what a spreadsheet writes where it cuts decimals
  // with a comma (« 1 500,00 »), and are often a year that a comma in the object pushed into the
  // amount's place (« Tournoi de pétanque, 2019 » then 80 €).
  return digits > 0 && (grouped ? group == 3 : digits < 4);
}

// Free-text columns, where a separator may hide; in the order a person would suspect them.
constexpr Column kTextColumns[] = {Column::Objet,           Column::ConditionsVersement, Column::NomBeneficiaire,
                                   Column::NomAttribuant,   Column::DispositifAide,      Column::ReferenceDecision,
                                   Column::Nature};

// At most this many separators in one cell: beyond, a row is more likely broken in another way.
constexpr std::size_t kMostSeparators = 4;

bool given(std::string_view cell) { return !is_missing_marker(trim_spaces(cell)); }

// SCDL 2.1.1's nature: « aide en numéraire », « aide en nature », or both joined by « ; ».
bool nature_valid(std::string_view text) {
  const FoldedText folded(text);
  if (folded.tokens().empty()) return false;
  for (const FoldedToken& token : folded.tokens())
    if (token.word != "aide" && token.word != "aides" && token.word != "en" && token.word != "numeraire" &&
        token.word != "nature" && token.word != "et")
      return false;
  return true;
}

bool date_valid(std::string_view text) {
  const DateReading r = read_date(text);
  return r.status == DateReading::Status::Ok || r.status == DateReading::Status::YearOnly;
}

bool siret_valid(std::string_view text) {
  const auto id = read_siret(text);
  return id && !id->digits.empty();
}

// Cuts: where the separators go back. `text_column` gets `extra` more cells; `amount_column`
// (or -1) joins its cell and the next.
struct Reading {
  int text_column = -1;
  std::size_t extra = 0;
  int amount_column = -1;
};

// An ASCII letter, or the first byte of a Latin letter with its accent (U+00C0 to U+017F: é, Œ…);
// not the no-break spaces that group digits (U+00A0 is C2 A0, U+202F is E2 80 AF).
bool has_letter(std::string_view text) {
  for (unsigned char c : text)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC3 && c <= 0xC5)) return true;
  return false;
}

// The row as `reading` puts it back, or false when its shape does not fit.
bool apply(const std::vector<std::string_view>& cells, std::size_t width, const Reading& reading, char separator,
           std::vector<std::string>& row, bool& suspicious) {
  row.clear();
  suspicious = false;
  std::size_t i = 0;
  for (std::size_t column = 0; column < width; ++column) {
    if (i >= cells.size()) return false;
    if (static_cast<int>(column) == reading.text_column) {
      if (i + reading.extra >= cells.size()) return false;
      std::string joined(cells[i]);
      for (std::size_t k = 1; k <= reading.extra; ++k) {
        // A piece without a letter (« 1 500 », « 2019 ») is more likely a number cut away from
        // its own cell than words of a text: « Fête,1 500,500 » is no object « Fête,1 500 » of
        // 500 €. Such a reading is never chosen, but it stands against the others.
        if (!has_letter(cells[i + k])) suspicious = true;
        joined += separator;
        joined.append(cells[i + k]);
      }
      row.push_back(std::move(joined));
      i += reading.extra + 1;
    } else if (static_cast<int>(column) == reading.amount_column) {
      if (i + 1 >= cells.size()) return false;
      const std::string_view whole = trim_spaces(cells[i]), cents = trim_spaces(cells[i + 1]);
      if (!amount_cut_at(whole, cents)) return false;
      row.push_back(std::string(whole) + "," + std::string(cents));
      i += 2;
    } else {
      row.emplace_back(cells[i]);
      ++i;
    }
  }
  return i == cells.size();
}

std::string header_name(const std::vector<std::string>& header, int column) {
  return column >= 0 && static_cast<std::size_t>(column) < header.size() ? header[static_cast<std::size_t>(column)]
                                                                          : std::string("?");
}

std::string_view shortened(std::string_view text, std::size_t most) {
  if (text.size() <= most) return text;
  std::size_t cut = most;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // a whole character
  return text.substr(0, cut);
}

}  // namespace

bool amount_cut_at(std::string_view whole, std::string_view cents) {
  return whole_part(whole) && cents.size() == 2 && cents[0] >= '0' && cents[0] <= '9' && cents[1] >= '0' &&
         cents[1] <= '9';
}

bool typed_cells_valid(const std::vector<std::string_view>& row, const ColumnMap& columns) {
  auto cell = [&](Column c) -> std::string_view {
    const int i = columns[c];
    return i >= 0 && static_cast<std::size_t>(i) < row.size() ? trim_spaces(row[static_cast<std::size_t>(i)])
                                                              : std::string_view();
  };
  if (read_amount(cell(Column::Montant)).status != AmountReading::Status::Ok) return false;
  for (Column c : {Column::IdAttribuant, Column::IdBeneficiaire})
    if (given(cell(c)) && !siret_valid(cell(c))) return false;
  if (given(cell(Column::RnaBeneficiaire)) && read_rna(cell(Column::RnaBeneficiaire)).empty()) return false;
  for (Column c : {Column::DateConvention, Column::DateDebutVersement, Column::DateFinVersement})
    if (given(cell(c)) && !date_valid(cell(c))) return false;
  if (given(cell(Column::Exercice)) && !read_year(cell(Column::Exercice))) return false;
  if (given(cell(Column::DatesPeriodeVersement)) && !read_period(cell(Column::DatesPeriodeVersement))) return false;
  if (given(cell(Column::NotificationUe)) && !read_yes_no(cell(Column::NotificationUe))) return false;
  if (given(cell(Column::PourcentageSubvention)) &&
      read_share(cell(Column::PourcentageSubvention)).status == ShareReading::Status::Unreadable)
    return false;
  if (given(cell(Column::Nature)) && !nature_valid(cell(Column::Nature))) return false;
  return true;
}

RowRepair repair_wide_row(const std::vector<std::string_view>& cells, const std::vector<std::string>& header,
                          const ColumnMap& columns, char separator, bool join_amounts) {
  RowRepair repair;
  if (cells.size() <= header.size()) return repair;
  const std::size_t surplus = cells.size() - header.size();
  std::vector<Reading> readings;
  const int amount = columns[Column::Montant];
  for (int join = 0; join <= 1; ++join) {
    if (join == 1 && (!join_amounts || separator != ',' || amount < 0)) continue;
    const std::size_t extra = surplus - static_cast<std::size_t>(join);
    if (extra == 0) {
      readings.push_back({-1, 0, amount});
      continue;
    }
    if (extra > kMostSeparators) continue;
    for (Column c : kTextColumns)
      if (columns[c] >= 0) readings.push_back({columns[c], extra, join == 1 ? amount : -1});
  }
  std::vector<std::string> row, found_row;
  std::vector<std::string_view> views;
  const Reading* found = nullptr;
  for (const Reading& reading : readings) {
    bool suspicious = false;
    if (!apply(cells, header.size(), reading, separator, row, suspicious)) continue;
    views.assign(row.begin(), row.end());
    if (!typed_cells_valid(views, columns)) continue;
    if (reading.text_column >= 0) repair.columns.push_back(header_name(header, reading.text_column));
    if (suspicious) {
      repair.outcome = RowRepair::Outcome::Ambiguous;
      continue;
    }
    if (found == nullptr) {
      found = &reading;
      found_row = row;
    } else {
      repair.outcome = RowRepair::Outcome::Ambiguous;
    }
  }
  if (repair.outcome == RowRepair::Outcome::Ambiguous) {
    std::sort(repair.columns.begin(), repair.columns.end());
    repair.columns.erase(std::unique(repair.columns.begin(), repair.columns.end()), repair.columns.end());
    return repair;
  }
  if (found == nullptr) {
    repair.columns.clear();
    return repair;
  }
  repair.outcome = RowRepair::Outcome::Repaired;
  repair.columns.clear();
  const bool feminine = separator == ',';  // une virgule, un point-virgule, un séparateur
  const std::string label = separator == ',' ? "virgule" : separator == ';' ? "point-virgule" : "séparateur";
  if (found->text_column >= 0) {
    const std::string& text = found_row[static_cast<std::size_t>(found->text_column)];
    const std::string plural = found->extra > 1 ? "s" : "";
    repair.what = std::to_string(found->extra) + " " + label + plural + " non protégé" + (feminine ? "e" : "") + plural +
                  " par des guillemets dans " + header_name(header, found->text_column) +
                  " (« " + std::string(shortened(trim_spaces(text), 120)) + (text.size() > 120 ? "…" : "") + " »)";
  }
  if (found->amount_column >= 0) {
    if (!repair.what.empty()) repair.what += " et ";
    repair.what += "montant lu « " + found_row[static_cast<std::size_t>(found->amount_column)] +
                   " » (virgule décimale non protégée)";
  }
  repair.what = std::to_string(cells.size()) + " cellules pour " + std::to_string(header.size()) + " colonnes : " +
                repair.what + " ; seule lecture où chaque cellule typée (montant, dates, SIRET, nature, part) est valide";
  repair.cells = std::move(found_row);
  return repair;
}

}  // namespace subsidia::interop::scdl
