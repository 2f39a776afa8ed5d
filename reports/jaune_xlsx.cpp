#include "reports/jaune_xlsx.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "output/french_count.hpp"
#include "output/markup.hpp"
#include "reports/amount_format.hpp"
#include "reports/jaune_labels.hpp"
#include "reports/joined.hpp"

namespace subsidia::reports {

namespace {

constexpr std::size_t kMaxCell = 32767;               // characters in a cell (LXW_STR_MAX)
constexpr lxw_row_t kMaxRows = LXW_ROW_MAX;           // rows in a sheet

std::size_t characters(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

// The units of `value` rounded to `digits` decimals (cents, thousandths of M€), as an exact
// integer, or std::nullopt beyond 2^53 (a double could not hold it exactly).
std::optional<std::int64_t> units(const decimal::Decimal& value, int digits) {
  auto rounded = value.round(digits, decimal::RoundingMode::HalfAwayFromZero);
  if (!rounded) return std::nullopt;
  __int128 u = rounded->coefficient();
  for (int s = rounded->scale(); s < digits; ++s) u *= 10;  // round() never widens the scale
  constexpr __int128 kExactLimit = static_cast<__int128>(1) << 53;
  if (u >= kExactLimit || u <= -kExactLimit) return std::nullopt;
  return static_cast<std::int64_t>(u);
}

// The one place where an amount becomes a binary double: a spreadsheet number is one. It is
// (exact integer units) / 10^digits, both exact doubles, and IEEE division is correctly
// rounded: the double nearest to the decimal, what a spreadsheet gets by reading it.
double to_double(std::int64_t units, int digits) {
  double power = 1;
  for (int s = 0; s < digits; ++s) power *= 10;
  return static_cast<double>(units) / power;
}

// libxlsxwriter writes a number's value as "%.16G": 9.717 becomes "9.717000000000001", the
// 16-digit text of the double nearest to 9.717, which a reader parses back to that same double.
// The cell is numeric either way; this checks that the text written reads back to the double,
// so that the cell holds what a spreadsheet holds when 9.717 is typed into it.
bool reads_back(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.16G", value);
  return std::strtod(buffer, nullptr) == value;
}

class Book {
 public:
  Book(lxw_workbook* book, std::string receipt) : book_(book), receipt_(std::move(receipt)) {
    title_ = format();
    format_set_bold(title_);
    format_set_font_size(title_, 14);
    header_ = format();
    format_set_bold(header_);
    format_set_bg_color(header_, 0xFAF6E4);
    format_set_bottom(header_, LXW_BORDER_THIN);
    euros_ = number_format("#,##0.00\\ \"€\"", false);
    meur_ = number_format("0.000\\ \"M€\"", false);
    total_euros_ = number_format("#,##0.00\\ \"€\"", true);
    total_meur_ = number_format("0.000\\ \"M€\"", true);
    bold_ = format();
    format_set_bold(bold_);
    italic_ = format();
    format_set_italic(italic_);
    flag_ = format();
    format_set_font_color(flag_, 0xB3261E);
    format_set_bold(flag_);
  }

  lxw_format *title_, *header_, *euros_, *meur_, *total_euros_, *total_meur_, *bold_, *italic_, *flag_;

  const std::optional<std::string>& error() const { return error_; }

  // A sheet, its printed pages footed with the receipt (every sheet, "Synthèse" included).
  lxw_worksheet* sheet(const std::string& name) {
    lxw_worksheet* s = workbook_add_worksheet(book_, name.c_str());
    if (!s) {
      fail("feuille « " + name + " » impossible à créer");
      return s;
    }
    // "&&" is a literal "&" in a header or footer. Excel takes 255 characters at most (counted
    // here in bytes, the stricter): a longer receipt (a version string out of the ordinary)
    // stays in the sheet's cells alone.
    std::string footer = "&L&8";
    for (char c : output::xml_characters(receipt_)) footer += c == '&' ? std::string("&&") : std::string(1, c);
    if (footer.size() <= LXW_HEADER_FOOTER_MAX) {
      if (const lxw_error e = worksheet_set_footer(s, footer.c_str()); e != LXW_NO_ERROR)
        fail("pied de page de la feuille « " + name + " » : " + lxw_strerror(e));
    }
    return s;
  }

  // The receipt in a visible cell of row 1, one empty column right of the sheet's table (the
  // row a frozen header keeps in view): no row is added to the table, none moved, and a
  // filter or a sort of the table leaves it alone.
  void receipt(lxw_worksheet* s, lxw_col_t col) { text(s, 0, col, receipt_, italic_); }

  void check(lxw_error e, lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col) {
    if (e == LXW_NO_ERROR || error_) return;
    char cell[32];
    lxw_rowcol_to_cell(cell, row, col);
    fail(std::string("cellule ") + (sheet && sheet->name ? sheet->name : "?") + "!" + cell + " : " + lxw_strerror(e));
  }
  void fail(std::string message) {
    if (!error_) error_ = std::move(message);
  }

  // Text, never cut: a text too long for a cell goes to the sheet "Textes longs" in pieces,
  // and the cell says where.
  void text(lxw_worksheet* s, lxw_row_t row, lxw_col_t col, std::string_view text_value, lxw_format* f = nullptr) {
    if (text_value.empty()) return;
    // libxlsxwriter escapes & < > but writes U+FFFE and U+FFFF as they are: the sheet's XML
    // would not open. They become U+FFFD, three bytes as well: the counts below are unchanged.
    const std::string safe = output::xml_characters(text_value);
    const std::string_view value = safe;
    if (characters(value) <= kMaxCell) {
      check(worksheet_write_string(s, row, col, std::string(value).c_str(), f), s, row, col);
      return;
    }
    if (!long_texts_) {
      long_texts_ = sheet("Textes longs");
      if (long_texts_) receipt(long_texts_, 2);  // the pieces are in column A, from row 1
    }
    if (!long_texts_) return;
    const lxw_row_t first = long_row_;
    std::size_t count = 0, begin = 0, i = 0;
    while (begin < value.size()) {
      for (i = begin, count = 0; i < value.size(); ++i) {
        if ((static_cast<unsigned char>(value[i]) & 0xC0) != 0x80) {
          if (count == kMaxCell - 1) break;
          ++count;
        }
      }
      check(worksheet_write_string(long_texts_, long_row_, 0, std::string(value.substr(begin, i - begin)).c_str(), nullptr),
            long_texts_, long_row_, 0);
      ++long_row_;
      begin = i;
    }
    const std::string pointer = "texte de " + std::to_string(characters(value)) + " caractères : feuille « Textes longs », lignes " +
                                std::to_string(first + 1) + " à " + std::to_string(long_row_);
    check(worksheet_write_string(s, row, col, pointer.c_str(), f), s, row, col);
  }

  void number(lxw_worksheet* s, lxw_row_t row, lxw_col_t col, double value, lxw_format* f) {
    check(worksheet_write_number(s, row, col, value, f), s, row, col);
  }

  // M€ at `col` (a formula on the euro cell), euros at `col + 1`.
  void amount(lxw_worksheet* s, lxw_row_t row, lxw_col_t col, const decimal::Decimal& euros, bool total = false) {
    auto cents = units(euros, 2);
    auto thousandths = cents ? units(*decimal::Decimal::from_parts(*cents, 8), 3) : std::nullopt;
    // A spreadsheet shows 15 significant digits (Excel) or fewer near a power of ten (LibreOffice
    // Calc 7.4 showed 9 999 999 999 999,99 € as 10 000 000 000 000,00 €; review 25): a cell
    // holding more would show another amount than the text. 14 digits of cents, under 1 000
    // billion euros, show exactly in both; past that the workbook is refused, not rounded.
    constexpr std::int64_t kShownExactly = 100'000'000'000'000;  // 10^14 cents
    if (!cents || !thousandths || *cents >= kShownExactly || *cents <= -kShownExactly) {
      fail("montant trop grand pour qu'un tableur l'affiche au centime (14 chiffres de centimes au plus, moins de "
           "1 000 milliards d'euros) : " + euros.to_string());
      return;
    }
    // Euros: a number, the double nearest to the decimal. Never a formula with the decimal as
    // cached *text*: a reader that does not recalculate (LibreOffice by default, pandas) would
    // get a string, left-aligned, out of every SUM.
    const double e = to_double(*cents, 2);
    const double m = to_double(*thousandths, 3);
    if (!reads_back(e) || !reads_back(m)) {
      fail("montant que le classeur ne relirait pas exactement : " + euros.to_string());
      return;
    }
    number(s, row, col + 1, e, total ? total_euros_ : euros_);
    // M€: rounded from the euro cell, exactly: whole cents, then half away from zero on a
    // value whose half is exact in binary (x.5 thousandths), as the text does. Its cached value
    // is the number the text shows.
    char euro_cell[32];
    lxw_rowcol_to_cell(euro_cell, row, static_cast<lxw_col_t>(col + 1));
    const std::string formula = std::string("=ROUND(ROUND(") + euro_cell + "*100,0)/100000,0)/1000";
    check(worksheet_write_formula_num(s, row, col, formula.c_str(), total ? total_meur_ : meur_, m), s, row, col);
  }

  void column(lxw_worksheet* s, lxw_col_t first, lxw_col_t last, double width) {
    check(worksheet_set_column(s, first, last, width, nullptr), s, 0, first);
  }

 private:
  lxw_format* format() {
    lxw_format* f = workbook_add_format(book_);
    if (!f) fail("format du classeur impossible à créer");
    return f;
  }
  lxw_format* number_format(const char* pattern, bool bold) {
    lxw_format* f = format();
    if (!f) return f;
    format_set_num_format(f, pattern);
    if (bold) format_set_bold(f);
    return f;
  }

  lxw_workbook* book_;
  std::string receipt_;
  std::optional<std::string> error_;
  lxw_worksheet* long_texts_ = nullptr;
  lxw_row_t long_row_ = 0;
};

// A sheet of rows that goes on in "<name> (2)", "(3)"... past the row limit.
class RowSheet {
 public:
  RowSheet(Book& book, std::string name, std::vector<std::string> headers)
      : book_(&book), name_(std::move(name)), headers_(std::move(headers)) {
    open();
  }
  // The next row to write, on whichever sheet has room.
  std::pair<lxw_worksheet*, lxw_row_t> next() {
    if (row_ >= kMaxRows) open();
    return {sheet_, row_++};
  }
  lxw_worksheet* first() const { return first_; }
  std::string where(lxw_row_t row) const { return "« " + current_name_ + " », ligne " + std::to_string(row + 1); }
  const std::string& current_name() const { return current_name_; }

 private:
  void open() {
    ++part_;
    current_name_ = part_ == 1 ? name_ : name_ + " (" + std::to_string(part_) + ")";
    sheet_ = book_->sheet(current_name_);
    if (!first_) first_ = sheet_;
    row_ = 0;
    if (!sheet_) return;
    for (lxw_col_t c = 0; c < headers_.size(); ++c) book_->text(sheet_, 0, c, headers_[c], book_->header_);
    book_->receipt(sheet_, static_cast<lxw_col_t>(headers_.size() + 1));
    worksheet_freeze_panes(sheet_, 1, 0);  // returns nothing
    row_ = 1;
  }
  Book* book_;
  std::string name_, current_name_;
  std::vector<std::string> headers_;
  lxw_worksheet* sheet_ = nullptr;
  lxw_worksheet* first_ = nullptr;
  lxw_row_t row_ = 0;
  int part_ = 0;
};

}  // namespace

std::optional<std::string> write_jaune_xlsx(const Jaune& jaune, const std::filesystem::path& file) {
  lxw_workbook* workbook = workbook_new(file.c_str());
  if (!workbook) return file.string() + " : création du classeur impossible";
  const std::string receipt = receipt_line(jaune.moteur);
  // The file's properties name the jaune and what produced it. libxlsxwriter (1.1.4, the one
  // built against) writes « Microsoft Excel » as the Application of docProps/app.xml, with no
  // setter for it; the title, the author and the comments are ours.
  const std::string title = "Jaune des actions internationales — exercice " + std::to_string(jaune.exercice);
  const std::string author = jaune.moteur.version.empty() ? "subsidia" : "subsidia " + jaune.moteur.version;
  lxw_doc_properties properties{};
  properties.title = const_cast<char*>(title.c_str());
  properties.author = const_cast<char*>(author.c_str());
  properties.comments = const_cast<char*>(receipt.c_str());
  Book book(workbook, receipt);
  if (const lxw_error e = workbook_set_properties(workbook, &properties); e != LXW_NO_ERROR)
    book.fail(std::string("propriétés du classeur : ") + lxw_strerror(e));
  lxw_worksheet* synthesis = book.sheet("Synthèse");
  RowSheet detail(book, "Détail",
                  {"dossier", "objet", "collectivité", "secteur", "domaine", "zone", "pays", "nomenclature", "chapitre",
                   "fonction", "classement", "verdict", "M€", "euros", "fichier", "raison"});
  RowSheet figures(book, "Dossiers par chiffre", {"tableau", "ligne", "dossier", "signalé"});
  if (!synthesis) {
    workbook_close(workbook);
    return *book.error();
  }

  // Every figure's dossiers go one per row to "Dossiers par chiffre"; the figure's cell holds
  // them joined when they fit, else says where they are.
  auto ids_cell = [&](lxw_row_t row, lxw_col_t col, std::string_view table, const std::string& label,
                      const std::vector<std::string>& ids, const std::vector<std::string>& flagged) {
    lxw_row_t first_row = 0;
    std::string first_sheet;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      auto [sheet, r] = figures.next();
      if (!sheet) break;
      if (i == 0) {
        first_row = r;
        first_sheet = figures.current_name();
      }
      book.text(sheet, r, 0, table);
      book.text(sheet, r, 1, label);
      book.text(sheet, r, 2, ids[i]);
      const bool is_flagged = std::find(flagged.begin(), flagged.end(), ids[i]) != flagged.end();
      book.text(sheet, r, 3, is_flagged ? "oui" : "non", is_flagged ? book.flag_ : nullptr);
    }
    std::string text = joined(ids);
    if (!flagged.empty()) text += " (signalés : " + joined(flagged) + ")";
    if (characters(text) > kMaxCell)
      text = std::to_string(ids.size()) + " dossiers : feuille « " + first_sheet + " », à partir de la ligne " +
             std::to_string(first_row + 1);
    book.text(synthesis, row, col, text, flagged.empty() ? nullptr : book.flag_);
  };

  book.column(synthesis, 0, 0, 62);
  book.column(synthesis, 1, 1, 14);
  book.column(synthesis, 2, 2, 20);
  book.column(synthesis, 3, 3, 60);
  lxw_row_t row = 0;
  const std::string year = std::to_string(jaune.exercice);
  book.text(synthesis, row++, 0, "Jaune des actions internationales — exercice " + year, book.title_);
  ++row;
  book.text(synthesis, row, 0, "Engagements budgétaires " + year, book.header_);
  book.text(synthesis, row, 1, "M€", book.header_);
  book.text(synthesis, row, 2, "euros", book.header_);
  book.text(synthesis, row++, 3, "dossiers", book.header_);
  for (const auto& line : jaune.synthesis) {
    const bool total = line.key == "total";
    book.text(synthesis, row, 0, line.label, total ? book.bold_ : nullptr);
    book.amount(synthesis, row, 1, line.amount, total);
    ids_cell(row++, 3, "Synthèse", line.label, line.dossiers, line.flagged);
  }
  auto aside_row = [&](std::string_view label, const SetAside& aside) {
    book.text(synthesis, row, 0, label, book.italic_);
    book.amount(synthesis, row, 1, aside.total);
    // Flagged as in the other formats: those not conforme (the CSV's synthesis, jaune_csv.cpp).
    std::vector<std::string> ids, flagged;
    for (std::size_t index : aside.dossiers) {
      ids.push_back(jaune.dossiers[index].entry.id);
      if (jaune.dossiers[index].verdict != eval::Verdict::Compliant) flagged.push_back(jaune.dossiers[index].entry.id);
    }
    ids_cell(row++, 3, "Synthèse", std::string(label), ids, flagged);
  };
  aside_row(kSynthesisExceptional, jaune.exceptional);
  if (!jaune.exceptional.dossiers.empty()) {
    book.text(synthesis, row, 0, kSynthesisTotalWithExceptional, book.italic_);
    book.amount(synthesis, row++, 1, jaune.total_with_exceptional);
  }
  if (!jaune.out_of_scope.dossiers.empty()) aside_row(kSynthesisOutOfScope, jaune.out_of_scope);
  if (!jaune.domestic.dossiers.empty()) aside_row(kSynthesisDomestic, jaune.domestic);
  ++row;
  book.text(synthesis, row++, 0,
            "Verdicts : " + output::counted(jaune.verdicts.compliant, "conforme", "conformes") + ", " +
                output::counted(jaune.verdicts.non_compliant, "non conforme", "non conformes") + ", " +
                output::counted(jaune.verdicts.incomplete, "incomplet", "incomplets"));

  auto breakdown = [&](std::string_view title, const std::vector<JauneLine>& lines) {
    if (lines.empty()) return;
    ++row;
    book.text(synthesis, row, 0, title, book.header_);
    book.text(synthesis, row, 1, "M€", book.header_);
    book.text(synthesis, row, 2, "euros", book.header_);
    book.text(synthesis, row++, 3, "dossiers (signalés)", book.header_);
    for (const auto& line : lines) {
      book.text(synthesis, row, 0, line.label);
      book.amount(synthesis, row, 1, line.amount);
      ids_cell(row++, 3, title, line.label, line.dossiers, line.flagged);
    }
    book.text(synthesis, row, 0, "Total", book.bold_);
    book.amount(synthesis, row++, 1, jaune.total, true);
  };
  breakdown("Par secteur", jaune.by_sector);
  breakdown("Par domaine", jaune.by_domain);
  breakdown("Par zone géographique", jaune.by_zone);
  breakdown("Par imputation", jaune.by_imputation);
  breakdown("Par collectivité", jaune.by_collectivite);
  if (!jaune.unreadable.empty()) {
    ++row;
    book.text(synthesis, row++, 0, "Dossiers illisibles de l'exercice, laissés hors du jaune (--ignorer-illisibles)", book.flag_);
    for (const auto& u : jaune.unreadable)
      book.text(synthesis, row++, 0, unreadable_place(u) + " : " + u.message);
  }
  if (!jaune.notes.empty()) {
    ++row;
    book.text(synthesis, row++, 0, "Notes", book.bold_);
    for (const auto& note : jaune.notes) book.text(synthesis, row++, 0, note, book.italic_);
  }
  ++row;
  book.text(synthesis, row++, 0, receipt_line(jaune.moteur), book.italic_);

  lxw_worksheet* first_detail = detail.first();
  if (first_detail) {
    book.column(first_detail, 0, 0, 24);
    book.column(first_detail, 1, 1, 60);
    book.column(first_detail, 2, 5, 24);
    book.column(first_detail, 12, 12, 12);
    book.column(first_detail, 13, 13, 18);
  }
  for (const auto& d : jaune.dossiers) {
    auto [sheet, r] = detail.next();
    if (!sheet) break;
    book.text(sheet, r, 0, d.entry.id);
    book.text(sheet, r, 1, d.entry.objet);
    book.text(sheet, r, 2, d.entry.collectivite);
    book.text(sheet, r, 3, d.sector);
    book.text(sheet, r, 4, d.domain);
    book.text(sheet, r, 5, d.zone);
    book.text(sheet, r, 6, joined(d.entry.pays, " "));
    book.text(sheet, r, 7, d.entry.nomenclature);
    book.text(sheet, r, 8, d.entry.chapitre);
    book.text(sheet, r, 9, d.entry.fonction);
    book.text(sheet, r, 10, inclusion_label(d.inclusion));
    book.text(sheet, r, 11, verdict_label(d.verdict), d.verdict == eval::Verdict::Compliant ? nullptr : book.flag_);
    book.amount(sheet, r, 12, d.entry.montant);
    book.text(sheet, r, 14, d.entry.file);
    book.text(sheet, r, 15, d.reason);
  }
  if (first_detail && !jaune.dossiers.empty())
    book.check(worksheet_autofilter(first_detail, 0, 0,
                                    static_cast<lxw_row_t>(std::min<std::size_t>(jaune.dossiers.size(), kMaxRows - 1)), 15),
               first_detail, 0, 0);

  const lxw_error closed = workbook_close(workbook);
  if (book.error()) return "classeur non écrit : " + *book.error();
  if (closed != LXW_NO_ERROR) return file.string() + " : écriture du classeur impossible (" + lxw_strerror(closed) + ")";
  return std::nullopt;
}

}  // namespace subsidia::reports
