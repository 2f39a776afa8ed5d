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

// A plan of one blocking rule per (id, requirement), all on one source in force at every date.
std::unique_ptr<Plan> plan_of(const std::vector<std::pair<std::string, std::string>>& rules) {
  std::string text = "source S\n  intitulé \"Source\"\n  en vigueur à toute date\nfin\n";
  for (const auto& [id, requirement] : rules) text += rule(id, requirement);
  check::LoadResult loaded = check::load_rule_base_from_texts({{"m.regles", text}}, schema());
  EXPECT_TRUE(loaded.base) << diag::format_diagnostics(loaded.sources, loaded.diagnostics);
  if (!loaded.base) return nullptr;
  return std::make_unique<Plan>(loaded.base);
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
  SharedMemo() : plan_(plan_of(kRules)) {}

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

// The memo of an element: an expression of one bound element (`l.demandeur sinon faux`, the
// theoretical amount of a plan line) written in several rules, each walk binding its own
// variable, is computed once per element of the dossier. Each line below has its own amount,
// so a value taken from another line, or from another dossier, turns a rule around.
const std::vector<std::pair<std::string, std::string>> kLineRules = {
    {"lignes_tous", "tous l dans financement.plan : (l.montant = arrondi(financement.cout_total × l.part, 0.01))"},
    {"lignes_nombre",
     "nombre(l dans financement.plan si (l.montant ≠ arrondi(financement.cout_total × l.part, 0.01))) = 0"},
    {"lignes_somme", "somme(arrondi(financement.cout_total × l.part, 0.01) pour l dans financement.plan) "
                     "= somme(financement.plan[*].montant)"},
    {"lignes_vers_zero",
     "tous l dans financement.plan : (l.montant = arrondi(financement.cout_total × l.part, 0.01, vers_zero))"},
    {"lignes_dixieme", "tous l dans financement.plan : (l.montant = arrondi(financement.cout_total × l.part, 0.1))"},
    {"demandeur_un", "nombre(l dans financement.plan si (l.demandeur sinon faux)) = 1"},
    {"demandeur_present", "au moins un l dans financement.plan : (l.demandeur sinon faux)"},
    {"demandeur_aucun", "aucun l dans financement.plan : (l.demandeur sinon faux)"},
};

class ElementMemo : public ::testing::Test {
 protected:
  ElementMemo() : plan_(plan_of(kLineRules)) {}

  // A plan of `parts.size()` lines on `cost`: line i has parts[i] and amounts[i] (omitted when
  // empty); the first line is the applicant's when `applicant`.
  static std::string dossier(const std::string& cost, const std::vector<std::string>& parts,
                             const std::vector<std::string>& amounts, bool applicant) {
    std::string plan;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      plan += (i ? ", " : "") + std::string("{\"financeur\": \"F") + std::to_string(i) + "\"";
      if (!parts[i].empty()) plan += ", \"part\": \"" + parts[i] + "\"";
      if (!amounts[i].empty()) plan += ", \"montant\": \"" + amounts[i] + "\"";
      if (applicant && i == 0) plan += ", \"demandeur\": true";
      plan += "}";
    }
    return R"({"id": "E", "exercice": 2016, "collectivite": {"nom": "R", "categorie": "region"},
      "objet": "o", "type_intervention": "subvention", "montant": "1.00", "financement": {"cout_total": ")" +
           cost + R"(", "plan": [)" + plan + "]}}";
  }

  // Statuses by rule id, the fast pass (which remembers) checked equal to the full pass (which
  // does not), missing paths included, and to Plan::statuses, on one scratch kept across calls.
  std::map<std::string, RuleStatus> statuses(const std::string& json) {
    io::DossierReader reader(schema::unowned(schema()));
    io::ReadOutcome read = reader.read(json, "e.json");
    std::map<std::string, RuleStatus> out;
    if (!read.dossier || !plan_) {
      ADD_FAILURE() << json;
      return out;
    }
    const DossierResult fast = plan_->evaluate(*read.dossier, scratch_, Detail::None);
    const DossierResult full = plan_->evaluate(*read.dossier, scratch_, Detail::Full);
    Statuses only;
    plan_->statuses(*read.dossier, scratch_, only);
    EXPECT_EQ(fast.missing, full.missing) << json;
    for (std::size_t i = 0; i < full.rules.size() && i < fast.rules.size(); ++i) {
      EXPECT_EQ(fast.rules[i].status, full.rules[i].status) << full.rules[i].id << " in " << json;
      EXPECT_EQ(fast.rules[i].missing, full.rules[i].missing) << full.rules[i].id << " in " << json;
      EXPECT_EQ(only.rules[i].status, full.rules[i].status) << full.rules[i].id << " in " << json;
      out[std::string(full.rules[i].id)] = full.rules[i].status;
    }
    return out;
  }

  std::unique_ptr<Plan> plan_;
  Scratch scratch_;
};

TEST_F(ElementMemo, EachLineKeepsItsOwnTheoreticalAmount) {
  // 100.01 × 0.5 = 50.005 -> 50.01 (towards zero 50.00, to the tenth 50.0); × 0.25 = 25.0025 -> 25.00.
  auto s = statuses(dossier("100.01", {"0.5", "0.25", "0.25"}, {"50.01", "25.00", "25.00"}, true));
  EXPECT_EQ(s["lignes_tous"], RuleStatus::Respected);
  EXPECT_EQ(s["lignes_nombre"], RuleStatus::Respected);
  EXPECT_EQ(s["lignes_somme"], RuleStatus::Respected);
  EXPECT_EQ(s["lignes_vers_zero"], RuleStatus::Violated);
  EXPECT_EQ(s["lignes_dixieme"], RuleStatus::Violated);
  EXPECT_EQ(s["demandeur_un"], RuleStatus::Respected);
  EXPECT_EQ(s["demandeur_present"], RuleStatus::Respected);
  EXPECT_EQ(s["demandeur_aucun"], RuleStatus::Violated);
  // The same parts in another order: a value remembered by position, not by line, would move.
  s = statuses(dossier("100.01", {"0.25", "0.5", "0.25"}, {"25.00", "50.01", "25.00"}, false));
  EXPECT_EQ(s["lignes_tous"], RuleStatus::Respected);
  EXPECT_EQ(s["lignes_nombre"], RuleStatus::Respected);
  EXPECT_EQ(s["demandeur_un"], RuleStatus::Violated);
  EXPECT_EQ(s["demandeur_present"], RuleStatus::Violated);
  EXPECT_EQ(s["demandeur_aucun"], RuleStatus::Respected);
}

TEST_F(ElementMemo, MoreLinesThanEntriesStillGetTheirOwnValues) {
  // Ten lines of 0.1 on 10.05: 1.005 -> 1.01 each; the tenth line alone is off by a cent. Lines 1
  // and 9, 2 and 10 share an entry of the memo, so each replaces the other's value in turn.
  std::vector<std::string> parts(10, "0.1"), amounts(10, "1.01");
  amounts[9] = "1.00";
  auto s = statuses(dossier("10.05", parts, amounts, true));
  EXPECT_EQ(s["lignes_tous"], RuleStatus::Violated);
  EXPECT_EQ(s["lignes_nombre"], RuleStatus::Violated);
  amounts[9] = "1.01";
  s = statuses(dossier("10.05", parts, amounts, true));
  EXPECT_EQ(s["lignes_tous"], RuleStatus::Respected);
  EXPECT_EQ(s["lignes_nombre"], RuleStatus::Respected);
}

TEST_F(ElementMemo, AnUnknownLineIsNeverRememberedAndDossiersDoNotShareLines) {
  // The second line has no part: its theoretical amount is unknown in every rule that needs it.
  auto s = statuses(dossier("100.01", {"0.5", "", "0.25"}, {"50.01", "25.00", "25.00"}, true));
  EXPECT_EQ(s["lignes_tous"], RuleStatus::Unknown);
  EXPECT_EQ(s["lignes_nombre"], RuleStatus::Unknown);
  EXPECT_EQ(s["lignes_somme"], RuleStatus::Unknown);  // and each names financement.plan[1].part (above)
  // The next dossier, read into the same place, on the same scratch: nothing carries over.
  s = statuses(dossier("200.02", {"0.5", "0.25", "0.25"}, {"100.01", "50.01", "50.00"}, true));
  EXPECT_EQ(s["lignes_tous"], RuleStatus::Violated);  // 200.02 × 0.25 = 50.005 -> 50.01, not 50.00
  EXPECT_EQ(s["lignes_nombre"], RuleStatus::Violated);
  s = statuses(dossier("200.02", {"0.5", "0.25", "0.25"}, {"100.01", "50.01", "50.01"}, true));
  EXPECT_EQ(s["lignes_tous"], RuleStatus::Respected);
}

}  // namespace
}  // namespace subsidia::eval
