#include "scdl/row_repair.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

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

// Free-text columns, where a separator may hide; in the order a person would suspect them. A
// reading puts the extra cells back into one of them, or into two (a comma in the object and
// another in the conditions of payment).
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

// Cuts: where the separators go back. Each of up to two text columns gets some more cells (an
// unquoted separator in the object and another in the conditions of payment); `amount_column`
// (or -1) joins its cell and the next.
struct Reading {
  struct Join {
    int column = -1;
    std::size_t extra = 0;
  };
  std::array<Join, 2> joins{};
  int amount_column = -1;
  std::size_t extra_of(int column) const {
    for (const Join& j : joins)
      if (j.column == column && j.extra > 0) return j.extra;
    return 0;
  }
};

// An ASCII letter, or the first byte of a Latin letter with its accent (U+00C0 to U+017F: é, Œ…);
// not the no-break spaces that group digits (U+00A0 is C2 A0, U+202F is E2 80 AF).
bool has_letter(std::string_view text) {
  for (unsigned char c : text)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC3 && c <= 0xC5)) return true;
  return false;
}

// The object and the names hold a word: a reading that leaves « 1 500 » or « 2019 » alone in the
// object has moved a number there (« Club B,Fête » then « 1 500 »), not put the row back.
bool words_where_words_go(const std::vector<std::string_view>& row, const ColumnMap& columns) {
  for (Column c : {Column::Objet, Column::NomBeneficiaire, Column::NomAttribuant}) {
    const int i = columns[c];
    if (i < 0 || static_cast<std::size_t>(i) >= row.size()) continue;
    const std::string_view cell = trim_spaces(row[static_cast<std::size_t>(i)]);
    if (!cell.empty() && !has_letter(cell)) return false;
  }
  return true;
}

// The row as `reading` puts it back, or false when its shape does not fit. `suspicious`: a piece
// joined into a text has no letter.
bool apply(const std::vector<std::string_view>& cells, std::size_t width, const Reading& reading, char separator,
           std::vector<std::string>& row, bool& suspicious) {
  row.clear();
  suspicious = false;
  std::size_t i = 0;
  for (std::size_t column = 0; column < width; ++column) {
    if (i >= cells.size()) return false;
    if (const std::size_t extra = reading.extra_of(static_cast<int>(column)); extra > 0) {
      if (i + extra >= cells.size()) return false;
      std::string joined(cells[i]);
      bool all_blank = true;
      for (std::size_t k = 1; k <= extra; ++k) {
        // A piece without a letter (« 1 500 », « 2019 ») is more likely a number cut away from
        // its own cell than words of a text: « Fête,1 500,500 » is no object « Fête,1 500 » of
        // 500 €. Such a reading is never chosen, but it stands against the others.
        if (!has_letter(cells[i + k])) suspicious = true;
        all_blank = all_blank && trim_spaces(cells[i + k]).empty();
        joined += separator;
        joined.append(cells[i + k]);
      }
      // Empty pieces only (a row ending with separators): the same row as it stands, not another
      // reading of it.
      if (all_blank) return false;
      row.push_back(std::move(joined));
      i += extra + 1;
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

std::uint32_t typed_cell_failures(const std::vector<std::string_view>& row, const ColumnMap& columns) {
  auto cell = [&](Column c) -> std::string_view {
    const int i = columns[c];
    return i >= 0 && static_cast<std::size_t>(i) < row.size() ? trim_spaces(row[static_cast<std::size_t>(i)])
                                                              : std::string_view();
  };
  std::uint32_t failures = 0;
  auto fail = [&](Column c) { failures |= 1u << static_cast<unsigned>(c); };
  // A subsidy of 0 € is no reading of a row put back together: « Open de tennis,160 000 » with
  // « 00 » is not an object and an amount.
  if (const AmountReading amount = read_amount(cell(Column::Montant));
      amount.status != AmountReading::Status::Ok || amount.value.is_zero())
    fail(Column::Montant);
  for (Column c : {Column::IdAttribuant, Column::IdBeneficiaire})
    if (given(cell(c)) && !siret_valid(cell(c))) fail(c);
  if (given(cell(Column::RnaBeneficiaire)) && read_rna(cell(Column::RnaBeneficiaire)).empty())
    fail(Column::RnaBeneficiaire);
  for (Column c : {Column::DateConvention, Column::DateDebutVersement, Column::DateFinVersement})
    if (given(cell(c)) && !date_valid(cell(c))) fail(c);
  if (given(cell(Column::Exercice)) && !read_year(cell(Column::Exercice))) fail(Column::Exercice);
  if (given(cell(Column::DatesPeriodeVersement)) && !read_period(cell(Column::DatesPeriodeVersement)))
    fail(Column::DatesPeriodeVersement);
  if (given(cell(Column::NotificationUe)) && !read_yes_no(cell(Column::NotificationUe))) fail(Column::NotificationUe);
  if (given(cell(Column::PourcentageSubvention)) &&
      read_share(cell(Column::PourcentageSubvention)).status == ShareReading::Status::Unreadable)
    fail(Column::PourcentageSubvention);
  if (given(cell(Column::Nature)) && !nature_valid(cell(Column::Nature))) fail(Column::Nature);
  return failures;
}

bool typed_cells_valid(const std::vector<std::string_view>& row, const ColumnMap& columns) {
  return typed_cell_failures(row, columns) == 0;
}

RowRepair repair_wide_row(const std::vector<std::string_view>& cells, const std::vector<std::string>& header,
                          const ColumnMap& columns, char separator, bool join_amounts) {
  RowRepair repair;
  if (cells.size() <= header.size()) return repair;
  const std::size_t surplus = cells.size() - header.size();
  std::vector<Reading> readings;
  const int amount = columns[Column::Montant];
  std::vector<int> text_columns;
  for (Column c : kTextColumns)
    if (columns[c] >= 0) text_columns.push_back(columns[c]);
  for (int join = 0; join <= 1; ++join) {
    if (join == 1 && (!join_amounts || separator != ',' || amount < 0)) continue;
    const int amount_column = join == 1 ? amount : -1;
    const std::size_t extra = surplus - static_cast<std::size_t>(join);
    if (extra == 0) {
      Reading reading;
      reading.amount_column = amount_column;
      readings.push_back(reading);
      continue;
    }
    if (extra > kMostSeparators) continue;
    for (std::size_t a = 0; a < text_columns.size(); ++a) {
      Reading one;
      one.joins[0] = {text_columns[a], extra};
      one.amount_column = amount_column;
      readings.push_back(one);
      // Two separators in two cells: every split of the extra cells between two columns.
      for (std::size_t b = a + 1; b < text_columns.size(); ++b) {
        for (std::size_t first = 1; first < extra; ++first) {
          Reading two;
          two.joins[0] = {text_columns[a], first};
          two.joins[1] = {text_columns[b], extra - first};
          two.amount_column = amount_column;
          readings.push_back(two);
        }
      }
    }
  }
  // Every reading that gives each typed cell a valid value, and whether it joins a number into
  // a text (never chosen; it stands against the others).
  struct Valid {
    const Reading* reading;
    bool suspicious;
    std::vector<std::string> row;
  };
  // A typed cell that fails in every reading that fits (« 2019-0619_2023-06-19 », a typo of the
  // file itself) tells the readings nothing apart: it is left to the usual warning. The amount
  // never is.
  struct Fitting {
    const Reading* reading;
    bool suspicious;
    std::uint32_t failures;
    std::vector<std::string> row;
  };
  std::vector<Fitting> fitting;
  std::vector<std::string> row;
  std::vector<std::string_view> views;
  std::uint32_t failing_everywhere = ~0u;
  for (const Reading& reading : readings) {
    bool suspicious = false;
    if (!apply(cells, header.size(), reading, separator, row, suspicious)) continue;
    views.assign(row.begin(), row.end());
    if (!words_where_words_go(views, columns)) continue;
    const std::uint32_t failures = typed_cell_failures(views, columns);
    failing_everywhere &= failures;
    fitting.push_back({&reading, suspicious, failures, row});
  }
  failing_everywhere &= ~(1u << static_cast<unsigned>(Column::Montant));
  std::vector<Valid> valid;
  bool joins_amount = false;
  for (Fitting& f : fitting) {
    if ((f.failures & ~failing_everywhere) != 0) continue;
    joins_amount = joins_amount || (f.reading->amount_column >= 0 && !f.suspicious);
    valid.push_back({f.reading, f.suspicious, std::move(f.row)});
  }
  const Reading* found = nullptr;
  std::vector<std::string> found_row;
  for (Valid& v : valid) {
    // Where cutting amounts is the file's rule, every amount is written with its cents: a reading
    // that leaves an amount uncut (« 50 ») to put « 1 500 » in the object does not stand against
    // one that joins « 1 500 » and « 50 ».
    if (v.suspicious && joins_amount && v.reading->amount_column < 0) continue;
    for (const Reading::Join& j : v.reading->joins)
      if (j.extra > 0) repair.columns.push_back(header_name(header, j.column));
    if (v.suspicious || found != nullptr) {
      repair.outcome = RowRepair::Outcome::Ambiguous;
      continue;
    }
    found = v.reading;
    found_row = std::move(v.row);
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
  for (const Reading::Join& j : found->joins) {
    if (j.extra == 0) continue;
    const std::string& text = found_row[static_cast<std::size_t>(j.column)];
    const std::string plural = j.extra > 1 ? "s" : "";
    if (!repair.what.empty()) repair.what += " et ";
    repair.what += std::to_string(j.extra) + " " + label + plural + " non protégé" + (feminine ? "e" : "") + plural +
                   " par des guillemets dans " + header_name(header, j.column) + " (« " +
                   std::string(shortened(trim_spaces(text), 120)) + (text.size() > 120 ? "…" : "") + " »)";
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
