#include "scdl/export.hpp"

#include <algorithm>
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "csv/tokenizer.hpp"
#include "export/facts_fixture.hpp"
#include "io/string_pattern.hpp"

namespace subsidia::interop::scdl {
namespace {

namespace fs = std::filesystem;
const fs::path kSource = SUBSIDIA_TEST_SOURCE_DIR;

nlohmann::json table_schema() {
  std::ifstream in(kSource / "interop" / "standards" / "scdl" / "subventions-2.1.1.schema.json");
  return nlohmann::json::parse(in);
}

std::size_t characters(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

// Checks the CSV against the Table Schema: header = the fields in order; each value of its
// type, within its constraints (required, pattern, enum, maxLength, minimum, maximum).
// Returns every problem found, "ligne N, colonne : why".
std::vector<std::string> table_schema_problems(const std::string& csv) {
  const nlohmann::json schema = table_schema();
  const auto& fields = schema["fields"];
  std::vector<std::string> problems;
  csv::Tokenizer tokens(csv, {',', true});
  csv::Record record;
  bool header = true;
  while (tokens.next(record)) {
    if (header) {
      header = false;
      if (record.fields.size() != fields.size()) problems.push_back("en-tête : nombre de colonnes");
      for (std::size_t i = 0; i < record.fields.size() && i < fields.size(); ++i)
        if (record.fields[i].value != fields[i]["name"].get<std::string>())
          problems.push_back("en-tête : colonne " + std::to_string(i + 1));
      continue;
    }
    const std::string where = "ligne " + std::to_string(record.line) + ", ";
    if (record.fields.size() != fields.size()) {
      problems.push_back(where + "nombre de cellules");
      continue;
    }
    for (std::size_t i = 0; i < fields.size(); ++i) {
      const auto& field = fields[i];
      const std::string name = field["name"];
      const std::string value(record.fields[i].value);
      const auto constraints = field.value("constraints", nlohmann::json::object());
      if (value.empty()) {
        if (constraints.value("required", false)) problems.push_back(where + name + " : valeur exigée");
        continue;
      }
      const std::string type = field["type"];
      if (type == "date" && !io::StringPattern("^[0-9]{4}-[0-9]{2}-[0-9]{2}$").matches(value))
        problems.push_back(where + name + " : date " + value);
      if (type == "number" && !io::StringPattern("^-?[0-9]+(\\.[0-9]+)?$").matches(value))
        problems.push_back(where + name + " : nombre " + value);
      if (type == "boolean") {
        bool known = false;
        for (const char* key : {"trueValues", "falseValues"})
          for (const auto& v : field.value(key, nlohmann::json::array())) known = known || v == value;
        if (!known) problems.push_back(where + name + " : booléen " + value);
      }
      if (constraints.contains("pattern") && !io::StringPattern(constraints["pattern"].get<std::string>()).matches(value))
        problems.push_back(where + name + " : motif " + value);
      if (constraints.contains("enum")) {
        bool member = false;
        for (const auto& v : constraints["enum"]) member = member || v == value;
        if (!member) problems.push_back(where + name + " : hors énumération " + value);
      }
      if (constraints.contains("maxLength") && characters(value) > constraints["maxLength"].get<std::size_t>())
        problems.push_back(where + name + " : trop long");
      if (constraints.contains("minimum") || constraints.contains("maximum")) {
        const auto v = decimal::Decimal::parse(value);
        if (constraints.contains("minimum") &&
            *v < *decimal::Decimal::parse(constraints["minimum"].dump()))
          problems.push_back(where + name + " : sous le minimum");
        if (constraints.contains("maximum") && *v > *decimal::Decimal::parse(constraints["maximum"].dump()))
          problems.push_back(where + name + " : au-dessus du maximum");
      }
    }
  }
  if (tokens.failed()) problems.push_back(tokens.issues().front().message);
  return problems;
}

TEST(ScdlExport, TheTableSchemaCheckCatchesWhatIsWrong) {
  const std::string header =
      "nomAttribuant,idAttribuant,dateConvention,referenceDecision,nomBeneficiaire,idBeneficiaire,rnaBeneficiaire,objet,"
      "montant,nature,conditionsVersement,datesPeriodeVersement,idRAE,notificationUE,pourcentageSubvention,dispositifAide\r\n";
  const std::string good = "Ville,21690123100011,2018-03-12,D,Club,,,Objet,10.50,aide en numéraire,unique,2018-01-01,,non,1,\r\n";
  EXPECT_TRUE(table_schema_problems(header + good).empty());
  EXPECT_EQ(table_schema_problems(header + "Ville,2169012310001,2018-03-12,D,Club,,,Objet,10.50,aide en numéraire,unique,"
                                           "2018-01-01,,non,1,\r\n").size(), 1u);  // 13 digits
  EXPECT_EQ(table_schema_problems(header + "Ville,21690123100011,12/03/2018,D,Club,,,Objet,dix,aide en numéraire,unique,"
                                           "2018-01-01,,non,1,\r\n").size(), 2u);  // date, number
  EXPECT_EQ(table_schema_problems(header + "Ville,21690123100011,2018-03-12,D,Club,,W12,Objet,10.50,en nature,unique,"
                                           "2018,,peut-être,1.5,\r\n").size(), 5u);  // rna, enum, period, boolean, maximum
  EXPECT_FALSE(table_schema_problems("montant,objet\r\n" + good).empty());
}

TEST(ScdlExport, ImportedRealFilesGiveAFileValidAgainstTheTableSchema) {
  const auto facts = interop::testing::facts_of_import({kSource / "tests" / "interop" / "scdl" / "reels" / "poitiers-2017.csv"});
  const ScdlExport result = scdl_csv(facts, {2017, {}});
  EXPECT_EQ(result.written.size(), 562u);
  EXPECT_TRUE(result.left_out.empty());
  const auto problems = table_schema_problems(result.csv);
  EXPECT_TRUE(problems.empty()) << problems.size() << " : " << (problems.empty() ? "" : problems[0]);
}

TEST(ScdlExport, HandWrittenDossiersNeedTheSiretAndSayEveryDefault) {
  const auto facts = interop::testing::facts_of_folder(kSource / "cases" / "jaune-2012");
  const ScdlExport without = scdl_csv(facts, {2012, {}});
  EXPECT_TRUE(without.written.empty());
  EXPECT_FALSE(without.left_out.empty());
  const ScdlExport with = scdl_csv(facts, {2012, std::string("23750007900312")});
  EXPECT_FALSE(with.written.empty());
  EXPECT_FALSE(with.defaults.empty());
  const auto problems = table_schema_problems(with.csv);
  EXPECT_TRUE(problems.empty()) << (problems.empty() ? "" : problems[0]);
  // Cotisations, participations, joint purchases are not subsidies.
  for (const auto& line : with.left_out) EXPECT_NE(line.find("pas une subvention"), std::string::npos) << line;
}

// The schema's custom checks the Table Schema alone does not express: a row needs the
// beneficiary's SIRET or RNA number (one-of-required), and a SIRET's check key must hold. The
// rows are written as the data says, and listed.
TEST(ScdlExport, RowsTheSchemasCustomChecksWouldFlagAreListed) {
  auto facts = interop::testing::facts_of_folder(kSource / "cases" / "jaune-2012");
  const ScdlExport result = scdl_csv(facts, {2012, std::string("23750007900312")});
  ASSERT_FALSE(result.written.empty());
  // The hand-written 2012 dossiers name their beneficiaries without SIRET or RNA.
  EXPECT_EQ(result.not_conforming.size(), result.written.size());
  for (const auto& line : result.not_conforming) EXPECT_NE(line.find("one-of-required"), std::string::npos) << line;
  // A wrong check key on the collectivité's SIRET is flagged on every row too.
  const ScdlExport wrong_key = scdl_csv(facts, {2012, std::string("23750007900313")});
  std::size_t key_lines = 0;
  for (const auto& line : wrong_key.not_conforming) key_lines += line.find("clé de contrôle") != std::string::npos;
  EXPECT_EQ(key_lines, wrong_key.written.size());
}

struct Seen {
  std::string montant, date;
};

std::map<std::string, Seen> by_id(const std::vector<DossierFacts>& facts) {
  std::map<std::string, Seen> out;
  for (const auto& f : facts)
    out[f.entry.id] = {f.entry.montant.to_fixed(2), f.scdl.date_convention.value_or(f.deliberation_date)};
  return out;
}

TEST(ScdlExport, ImportingTheExportGivesBackTheSameIdsAmountsAndDates) {
  const fs::path reels = kSource / "tests" / "interop" / "scdl" / "reels";
  for (const auto& [file, year] : std::vector<std::pair<std::string, int>>{{"poitiers-2017.csv", 2017}, {"haute-garonne-2017.csv", 2016}}) {
    auto facts = interop::testing::facts_of_import({reels / file});
    const int exercice = year;  // clang 14 cannot capture a structured binding in a lambda
    std::erase_if(facts, [&](const DossierFacts& f) { return f.entry.exercice != exercice; });
    const ScdlExport exported = scdl_csv(facts, {year, {}});
    EXPECT_TRUE(exported.other_year.empty()) << file << " : " << exported.other_year.front();
    char pattern[] = "/tmp/subsidia-scdl-XXXXXX";
    const fs::path folder = ::mkdtemp(pattern);
    std::ofstream(folder / "export.csv", std::ios::binary) << exported.csv;
    const auto again = interop::testing::facts_of_import({folder / "export.csv"});
    fs::remove_all(folder);
    EXPECT_EQ(by_id(again).size(), facts.size()) << file;
    const auto before = by_id(facts), after = by_id(again);
    for (const auto& [id, seen] : before) {
      auto found = after.find(id);
      ASSERT_NE(found, after.end()) << file << " : " << id;
      EXPECT_EQ(found->second.montant, seen.montant) << id;
      EXPECT_EQ(found->second.date, seen.date) << id;
    }
    // The budget year too: Poitiers' 2017 subsidies voted in December 2016 stay in 2017 (the
    // export's payment period is the exercice's whole year, which the import reads back).
    for (const DossierFacts& f : again) EXPECT_EQ(f.entry.exercice, year) << file << " : " << f.entry.id;
  }
}

// Drafts read from a folder come in file-name order: `X-2.json` before `X.json`. Written in that
// order, the import would number the rows of one decision to one beneficiary the other way, and
// X would come back holding X-2's subsidy (219 of Poitiers' 562 ids).
TEST(ScdlExport, SubsidiesNumberedByTheImportComeBackUnderTheirIdsWhateverTheOrderGiven) {
  const fs::path reels = kSource / "tests" / "interop" / "scdl" / "reels";
  auto facts = interop::testing::facts_of_import({reels / "poitiers-2017.csv"});
  std::erase_if(facts, [](const DossierFacts& f) { return f.entry.exercice != 2017; });
  std::sort(facts.begin(), facts.end(), [](const DossierFacts& a, const DossierFacts& b) {
    return a.entry.id + ".json" < b.entry.id + ".json";  // as a folder of drafts is read
  });
  std::size_t numbered = 0;
  for (const DossierFacts& f : facts) numbered += f.entry.id.ends_with("-2");
  ASSERT_GT(numbered, 10u);  // the file has such groups, or this test tests nothing
  const ScdlExport exported = scdl_csv(facts, {2017, {}});
  char pattern[] = "/tmp/subsidia-scdl-XXXXXX";
  const fs::path folder = ::mkdtemp(pattern);
  std::ofstream(folder / "export.csv", std::ios::binary) << exported.csv;
  const auto again = interop::testing::facts_of_import({folder / "export.csv"});
  fs::remove_all(folder);
  const auto before = by_id(facts), after = by_id(again);
  ASSERT_EQ(after.size(), before.size());
  std::size_t moved = 0;
  for (const auto& [id, seen] : before) {
    auto found = after.find(id);
    ASSERT_NE(found, after.end()) << id;
    moved += found->second.montant != seen.montant || found->second.date != seen.date;
  }
  EXPECT_EQ(moved, 0u);
}

TEST(ScdlExport, NativeDossiersComeBackWithTheirAmountsAndDeliberationDates) {
  const auto facts = interop::testing::facts_of_folder(kSource / "cases" / "jaune-2012");
  const ScdlExport exported = scdl_csv(facts, {2012, std::string("23750007900312")});
  char pattern[] = "/tmp/subsidia-scdl-XXXXXX";
  const fs::path folder = ::mkdtemp(pattern);
  std::ofstream(folder / "export.csv", std::ios::binary) << exported.csv;
  const auto again = interop::testing::facts_of_import({folder / "export.csv"});
  fs::remove_all(folder);
  ASSERT_EQ(again.size(), exported.written.size());
  std::map<std::string, std::pair<std::string, std::string>> by_reference;
  for (const auto& f : facts)
    if (f.type_intervention == "subvention") by_reference[f.deliberation_reference + "|" + f.beneficiaire_nom] = {f.entry.montant.to_fixed(2), f.deliberation_date};
  for (const auto& f : again) {
    auto found = by_reference.find(f.scdl.reference_decision + "|" + f.scdl.nom_beneficiaire);
    ASSERT_NE(found, by_reference.end()) << f.entry.id;
    EXPECT_EQ(f.entry.montant.to_fixed(2), found->second.first);
    EXPECT_EQ(f.scdl.date_convention.value_or(""), found->second.second);
  }
}

// An SCDL file written to a temporary folder, imported: its dossiers as the exports read them.
std::vector<DossierFacts> facts_of_csv(const std::string& csv) {
  char pattern[] = "/tmp/subsidia-scdl-XXXXXX";
  const fs::path folder = ::mkdtemp(pattern);
  std::ofstream(folder / "fichier.csv", std::ios::binary) << csv;
  auto facts = interop::testing::facts_of_import({folder / "fichier.csv"});
  fs::remove_all(folder);
  return facts;
}

const std::string kRoquesHeader =
    "exercice;nomAttribuant;idAttribuant;dateConvention;referenceDecision;idBeneficiaire;nomBeneficiaire;objet;"
    "montant;nature;conditionsVersement;datesPeriodeVersement;idRAE;notificationUE;pourcentageSubvention\r\n";

// The export is comma-separated, RFC 4180: an objet typed over two lines, the second a list
// with more commas than the file has columns, is one quoted cell, and reads back as one.
TEST(ScdlExport, AnObjetOverTwoLinesFullOfCommasComesBack) {
  const auto facts = facts_of_csv(kRoquesHeader +
                                  "2017;COMMUNE DE ROQUES;21310458100011;2017-03-01;DELIB 4;44137080600016;TENNIS CLUB;"
                                  "\"Ligne 1\r\na, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p\";800.00;aide en numéraire;"
                                  "Unique;2017-01-01/2017-12-31;;non;1\r\n");
  ASSERT_EQ(facts.size(), 1u);
  const ScdlExport exported = scdl_csv(facts, {2017, {}});
  ASSERT_EQ(exported.written.size(), 1u);
  const auto again = facts_of_csv(exported.csv);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].entry.id, facts[0].entry.id);
  EXPECT_EQ(again[0].entry.montant.to_fixed(2), "800.00");
  EXPECT_EQ(again[0].entry.objet, facts[0].entry.objet);
}

// SCDL 2.x has no year column. Subsidies of the 2017 budget voted in December 2016, whose
// payment is known, were written with that payment and came back in 2016 (the year of the
// date): the payment's year is the budget's.
TEST(ScdlExport, ASubsidyWhosePaymentIsKnownComesBackInItsExercice) {
  const auto facts = facts_of_csv(kRoquesHeader +
                                  "2017;COMMUNE DE ROQUES;21310458100011;2016-12-05;DELIB 1;44137080600016;TENNIS CLUB;"
                                  "Fonctionnement 2017;1000.00;aide en numéraire;Unique;2017-02-01/2017-06-30;;non;1\r\n"
                                  "2017;COMMUNE DE ROQUES;21310458100011;2016-12-05;DELIB 2;44137080600016;TENNIS CLUB;"
                                  "Avance 2017;500.00;aide en numéraire;Unique;2017-01-15;;non;1\r\n");
  ASSERT_EQ(facts.size(), 2u);
  const ScdlExport exported = scdl_csv(facts, {2017, {}});
  ASSERT_EQ(exported.written.size(), 2u);
  const auto again = facts_of_csv(exported.csv);
  ASSERT_EQ(again.size(), 2u);
  for (const DossierFacts& f : again) {
    EXPECT_EQ(f.entry.exercice, 2017) << f.entry.id;
    EXPECT_EQ(f.scdl.date_convention.value_or(""), "2016-12-05") << f.entry.id;
  }
  EXPECT_EQ(again[0].scdl.dates_periode_versement, "2017-02-01/2017-06-30");
  EXPECT_EQ(again[1].scdl.dates_periode_versement, "2017-01-15");
  EXPECT_TRUE(exported.other_year.empty());
  // Paid in January 2018 on the 2017 budget: written as it is, and listed, since it would come
  // back in 2018.
  const auto late = facts_of_csv(kRoquesHeader +
                                 "2017;COMMUNE DE ROQUES;21310458100011;2017-04-13;DELIB 6;44137080600016;TENNIS CLUB;"
                                 "Solde 2017;300.00;aide en numéraire;Unique;2018-01-20;;non;1\r\n");
  ASSERT_EQ(late.size(), 1u);
  const ScdlExport late_export = scdl_csv(late, {2017, {}});
  EXPECT_EQ(late_export.written.size(), 1u);
  ASSERT_EQ(late_export.other_year.size(), 1u);
  EXPECT_NE(late_export.other_year[0].find("exercice 2018"), std::string::npos) << late_export.other_year[0];
}

// The lines of the export's defaults that name `column`.
std::vector<std::string> defaults_naming(const ScdlExport& exported, std::string_view column) {
  std::vector<std::string> out;
  for (const auto& line : exported.defaults)
    if (line.find(column) != std::string::npos) out.push_back(line);
  return out;
}

// idRAE has at most 5 characters (the schema's maxLength counts characters): "ABC123" cannot be
// written and is listed; "ÉCO12" (5 characters, 6 bytes) is written.
TEST(ScdlExport, AnIdRaeTooLongIsListedAndOneOfFiveCharactersIsWritten) {
  const auto facts = facts_of_csv(kRoquesHeader +
                                  "2017;COMMUNE DE ROQUES;21310458100011;2017-03-01;DELIB 3;44137080600016;TENNIS CLUB;"
                                  "Code RAE long;700.00;aide en numéraire;Unique;2017-01-01/2017-12-31;ABC123;non;1\r\n"
                                  "2017;COMMUNE DE ROQUES;21310458100011;2017-03-01;DELIB 5;44137080600016;TENNIS CLUB;"
                                  "Code RAE accentué;700.00;aide en numéraire;Unique;2017-01-01/2017-12-31;ÉCO12;non;1\r\n");
  ASSERT_EQ(facts.size(), 2u);
  const ScdlExport exported = scdl_csv(facts, {2017, {}});
  ASSERT_EQ(exported.written.size(), 2u);
  const std::vector<std::string> listed = defaults_naming(exported, "idRAE");
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_NE(listed[0].find("« ABC123 »"), std::string::npos) << listed[0];
  EXPECT_NE(listed[0].find(facts[0].entry.id), std::string::npos) << listed[0];
  EXPECT_EQ(exported.csv.find("ABC123"), std::string::npos);
  EXPECT_NE(exported.csv.find(",ÉCO12,"), std::string::npos) << exported.csv;
  EXPECT_TRUE(table_schema_problems(exported.csv).empty());
}

// A share the import could not use (45, NaN…) is exported as 1, the whole subsidy: listed with
// the defaults, with its dossier (review 25: the file said 100 % where its source said 45, and
// nothing said so). A usable share is written as published, and not listed.
TEST(ScdlExport, AnUnusablePublishedShareExportedAsOneIsListed) {
  const auto facts = facts_of_csv(kRoquesHeader +
                                  "2017;COMMUNE DE ROQUES;21310458100011;2017-03-01;DELIB 3;44137080600016;TENNIS CLUB;"
                                  "Part illisible;700.00;aide en numéraire;Unique;2017-01-01/2017-12-31;;non;45\r\n"
                                  "2017;COMMUNE DE ROQUES;21310458100011;2017-03-01;DELIB 5;44137080600016;TENNIS CLUB;"
                                  "Part entière;700.00;aide en numéraire;Unique;2017-01-01/2017-12-31;;non;1\r\n");
  ASSERT_EQ(facts.size(), 2u);
  const ScdlExport exported = scdl_csv(facts, {2017, {}});
  ASSERT_EQ(exported.written.size(), 2u);
  const std::vector<std::string> listed = defaults_naming(exported, "pourcentageSubvention");
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_NE(listed[0].find(facts[0].entry.id), std::string::npos) << listed[0];
  EXPECT_TRUE(table_schema_problems(exported.csv).empty());
}

// Two subsidies of the same amount to the same beneficiary in the same decision write two
// identical rows; SCDL has no id column, and a reader sees one: listed with both ids (review 25:
// the round trip kept one, 100,01 € lost, exit 0).
TEST(ScdlExport, TwoIdenticalRowsAreListedWithBothDossiers) {
  const std::string row = "2017;COMMUNE DE ROQUES;21310458100011;2017-03-01;DELIB 3;44137080600016;TENNIS CLUB;"
                          "Tournoi;700.00;aide en numéraire;Unique;2017-01-01/2017-12-31;;non;1\r\n";
  auto facts = facts_of_csv(kRoquesHeader + row + row);
  if (facts.size() == 1u) facts.push_back(facts[0]);  // the import writes identical rows once
  ASSERT_EQ(facts.size(), 2u);
  facts[1].entry.id += "-bis";
  const ScdlExport exported = scdl_csv(facts, {2017, {}});
  ASSERT_EQ(exported.written.size(), 2u);
  ASSERT_EQ(exported.identical.size(), 1u);
  EXPECT_NE(exported.identical[0].find(facts[1].entry.id + " : ligne identique à celle du dossier " + facts[0].entry.id),
            std::string::npos)
      << exported.identical[0];
}

// Rows that differ by a blank at the end of a cell are one row to the import, which trims cells:
// listed too (review 26).
TEST(ScdlExport, RowsThatDifferOnlyByBlanksAtTheEndsOfCellsAreListed) {
  const std::string row = "2017;COMMUNE DE ROQUES;21310458100011;2017-03-01;DELIB 3;44137080600016;TENNIS CLUB;"
                          "Tournoi;700.00;aide en numéraire;Unique;2017-01-01/2017-12-31;;non;1\r\n";
  auto facts = facts_of_csv(kRoquesHeader + row);
  ASSERT_EQ(facts.size(), 1u);
  facts.push_back(facts[0]);
  facts[1].entry.id += "-bis";
  facts[1].entry.objet += " ";
  const ScdlExport exported = scdl_csv(facts, {2017, {}});
  EXPECT_EQ(exported.identical.size(), 1u);
}

}  // namespace
}  // namespace subsidia::interop::scdl
