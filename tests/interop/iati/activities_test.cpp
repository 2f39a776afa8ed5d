#include "iati/activities.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>
#include <fstream>

#include "export/facts_fixture.hpp"
#include "reports/jaune_from_verdicts.hpp"
#include "reports/zone_table.hpp"

namespace subsidia::interop::iati {
namespace {

namespace fs = std::filesystem;
const fs::path kSource = SUBSIDIA_TEST_SOURCE_DIR;

IatiExport export_2012(const std::vector<DossierFacts>& facts) {
  return iati_activities(facts, {2012, "FR-SIRET-23750007900312", "2026-11-30T12:00:00Z", "subsidia 9.9.9 (commit test)", "sha256:test"});
}

// The sum of the <value> elements, from their decimal text.
decimal::Decimal sum_of_values(const std::string& xml) {
  decimal::Decimal sum;
  for (std::size_t at = xml.find("<value "); at != std::string::npos; at = xml.find("<value ", at + 1)) {
    const std::size_t open = xml.find('>', at), close = xml.find("</value>", at);
    sum = *add(sum, *decimal::Decimal::parse(xml.substr(open + 1, close - open - 1)));
  }
  return sum;
}

TEST(IatiActivities, ValidAgainstTheShippedSchema) {
  if (std::system("xmllint --version > /dev/null 2>&1") != 0)
    GTEST_SKIP() << "xmllint absent (paquet libxml2-utils, scripts/install-deps) : validation non faite";
  const auto facts = testing::facts_of_folder(kSource / "cases" / "jaune-2012");
  const IatiExport result = export_2012(facts);
  char pattern[] = "/tmp/subsidia-iati-XXXXXX";
  const fs::path folder = ::mkdtemp(pattern);
  const fs::path file = folder / "iati.xml";
  std::ofstream(file) << result.xml;
  const std::string command = "xmllint --noout --nonet --schema '" +
                              (kSource / "interop" / "standards" / "iati-2.03" / "iati-activities-schema.xsd").string() +
                              "' '" + file.string() + "' > '" + (folder / "out").string() + "' 2>&1";
  const int status = std::system(command.c_str());
  std::ifstream out(folder / "out");
  std::stringstream text;
  text << out.rdbuf();
  fs::remove_all(folder);
  EXPECT_EQ(status, 0) << text.str();
}

TEST(IatiActivities, CommitmentsAddUpToTheJauneTotal) {
  const auto facts = testing::facts_of_folder(kSource / "cases" / "jaune-2012");
  const IatiExport result = export_2012(facts);
  std::vector<reports::JauneRecord> records;
  for (const auto& f : facts) records.push_back({f.entry, eval::Verdict::Compliant});
  const reports::JauneBuild jaune = reports::jaune_from_verdicts(2012, records, reports::ZoneTable::builtin());
  ASSERT_TRUE(jaune.jaune);
  EXPECT_EQ(result.total, jaune.jaune->total);
  EXPECT_EQ(sum_of_values(result.xml), jaune.jaune->total);
  EXPECT_EQ(result.total, *decimal::Decimal::parse("46190000.00"));
  EXPECT_EQ(result.activities, jaune.jaune->total_dossiers);
  EXPECT_EQ(result.left_out.size(), 3u);  // IDFE out of scope, two exceptional operations
}

TEST(IatiActivities, RecipientCountriesAddUpToAHundredPercent) {
  auto facts = testing::facts_of_folder(kSource / "cases" / "jaune-2012");
  // Three countries: 33.33 + 33.33 + 33.34.
  facts[0].entry.pays = {"SN", "ML", "BF"};
  const IatiExport result = export_2012(facts);
  const std::size_t first = result.xml.find("<iati-activity ");
  const std::size_t end = result.xml.find("</iati-activity>", first);
  const std::string activity = result.xml.substr(first, end - first);
  EXPECT_NE(activity.find("code=\"SN\" percentage=\"33.34\""), std::string::npos) << activity;
  EXPECT_NE(activity.find("code=\"ML\" percentage=\"33.33\""), std::string::npos);
  EXPECT_NE(activity.find("code=\"BF\" percentage=\"33.33\""), std::string::npos);
}

// Shares of 26 decimals gave percentages of 26 decimals, which libxml2's xs:decimal refuses (the
// file failed the XSD, exit 0; review 25): two decimals, the residue on the largest.
TEST(IatiActivities, PercentagesFromSharesHaveTwoDecimalsAndAddUpToAHundred) {
  auto facts = testing::facts_of_folder(kSource / "cases" / "jaune-2012");
  const std::string third = "0.33333333333333333333333333";
  facts[0].entry.repartition = {{"SN", *decimal::Decimal::parse(third), std::nullopt},
                                {"ML", *decimal::Decimal::parse(third), std::nullopt},
                                {"BF", *decimal::Decimal::parse("0.33333333333333333333333334"), std::nullopt}};
  const IatiExport result = export_2012(facts);
  const std::size_t first = result.xml.find("<iati-activity ");
  const std::string activity = result.xml.substr(first, result.xml.find("</iati-activity>", first) - first);
  EXPECT_NE(activity.find("code=\"SN\" percentage=\"33.33\""), std::string::npos) << activity;
  EXPECT_NE(activity.find("code=\"ML\" percentage=\"33.33\""), std::string::npos);
  EXPECT_NE(activity.find("code=\"BF\" percentage=\"33.34\""), std::string::npos);
}

TEST(IatiActivities, TheFileNamesTheEngineThatWroteIt) {
  const IatiExport result = iati_activities({}, {2012, "FR-X", "2026-11-30T12:00:00Z", "subsidia 9.9.9 (commit test)", "sha256:test"});
  EXPECT_NE(result.xml.find("écrites par subsidia 9.9.9 (commit test) exporte iati (docs/import-export.md), schéma des "
                            "dossiers sha256:test"),
            std::string::npos);
}

TEST(IatiActivities, ImportedDomesticSubsidiesAreNotActivities) {
  const auto facts = testing::facts_of_import({kSource / "tests" / "interop" / "scdl" / "reels" / "poitiers-2017.csv"});
  const IatiExport result = iati_activities(facts, {2017, "FR-SIRET-21860194600013", "2026-11-30T12:00:00Z", "subsidia 9.9.9 (commit test)", "sha256:test"});
  EXPECT_GE(result.activities.size(), 15u);
  EXPECT_EQ(result.activities.size() + result.left_out.size(), facts.size());
  // A draft without deliberation date says which date stands for it.
  EXPECT_NE(result.xml.find("date de délibération inconnue"), std::string::npos);
}

TEST(IatiActivities, IdentifiersHoldNoSpaceOrSlash) {
  EXPECT_EQ(identifier_part("CP 12/101"), "CP-12-101");
}

TEST(IatiActivities, IdentifiersHoldNoControlCharacter) {
  EXPECT_EQ(identifier_part("CP\x01" "12\n1\r0\x7F" "1\x1F"), "CP-12-1-0-1-");
  EXPECT_EQ(identifier_part(std::string("a\0b", 3)), "a-b");
}

// Ids that differ only by a control character ("CP\u000112", "CP\u000212") were two activities
// under one identifier: the check compared them before the escaping made both "CP 12".
TEST(IatiActivities, IdsThatDifferOnlyByAControlCharacterAreOneIdentifier) {
  auto facts = testing::facts_of_folder(kSource / "cases" / "jaune-2012");
  ASSERT_GE(facts.size(), 2u);
  facts.resize(2);
  facts[0].entry.id = "CP\x01" "12";
  facts[1].entry.id = "CP\x02" "12";
  const IatiExport result = export_2012(facts);
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_NE(result.errors[0].find("en double"), std::string::npos) << result.errors[0];
  // Both named, their control characters visible.
  EXPECT_NE(result.errors[0].find("« CP\\u000112 » et « CP\\u000212 »"), std::string::npos) << result.errors[0];
  EXPECT_NE(result.xml.find("<iati-identifier>FR-SIRET-23750007900312-CP-12</iati-identifier>"), std::string::npos);
  // U+FFFE and U+FFFF are both written U+FFFD: one identifier as written.
  facts[0].entry.id = "CP\xEF\xBF\xBE";
  facts[1].entry.id = "CP\xEF\xBF\xBF";
  EXPECT_EQ(export_2012(facts).errors.size(), 1u);
}

// Two dossiers whose ids differ only by what identifiers cannot hold ("CP 12/101", "CP-12-101")
// would be two activities under one iati-identifier, which IATI requires unique: the export
// says so, naming both, and the command writes nothing. The 2012 case alone has none.
TEST(IatiActivities, TwoActivitiesUnderOneIdentifierAreAnError) {
  auto facts = testing::facts_of_folder(kSource / "cases" / "jaune-2012");
  ASSERT_GE(facts.size(), 2u);
  EXPECT_TRUE(export_2012(facts).errors.empty());
  facts.resize(2);
  facts[0].entry.id = "CP 12/101";
  facts[1].entry.id = "CP-12-101";
  const IatiExport result = export_2012(facts);
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_NE(result.errors[0].find("CP 12/101"), std::string::npos) << result.errors[0];
  EXPECT_NE(result.errors[0].find("CP-12-101"), std::string::npos) << result.errors[0];
  EXPECT_NE(result.errors[0].find("en double"), std::string::npos) << result.errors[0];
}

// One file, one reporting organisation: dossiers of two collectivités would both be published
// under the one reference given. An error naming them; nothing is to be written.
TEST(IatiActivities, DossiersOfTwoCollectivitesAreAnError) {
  auto facts = testing::facts_of_folder(kSource / "cases" / "jaune-2012");
  ASSERT_GE(facts.size(), 2u);
  facts[1].entry.collectivite = "Ville de Marseille";
  const IatiExport result = export_2012(facts);
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_NE(result.errors[0].find("2 collectivités"), std::string::npos) << result.errors[0];
  EXPECT_NE(result.errors[0].find("Ville de Marseille"), std::string::npos) << result.errors[0];
}

// A total past exact arithmetic is an error, not the previous total kept silently.
TEST(IatiActivities, ATotalPastExactArithmeticIsAnError) {
  auto facts = testing::facts_of_folder(kSource / "cases" / "jaune-2012");
  ASSERT_GE(facts.size(), 2u);
  for (DossierFacts& f : facts) f.entry.montant = *decimal::Decimal::parse("9999999999999999999999999999999999.99");
  const IatiExport result = export_2012(facts);
  ASSERT_GE(result.activities.size(), 2u);
  ASSERT_FALSE(result.errors.empty());
  EXPECT_NE(result.errors.back().find("trop grand"), std::string::npos) << result.errors.back();
}

}  // namespace
}  // namespace subsidia::interop::iati
