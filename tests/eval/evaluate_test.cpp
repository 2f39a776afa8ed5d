// Evaluation of small rule bases (loaded through the checker) on dossiers read by the
// dossier reader, against the vendored schema.
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "check/load.hpp"
#include "decimal/decimal.hpp"
#include "diag/diagnostic.hpp"
#include "eval/plan.hpp"
#include "io/reader.hpp"

namespace subsidia::eval {
namespace {

const schema::Schema& test_schema() {
  static const schema::Schema s = schema::Schema::load(SUBSIDIA_SCHEMA);
  return s;
}

constexpr const char* kSource = R"(
source TOUJOURS
  intitulé "Source de test"
  en vigueur à toute date
fin
)";

// One blocking rule, always in force.
std::string rule(const std::string& id, const std::string& requirement, const std::string& extra = "",
                 const std::string& severity = "bloquante") {
  return "règle " + id + "\n  titre \"Règle de test\"\n  source TOUJOURS\n  gravité " + severity + "\n" + extra +
         "\n  exige " + requirement + "\nfin\n";
}

// A valid dossier with the required fields, plus `extra` members.
std::string dossier_json(const std::string& extra, const std::string& montant = "\"1000.00\"") {
  std::string json = R"({"id": "D1", "exercice": 2016, "collectivite": {"nom": "Région", "categorie": "region"},
    "objet": "test", "type_intervention": "subvention", "montant": )" + montant;
  if (!extra.empty()) json += ", " + extra;
  return json + "}";
}

class Evaluate : public ::testing::Test {
 protected:
  void load(const std::string& rules, std::vector<std::pair<std::string, std::string>> more = {}) {
    more.insert(more.begin(), {"base.regles", std::string(kSource) + rules});
    check::LoadResult loaded = check::load_rule_base_from_texts(more, test_schema());
    ASSERT_TRUE(loaded.base) << diag::format_diagnostics(loaded.sources, loaded.diagnostics);
    plan_ = std::make_unique<Plan>(loaded.base);
  }
  DossierResult run(const std::string& json) {
    io::DossierReader reader(schema::unowned(test_schema()));
    io::ReadOutcome read = reader.read(json, "test.json");
    if (!read.dossier) {
      ADD_FAILURE() << "dossier illisible : " << (read.errors.empty() ? "" : read.errors[0].json_path + " " + read.errors[0].message);
      return {};
    }
    dossiers_.push_back(std::move(*read.dossier));
    return plan_->evaluate(dossiers_.back());
  }
  RuleOutcome outcome(const std::string& json, std::string_view id = "r") {
    DossierResult result = run(json);
    for (RuleOutcome& o : result.rules) {
      if (o.id == id) return o;
    }
    ADD_FAILURE() << "pas de règle " << id;
    return {};
  }
  std::unique_ptr<Plan> plan_;
  std::vector<io::Dossier> dossiers_;
};

std::string money_french(const char* text) { return decimal::Decimal::parse(text)->to_french(2) + " €"; }

TEST_F(Evaluate, SumOfTenthsIsExactlyOne) {
  load(rule("r", "somme(financement.plan[*].part) = 1"));
  const RuleOutcome o = outcome(dossier_json(R"("financement": {"plan": [
      {"financeur": "a", "part": "0.1"}, {"financeur": "b", "part": 0.2}, {"financeur": "c", "part": "0.7"}]})"));
  EXPECT_EQ(o.status, RuleStatus::Respected);
}

TEST_F(Evaluate, ConstantArithmeticIsExact) {
  load(rule("r", "0.1 + 0.2 + 0.7 = 1"));
  EXPECT_EQ(outcome(dossier_json("")).status, RuleStatus::Respected);
}

TEST_F(Evaluate, RoundingHalfAwayFromZeroAndHalfEvenDifferAtTheHalfCent) {
  load(rule("r", "arrondi(somme(financement.plan[*].part), 0.01) = 6016.07") +
       rule("pair", "arrondi(somme(financement.plan[*].part), 0.01, demi_pair) = 6016.06"));
  const std::string json = dossier_json(R"("financement": {"plan": [{"financeur": "a", "part": "6016.065"}]})");
  const DossierResult result = run(json);
  ASSERT_EQ(result.rules.size(), 2u);
  EXPECT_EQ(result.rules[0].status, RuleStatus::Respected);
  EXPECT_EQ(result.rules[1].status, RuleStatus::Respected);
  EXPECT_NE(result.rules[0].explanation.find(decimal::rounding_mode_french(decimal::RoundingMode::HalfAwayFromZero)),
            std::string::npos);
  EXPECT_NE(result.rules[1].explanation.find(decimal::rounding_mode_french(decimal::RoundingMode::HalfEven)),
            std::string::npos);
}

// An empty list is a list (action.repartition_pays); a list the schema marks x-empty-means-absent
// (financement.plan, action.pays, interet_local.indices) is read as absent when empty.
TEST_F(Evaluate, ListPathExistsWhenTheListIsGiven) {
  load(rule("r", "action.repartition_pays[*].part existe"));
  EXPECT_EQ(outcome(dossier_json(R"("action": {"nature": "cooperation", "repartition_pays": []})")).status, RuleStatus::Respected);
  load(rule("r", "financement.plan[*].part existe"));
  EXPECT_EQ(outcome(dossier_json(R"("financement": {"plan": []})")).status, RuleStatus::Violated);
}

// A list path is there when its list is: with no `financement`, the parts do not exist.
TEST_F(Evaluate, ListPathDoesNotExistWhenItsPrefixIsAbsent) {
  load(rule("r", "financement.plan[*].part existe"));
  EXPECT_EQ(outcome(dossier_json("")).status, RuleStatus::Violated);
  EXPECT_EQ(outcome(dossier_json(R"("financement": {"cout_total": "10.00"})")).status, RuleStatus::Violated);
  EXPECT_EQ(outcome(dossier_json(R"("financement": {"plan": [{"financeur": "a", "part": "1"}]})")).status,
            RuleStatus::Respected);
}

TEST_F(Evaluate, ListPathIsUnknownWithTheListMissingWhenItsPrefixIsAbsent) {
  load(rule("r", "financement.plan[*].part est renseigné"));
  const RuleOutcome o = outcome(dossier_json(""));
  EXPECT_EQ(o.status, RuleStatus::Unknown);
  EXPECT_EQ(o.missing, std::vector<std::string>{"financement.plan"});
}

TEST_F(Evaluate, SinonOnAListKeepsTheListWhenItIsGiven) {
  load(rule("r", "somme(financement.plan[*].part sinon [0]) = 1"));
  EXPECT_EQ(outcome(dossier_json(R"("financement": {"plan": [
      {"financeur": "a", "part": "0.25"}, {"financeur": "b", "part": "0.75"}]})")).status,
            RuleStatus::Respected);
}

TEST_F(Evaluate, SinonOnAListGivesTheDefaultWhenTheListIsAbsent) {
  load(rule("r", "somme(financement.plan[*].part sinon [0]) = 0") +
       rule("n", "nombre(financement.plan[*].part sinon [1, 2]) = 2"));
  const DossierResult result = run(dossier_json(""));
  ASSERT_EQ(result.rules.size(), 2u);
  EXPECT_EQ(result.rules[0].status, RuleStatus::Respected);
  EXPECT_EQ(result.rules[1].status, RuleStatus::Respected);
}

// An absent item is not an absent list: sinon does not replace the list, the item stays
// missing evidence with its index.
TEST_F(Evaluate, SinonOnAListDoesNotHideAMissingItem) {
  load(rule("r", "somme(financement.plan[*].part sinon [1]) = 1"));
  const RuleOutcome o = outcome(dossier_json(R"("financement": {"plan": [
      {"financeur": "a", "part": "0.5"}, {"financeur": "b"}]})"));
  EXPECT_EQ(o.status, RuleStatus::Unknown);
  EXPECT_EQ(o.missing, std::vector<std::string>{"financement.plan[1].part"});
}

TEST_F(Evaluate, ListLiteralExistsAndIsWalkedUnderSinon) {
  load(rule("r", "[1, 2] existe et somme([1, 2] sinon [5]) = 3") +
       rule("t", "somme(financement.plan[*].part sinon [0.5, 0.5]) = 1"));
  const DossierResult result = run(dossier_json(""));
  ASSERT_EQ(result.rules.size(), 2u);
  EXPECT_EQ(result.rules[0].status, RuleStatus::Respected);
  EXPECT_EQ(result.rules[1].status, RuleStatus::Respected);
}

TEST_F(Evaluate, VersionInForceOnTheDeliberationDateIsEvaluated) {
  load(R"(
source AVANT
  intitulé "Texte ancien"
  en vigueur jusqu'au 2014-07-08
fin
source APRES
  intitulé "Texte nouveau"
  en vigueur du 2014-07-09
fin
règle v
  titre "ancienne"
  source AVANT
  gravité bloquante
  exige faux
fin
règle v
  titre "nouvelle"
  source APRES
  gravité bloquante
  exige vrai
fin
)");
  const RuleOutcome before = outcome(dossier_json(R"("deliberation": {"organe": "assemblee", "date": "2014-07-08"})"), "v");
  EXPECT_EQ(before.status, RuleStatus::Violated);
  ASSERT_NE(before.rule, nullptr);
  EXPECT_EQ(before.rule->title, "ancienne");
  const RuleOutcome after = outcome(dossier_json(R"("deliberation": {"organe": "assemblee", "date": "2014-07-09"})"), "v");
  EXPECT_EQ(after.status, RuleStatus::Respected);
  EXPECT_EQ(after.rule->title, "nouvelle");
  EXPECT_NE(after.rule->citation().find("Texte nouveau (en vigueur depuis le 9 juillet 2014)"), std::string::npos);
}

// A deliberation on a disputed day (the day of the Journal officiel) gets the reason in its
// explanation and as a reservation, whichever version is chosen; other days do not.
TEST_F(Evaluate, DeliberationOnADisputedDayCarriesTheReservation) {
  load(R"(
source NOUVEAU
  intitulé "Loi nouvelle"
  origine de la date "version de Légifrance : jour du JO"
  date discutée du 2007-02-06 au 2007-02-06 "l'art. 1er du code civil donnerait le lendemain"
  en vigueur du 2007-02-06
fin
source ANCIEN
  intitulé "Loi ancienne"
  en vigueur jusqu'au 2007-02-05
fin
règle r
  titre "Règle datée"
  source ANCIEN
  gravité bloquante
  exige montant > 0 €
fin
règle r
  titre "Règle datée"
  source NOUVEAU
  gravité bloquante
  exige montant > 0 €
fin
)");
  RuleOutcome o = outcome(dossier_json(R"("deliberation": {"organe": "assemblee", "date": "2007-02-06"})"));
  EXPECT_EQ(o.status, RuleStatus::Respected);
  ASSERT_EQ(o.caveats.size(), 1u);
  EXPECT_NE(o.caveats[0].find("code civil"), std::string::npos) << o.caveats[0];
  EXPECT_NE(o.explanation.find("Réserve sur la date"), std::string::npos) << o.explanation;
  o = outcome(dossier_json(R"("deliberation": {"organe": "assemblee", "date": "2007-02-07"})"));
  EXPECT_TRUE(o.caveats.empty());
}

TEST_F(Evaluate, NoVersionInForceIsNotApplicableAndSaysWhen) {
  load(R"(
source ANCIEN
  intitulé "Texte ancien"
  en vigueur du 1992-02-08 au 2007-02-05
fin
règle v
  titre "ancienne"
  source ANCIEN
  gravité bloquante
  exige faux
fin
)");
  const RuleOutcome o = outcome(dossier_json(R"("deliberation": {"organe": "assemblee", "date": "2010-01-01"})"), "v");
  EXPECT_EQ(o.status, RuleStatus::NotApplicable);
  EXPECT_EQ(o.explanation,
            "Sans objet : texte non en vigueur le 1er janvier 2010 (en vigueur du 8 février 1992 au 5 février 2007).");
}

TEST_F(Evaluate, MissingDeliberationDateLeavesBoundedRulesUnknown) {
  load(R"(
source BORNE
  intitulé "Texte daté"
  en vigueur du 2007-02-06
fin
règle borne
  titre "bornée"
  source BORNE
  gravité bloquante
  exige vrai
fin
)" + rule("libre", "vrai"));
  const DossierResult result = run(dossier_json(""));
  ASSERT_EQ(result.rules.size(), 2u);
  EXPECT_EQ(result.rules[0].status, RuleStatus::Unknown);
  EXPECT_EQ(result.rules[0].missing, std::vector<std::string>{"deliberation.date"});
  EXPECT_EQ(result.rules[1].status, RuleStatus::Respected);
  EXPECT_EQ(result.verdict, Verdict::Incomplete);
}

// Two versions that split time in two, and a third family with a gap before 2007.
constexpr const char* kVersionsCoveringEveryDate = R"(
source AVANT
  intitulé "Avant"
  en vigueur jusqu'au 2014-07-08
fin
source APRES
  intitulé "Après"
  en vigueur du 2014-07-09
fin
règle partout_violee
  titre "v1"
  source AVANT
  gravité bloquante
  exige montant > 5000 €
fin
règle partout_violee
  titre "v2"
  source APRES
  gravité bloquante
  exige montant > 2000 €
fin
règle differente
  titre "v1"
  source AVANT
  gravité bloquante
  exige montant > 5000 €
fin
règle differente
  titre "v2"
  source APRES
  gravité bloquante
  exige montant > 500 €
fin
règle jamais_applicable
  titre "avec convention"
  source AVANT
  gravité bloquante
  s'applique si convention existe
  exige faux
fin
règle lacune
  titre "depuis 2014"
  source APRES
  gravité bloquante
  exige montant > 2000 €
fin
)";

TEST_F(Evaluate, MissingDateStillConcludesWhenEveryVersionAgrees) {
  load(kVersionsCoveringEveryDate);
  const DossierResult result = run(dossier_json(""));  // montant 1000, no deliberation, no convention
  ASSERT_EQ(result.rules.size(), 4u);
  EXPECT_EQ(result.rules[0].id, "partout_violee");
  EXPECT_EQ(result.rules[0].status, RuleStatus::Violated);
  EXPECT_NE(result.rules[0].explanation.find("toutes les versions"), std::string::npos);
  EXPECT_EQ(result.rules[1].id, "differente");
  EXPECT_EQ(result.rules[1].status, RuleStatus::Unknown);
  EXPECT_EQ(result.rules[1].missing, std::vector<std::string>{"deliberation.date"});
  // in force only until 2014 and never applicable here: sans objet on either side of 2014
  EXPECT_EQ(result.rules[2].id, "jamais_applicable");
  EXPECT_EQ(result.rules[2].status, RuleStatus::NotApplicable);
  // violated when in force, sans objet before 2014: the date decides
  EXPECT_EQ(result.rules[3].id, "lacune");
  EXPECT_EQ(result.rules[3].status, RuleStatus::Unknown);
  EXPECT_EQ(result.rules[3].missing, std::vector<std::string>{"deliberation.date"});
  EXPECT_EQ(result.verdict, Verdict::NonCompliant);
}

TEST_F(Evaluate, DeliberationDateExpressionReadsTheDossier) {
  load(rule("r", "date de la délibération < 2014-07-09"));
  EXPECT_EQ(outcome(dossier_json(R"("deliberation": {"organe": "assemblee", "date": "2006-07-06"})")).status,
            RuleStatus::Respected);
  const RuleOutcome missing = outcome(dossier_json(""));
  EXPECT_EQ(missing.status, RuleStatus::Unknown);
  EXPECT_EQ(missing.missing, std::vector<std::string>{"deliberation.date"});
}

// A long list read twice gives each of its items once among the facts, in the order first read:
// past a few dozen facts they are also kept in a set (a list of 100 000 countries took 22 s to
// check, review 30), which must keep the same answer as the scan.
TEST_F(Evaluate, AFactReadTwiceIsKeptOnceInALongList) {
  load(rule("r", "(tous l dans financement.plan : l.part >= 0) et (tous m dans financement.plan : m.part <= 1)"));
  std::string plan;
  for (int i = 0; i < 200; ++i) plan += std::string(i ? "," : "") + R"({"financeur": "f", "part": "0.005"})";
  const RuleOutcome o = outcome(dossier_json(R"("financement": {"plan": [)" + plan + "]}"));
  EXPECT_EQ(o.status, RuleStatus::Respected);
  ASSERT_EQ(o.facts.size(), 200u);
  EXPECT_EQ(o.facts[0].path, "financement.plan[0].part");
  EXPECT_EQ(o.facts[199].path, "financement.plan[199].part");
}

TEST_F(Evaluate, MissingFactsAreListedWithTheirIndices) {
  load(rule("r", "tous l dans financement.plan : l.part >= 0"));
  const RuleOutcome o = outcome(dossier_json(R"("financement": {"plan": [
      {"financeur": "a", "part": "0.5"}, {"financeur": "b"}, {"financeur": "c"}]})"));
  EXPECT_EQ(o.status, RuleStatus::Unknown);
  EXPECT_EQ(o.missing, (std::vector<std::string>{"financement.plan[1].part", "financement.plan[2].part"}));
  EXPECT_EQ(o.explanation, "Impossible de conclure : il manque financement.plan[1].part, financement.plan[2].part.");
  ASSERT_EQ(o.facts.size(), 1u);
  EXPECT_EQ(o.facts[0].path, "financement.plan[0].part");
  EXPECT_EQ(o.facts[0].value, "0.5");
}

TEST_F(Evaluate, FalseAndUnknownIsFalseWithoutMissingPaths) {
  load(rule("r", "montant > 5000 € et financement.cout_total > 0 €"));
  const RuleOutcome o = outcome(dossier_json(""));
  EXPECT_EQ(o.status, RuleStatus::Violated);
  EXPECT_TRUE(o.missing.empty());
}

TEST_F(Evaluate, TrueOrUnknownIsTrue) {
  load(rule("r", "financement.cout_total > 0 € ou montant > 0 €"));
  EXPECT_EQ(outcome(dossier_json("")).status, RuleStatus::Respected);
}

TEST_F(Evaluate, QuantifiersOverAnEmptyList) {
  load(rule("tous", "tous l dans action.repartition_pays : l.part > 1") +
       rule("un", "au moins un l dans action.repartition_pays : l.part > 1") +
       rule("aucun", "aucun l dans action.repartition_pays : l.part > 1"));
  const DossierResult r = run(dossier_json(R"("action": {"nature": "cooperation", "repartition_pays": []})"));
  EXPECT_EQ(r.rules[0].status, RuleStatus::Respected);
  EXPECT_EQ(r.rules[1].status, RuleStatus::Violated);
  EXPECT_EQ(r.rules[2].status, RuleStatus::Respected);
}

TEST_F(Evaluate, QuantifierOverAnAbsentListIsUnknown) {
  load(rule("r", "tous l dans financement.plan : l.part > 1"));
  const RuleOutcome o = outcome(dossier_json(""));
  EXPECT_EQ(o.status, RuleStatus::Unknown);
  EXPECT_EQ(o.missing, std::vector<std::string>{"financement.plan"});
}

TEST_F(Evaluate, SumWithAMissingElementIsUnknownUnlessDefaulted) {
  load(rule("r", "somme(financement.plan[*].part) = 1") +
       rule("defaut", "somme(l.part sinon 0 pour l dans financement.plan) = 1"));
  const DossierResult r = run(dossier_json(R"("financement": {"plan": [{"financeur": "a", "part": "1"}, {"financeur": "b"}]})"));
  EXPECT_EQ(r.rules[0].status, RuleStatus::Unknown);
  EXPECT_EQ(r.rules[0].missing, std::vector<std::string>{"financement.plan[1].part"});
  EXPECT_EQ(r.rules[1].status, RuleStatus::Respected);
}

TEST_F(Evaluate, AtLeastCountsDistinctPresentValues) {
  load(rule("r", "au moins 2 parmi interet_local.indices[*].type distincts"));
  EXPECT_EQ(outcome(dossier_json(R"("interet_local": {"indices": [{"type": "siege_dans_territoire"},
      {"type": "siege_dans_territoire"}]})")).status,
            RuleStatus::Violated);
  EXPECT_EQ(outcome(dossier_json(R"("interet_local": {"indices": [{"type": "siege_dans_territoire"},
      {"type": "lien_population_locale"}]})")).status,
            RuleStatus::Respected);
  const RuleOutcome absent = outcome(dossier_json(""));
  EXPECT_EQ(absent.status, RuleStatus::Unknown);
  EXPECT_EQ(absent.missing, std::vector<std::string>{"interet_local.indices"});
}

// Items whose value is not given: enough known values settle `au moins`, too few known ones
// that the unknown ones could complete leave it unknown (incomplete, with the paths), and too
// few even with them is a violation. Before, an unknown item simply did not count: the rule was
// violated where the dossier was only incomplete.
TEST_F(Evaluate, AtLeastWithItemsNotGivenIsUnknownOnlyWhenTheyCouldDecide) {
  load(rule("deux", "au moins 2 parmi financement.plan[*].part") +
       rule("trois", "au moins 3 parmi financement.plan[*].part distincts") +
       rule("quatre", "au moins 4 parmi financement.plan[*].part"));
  const DossierResult r = run(dossier_json(R"("financement": {"plan": [{"financeur": "a", "part": "0.5"},
      {"financeur": "b", "part": "0.3"}, {"financeur": "c"}]})"));
  EXPECT_EQ(r.rules[0].status, RuleStatus::Respected);
  EXPECT_EQ(r.rules[1].status, RuleStatus::Unknown);
  EXPECT_EQ(r.rules[1].missing, std::vector<std::string>{"financement.plan[2].part"});
  EXPECT_EQ(r.rules[2].status, RuleStatus::Violated);
}

// `distincts` of a list with an item that may or may not be there (its filter unknown) or whose
// value is not given is unknown: counting only the known values made `= 2` respected here,
// while the third line, part not given, might belong and differ. Silence must not pass.
TEST_F(Evaluate, DistinctsWithAnItemNotGivenIsUnknown) {
  load(rule("filtre", "distincts(liste(l.financeur pour l dans financement.plan si l.part > 0)) = 2") +
       rule("valeurs", "distincts(financement.plan[*].part) = 2"));
  const DossierResult r = run(dossier_json(R"("financement": {"plan": [{"financeur": "a", "part": "0.5"},
      {"financeur": "b", "part": "0.3"}, {"financeur": "c"}]})"));
  for (const RuleOutcome& o : r.rules) {
    EXPECT_EQ(o.status, RuleStatus::Unknown) << o.id;
    EXPECT_EQ(o.missing, std::vector<std::string>{"financement.plan[2].part"}) << o.id;
  }
  const DossierResult known = run(dossier_json(R"("financement": {"plan": [{"financeur": "a", "part": "0.5"},
      {"financeur": "b", "part": "0.3"}, {"financeur": "c", "part": "0"}]})"));
  EXPECT_EQ(known.rules[0].status, RuleStatus::Respected);
  EXPECT_EQ(known.rules[1].status, RuleStatus::Violated);
}

// `dans` / `hors de` a list the dossier does not give: unknown, with the list's path. Read as an
// empty list, `hors de` passed on silence and `dans` failed on it.
TEST_F(Evaluate, MembershipInAnAbsentListIsUnknown) {
  load("définition demandeurs = liste(l.financeur pour l dans financement.plan si l.demandeur)\n" +
       rule("dans", "\"DE\" dans action.pays") + rule("hors", "\"DE\" hors de action.pays") +
       rule("etoile", "0.7 hors de financement.plan[*].part") + rule("definition", "\"A\" hors de demandeurs"));
  const DossierResult r = run(dossier_json(""));
  const std::vector<std::vector<std::string>> missing = {
      {"action.pays"}, {"action.pays"}, {"financement.plan"}, {"financement.plan"}};
  ASSERT_EQ(r.rules.size(), missing.size());
  for (std::size_t i = 0; i < missing.size(); ++i) {
    EXPECT_EQ(r.rules[i].status, RuleStatus::Unknown) << r.rules[i].id;
    EXPECT_EQ(r.rules[i].missing, missing[i]) << r.rules[i].id;
  }
  EXPECT_EQ(outcome(dossier_json(R"("action": {"nature": "cooperation", "pays": ["SN"]})"), "hors").status,
            RuleStatus::Respected);
}

// An item of `liste(… si f)` whose f is unknown may or may not be in the list. A walk that binds
// items took it for an item whose value is absent: `x est absent` passed, `x sinon d` gave d,
// and a bound `nombre` counted it. Each of these is now unknown, with the filter's path.
TEST_F(Evaluate, AnItemThatMayOrMayNotBelongIsNotBoundAsAnAbsentValue) {
  load("définition demandeurs = liste(l.financeur pour l dans financement.plan si l.demandeur)\n"
       "définition montants = liste(l.montant pour l dans financement.plan si l.demandeur)\n" +
       rule("absent", "au moins un x dans demandeurs : x est absent") +
       rule("sinon", "somme(x sinon 0 € pour x dans montants) = 50 €") +
       rule("nombre", "nombre(x dans demandeurs) = 1") +
       rule("imbrique", "nombre(liste(x pour x dans demandeurs si x existe)) = 1"));
  const DossierResult r = run(dossier_json(R"("financement": {"plan": [
      {"financeur": "A", "montant": "50.00", "demandeur": true}, {"financeur": "B", "montant": "20.00"}]})"));
  ASSERT_EQ(r.rules.size(), 4u);
  for (const RuleOutcome& o : r.rules) {
    EXPECT_EQ(o.status, RuleStatus::Unknown) << o.id;
    EXPECT_EQ(o.missing, std::vector<std::string>{"financement.plan[1].demandeur"}) << o.id;
  }
  const DossierResult said = run(dossier_json(R"("financement": {"plan": [
      {"financeur": "A", "montant": "50.00", "demandeur": true}, {"financeur": "B", "montant": "20.00", "demandeur": false}]})"));
  EXPECT_EQ(said.rules[0].status, RuleStatus::Violated);
  for (std::size_t i = 1; i < 4; ++i) EXPECT_EQ(said.rules[i].status, RuleStatus::Respected) << said.rules[i].id;
}

TEST_F(Evaluate, SinonGivesTheDefaultForAnAbsentField) {
  load(rule("r", "(financement.cout_total sinon 0 €) = 0 €"));
  const RuleOutcome o = outcome(dossier_json(""));
  EXPECT_EQ(o.status, RuleStatus::Respected);
  EXPECT_TRUE(o.missing.empty());
}

TEST_F(Evaluate, NullConventionIsAbsentAndReadAsAFact) {
  load(rule("r", "convention est absente"));
  const RuleOutcome o = outcome(dossier_json(R"("convention": null)"));
  EXPECT_EQ(o.status, RuleStatus::Respected);
  ASSERT_EQ(o.facts.size(), 1u);
  EXPECT_EQ(o.facts[0].path, "convention");
  EXPECT_EQ(o.facts[0].value, "null");
}

// `est nul` tells an explicit "none" (null) from silence: true, false or unknown.
TEST_F(Evaluate, IsNullTellsAnExplicitNoneFromSilence) {
  load(rule("r", "convention est nulle"));
  EXPECT_EQ(outcome(dossier_json(R"("convention": null)")).status, RuleStatus::Respected);
  EXPECT_EQ(outcome(dossier_json(R"("convention": {"objet": "x"})")).status, RuleStatus::Violated);
  const RuleOutcome silent = outcome(dossier_json(""));
  EXPECT_EQ(silent.status, RuleStatus::Unknown);
  EXPECT_EQ(silent.missing, std::vector<std::string>{"convention"});
}

TEST_F(Evaluate, IsKnownIsTrueOrUnknown) {
  load(rule("r", "beneficiaire.nom est renseigné"));
  EXPECT_EQ(outcome(dossier_json(R"("beneficiaire": {"nom": "ER-DE", "categorie": "association"})")).status,
            RuleStatus::Respected);
  const RuleOutcome o = outcome(dossier_json(""));
  EXPECT_EQ(o.status, RuleStatus::Unknown);
  EXPECT_EQ(o.missing, std::vector<std::string>{"beneficiaire.nom"});
}

TEST_F(Evaluate, NotApplicableMessageSaysWhatWasChecked) {
  load(rule("r", "vrai", "  s'applique si action.urgence sinon faux\n  si sans objet \"aucune urgence déclarée ({objet})\""));
  const RuleOutcome o = outcome(dossier_json(""));
  EXPECT_EQ(o.status, RuleStatus::NotApplicable);
  EXPECT_EQ(o.explanation, "Sans objet : aucune urgence déclarée (test)");
}

TEST_F(Evaluate, ApplicabilityFalseIsNotApplicable) {
  load(rule("r", "faux", "  s'applique si montant > 5000 €"));
  const RuleOutcome o = outcome(dossier_json(""));
  EXPECT_EQ(o.status, RuleStatus::NotApplicable);
  EXPECT_EQ(o.explanation, "Sans objet : la condition d'application n'est pas remplie.");
}

// Silence never makes a rule sans objet: unknown applicability with a failing requirement
// is indéterminée, listing what decides applicability.
TEST_F(Evaluate, UnknownApplicabilityIsUnknownWithItsMissingPaths) {
  load(rule("r", "montant > 1000000 €", "  s'applique si financement.cout_total > 0 €"));
  const RuleOutcome o = outcome(dossier_json(""));
  EXPECT_EQ(o.status, RuleStatus::Unknown);
  EXPECT_EQ(o.missing, std::vector<std::string>{"financement.cout_total"});
}

// Everything missing comes at once: what decides applicability and what the requirement needs.
TEST_F(Evaluate, UnknownApplicabilityAndRequirementListBothMissingPaths) {
  load(rule("r", "convention.objet est renseigné", "  s'applique si financement.cout_total > 0 €"));
  const RuleOutcome o = outcome(dossier_json(""));
  EXPECT_EQ(o.status, RuleStatus::Unknown);
  EXPECT_EQ(o.missing, (std::vector<std::string>{"convention.objet", "financement.cout_total"}));
}

// A requirement met whatever the applicability settles the rule: respected, and said so.
TEST_F(Evaluate, RequirementMetAnywayIsRespectedEvenWhenApplicabilityIsUnknown) {
  load(rule("r", "montant > 0 €", "  s'applique si financement.cout_total > 0 €"));
  const RuleOutcome o = outcome(dossier_json(""));
  EXPECT_EQ(o.status, RuleStatus::Respected);
  EXPECT_NE(o.explanation.find("remplie dans tous les cas"), std::string::npos) << o.explanation;
}

const char* kTables = "nomenclature,chapitre,section\nM71,930,fonctionnement\nM71,\"204\",investissement\n";

TEST_F(Evaluate, TableMembershipMatchesWholeRows) {
  load("table chapitres = \"chapitres.csv\"\n" +
           rule("r", "(imputation.nomenclature, imputation.chapitre) dans chapitres(nomenclature, chapitre)"),
       {{"chapitres.csv", kTables}});
  EXPECT_EQ(outcome(dossier_json(R"("imputation": {"nomenclature": "M71", "chapitre": "930"})")).status,
            RuleStatus::Respected);
  EXPECT_EQ(outcome(dossier_json(R"("imputation": {"nomenclature": "M57", "chapitre": "930"})")).status,
            RuleStatus::Violated);
}

TEST_F(Evaluate, TableLookupWithoutARowIsNoValueNotMissingEvidence) {
  load("table chapitres = \"chapitres.csv\"\n" +
           rule("egal", "chapitres(nomenclature = imputation.nomenclature, chapitre = imputation.chapitre).section = \"investissement\"") +
           rule("different", "chapitres(nomenclature = imputation.nomenclature, chapitre = imputation.chapitre).section ≠ \"investissement\""),
       {{"chapitres.csv", kTables}});
  const DossierResult found = run(dossier_json(R"("imputation": {"nomenclature": "M71", "chapitre": "204"})"));
  EXPECT_EQ(found.rules[0].status, RuleStatus::Respected);
  const DossierResult none = run(dossier_json(R"("imputation": {"nomenclature": "M14", "chapitre": "65"})"));
  EXPECT_EQ(none.rules[0].status, RuleStatus::Violated);
  EXPECT_TRUE(none.rules[0].missing.empty());
  EXPECT_EQ(none.rules[1].status, RuleStatus::Respected);
}

// A key cell that is itself a lookup: the inner lookup builds its own key while the outer one
// is half made. With one shared scratch key, the inner lookup overwrote the outer key and the
// outer lookup found no row, whether the inner lookup was the first cell or the last.
TEST_F(Evaluate, ALookupKeyedByAnotherLookupFindsItsRow) {
  const char* labels = "champ,code,libelle\nsection,investissement,section d'investissement\n"
                       "section,fonctionnement,section de fonctionnement\n";
  const char* by_code_first = "code,champ,libelle\ninvestissement,section,en investissement\n";
  const std::string section = "chapitres(nomenclature = imputation.nomenclature, chapitre = imputation.chapitre).section";
  load("table chapitres = \"chapitres.csv\"\ntable libelles = \"libelles.csv\"\n"
       "table libelles_inverses = \"libelles_inverses.csv\"\n" +
           rule("dernier", "libelles(champ = \"section\", code = " + section + ").libelle = \"section d'investissement\"") +
           rule("premier", "libelles_inverses(code = " + section + ", champ = \"section\").libelle = \"en investissement\""),
       {{"chapitres.csv", kTables}, {"libelles.csv", labels}, {"libelles_inverses.csv", by_code_first}});
  const DossierResult result = run(dossier_json(R"("imputation": {"nomenclature": "M71", "chapitre": "204"})"));
  ASSERT_EQ(result.rules.size(), 2u);
  for (const RuleOutcome& o : result.rules) EXPECT_EQ(o.status, RuleStatus::Respected) << o.id << " : " << o.explanation;
}

TEST_F(Evaluate, MembershipInAListLiteral) {
  load(rule("r", "beneficiaire.categorie dans [\"association\", \"fondation\"]"));
  EXPECT_EQ(outcome(dossier_json(R"("beneficiaire": {"nom": "x", "categorie": "fondation"})")).status, RuleStatus::Respected);
  EXPECT_EQ(outcome(dossier_json(R"("beneficiaire": {"nom": "x", "categorie": "entreprise"})")).status, RuleStatus::Violated);
}

TEST_F(Evaluate, TemplatesRenderMoneyDatesDecimalsBooleansAndLists) {
  load("règle r\n  titre \"t\"\n  source TOUJOURS\n  gravité bloquante\n  exige faux\n"
       "  si violée \"{montant} le {date de la délibération}, part {somme(financement.plan[*].part)}, "
       "urgence {action.urgence}, pays {action.pays}, {{ok}}\"\nfin\n");
  const RuleOutcome o = outcome(dossier_json(R"("deliberation": {"organe": "assemblee", "date": "2006-07-06"},
      "action": {"nature": "cooperation", "pays": ["NI", "FR"], "urgence": false},
      "financement": {"plan": [{"financeur": "a", "part": "0.20"}]})",
                                             "10000.00"));
  EXPECT_EQ(o.status, RuleStatus::Violated);
  EXPECT_EQ(o.explanation, money_french("10000.00") + " le 6 juillet 2006, part 0,20, urgence non, pays NI, FR, {ok}");
}

// A definition that is a text with placeholders is a piece of message: named whole in a
// message, its placeholders are filled from the dossier as if written there; a plain text
// definition stays a value, and `{{` still prints one brace.
TEST_F(Evaluate, ATextDefinitionWithPlaceholdersIsFilledInTheMessageThatNamesIt) {
  load("définition phrase = \"Subvention de {montant} \"\n  \"le {date de la délibération}\"\n"
       "définition suite = \"{phrase}, {{ok}}\"\n"
       "définition mot = \"aucun\"\n"
       "règle r\n  titre \"t\"\n  source TOUJOURS\n  gravité bloquante\n  exige mot = \"aucun\" et faux\n"
       "  si violée \"{suite} ; {mot}.\"\nfin\n");
  const RuleOutcome o = outcome(dossier_json(R"("deliberation": {"organe": "assemblee", "date": "2006-07-06"})", "10000.00"));
  EXPECT_EQ(o.status, RuleStatus::Violated);
  EXPECT_EQ(o.explanation, "Subvention de " + money_french("10000.00") + " le 6 juillet 2006, {ok} ; aucun.");
}

// selon(c, a, b) names the ground that applies; only the chosen branch is read, and an
// unknown condition is unknown (a message never states a branch the dossier did not decide).
TEST_F(Evaluate, SelonChoosesOneBranchAndAnUnknownConditionIsUnknown) {
  load("règle r\n  titre \"t\"\n  source TOUJOURS\n  gravité bloquante\n"
       "  exige selon(action.urgence, montant > 100 €, montant > 1 000 000 €)\n"
       "  si respectée \"{selon(action.urgence, \"urgence\", \"hors urgence\")} : {montant}\"\n"
       "  si violée \"{selon(action.urgence, \"urgence\", \"hors urgence\")}\"\nfin\n");
  const RuleOutcome urgent = outcome(dossier_json(R"("action": {"nature": "humanitaire", "urgence": true})", "1000.00"));
  EXPECT_EQ(urgent.status, RuleStatus::Respected);
  EXPECT_EQ(urgent.explanation, "urgence : " + money_french("1000.00"));
  const RuleOutcome not_urgent = outcome(dossier_json(R"("action": {"nature": "humanitaire", "urgence": false})", "1000.00"));
  EXPECT_EQ(not_urgent.status, RuleStatus::Violated);
  EXPECT_EQ(not_urgent.explanation, "hors urgence");
  const RuleOutcome silent = outcome(dossier_json(R"("action": {"nature": "humanitaire"})", "1000.00"));
  EXPECT_EQ(silent.status, RuleStatus::Unknown);
  ASSERT_FALSE(silent.missing.empty());
  EXPECT_EQ(silent.missing[0], "action.urgence");
}

// An amount finer than the cent is shown whole: a rounded display would contradict the exact
// comparison the rule made (1 % of 12 345,67 € is 123,4567 €, not 123,46 €).
TEST_F(Evaluate, MoneyFinerThanTheCentIsShownWhole) {
  load("règle r\n  titre \"t\"\n  source TOUJOURS\n  gravité bloquante\n  exige faux\n"
       "  si violée \"{montant × 1 %} ; {montant} ; {montant × 2}\"\nfin\n");
  const RuleOutcome o = outcome(dossier_json("", "12345.67"));
  EXPECT_EQ(o.explanation, "123,4567 € ; " + money_french("12345.67") + " ; " + money_french("24691.34"));
}

TEST_F(Evaluate, DefaultViolationSentenceQuotesTheCondition) {
  load(rule("r", "montant <= 500 €"));
  const RuleOutcome o = outcome(dossier_json(""));
  EXPECT_EQ(o.explanation, "Règle violée : la condition « montant <= 500 € » n'est pas remplie.");
}

TEST_F(Evaluate, FactsAreReadOnceInReadingOrderAsGiven) {
  load(rule("r", "montant > 0 € et action.urgence = faux et montant < 5000 € et deliberation.date > 2000-01-01"));
  const RuleOutcome o = outcome(dossier_json(R"("deliberation": {"organe": "assemblee", "date": "2006-07-06"},
      "action": {"nature": "cooperation", "urgence": false})",
                                             "1000.50"));
  EXPECT_EQ(o.status, RuleStatus::Respected);
  ASSERT_EQ(o.facts.size(), 3u);
  EXPECT_EQ(o.facts[0].path, "montant");
  EXPECT_EQ(o.facts[0].value, "1000.50");
  EXPECT_EQ(o.facts[1].path, "action.urgence");
  EXPECT_EQ(o.facts[1].value, "faux");
  EXPECT_EQ(o.facts[2].path, "deliberation.date");
  EXPECT_EQ(o.facts[2].value, "2006-07-06");
}

TEST_F(Evaluate, ArithmeticOverflowIsUnknownAndSaysSo) {
  load(rule("r", "tous l dans financement.plan : l.part * l.part * l.part > 0"));
  const RuleOutcome o = outcome(dossier_json(R"("financement": {"plan": [{"financeur": "a", "part": "999999999999999999999999.99999"}]})"));
  EXPECT_EQ(o.status, RuleStatus::Unknown);
  EXPECT_NE(o.explanation.find("dépasse la capacité"), std::string::npos) << o.explanation;
}

TEST_F(Evaluate, VerdictIsDecidedByBlockingRulesOnly) {
  load(rule("bloque", "montant < 500 €") + rule("avertit", "montant < 100 €", "", "avertissement") +
       rule("inconnue", "financement.cout_total > 0 €"));
  EXPECT_EQ(run(dossier_json("", "\"1000.00\"")).verdict, Verdict::NonCompliant);
  EXPECT_EQ(run(dossier_json("", "\"200.00\"")).verdict, Verdict::Incomplete);
  EXPECT_EQ(run(dossier_json(R"("financement": {"cout_total": "10.00"})", "\"200.00\"")).verdict, Verdict::Compliant);
}

TEST_F(Evaluate, OnePlanEvaluatedFromTwoThreadsGivesTheSameResults) {
  load(rule("r", "tous l dans financement.plan : l.part >= 0") + rule("s", "somme(financement.plan[*].part) = 1"));
  io::DossierReader reader(schema::unowned(test_schema()));
  io::ReadOutcome read = reader.read(dossier_json(R"("financement": {"plan": [
      {"financeur": "a", "part": "0.25"}, {"financeur": "b"}, {"financeur": "c", "part": "0.75"}]})"), "t.json");
  ASSERT_TRUE(read.dossier);
  const io::Dossier& d = *read.dossier;
  const DossierResult expected = plan_->evaluate(d);
  auto work = [&](int* mismatches) {
    for (int i = 0; i < 300; ++i) {
      const DossierResult r = plan_->evaluate(d);
      for (std::size_t k = 0; k < r.rules.size(); ++k) {
        if (r.rules[k].status != expected.rules[k].status || r.rules[k].missing != expected.rules[k].missing ||
            r.rules[k].explanation != expected.rules[k].explanation) {
          ++*mismatches;
        }
      }
    }
  };
  int a = 0, b = 0;
  std::thread t1(work, &a), t2(work, &b);
  t1.join();
  t2.join();
  EXPECT_EQ(a, 0);
  EXPECT_EQ(b, 0);
  EXPECT_EQ(expected.rules[0].status, RuleStatus::Unknown);
}

}  // namespace
}  // namespace subsidia::eval
