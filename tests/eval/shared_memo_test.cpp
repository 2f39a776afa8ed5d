// The fast pass (Detail::None, and the first pass of Failures) remembers, within one dossier,
// the value of a closed sub-expression used more than once, and the same expression written in
// several rules counts as one (same operation, same fields, same operands). These tests write
// expressions twice next to near twins that differ by one field only (rounding mode, digits,
// negation, a constant's value, a path) and check that no twin takes the other's value: the
// statuses of the fast pass, which shares, equal those of the full pass, which does not, and
// the ones expected.
#include <gtest/gtest.h>

#include "check/load.hpp"
#include "diag/diagnostic.hpp"
#include "eval/plan.hpp"
#include "io/reader.hpp"

namespace subsidia::eval {
namespace {

const schema::Schema& schema() {
  static const schema::Schema s = schema::Schema::load(SUBSIDIA_SCHEMA);
  return s;
}

std::string rule(const std::string& id, const std::string& requirement) {
  return "règle " + id + "\n  titre \"" + id + "\"\n  source S\n  gravité bloquante\n  exige " + requirement + "\nfin\n";
}

// Pairs of identical requirements (shared) and their near twins.
const std::vector<std::pair<std::string, std::string>> kRules = {
    {"arrondi_1", "arrondi(montant × 0.5, 0.01) = 500,01 €"},
    {"arrondi_2", "arrondi(montant × 0.5, 0.01) = 500,01 €"},
    {"arrondi_vers_zero", "arrondi(montant × 0.5, 0.01, vers_zero) = 500,01 €"},
    {"arrondi_dixieme", "arrondi(montant × 0.5, 0.1) = 500,01 €"},
    {"dans_1", "objet dans [\"o\", \"p\"]"},
    {"dans_2", "objet dans [\"o\", \"p\"]"},
    {"hors_de", "objet hors de [\"o\", \"p\"]"},
    {"seuil_1", "montant > 1000,00 €"},
    {"seuil_2", "montant > 1000,00 €"},
    {"seuil_voisin", "montant > 1000,02 €"},
    {"chemin_1", "financement.cout_total > 1000 €"},
    {"somme_1", "montant + financement.cout_total > 3000 €"},
    {"somme_2", "montant + financement.cout_total > 3000 €"},
    {"difference", "montant - financement.cout_total > 3000 €"},
    {"connu_1", "financement.cout_total existe et montant > 1000 €"},
    {"connu_2", "financement.cout_total existe et montant > 1000 €"},
};

class SharedMemo : public ::testing::Test {
 protected:
  SharedMemo() {
    std::string text = "source S\n  intitulé \"Source\"\n  en vigueur à toute date\nfin\n";
    for (const auto& [id, requirement] : kRules) text += rule(id, requirement);
    check::LoadResult loaded = check::load_rule_base_from_texts({{"m.regles", text}}, schema());
    EXPECT_TRUE(loaded.base) << diag::format_diagnostics(loaded.sources, loaded.diagnostics);
    if (loaded.base) plan_ = std::make_unique<Plan>(loaded.base);
  }

  // Statuses by rule id, checked equal between the fast and the full pass.
  std::map<std::string, RuleStatus> statuses(const std::string& montant, const std::string& members) {
    const std::string json = R"({"id": "M", "exercice": 2016, "collectivite": {"nom": "R", "categorie": "region"},
      "objet": "o", "type_intervention": "subvention", "montant": )" + montant + members + "}";
    io::DossierReader reader(schema::unowned(schema()));
    io::ReadOutcome read = reader.read(json, "m.json");
    std::map<std::string, RuleStatus> out;
    if (!read.dossier || !plan_) {
      ADD_FAILURE() << json;
      return out;
    }
    Scratch scratch;
    const DossierResult fast = plan_->evaluate(*read.dossier, scratch, Detail::None);
    const DossierResult full = plan_->evaluate(*read.dossier, scratch, Detail::Full);
    Statuses only;
    plan_->statuses(*read.dossier, scratch, only);
    EXPECT_EQ(fast.rules.size(), full.rules.size());
    for (std::size_t i = 0; i < full.rules.size() && i < fast.rules.size(); ++i) {
      EXPECT_EQ(fast.rules[i].status, full.rules[i].status) << full.rules[i].id << " in " << json;
      EXPECT_EQ(only.rules[i].status, full.rules[i].status) << full.rules[i].id << " in " << json;
      out[std::string(full.rules[i].id)] = full.rules[i].status;
    }
    return out;
  }

  std::unique_ptr<Plan> plan_;
};

TEST_F(SharedMemo, TwinsThatDifferByOneFieldKeepTheirOwnValues) {
  // 1000.01 × 0.5 = 500.005: to the cent away from zero 500.01, towards zero 500.00, to the tenth 500.0.
  auto s = statuses("\"1000.01\"", R"(, "financement": {"cout_total": "2000.00"})");
  EXPECT_EQ(s["arrondi_1"], RuleStatus::Respected);
  EXPECT_EQ(s["arrondi_2"], RuleStatus::Respected);
  EXPECT_EQ(s["arrondi_vers_zero"], RuleStatus::Violated);
  EXPECT_EQ(s["arrondi_dixieme"], RuleStatus::Violated);
  EXPECT_EQ(s["dans_1"], RuleStatus::Respected);
  EXPECT_EQ(s["dans_2"], RuleStatus::Respected);
  EXPECT_EQ(s["hors_de"], RuleStatus::Violated);
  EXPECT_EQ(s["seuil_1"], RuleStatus::Respected);
  EXPECT_EQ(s["seuil_2"], RuleStatus::Respected);
  EXPECT_EQ(s["seuil_voisin"], RuleStatus::Violated);
  EXPECT_EQ(s["chemin_1"], RuleStatus::Respected);
  EXPECT_EQ(s["somme_1"], RuleStatus::Respected);
  EXPECT_EQ(s["somme_2"], RuleStatus::Respected);
  EXPECT_EQ(s["difference"], RuleStatus::Violated);
  EXPECT_EQ(s["connu_1"], RuleStatus::Respected);
  EXPECT_EQ(s["connu_2"], RuleStatus::Respected);
}

TEST_F(SharedMemo, AnUnknownIsNeverRememberedAsAValue) {
  // Without financement.cout_total: every rule that reads it is indéterminée, in every copy.
  auto s = statuses("\"1000.01\"", "");
  EXPECT_EQ(s["chemin_1"], RuleStatus::Unknown);
  EXPECT_EQ(s["somme_1"], RuleStatus::Unknown);
  EXPECT_EQ(s["somme_2"], RuleStatus::Unknown);
  EXPECT_EQ(s["difference"], RuleStatus::Unknown);
  EXPECT_EQ(s["connu_1"], RuleStatus::Violated);  // "existe" is false, not unknown
  EXPECT_EQ(s["connu_2"], RuleStatus::Violated);
  EXPECT_EQ(s["seuil_1"], RuleStatus::Respected);
}

TEST_F(SharedMemo, OneScratchServesDossiersInTurnWithoutCarryingValuesOver) {
  auto a = statuses("\"1000.01\"", R"(, "financement": {"cout_total": "2000.00"})");
  auto b = statuses("\"999.00\"", R"(, "financement": {"cout_total": "500.00"})");
  EXPECT_EQ(a["seuil_1"], RuleStatus::Respected);
  EXPECT_EQ(b["seuil_1"], RuleStatus::Violated);
  EXPECT_EQ(b["seuil_2"], RuleStatus::Violated);
  EXPECT_EQ(b["somme_1"], RuleStatus::Violated);
}

}  // namespace
}  // namespace subsidia::eval
