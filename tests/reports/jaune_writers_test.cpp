// Each writer alone, on the same small mixed year.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <thread>

#include <cstdio>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "files.hpp"
#include "jaune_fixture.hpp"
#include "reports/atomic_file.hpp"
#include "reports/jaune_csv.hpp"
#include "reports/jaune_html.hpp"
#include "reports/jaune_json.hpp"
#include "reports/jaune_text.hpp"
#include "reports/jaune_xlsx.hpp"

namespace subsidia::reports {
namespace {

Jaune mixed() { return std::move(*jaune_from_verdicts(2012, testing::mixed_year(), ZoneTable::builtin()).jaune); }

std::size_t occurrences(std::string_view text, std::string_view what) {
  std::size_t n = 0;
  for (auto pos = text.find(what); pos != std::string_view::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}

TEST(JauneJson, FollowsTheContractWithAmountsAsDecimalStrings) {
  auto j = nlohmann::json::parse(jaune_json(mixed()));
  EXPECT_EQ(j["exercice"], 2012);
  EXPECT_EQ(j["total"], "4870000.75");
  EXPECT_EQ(j["operations_exceptionnelles"]["total"], "17169000.00");
  ASSERT_EQ(j["operations_exceptionnelles"]["lignes"].size(), 1u);
  EXPECT_EQ(j["operations_exceptionnelles"]["lignes"][0]["id"], "EXC-1");
  EXPECT_EQ(j["hors_perimetre"]["total"], "800000.00");
  EXPECT_EQ(j["hors_perimetre"]["lignes"][0]["dossiers"][0], "IDFE");
  EXPECT_EQ(j["par_secteur"][0]["secteur"], "Affaires internationales et européennes");
  EXPECT_EQ(j["par_secteur"][0]["montant"], "1250000.50");
  EXPECT_EQ(j["par_secteur"][0]["dossiers"], nlohmann::json::array({"AI-1", "AI-2"}));
  EXPECT_EQ(j["verdicts"]["conforme"], 5);
  EXPECT_EQ(j["verdicts"]["non_conforme"], 1);
  EXPECT_EQ(j["verdicts"]["incomplet"], 1);
  for (const char* breakdown : {"par_secteur", "par_domaine", "par_zone", "par_imputation"}) {
    ASSERT_TRUE(j[breakdown].is_array()) << breakdown;
    for (const auto& line : j[breakdown]) {
      EXPECT_TRUE(line["montant"].is_string()) << breakdown;
      EXPECT_FALSE(line["dossiers"].empty()) << breakdown;
    }
  }
  EXPECT_EQ(j["par_imputation"][0]["chapitre"], "930");
  EXPECT_TRUE(j["par_domaine"].back()["domaine"].is_null());
  EXPECT_EQ(j["detail"].size(), 7u);
}

// The total with the exceptional operations added back, after the « pour mémoire » line, in
// every format: 4 870 000,75 counted + 17 169 000,00 exceptional.
TEST(JauneWriters, EveryFormatShowsTheTotalIncludingTheExceptionalOperations) {
  const Jaune jaune = mixed();
  EXPECT_EQ(nlohmann::json::parse(jaune_json(jaune))["total_y_compris_exceptionnelles"], "22039000.75");
  const std::string text = jaune_text(jaune);
  const auto memo = text.find("Pour mémoire, opérations exceptionnelles : 17,169");
  const auto with = text.find("Pour mémoire, total y compris opérations exceptionnelles : 22,039");
  ASSERT_NE(memo, std::string::npos) << text;
  ASSERT_NE(with, std::string::npos) << text;
  EXPECT_LT(memo, with);
  EXPECT_NE(jaune_csv(jaune).find("synthese;total_y_compris_exceptionnelles;Pour mémoire, total y compris opérations "
                                  "exceptionnelles;22039000,75;22,039;6;"),
            std::string::npos);
  EXPECT_NE(jaune_html(jaune).find("Pour mémoire, total y compris opérations exceptionnelles</td>"), std::string::npos);
}

// A year without exceptional operations has no such line: it would repeat the total.
TEST(JauneWriters, NoExceptionalOperationNoSecondTotal) {
  std::vector<JauneRecord> rows;
  for (auto& r : testing::mixed_year())
    if (r.entry.id != "EXC-1") rows.push_back(r);
  const Jaune jaune = std::move(*jaune_from_verdicts(2012, rows, ZoneTable::builtin()).jaune);
  EXPECT_EQ(jaune.total_with_exceptional, jaune.total);
  EXPECT_EQ(jaune_text(jaune).find("total y compris"), std::string::npos);
  EXPECT_EQ(jaune_csv(jaune).find("total_y_compris_exceptionnelles"), std::string::npos);
}

TEST(JauneCsv, StartsWithABomAndUsesSemicolonsAndDecimalCommas) {
  std::string csv = jaune_csv(mixed());
  ASSERT_TRUE(csv.starts_with("\xEF\xBB\xBF" "tableau;ligne;libelle;montant_euros;montant_meur;"));
  EXPECT_NE(csv.find("synthese;total;Total général hors opérations exceptionnelles;4870000,75;4,870;5;"),
            std::string::npos);
  EXPECT_NE(csv.find("\r\nsecteur;Affaires internationales et européennes;"), std::string::npos);
  EXPECT_NE(csv.find("1250000,50"), std::string::npos);
  EXPECT_EQ(csv.find("4870000.75"), std::string::npos);
}

TEST(JauneCsv, EveryRowHasTheSameNumberOfColumnsAndATableau) {
  std::string csv = jaune_csv(mixed());
  std::istringstream in(csv.substr(3));
  std::string line;
  std::size_t rows = 0, details = 0;
  while (std::getline(in, line)) {
    ASSERT_TRUE(line.ends_with("\r"));
    EXPECT_EQ(occurrences(line, ";"), 18u) << line;  // 19 columns; no field here holds ';'
    ++rows;
    if (line.starts_with("detail;")) ++details;
  }
  EXPECT_EQ(details, 7u);
  EXPECT_GT(rows, 15u);
}

TEST(JauneCsv, QuotesAFieldHoldingASemicolon) {
  auto records = testing::mixed_year();
  records[0].entry.objet = "Atelier ; \"Dakar\"";
  std::string csv = jaune_csv(std::move(*jaune_from_verdicts(2012, records, ZoneTable::builtin()).jaune));
  EXPECT_NE(csv.find(";\"Atelier ; \"\"Dakar\"\"\";"), std::string::npos);
}

// A dossier's text a spreadsheet would run as a formula is written with a leading apostrophe;
// numbers, a minus included, stay numbers.
TEST(JauneCsv, ATextASpreadsheetWouldRunIsNeutralisedAndNumbersStayNumbers) {
  std::vector<JauneRecord> records = {testing::record("=HYPERLINK(\"http://x\";\"c\")", "-100.00", "+1+1"),
                                      testing::record("@SUM(A1)", "2500000000.00", "Culture")};
  records[1].entry.objet = "-2+3";
  std::string csv = jaune_csv(std::move(*jaune_from_verdicts(2012, records, ZoneTable::builtin()).jaune));
  EXPECT_NE(csv.find("\"'=HYPERLINK(\"\"http://x\"\";\"\"c\"\")\""), std::string::npos) << csv;
  EXPECT_NE(csv.find(";'+1+1;"), std::string::npos);
  EXPECT_NE(csv.find(";'@SUM(A1);"), std::string::npos);
  EXPECT_NE(csv.find(";'-2+3;"), std::string::npos);
  for (const char* formula : {";=", ";+", ";@", "\n=", "\n@"}) EXPECT_EQ(csv.find(formula), std::string::npos) << formula;
  // The amounts: -100,00 € as a number; 2 500 M€ without a thousands separator (text for a
  // spreadsheet), as 2500,000.
  EXPECT_NE(csv.find(";-100,00;0,000;"), std::string::npos);
  EXPECT_NE(csv.find(";2500000000,00;2500,000;"), std::string::npos);
}

TEST(JauneText, ShowsTheSynthesisInMillionsAndTheFlaggedDossiers) {
  std::string text = jaune_text(mixed());
  EXPECT_NE(text.find("Total général hors opérations exceptionnelles"), std::string::npos);
  EXPECT_NE(text.find("4,870 M€"), std::string::npos);
  EXPECT_NE(text.find("17,169 M€"), std::string::npos);
  EXPECT_NE(text.find("ESR-1 (non conforme)"), std::string::npos);
  EXPECT_NE(text.find("ECO-1 (incomplet)"), std::string::npos);
}

TEST(JauneHtml, IsSelfContainedWithInlineStyleAndCharts) {
  std::string html = jaune_html(mixed());
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
  EXPECT_NE(html.find("<style>"), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
  EXPECT_NE(html.find("size: A4"), std::string::npos);
  EXPECT_EQ(occurrences(html, "<svg"), 2u);
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
}

TEST(JauneHtml, ShowsFiguresIdsAndVerdicts) {
  std::string html = jaune_html(mixed());
  EXPECT_NE(html.find("4,870 M€"), std::string::npos);
  EXPECT_NE(html.find("17,169 M€"), std::string::npos);
  EXPECT_NE(html.find("AI-1, AI-2"), std::string::npos);
  EXPECT_NE(html.find("class=\"verdict-non_conforme\">non conforme"), std::string::npos);
  EXPECT_NE(html.find("class=\"verdict-incomplet\">incomplet"), std::string::npos);
}

TEST(JauneHtml, EscapesDossierText) {
  auto records = testing::mixed_year();
  records[0].entry.objet = "<b>Dakar</b> & co";
  std::string html = jaune_html(std::move(*jaune_from_verdicts(2012, records, ZoneTable::builtin()).jaune));
  EXPECT_EQ(html.find("<b>Dakar"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;Dakar&lt;/b&gt; &amp; co"), std::string::npos);
}

TEST(JauneXlsx, WritesAWorkbookWithNumericEuroCells) {
  TemporaryFolder folder;
  auto file = folder.path() / "jaune.xlsx";
  auto error = write_atomically(file, [&](const std::filesystem::path& tmp) { return write_jaune_xlsx(mixed(), tmp); });
  ASSERT_FALSE(error.has_value()) << *error;
  EXPECT_TRUE(read_all(file).starts_with("PK"));
  EXPECT_EQ(folder.entries(), 1u);  // no temporary left behind
  if (std::system("unzip -v > /dev/null 2>&1") != 0) GTEST_SKIP() << "unzip absent : contenu du classeur non vérifié";
  std::string workbook = unzip_member(file, "xl/workbook.xml");
  EXPECT_NE(workbook.find("Synthèse"), std::string::npos);
  EXPECT_NE(workbook.find("Détail"), std::string::npos);
  std::string sheet = unzip_member(file, "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("<v>4870000.75</v>"), std::string::npos);  // the total, as a number
  EXPECT_NE(sheet.find("<v>4.87</v>"), std::string::npos);       // in M€, rounded exactly
  std::string styles = unzip_member(file, "xl/styles.xml");
  EXPECT_NE(styles.find("€"), std::string::npos);
}

// Every format names what produced it (engine version, commit, rule-base fingerprint), so a
// jaune can be reproduced; an unfilled receipt says so instead of printing empty fields.
Jaune with_receipt() {
  Jaune jaune = mixed();
  jaune.moteur = {"9.8.7", "abc123", "sha256:" + std::string(64, 'e')};
  return jaune;
}

TEST(JauneReceipt, EveryFormatNamesTheEngineAndTheRuleBase) {
  const Jaune jaune = with_receipt();
  const std::string fingerprint = "sha256:" + std::string(64, 'e');
  const auto json = nlohmann::ordered_json::parse(jaune_json(jaune));
  EXPECT_EQ(json.begin().key(), "moteur");
  EXPECT_EQ(json["moteur"]["version"], "9.8.7");
  EXPECT_EQ(json["moteur"]["commit"], "abc123");
  EXPECT_EQ(json["moteur"]["empreinte_regles"], fingerprint);
  const std::string line = "Moteur subsidia 9.8.7 (commit abc123), base de règles " + fingerprint;
  EXPECT_NE(jaune_text(jaune).find(line), std::string::npos);
  EXPECT_NE(jaune_html(jaune).find(line), std::string::npos);
  const std::string csv = jaune_csv(jaune);
  EXPECT_NE(csv.find("moteur;version;9.8.7;"), std::string::npos);
  EXPECT_NE(csv.find("moteur;empreinte_regles;" + fingerprint + ";"), std::string::npos);

  TemporaryFolder folder;
  auto file = folder.path() / "jaune.xlsx";
  auto error = write_atomically(file, [&](const std::filesystem::path& tmp) { return write_jaune_xlsx(jaune, tmp); });
  ASSERT_FALSE(error.has_value()) << *error;
  if (std::system("unzip -v > /dev/null 2>&1") != 0) GTEST_SKIP() << "unzip absent : contenu du classeur non vérifié";
  EXPECT_NE(unzip_member(file, "xl/sharedStrings.xml").find(fingerprint), std::string::npos);
}

// The reference ("R1") of the cell of `sheet` holding shared string `index`, or "".
std::string cell_with_string(const std::string& sheet, std::size_t index) {
  const std::string value = "<v>" + std::to_string(index) + "</v>";
  for (std::size_t at = sheet.find(value); at != std::string::npos; at = sheet.find(value, at + 1)) {
    const std::size_t cell = sheet.rfind("<c ", at);
    const std::string tag = sheet.substr(cell, sheet.find('>', cell) - cell);
    if (tag.find("t=\"s\"") == std::string::npos) continue;
    const std::size_t r = tag.find("r=\"");
    return tag.substr(r + 3, tag.find('"', r + 3) - r - 3);
  }
  return "";
}

// Every sheet names what produced it, not the synthesis alone (review: a « Détail » copied or
// printed apart named nothing): a visible cell of row 1, right of the table and one empty
// column away, and the printed pages' footer. The file's properties name the jaune and its
// receipt; the table keeps its rows (one per dossier under the header).
TEST(JauneReceipt, EverySheetOfTheWorkbookNamesTheEngineAndTheRuleBase) {
  Jaune jaune = with_receipt();
  jaune.dossiers[0].entry.objet = std::string(40000, 'o');  // the sheet « Textes longs » too
  const std::string line = "Moteur subsidia 9.8.7 (commit abc123), base de règles sha256:" + std::string(64, 'e');
  TemporaryFolder folder;
  auto file = folder.path() / "jaune.xlsx";
  auto error = write_atomically(file, [&](const std::filesystem::path& tmp) { return write_jaune_xlsx(jaune, tmp); });
  ASSERT_FALSE(error.has_value()) << *error;
  if (std::system("unzip -v > /dev/null 2>&1") != 0) GTEST_SKIP() << "unzip absent : contenu du classeur non vérifié";
  const std::string workbook = unzip_member(file, "xl/workbook.xml");
  ASSERT_EQ(occurrences(workbook, "<sheet "), 4u) << workbook;
  EXPECT_NE(workbook.find("Textes longs"), std::string::npos);
  const std::vector<std::string> strings = shared_strings(unzip_member(file, "xl/sharedStrings.xml"));
  const auto found = std::find(strings.begin(), strings.end(), line);
  ASSERT_NE(found, strings.end());
  const auto index = static_cast<std::size_t>(found - strings.begin());
  // Synthèse: its last line, column A; Détail (16 columns, A to P): R1; Dossiers par chiffre
  // (4 columns): F1; Textes longs (pieces in column A): C1.
  const std::vector<std::string> cells = {"", "R1", "F1", "C1"};
  for (std::size_t n = 1; n <= 4; ++n) {
    const std::string member = "xl/worksheets/sheet" + std::to_string(n) + ".xml";
    const std::string sheet = unzip_member(file, member.c_str());
    const std::string cell = cell_with_string(sheet, index);
    EXPECT_FALSE(cell.empty()) << member;
    if (!cells[n - 1].empty()) EXPECT_EQ(cell, cells[n - 1]) << member;
    else EXPECT_EQ(cell.front(), 'A') << member << " " << cell;
    EXPECT_NE(sheet.find("<oddFooter>&amp;L&amp;8" + line + "</oddFooter>"), std::string::npos) << member;
  }
  // Détail: a header and one row per dossier, nothing more.
  EXPECT_EQ(occurrences(unzip_member(file, "xl/worksheets/sheet2.xml"), "<row "), 1u + jaune.dossiers.size());
  const std::string core = unzip_member(file, "docProps/core.xml");
  EXPECT_NE(core.find("<dc:title>Jaune des actions internationales — exercice 2012</dc:title>"), std::string::npos) << core;
  EXPECT_NE(core.find("<dc:creator>subsidia 9.8.7</dc:creator>"), std::string::npos) << core;
  EXPECT_NE(core.find("<dc:description>" + line + "</dc:description>"), std::string::npos) << core;
}

TEST(JauneReceipt, AnUnfilledReceiptSaysSo) {
  EXPECT_NE(jaune_text(mixed()).find("Moteur subsidia (version non renseignée)"), std::string::npos);
}

TEST(AtomicFile, WritesTheWholeContentAndLeavesNoTemporary) {
  TemporaryFolder folder;
  auto file = folder.path() / "jaune.csv";
  ASSERT_FALSE(write_file_atomically(file, "a;b\r\n").has_value());
  EXPECT_EQ(read_all(file), "a;b\r\n");
  ASSERT_FALSE(write_file_atomically(file, "c").has_value());  // replaces
  EXPECT_EQ(read_all(file), "c");
  EXPECT_EQ(folder.entries(), 1u);
}

// Review 19: the rename replaced a link with a plain file (its target kept the old report)
// and a FIFO with a file (its reader got nothing), with exit 0.
TEST(AtomicFile, ALinkIsFollowedAndKeptAndALoopIsRefused) {
  TemporaryFolder folder;
  std::filesystem::create_directory(folder.path() / "real");
  std::ofstream(folder.path() / "real" / "jaune.csv") << "ancien";
  std::filesystem::create_symlink("real/jaune.csv", folder.path() / "lien.csv");
  ASSERT_FALSE(write_file_atomically(folder.path() / "lien.csv", "nouveau").has_value());
  EXPECT_TRUE(std::filesystem::is_symlink(folder.path() / "lien.csv"));
  EXPECT_EQ(read_all(folder.path() / "real" / "jaune.csv"), "nouveau");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(folder.path() / "real"), std::filesystem::directory_iterator()), 1);
  std::filesystem::create_symlink("boucle", folder.path() / "boucle");
  const auto loop = write_file_atomically(folder.path() / "boucle", "x");
  ASSERT_TRUE(loop.has_value());
  EXPECT_NE(loop->find("en boucle"), std::string::npos) << *loop;
}

TEST(AtomicFile, AFifoIsWrittenIntoNotReplaced) {
  TemporaryFolder folder;
  const auto fifo = folder.path() / "tube.csv";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string received;
  std::thread reader([&] { received = read_all(fifo); });
  const auto error = write_file_atomically(fifo, "a;b\r\n");
  reader.join();
  ASSERT_FALSE(error.has_value()) << *error;
  EXPECT_EQ(received, "a;b\r\n");
  EXPECT_TRUE(std::filesystem::is_fifo(fifo));
  EXPECT_EQ(folder.entries(), 1u);
}

TEST(AtomicFile, FailedProductionLeavesNeitherFileNorTemporary) {
  TemporaryFolder folder;
  auto file = folder.path() / "jaune.html";
  auto error = write_atomically(file, [](const std::filesystem::path& tmp) -> std::optional<std::string> {
    std::ofstream(tmp) << "partial";
    return "échec simulé";
  });
  ASSERT_TRUE(error.has_value());
  EXPECT_FALSE(std::filesystem::exists(file));
  EXPECT_EQ(folder.entries(), 0u);
}

TEST(AtomicFile, MissingFolderIsAnErrorNotACrash) {
  TemporaryFolder folder;
  auto error = write_file_atomically(folder.path() / "absent" / "jaune.json", "{}");
  EXPECT_TRUE(error.has_value());
  EXPECT_EQ(folder.entries(), 0u);
}

}  // namespace
}  // namespace subsidia::reports
