// The 2012 case end to end: the dossiers of cases/jaune-2012 read by the real reader, each
// evaluated, then the jaune built and written as JSON. The totals are those of the
// Île-de-France communication of December 2012, to the euro.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "case_loader.hpp"
#include "reports/jaune_json.hpp"

namespace subsidia::reports {
namespace {

nlohmann::json jaune_2012_json() {
  testing::LoadedCase loaded = testing::load_case(testing::kSourceDir / "cases" / "jaune-2012");
  EXPECT_TRUE(loaded.errors.empty()) << loaded.errors.front();
  JauneBuild built = jaune_from_verdicts(2012, std::move(loaded.records), ZoneTable::builtin());
  EXPECT_TRUE(built.jaune.has_value());
  if (!built.jaune) return {};
  return nlohmann::json::parse(jaune_json(*built.jaune));
}

TEST(Jaune2012Case, ReproducesTheSynthesisOfTheDecember2012Communication) {
  auto j = jaune_2012_json();
  ASSERT_FALSE(j.is_null());
  EXPECT_EQ(j["exercice"], 2012);
  EXPECT_EQ(j["total"], "46190000.00");
  EXPECT_EQ(j["total_meur"], "46,190");
  ASSERT_EQ(j["synthese"].size(), 3u);
  EXPECT_EQ(j["synthese"][0]["code"], "affaires_internationales");
  EXPECT_EQ(j["synthese"][0]["montant"], "9717000.00");
  EXPECT_EQ(j["synthese"][0]["montant_meur"], "9,717");
  EXPECT_EQ(j["synthese"][1]["code"], "autres_secteurs");
  EXPECT_EQ(j["synthese"][1]["montant"], "36473000.00");
  EXPECT_EQ(j["synthese"][1]["montant_meur"], "36,473");
  EXPECT_EQ(j["operations_exceptionnelles"]["total"], "28169000.00");
  EXPECT_EQ(j["operations_exceptionnelles"]["total_meur"], "28,169");
  // The total with and without exceptional items, as the State's jaunes show (domain.md § 5).
  EXPECT_EQ(j["total_y_compris_exceptionnelles"], "74359000.00");
  EXPECT_EQ(j["total_y_compris_exceptionnelles_meur"], "74,359");
}

TEST(Jaune2012Case, ListsTheTwoExceptionalOperationsForMemory) {
  auto j = jaune_2012_json();
  ASSERT_FALSE(j.is_null());
  const auto& lines = j["operations_exceptionnelles"]["lignes"];
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["montant"], "17169000.00");
  EXPECT_NE(lines[0]["objet"].get<std::string>().find("Cité internationale universitaire"), std::string::npos);
  EXPECT_EQ(lines[1]["montant"], "11000000.00");
  EXPECT_NE(lines[1]["objet"].get<std::string>().find("Cergy"), std::string::npos);
}

TEST(Jaune2012Case, KeepsIdfeOutOfTheInternationalAffairsFigure) {
  auto j = jaune_2012_json();
  ASSERT_FALSE(j.is_null());
  ASSERT_EQ(j["hors_perimetre"]["lignes"].size(), 1u);
  EXPECT_NE(j["hors_perimetre"]["lignes"][0]["objet"].get<std::string>().find("IDFE"), std::string::npos);
  EXPECT_EQ(j["par_secteur"][0]["secteur"], "Affaires internationales et européennes");
  EXPECT_EQ(j["par_secteur"][0]["montant"], "9717000.00");
}

TEST(Jaune2012Case, EveryBreakdownAddsUpToTheTotalAndCoversEveryCountedDossier) {
  auto j = jaune_2012_json();
  ASSERT_FALSE(j.is_null());
  for (const char* breakdown : {"par_secteur", "par_domaine", "par_zone", "par_imputation"}) {
    decimal::Decimal sum;
    std::size_t ids = 0;
    for (const auto& line : j[breakdown]) {
      sum = *add(sum, *decimal::Decimal::parse(line["montant"].get<std::string>()));
      ids += line["dossiers"].size();
    }
    EXPECT_EQ(sum, *decimal::Decimal::parse("46190000.00")) << breakdown;
    EXPECT_EQ(ids, j["dossiers"].size()) << breakdown;
  }
  EXPECT_GE(j["par_secteur"].size(), 6u);  // several other sectors, as in the communication
}

}  // namespace
}  // namespace subsidia::reports
