// The writers on what real files bring: thousands of dossiers behind one figure, a very long
// text, amounts a binary double cannot show as written. Nothing may be cut or dropped, and
// every amount cell holds the decimal the text shows.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <set>

#include "files.hpp"
#include "jaune_fixture.hpp"
#include "reports/atomic_file.hpp"
#include "reports/jaune_csv.hpp"
#include "reports/jaune_from_verdicts.hpp"
#include "reports/jaune_xlsx.hpp"

namespace subsidia::reports {
namespace {

using testing::record;

constexpr std::size_t kMaxCell = 32767;

// 2 500 dossiers of one sector: the total line's ids alone are some 60 000 characters.
Jaune many() {
  std::vector<JauneRecord> records;
  for (int i = 0; i < 2500; ++i) {
    auto r = record("DOSSIER-SCDL-" + std::to_string(100000 + i), "9.72", "Affaires internationales et européennes", {"SN"});
    records.push_back(std::move(r));
  }
  records[7].entry.objet = std::string(40000, 'x') + " fin";
  return std::move(*jaune_from_verdicts(2012, std::move(records), ZoneTable::builtin()).jaune);
}

std::size_t characters(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

std::size_t occurrences(std::string_view text, std::string_view what) {
  std::size_t n = 0;
  for (auto pos = text.find(what); pos != std::string_view::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}

TEST(JauneLimits, XlsxPutsEveryFiguresDossiersOnRowsAndCutsNoText) {
  TemporaryFolder folder;
  const auto file = folder.path() / "jaune.xlsx";
  const Jaune jaune = many();
  auto error = write_atomically(file, [&](const std::filesystem::path& tmp) { return write_jaune_xlsx(jaune, tmp); });
  ASSERT_FALSE(error) << *error;
  if (std::system("unzip -v > /dev/null 2>&1") != 0) GTEST_SKIP() << "unzip absent : contenu du classeur non vérifié";
  const std::string workbook = unzip_member(file, "xl/workbook.xml");
  EXPECT_NE(workbook.find("Dossiers par chiffre"), std::string::npos);
  EXPECT_NE(workbook.find("Textes longs"), std::string::npos);
  const std::string strings = unzip_member(file, "xl/sharedStrings.xml");
  EXPECT_NE(strings.find("2500 dossiers : feuille « Dossiers par chiffre »"), std::string::npos);
  EXPECT_NE(strings.find("texte de 40004 caractères"), std::string::npos);
  // Every id is on the figures sheet: total, synthesis line, sector, domain, zone, imputation.
  const std::string figures = unzip_member(file, "xl/worksheets/sheet3.xml");
  EXPECT_EQ(occurrences(figures, "<row "), 1u + 6u * 2500u);
  // No shared string is longer than a cell holds.
  for (std::size_t at = strings.find("<t"); at != std::string::npos; at = strings.find("<t", at + 1)) {
    const std::size_t open = strings.find('>', at), close = strings.find("</t>", at);
    if (open == std::string::npos || close == std::string::npos) break;
    EXPECT_LE(characters(std::string_view(strings).substr(open + 1, close - open - 1)), kMaxCell);
    at = close;
  }
}

// Every figure's rows on the sheet of dossiers say whether each dossier is flagged (not
// conforme), the synthesis lines too: they said « non » for an incomplet dossier while the
// JSON, HTML and CSV flagged it (review of 2 December 2026).
TEST(JauneLimits, XlsxFlagsAnIncompleteDossierOnTheSynthesisLinesToo) {
  TemporaryFolder folder;
  const auto file = folder.path() / "jaune.xlsx";
  std::vector<JauneRecord> records = {record("OK-1", "100.00", "Affaires internationales et européennes", {"SN"}),
                                      record("INCOMPLET-1", "50.00", "Culture", {"SN"}, eval::Verdict::Incomplete)};
  const Jaune jaune = std::move(*jaune_from_verdicts(2012, std::move(records), ZoneTable::builtin()).jaune);
  auto error = write_atomically(file, [&](const std::filesystem::path& tmp) { return write_jaune_xlsx(jaune, tmp); });
  ASSERT_FALSE(error) << *error;
  if (std::system("unzip -v > /dev/null 2>&1") != 0) GTEST_SKIP() << "unzip absent : contenu du classeur non vérifié";
  const std::vector<std::string> strings = shared_strings(unzip_member(file, "xl/sharedStrings.xml"));
  auto index_of = [&](std::string_view s) {
    return std::to_string(std::find(strings.begin(), strings.end(), s) - strings.begin());
  };
  const std::string synthesis = index_of("Synthèse"), incomplete = index_of("INCOMPLET-1"), yes = index_of("oui"),
                    no = index_of("non");
  const std::string figures = unzip_member(file, "xl/worksheets/sheet3.xml");
  std::size_t synthesis_rows = 0;
  for (std::size_t at = figures.find("<row "); at != std::string::npos; at = figures.find("<row ", at + 1)) {
    const std::string row = figures.substr(at, figures.find("</row>", at) - at);
    if (row.find("<v>" + synthesis + "</v>") == std::string::npos || row.find("<v>" + incomplete + "</v>") == std::string::npos)
      continue;
    ++synthesis_rows;
    EXPECT_NE(row.find("<v>" + yes + "</v>"), std::string::npos) << row;
    EXPECT_EQ(row.find("<v>" + no + "</v>"), std::string::npos) << row;
  }
  EXPECT_GE(synthesis_rows, 2u);  // the other sectors' line and the total
}

TEST(JauneLimits, XlsxAmountCellsHoldTheDecimalTheTextShows) {
  TemporaryFolder folder;
  const auto file = folder.path() / "jaune.xlsx";
  std::vector<JauneRecord> records = {record("A", "9717000.00", "Affaires internationales et européennes", {"SN"}),
                                      record("B", "9.72", "Culture", {"SN"}), record("C", "46189500.00", "Culture", {"DE"})};
  const Jaune jaune = std::move(*jaune_from_verdicts(2012, records, ZoneTable::builtin()).jaune);
  ASSERT_FALSE(write_atomically(file, [&](const std::filesystem::path& tmp) { return write_jaune_xlsx(jaune, tmp); }));
  if (std::system("unzip -v > /dev/null 2>&1") != 0) GTEST_SKIP() << "unzip absent : contenu du classeur non vérifié";
  std::string cells;
  for (const char* sheet : {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"}) cells += unzip_member(file, sheet);
  // Every amount is a numeric cell: never a formula whose cached value is text (t="str"),
  // which a reader that does not recalculate (LibreOffice by default, pandas) takes for a
  // string, out of every SUM.
  EXPECT_EQ(cells.find("t=\"str\""), std::string::npos);
  // Each cached number reads back as the double nearest to the decimal the text shows.
  std::set<double> numbers;
  for (std::size_t at = cells.find("<v>"); at != std::string::npos; at = cells.find("<v>", at + 1)) {
    const std::size_t cell = cells.rfind("<c ", at);
    const std::size_t cell_end = cells.find('>', cell);
    if (cells.substr(cell, cell_end - cell).find("t=\"s\"") != std::string::npos) continue;  // shared string
    numbers.insert(std::strtod(cells.substr(at + 3, cells.find("</v>", at) - at - 3).c_str(), nullptr));
  }
  for (const char* shown : {"9717000", "9.717", "9.72", "46189500", "46.19"}) {
    EXPECT_TRUE(numbers.contains(std::strtod(shown, nullptr))) << shown;
  }
  // M€ from the euro cell, rounded as the text is: 46 189 500 € -> 46,190 M€ (half away from zero).
  EXPECT_NE(cells.find("<f>ROUND(ROUND(C"), std::string::npos);
}

// A spreadsheet shows 15 significant digits at most, fewer near a power of ten: 999 999 999 999,99 €
// (14 digits of cents) is written; 1 000 000 000 000,00 € is refused, not shown rounded (review
// 25: LibreOffice showed 9 999 999 999 999,99 € as 10 000 000 000 000,00 €).
TEST(JauneLimits, XlsxRefusesAnAmountASpreadsheetWouldShowRounded) {
  TemporaryFolder folder;
  const auto file = folder.path() / "jaune.xlsx";
  auto write = [&](const char* amount) {
    std::vector<JauneRecord> records = {record("A", amount, "Affaires internationales et européennes", {"SN"})};
    const Jaune jaune = std::move(*jaune_from_verdicts(2012, records, ZoneTable::builtin()).jaune);
    return write_atomically(file, [&](const std::filesystem::path& tmp) { return write_jaune_xlsx(jaune, tmp); });
  };
  EXPECT_FALSE(write("999999999999.99"));
  const auto refused = write("1000000000000.00");
  ASSERT_TRUE(refused);
  EXPECT_NE(refused->find("trop grand pour qu'un tableur l'affiche au centime"), std::string::npos) << *refused;
}

TEST(JauneLimits, CsvCellsStayWithinWhatSpreadsheetsOpenAndLoseNoId) {
  const std::string csv = jaune_csv(many());
  std::size_t id_rows = 0, continuation = 0;
  std::size_t start = 3;  // after the byte-order mark
  while (start < csv.size()) {
    std::size_t end = csv.find("\r\n", start);
    // Quoted fields may hold line breaks; this file's do not.
    std::string_view line(csv.data() + start, end - start);
    std::size_t field_start = 0;
    for (std::size_t i = 0; i <= line.size(); ++i) {
      if (i == line.size() || line[i] == ';') {
        EXPECT_LE(characters(line.substr(field_start, i - field_start)), kMaxCell);
        field_start = i + 1;
      }
    }
    if (line.starts_with("dossiers;")) ++id_rows;
    if (line.starts_with("suite;")) ++continuation;
    start = end + 2;
  }
  // Lines over the limit: the total, the synthesis line, the sector, domain, zone and
  // imputation lines (2 500 ids each).
  EXPECT_EQ(id_rows, 6u * 2500u);
  EXPECT_EQ(continuation, 2u);  // the 40 004-character object, in two pieces
  EXPECT_NE(csv.find("2500 dossiers : un par ligne"), std::string::npos);
}

}  // namespace
}  // namespace subsidia::reports
