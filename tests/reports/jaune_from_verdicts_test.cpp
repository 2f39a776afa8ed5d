#include "reports/jaune_from_verdicts.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "jaune_fixture.hpp"
#include "reports/amount_format.hpp"
#include "reports/jaune_labels.hpp"

namespace subsidia::reports {
namespace {

using testing::euros;
using testing::mixed_year;
using testing::record;

Jaune build(std::vector<JauneRecord> records, int year = 2012) {
  JauneBuild built = jaune_from_verdicts(year, std::move(records), ZoneTable::builtin());
  EXPECT_TRUE(built.errors.empty());
  return std::move(*built.jaune);
}

decimal::Decimal sum(const std::vector<JauneLine>& lines) {
  decimal::Decimal total;
  for (const auto& line : lines) total = *add(total, line.amount);
  return total;
}

std::size_t count_ids(const std::vector<JauneLine>& lines) {
  std::size_t n = 0;
  for (const auto& line : lines) n += line.dossiers.size();
  return n;
}

const JauneLine* find_line(const std::vector<JauneLine>& lines, std::string_view key) {
  auto it = std::find_if(lines.begin(), lines.end(), [&](const JauneLine& l) { return l.key == key; });
  return it == lines.end() ? nullptr : &*it;
}

TEST(JauneFromVerdicts, TotalLeavesOutExceptionalAndOutOfScopeDossiers) {
  Jaune jaune = build(mixed_year());
  EXPECT_EQ(jaune.total, euros("4870000.75"));
  EXPECT_EQ(jaune.total_dossiers, (std::vector<std::string>{"AI-1", "AI-2", "ESR-1", "ECO-1", "CULT-1"}));
  EXPECT_EQ(jaune.exceptional.total, euros("17169000.00"));
  ASSERT_EQ(jaune.exceptional.dossiers.size(), 1u);
  EXPECT_EQ(jaune.dossiers[jaune.exceptional.dossiers[0]].entry.id, "EXC-1");
  EXPECT_EQ(jaune.out_of_scope.total, euros("800000.00"));
  ASSERT_EQ(jaune.out_of_scope.dossiers.size(), 1u);
  EXPECT_EQ(jaune.dossiers[jaune.out_of_scope.dossiers[0]].entry.id, "IDFE");
}

TEST(JauneFromVerdicts, EveryBreakdownAddsUpExactlyToTheTotal) {
  Jaune jaune = build(mixed_year());
  for (const auto* lines : {&jaune.by_sector, &jaune.by_domain, &jaune.by_zone, &jaune.by_imputation}) {
    EXPECT_EQ(sum(*lines), jaune.total);
    EXPECT_EQ(count_ids(*lines), jaune.total_dossiers.size());
  }
  // The synthesis: international affairs + other sectors = total.
  ASSERT_EQ(jaune.synthesis.size(), 3u);
  EXPECT_EQ(*add(jaune.synthesis[0].amount, jaune.synthesis[1].amount), jaune.synthesis[2].amount);
  EXPECT_EQ(jaune.synthesis[2].amount, jaune.total);
}

TEST(JauneFromVerdicts, ByCollectiviteAppearsOnlyWhenSeveralAreMixedAndAddsUp) {
  EXPECT_TRUE(build(mixed_year()).by_collectivite.empty());
  auto records = mixed_year();
  records[0].entry.collectivite = "Département de l'Essonne";
  Jaune jaune = build(std::move(records));
  ASSERT_EQ(jaune.by_collectivite.size(), 2u);
  EXPECT_EQ(sum(jaune.by_collectivite), jaune.total);
}

TEST(JauneFromVerdicts, InternationalAffairsSectorComesFirstThenOthersByAmount) {
  Jaune jaune = build(mixed_year());
  ASSERT_EQ(jaune.by_sector.size(), 4u);
  EXPECT_EQ(jaune.by_sector[0].key, kInternationalAffairsSector);
  EXPECT_EQ(jaune.by_sector[0].amount, euros("1250000.50"));
  EXPECT_EQ(jaune.by_sector[1].key, "Enseignement supérieur et recherche");
  EXPECT_EQ(jaune.by_sector[2].key, "Développement économique");
  EXPECT_EQ(jaune.by_sector[3].key, "Culture");
  EXPECT_EQ(jaune.synthesis[1].key, "autres_secteurs");
  EXPECT_EQ(jaune.synthesis[1].amount, euros("3620000.25"));
}

TEST(JauneFromVerdicts, OutOfScopeInternationalLineIsNamedInTheSynthesisLabel) {
  Jaune jaune = build(mixed_year());
  EXPECT_NE(jaune.synthesis[0].label.find("hors"), std::string::npos);
  auto records = mixed_year();
  records.erase(std::remove_if(records.begin(), records.end(), [](auto& r) { return r.entry.id == "IDFE"; }),
                records.end());
  EXPECT_EQ(build(std::move(records)).synthesis[0].label, kSynthesisInternational);
}

TEST(JauneFromVerdicts, ActionInSeveralZonesGoesOnThePlusieursZonesLine) {
  Jaune jaune = build(mixed_year());
  const JauneLine* several = find_line(jaune.by_zone, kSeveralZones);
  ASSERT_NE(several, nullptr);
  EXPECT_EQ(several->dossiers, (std::vector<std::string>{"AI-2"}));
  EXPECT_EQ(several->amount, euros("250000.50"));
  const JauneDossier& ai2 = jaune.dossiers[1];
  EXPECT_EQ(ai2.zones, (std::vector<std::string>{"Afrique subsaharienne", "Asie"}));
}

TEST(JauneFromVerdicts, FranceAndMissingCountriesHaveTheirOwnZoneLines) {
  Jaune jaune = build(mixed_year());
  ASSERT_NE(find_line(jaune.by_zone, "France"), nullptr);
  EXPECT_EQ(find_line(jaune.by_zone, "France")->dossiers, (std::vector<std::string>{"CULT-1"}));
  ASSERT_NE(find_line(jaune.by_zone, kNotGiven), nullptr);
  EXPECT_EQ(find_line(jaune.by_zone, kNotGiven)->dossiers, (std::vector<std::string>{"ECO-1"}));
  EXPECT_EQ(jaune.by_zone.front().key, "France");
  EXPECT_EQ(jaune.by_zone.back().key, kNotGiven);
}

TEST(JauneFromVerdicts, CountryMissingFromTheTableIsFlaggedInANote) {
  auto records = mixed_year();
  records[0].entry.pays = {"QQ"};
  Jaune jaune = build(std::move(records));
  ASSERT_NE(find_line(jaune.by_zone, kUnknownZone), nullptr);
  EXPECT_TRUE(std::any_of(jaune.notes.begin(), jaune.notes.end(),
                          [](const std::string& n) { return n.find("QQ") != std::string::npos; }));
}

TEST(JauneFromVerdicts, MissingDomainHasANonRenseigneLine) {
  Jaune jaune = build(mixed_year());
  const JauneLine* missing = find_line(jaune.by_domain, "non_renseigne");
  ASSERT_NE(missing, nullptr);
  EXPECT_EQ(missing->label, kNotGiven);
  EXPECT_EQ(missing->dossiers, (std::vector<std::string>{"ECO-1"}));
  EXPECT_EQ(jaune.by_domain.back().key, "non_renseigne");
  EXPECT_EQ(jaune.by_domain.front().key, "cooperation_decentralisee");
}

TEST(JauneFromVerdicts, ImputationLinesAreKeyedByNomenclatureChapitreFonction) {
  Jaune jaune = build(mixed_year());
  ASSERT_EQ(jaune.by_imputation.size(), 3u);
  EXPECT_EQ(jaune.by_imputation[0].key, "M71/930/048");
  EXPECT_EQ(jaune.by_imputation[1].key, "M71/933/312");
  EXPECT_EQ(jaune.by_imputation[2].key, "M71/939/94");
  EXPECT_EQ(jaune.by_imputation[0].key_parts, (std::vector<std::string>{"M71", "930", "048"}));
}

TEST(JauneFromVerdicts, NonCompliantAndIncompleteAmountsAreCountedAndFlagged) {
  Jaune jaune = build(mixed_year());
  EXPECT_EQ(jaune.verdicts.compliant, 5u);
  EXPECT_EQ(jaune.verdicts.non_compliant, 1u);
  EXPECT_EQ(jaune.verdicts.incomplete, 1u);
  const JauneLine* esr = find_line(jaune.by_sector, "Enseignement supérieur et recherche");
  ASSERT_NE(esr, nullptr);
  EXPECT_EQ(esr->amount, euros("3000000.00"));
  EXPECT_EQ(esr->flagged, (std::vector<std::string>{"ESR-1"}));
  EXPECT_EQ(jaune.synthesis[2].flagged, (std::vector<std::string>{"ESR-1", "ECO-1"}));
}

TEST(JauneFromVerdicts, DossiersOfOtherExercicesAreIgnoredAndCounted) {
  Jaune jaune = build(mixed_year());
  EXPECT_EQ(jaune.other_exercices, 1u);
  EXPECT_EQ(jaune.dossiers.size(), 7u);
  EXPECT_TRUE(std::none_of(jaune.dossiers.begin(), jaune.dossiers.end(),
                           [](const JauneDossier& d) { return d.entry.id == "OLD-1"; }));
}

TEST(JauneFromVerdicts, UnknownExerciceIsAnError) {
  JauneBuild built = jaune_from_verdicts(1999, mixed_year(), ZoneTable::builtin());
  EXPECT_FALSE(built.jaune.has_value());
  ASSERT_EQ(built.errors.size(), 1u);
  EXPECT_EQ(built.errors[0].code, JauneErrorCode::NoDossierForExercice);
}

TEST(JauneFromVerdicts, OutOfScopeWinsOverExceptional) {
  std::vector<JauneRecord> records{record("A", "10.00", "Culture")};
  records[0].entry.operation_exceptionnelle = true;
  records[0].entry.hors_perimetre = true;
  Jaune jaune = build(std::move(records));
  EXPECT_TRUE(jaune.exceptional.dossiers.empty());
  EXPECT_EQ(jaune.out_of_scope.dossiers.size(), 1u);
  EXPECT_TRUE(jaune.total.is_zero());
}

TEST(JauneFromVerdicts, MissingSectorHasItsOwnLineAfterTheOthers) {
  std::vector<JauneRecord> records{record("A", "10.00", ""), record("B", "5.00", "Culture")};
  Jaune jaune = build(std::move(records));
  ASSERT_EQ(jaune.by_sector.size(), 2u);
  EXPECT_EQ(jaune.by_sector[0].key, "Culture");
  EXPECT_EQ(jaune.by_sector[1].key, kSectorMissing);
}

}  // namespace
}  // namespace subsidia::reports
