// The evaluator's functions and aggregates one by one, each on dossiers that make it
// respected, violated or indeterminate: abs, annee, min/max of two values, arrondi(a / b),
// division by zero, min/max over a list, debut/fin (code points, not bytes), sans_blancs.
#include <gtest/gtest.h>

#include "check/load.hpp"
#include "diag/diagnostic.hpp"
#include "eval/plan.hpp"
#include "io/reader.hpp"

namespace subsidia::eval {
namespace {

// Loads one rule "r" whose requirement is `requirement`, then evaluates dossiers that add
// `members` to the required fields (montant 1000.00 unless given).
class Function : public ::testing::Test {
 protected:
  void rule(const std::string& requirement) {
    const std::string text = "source S\n  intitulé \"Source\"\n  en vigueur à toute date\nfin\n"
                             "règle r\n  titre \"Règle\"\n  source S\n  gravité bloquante\n  exige " +
                             requirement + "\nfin\n";
    check::LoadResult loaded = check::load_rule_base_from_texts({{"f.regles", text}}, schema());
    ASSERT_TRUE(loaded.base) << diag::format_diagnostics(loaded.sources, loaded.diagnostics);
    plan_ = std::make_unique<Plan>(loaded.base);
  }
  RuleOutcome on(const std::string& members, const std::string& montant = "\"1000.00\"") {
    const std::string json = R"({"id": "F", "exercice": 2016, "collectivite": {"nom": "R", "categorie": "region"},
      "objet": "o", "type_intervention": "subvention", "montant": )" + montant +
                             (members.empty() ? "" : ", " + members) + "}";
    io::DossierReader reader(schema::unowned(schema()));
    io::ReadOutcome read = reader.read(json, "f.json");
    if (!read.dossier || !plan_) {
      ADD_FAILURE() << json << (read.errors.empty() ? "" : " : " + read.errors[0].message);
      return {};
    }
    const DossierResult result = plan_->evaluate(*read.dossier);
    if (result.rules.size() != 1) {
      ADD_FAILURE() << "one rule expected";
      return {};
    }
    return result.rules[0];
  }
  RuleStatus status(const std::string& members, const std::string& montant = "\"1000.00\"") {
    return on(members, montant).status;
  }
  static const schema::Schema& schema() {
    static const schema::Schema s = schema::Schema::load(SUBSIDIA_SCHEMA);
    return s;
  }
  std::unique_ptr<Plan> plan_;
};

constexpr const char* kCost3000 = R"("financement": {"cout_total": "3000.00"})";
constexpr const char* kCost0 = R"("financement": {"cout_total": "0.00"})";

// sans_blancs(s): s without the white space at its ends, ASCII and Unicode (a form's no-break
// and narrow no-break spaces, an ideographic space, a byte order mark), inner spaces kept; an
// objet made of blanks alone is empty. Unknown stays unknown.
TEST_F(Function, SansBlancsTakesOffTheBlanksAtBothEnds) {
  rule("sans_blancs(convention.objet) = \"eau et assainissement\"");
  EXPECT_EQ(status(R"("convention": {"objet": " \t\u00a0eau et assainissement\u202f\n"})"), RuleStatus::Respected);
  EXPECT_EQ(status(R"("convention": {"objet": "\ufeff\u3000eau et assainissement\u2009"})"), RuleStatus::Respected);
  EXPECT_EQ(status(R"("convention": {"objet": "eau  et assainissement"})"), RuleStatus::Violated);  // inside: kept
  EXPECT_EQ(status(R"("convention": {"objet": "eau et assainissement."})"), RuleStatus::Violated);
  const RuleOutcome unknown = on(R"("convention": {"date_signature": "2016-01-04"})");
  EXPECT_EQ(unknown.status, RuleStatus::Unknown);
  ASSERT_EQ(unknown.missing.size(), 1u);
  EXPECT_EQ(unknown.missing[0], "convention.objet");

  rule("longueur(sans_blancs(convention.objet)) = 0");
  EXPECT_EQ(status(R"("convention": {"objet": "   "})"), RuleStatus::Respected);
  EXPECT_EQ(status(R"("convention": {"objet": "\u00a0\u202f\u2007 \r\n"})"), RuleStatus::Respected);
  EXPECT_EQ(status(R"("convention": {"objet": ""})"), RuleStatus::Respected);
  EXPECT_EQ(status(R"("convention": {"objet": " é "})"), RuleStatus::Violated);
  EXPECT_EQ(status(R"("convention": {"objet": "\u00a0x"})"), RuleStatus::Violated);
}

TEST_F(Function, AbsIsTheDistanceToZero) {
  rule("abs(montant - 1500 €) <= 100 €");
  EXPECT_EQ(status("", "\"1450.00\""), RuleStatus::Respected);  // |-50|
  EXPECT_EQ(status("", "\"1550.00\""), RuleStatus::Respected);  // |50|
  EXPECT_EQ(status("", "\"1000.00\""), RuleStatus::Violated);   // |-500|, not -500
}

TEST_F(Function, AbsOfAnAbsentAmountIsUnknownWithItsPath) {
  rule("abs(financement.cout_total) > 0 €");
  const RuleOutcome o = on("");
  EXPECT_EQ(o.status, RuleStatus::Unknown);
  EXPECT_EQ(o.missing, std::vector<std::string>{"financement.cout_total"});
}

TEST_F(Function, AnneeIsTheYearOfADate) {
  rule("annee(deliberation.date) = 2006");
  EXPECT_EQ(status(R"("deliberation": {"organe": "assemblee", "date": "2006-12-31"})"), RuleStatus::Respected);
  EXPECT_EQ(status(R"("deliberation": {"organe": "assemblee", "date": "2007-01-01"})"), RuleStatus::Violated);
  const RuleOutcome absent = on("");
  EXPECT_EQ(absent.status, RuleStatus::Unknown);
  EXPECT_EQ(absent.missing, std::vector<std::string>{"deliberation.date"});
}

TEST_F(Function, MinOfTwoIsTheSmallerWhicheverComesFirst) {
  rule("min(montant, financement.cout_total) = 1000 € et min(financement.cout_total, montant) = 1000 €");
  EXPECT_EQ(status(kCost3000, "\"1000.00\""), RuleStatus::Respected);
  EXPECT_EQ(status(kCost3000, "\"4000.00\""), RuleStatus::Violated);  // min is then 3000
}

TEST_F(Function, MaxOfTwoIsTheGreaterWhicheverComesFirst) {
  rule("max(montant, financement.cout_total) = 3000 € et max(financement.cout_total, montant) = 3000 €");
  EXPECT_EQ(status(kCost3000, "\"1000.00\""), RuleStatus::Respected);
  EXPECT_EQ(status(kCost3000, "\"3000.00\""), RuleStatus::Respected);  // equal values
  EXPECT_EQ(status(kCost3000, "\"4000.00\""), RuleStatus::Violated);
}

TEST_F(Function, MinOfTwoWithAnAbsentValueIsUnknown) {
  rule("min(montant, financement.cout_total) > 0 €");
  const RuleOutcome o = on("");
  EXPECT_EQ(o.status, RuleStatus::Unknown);
  EXPECT_EQ(o.missing, std::vector<std::string>{"financement.cout_total"});
}

TEST_F(Function, MaxOfTwoDatesIsTheLaterDate) {
  rule("max(deliberation.date, convention.date_signature) = 2012-05-04");
  EXPECT_EQ(status(R"("deliberation": {"organe": "assemblee", "date": "2012-05-04"},
                      "convention": {"date_signature": "2011-01-01"})"), RuleStatus::Respected);
  EXPECT_EQ(status(R"("deliberation": {"organe": "assemblee", "date": "2010-05-04"},
                      "convention": {"date_signature": "2012-05-04"})"), RuleStatus::Respected);
  EXPECT_EQ(status(R"("deliberation": {"organe": "assemblee", "date": "2010-05-04"},
                      "convention": {"date_signature": "2011-05-04"})"), RuleStatus::Violated);
}

TEST_F(Function, RoundedDivisionIsExactThenRoundedOnce) {
  rule("arrondi(montant / financement.cout_total, 0.01) = 0.33");
  EXPECT_EQ(status(kCost3000, "\"1000.00\""), RuleStatus::Respected);  // 0.333...
  EXPECT_EQ(status(kCost3000, "\"1015.00\""), RuleStatus::Violated);   // 0.33833... gives 0.34
}

TEST_F(Function, RoundedDivisionOfAHalfGoesAwayFromZeroByDefault) {
  rule("arrondi(montant / 8, 0.01) = 0.07 €");  // 0.56 / 8 = 0.07 exactly; 0.60 / 8 = 0.075
  EXPECT_EQ(status("", "\"0.56\""), RuleStatus::Respected);
  rule("arrondi(montant / 8, 0.01) = 0.08 €");
  const RuleOutcome half = on("", "\"0.60\"");
  EXPECT_EQ(half.status, RuleStatus::Respected);
  EXPECT_NE(half.explanation.find(decimal::rounding_mode_french(decimal::RoundingMode::HalfAwayFromZero)),
            std::string::npos) << half.explanation;
}

TEST_F(Function, DivisionByZeroIsUnknownAndSaysSo) {
  rule("arrondi(montant / financement.cout_total, 0.01) <= 1");
  const RuleOutcome o = on(kCost0);
  EXPECT_EQ(o.status, RuleStatus::Unknown);
  EXPECT_TRUE(o.missing.empty());
  EXPECT_NE(o.explanation.find("Division par zéro"), std::string::npos) << o.explanation;
  EXPECT_EQ(status(kCost3000), RuleStatus::Respected);  // the same plan, a non-zero divisor
}

constexpr const char* kPlan = R"("financement": {"plan": [
    {"financeur": "a", "part": "0.2"}, {"financeur": "b", "part": "0.7"}, {"financeur": "c", "part": "0.1"}]})";

TEST_F(Function, MinAndMaxOfAListAreItsExtremesWhereverTheyStand) {
  rule("min(financement.plan[*].part) = 0.1 et max(financement.plan[*].part) = 0.7");
  EXPECT_EQ(status(kPlan), RuleStatus::Respected);
  rule("max(l.part pour l dans financement.plan) = 0.2");
  EXPECT_EQ(status(kPlan), RuleStatus::Violated);
}

TEST_F(Function, MinOfAListWithAnAbsentElementIsUnknownWithItsIndex) {
  rule("min(financement.plan[*].part) >= 0");
  const RuleOutcome o = on(R"("financement": {"plan": [{"financeur": "a", "part": "0.5"}, {"financeur": "b"}]})");
  EXPECT_EQ(o.status, RuleStatus::Unknown);
  EXPECT_EQ(o.missing, std::vector<std::string>{"financement.plan[1].part"});
}

TEST_F(Function, DebutAndFinCountCodePointsNotBytes) {
  rule(R"(debut(beneficiaire.nom, 1) = "É" et fin(beneficiaire.nom, 4) = "Café")");
  EXPECT_EQ(status(R"("beneficiaire": {"nom": "Élan Café", "categorie": "association"})"), RuleStatus::Respected);
  EXPECT_EQ(status(R"("beneficiaire": {"nom": "Elan Cafe", "categorie": "association"})"), RuleStatus::Violated);
}

TEST_F(Function, DebutAndFinLongerThanTheTextGiveTheWholeText) {
  rule(R"(debut(imputation.chapitre, 10) = "657" et fin(imputation.chapitre, 10) = "657")");
  EXPECT_EQ(status(R"("imputation": {"nomenclature": "M57", "chapitre": "657"})"), RuleStatus::Respected);
  rule(R"(debut(imputation.chapitre, 2) = "65" et fin(imputation.chapitre, 1) = "7")");
  EXPECT_EQ(status(R"("imputation": {"nomenclature": "M57", "chapitre": "657"})"), RuleStatus::Respected);
  EXPECT_EQ(status(R"("imputation": {"nomenclature": "M57", "chapitre": "567"})"), RuleStatus::Violated);
}

}  // namespace
}  // namespace subsidia::eval
