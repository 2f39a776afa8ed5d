// The questions the jaune asks the budget office in its notes: contradictory marks, an exercice
// before its deliberation, one operation perhaps entered twice. Each note could be missing, or
// said of the wrong dossier; none may change a figure.
#include <gtest/gtest.h>

#include <algorithm>

#include "jaune_fixture.hpp"
#include "reports/jaune_checks.hpp"
#include "reports/jaune_from_verdicts.hpp"

namespace subsidia::reports {
namespace {

using testing::record;

Jaune built(std::vector<JauneRecord> records) {
  JauneBuild build = jaune_from_verdicts(2012, std::move(records), ZoneTable::builtin());
  EXPECT_TRUE(build.errors.empty());
  return std::move(*build.jaune);
}

std::vector<std::string> notes_with(const Jaune& jaune, std::string_view words) {
  std::vector<std::string> found;
  for (const std::string& note : jaune.notes)
    if (note.find(words) != std::string::npos) found.push_back(note);
  return found;
}

JauneRecord granted(std::string id, const char* amount, const char* beneficiary, const char* reference, int year = 2012) {
  JauneRecord r = record(std::move(id), amount, "Culture", {"SN"});
  r.entry.beneficiaire_nom = beneficiary;
  r.entry.deliberation_reference = reference;
  r.entry.deliberation_date = calendar::Date::from_ymd(year, 3, 5);
  return r;
}

TEST(JauneChecks, ADossierMarkedBothOutOfScopeAndExceptionalIsNamedAndStaysOutOfScope) {
  JauneRecord both = record("X-1", "1000.00", "Culture", {"SN"});
  both.entry.hors_perimetre = true;
  both.entry.operation_exceptionnelle = true;
  JauneRecord exceptional = record("X-2", "2000.00", "Culture", {"SN"});
  exceptional.entry.operation_exceptionnelle = true;
  const Jaune jaune = built({both, exceptional, record("A-1", "10.00", "Culture")});
  const auto notes = notes_with(jaune, "à la fois hors périmètre et opération exceptionnelle");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].find("« X-1 »"), std::string::npos);
  EXPECT_EQ(jaune.out_of_scope.dossiers.size(), 1u);  // unchanged: out of scope wins
  EXPECT_EQ(jaune.exceptional.dossiers.size(), 1u);
  EXPECT_EQ(jaune.total.to_string(), "10.00");
}

TEST(JauneChecks, AnExerciceBeforeItsDeliberationIsNamed) {
  const Jaune jaune = built({granted("L-1", "100.00", "Association A", "CP 13-001", 2013),
                             granted("L-2", "100.00", "Association B", "CP 12-001", 2012)});
  const auto notes = notes_with(jaune, "l'exercice précède l'année de la délibération");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].find("« L-1 » de l'exercice 2012, délibéré le 5 mars 2013"), std::string::npos);
  EXPECT_EQ(jaune.total.to_string(), "200.00");  // still counted
}

TEST(JauneChecks, TwoIdsForOneBeneficiaryAmountAndDeliberationAreAskedAbout) {
  const Jaune jaune = built({granted("CP12-101-a", "5000.00", "Association Sahel Santé", "CP 12-101"),
                             granted("AUTRE-7", "5000", "ASSOCIATION SAHEL SANTE", "cp 12-101"),
                             granted("CP12-101-b", "5000.00", "Association Sahel Santé", "CP 12-102"),
                             granted("CP12-101-c", "4000.00", "Association Sahel Santé", "CP 12-101"),
                             granted("CP12-101-d", "5000.00", "Autre association", "CP 12-101")});
  const auto notes = notes_with(jaune, "peut-être une seule opération");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].find("Dossiers « CP12-101-a » et « AUTRE-7 »"), std::string::npos) << notes[0];
  EXPECT_NE(notes[0].find("délibération CP 12-101"), std::string::npos) << notes[0];
  EXPECT_EQ(jaune.total.to_string(), "24000.00");  // a question, not a correction
}

// Silence is no likeness: without a beneficiary's name or a deliberation, two dossiers of one
// amount are not said to be one operation.
TEST(JauneChecks, DossiersSilentOnBeneficiaryOrDeliberationAreNotSaidToBeOne) {
  JauneRecord a = record("S-1", "5000.00", "Culture", {"SN"});
  JauneRecord b = record("S-2", "5000.00", "Culture", {"SN"});
  JauneRecord c = granted("S-3", "5000.00", "", "CP 12-1");
  JauneRecord d = granted("S-4", "5000.00", "", "CP 12-1");
  JauneRecord e = granted("S-5", "5000.00", "Association", "");
  e.entry.deliberation_date.reset();
  JauneRecord f = granted("S-6", "5000.00", "Association", "");
  f.entry.deliberation_date.reset();
  const Jaune jaune = built({a, b, c, d, e, f});
  EXPECT_TRUE(notes_with(jaune, "peut-être une seule opération").empty());
}

// Without a reference, the deliberation's date tells it; a domestic subsidy or one out of scope
// is not in the annex and is not asked about.
TEST(JauneChecks, TheDeliberationDateStandsForAMissingReference) {
  JauneRecord out = granted("D-3", "700.00", "Comité de jumelage", "");
  out.entry.hors_perimetre = true;
  const Jaune jaune = built({granted("D-1", "700.00", "Comité de jumelage", ""), granted("D-2", "700.00", "Comité de jumelage", ""), out});
  const auto notes = notes_with(jaune, "peut-être une seule opération");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].find("Dossiers « D-1 » et « D-2 »"), std::string::npos) << notes[0];
  EXPECT_NE(notes[0].find("délibération du 5 mars 2012"), std::string::npos) << notes[0];
}

}  // namespace
}  // namespace subsidia::reports
