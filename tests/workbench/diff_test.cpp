// workbench/diff in process: two small bases (diff_fixture.hpp), the report's content.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <map>
#include <random>

#include "diff/diff_from_bases.hpp"
#include "diff/rule_causes.hpp"
#include "diff/diff_html.hpp"
#include "diff/diff_json.hpp"
#include "diff/diff_labels.hpp"
#include "diff/diff_text.hpp"
#include "diff/narrowed_base.hpp"
#include "diff/rule_changes.hpp"
#include "diff_fixture.hpp"

namespace subsidia::testing {
namespace {

namespace fs = std::filesystem;
using workbench::DiffReport;

class Diff : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device random;
    dir_ = fs::path(::testing::TempDir()) / ("subsidia-diff-" + std::to_string(random()));
    write_diff_fixture(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    if (!HasFailure()) fs::remove_all(dir_, ec);
  }
  api::Loaded load(const std::string& side) const {
    return api::Engine::load({.rules = dir_ / side, .schema = SUBSIDIA_SCHEMA});
  }
  DiffReport diff(const std::string& before, const std::string& after) const {
    const api::Loaded a = load(before), b = load(after);
    EXPECT_TRUE(a.ok()) << a.format_errors();
    EXPECT_TRUE(b.ok()) << b.format_errors();
    io::InputStream input({dir_ / "dossiers"});
    return workbench::diff_from_bases({&a, before}, {&b, after}, input);
  }
  fs::path dir_;
};

std::size_t at(eval::Verdict v) { return static_cast<std::size_t>(v); }

TEST_F(Diff, IdenticalBasesChangeNothing) {
  const DiffReport report = diff("avant", "avant");
  EXPECT_FALSE(report.differs());
  EXPECT_EQ(report.dossiers, 3u);
  EXPECT_TRUE(report.changed.empty());
  EXPECT_TRUE(report.rules.empty());
  EXPECT_TRUE(report.sectors.empty());
  EXPECT_EQ(report.matrix[at(eval::Verdict::Compliant)][at(eval::Verdict::Compliant)].count, 2u);
  EXPECT_EQ(report.receipt_before.fingerprint, report.receipt_after.fingerprint);
}

TEST_F(Diff, MatrixCountsAndSumsAmountsExactly) {
  const DiffReport report = diff("avant", "apres");
  ASSERT_TRUE(report.differs());
  const auto& moved = report.matrix[at(eval::Verdict::Compliant)][at(eval::Verdict::NonCompliant)];
  EXPECT_EQ(moved.count, 1u);
  EXPECT_EQ(moved.euros.to_string(), "1500.00");
  const auto& stayed = report.matrix[at(eval::Verdict::Compliant)][at(eval::Verdict::Compliant)];
  EXPECT_EQ(stayed.count, 1u);
  EXPECT_EQ(stayed.euros.to_string(), "5000.00");
  const auto& was_incomplete = report.matrix[at(eval::Verdict::Incomplete)][at(eval::Verdict::NonCompliant)];
  EXPECT_EQ(was_incomplete.count, 1u);
  EXPECT_EQ(was_incomplete.euros.to_string(), "800.00");
  EXPECT_NE(report.receipt_before.fingerprint, report.receipt_after.fingerprint);
}

TEST_F(Diff, ChangedDossierCarriesBothExplanations) {
  const DiffReport report = diff("avant", "apres");
  ASSERT_EQ(report.changed.size(), 2u);
  const auto& d1 = report.changed[0];
  EXPECT_EQ(d1.id, "D-1");
  EXPECT_EQ(d1.before, eval::Verdict::Compliant);
  EXPECT_EQ(d1.after, eval::Verdict::NonCompliant);
  ASSERT_EQ(d1.rules.size(), 1u);
  EXPECT_EQ(d1.rules[0].id, "montant.positif");
  EXPECT_EQ(d1.rules[0].before, eval::RuleStatus::Respected);
  EXPECT_EQ(d1.rules[0].after, eval::RuleStatus::Violated);
  EXPECT_FALSE(d1.rules[0].explanation_before.empty());
  EXPECT_NE(d1.rules[0].explanation_after.find("2 000"), std::string::npos) << d1.rules[0].explanation_after;
}

TEST_F(Diff, UnchangedDossierIsNotListed) {
  const DiffReport report = diff("avant", "apres");
  for (const auto& change : report.changed) EXPECT_NE(change.id, "D-2");
}

TEST_F(Diff, RulesAddedRemovedAndChangedAreListedWithTheirFlips) {
  const DiffReport report = diff("avant", "apres");
  std::map<std::string, workbench::RuleChange> by_id;
  for (const auto& rule : report.rules) by_id[rule.id] = rule;
  ASSERT_TRUE(by_id.count("montant.positif"));
  EXPECT_EQ(by_id["montant.positif"].kind, workbench::RuleChangeKind::Changed);
  EXPECT_TRUE(by_id["montant.positif"].text_changed);
  EXPECT_EQ(by_id["montant.positif"].flips, 2u);  // D-1 and D-3
  ASSERT_TRUE(by_id.count("objet.renseigne"));
  EXPECT_EQ(by_id["objet.renseigne"].kind, workbench::RuleChangeKind::Added);
  EXPECT_EQ(by_id["objet.renseigne"].flips, 0u);  // respected everywhere: flips nothing
  ASSERT_TRUE(by_id.count("beneficiaire.identifie"));
  EXPECT_EQ(by_id["beneficiaire.identifie"].kind, workbench::RuleChangeKind::Removed);
  // Reindented only: neither a text change nor a flip, so not listed.
  EXPECT_FALSE(by_id.count("deliberation.recente"));
}

TEST_F(Diff, JauneSectorShowsTheFlaggedAmountUnderEachBase) {
  const DiffReport report = diff("avant", "apres");
  ASSERT_EQ(report.sectors.size(), 1u);
  const auto& sector = report.sectors[0];
  EXPECT_EQ(sector.exercice, 2012);
  EXPECT_EQ(sector.total.to_string(), "7300.00");
  EXPECT_EQ(sector.flagged_count_before, 1u);  // D-3, incomplet
  EXPECT_EQ(sector.flagged_before.to_string(), "800.00");
  EXPECT_EQ(sector.flagged_count_after, 2u);
  EXPECT_EQ(sector.flagged_after.to_string(), "2300.00");
}

TEST_F(Diff, UnreadableDossierIsReportedNotCompared) {
  write_text(dir_ / "dossiers" / "d4.json", R"({"id": "D-4", "montant": "abc"})");
  const DiffReport report = diff("avant", "avant");
  EXPECT_EQ(report.dossiers, 3u);
  ASSERT_FALSE(report.unreadable.empty());
  EXPECT_NE(report.unreadable[0].error.file.find("d4.json"), std::string::npos);
}

// The repository's rules against a copy where one definition moves (the subsidy-convention
// threshold from 23 000 € to 10 000 €), on the benchmark's 200 generated dossiers.
class DiffRepository : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device random;
    dir_ = fs::path(::testing::TempDir()) / ("subsidia-diff-repo-" + std::to_string(random()));
    fs::create_directories(dir_ / "rules");
    fs::copy(fs::path(SUBSIDIA_SOURCE_DIR) / "rules", dir_ / "rules", fs::copy_options::recursive);
    const fs::path file = dir_ / "rules" / "subventions.regles";
    std::ifstream in(file, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string from = "seuil_convention_attributive = 23 000 €";
    const std::size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos);
    text.replace(at, from.size(), "seuil_convention_attributive = 10 000 €");
    write_text(file, text);
    before_ = api::Engine::load({.rules = fs::path(SUBSIDIA_SOURCE_DIR) / "rules", .schema = SUBSIDIA_SCHEMA});
    after_ = api::Engine::load({.rules = dir_ / "rules", .schema = SUBSIDIA_SCHEMA});
    ASSERT_TRUE(before_.ok() && after_.ok()) << before_.format_errors() << after_.format_errors();
  }
  void TearDown() override {
    std::error_code ec;
    if (!HasFailure()) fs::remove_all(dir_, ec);
  }
  DiffReport diff(bool narrow) const {
    io::InputStream input({fs::path(SUBSIDIA_SOURCE_DIR) / "bench" / "data" / "dossiers-200-seed20140709.jsonl"});
    return workbench::diff_from_bases({&before_, "rules"}, {&after_, "copie"}, input, {.narrow = narrow});
  }
  fs::path dir_;
  api::Loaded before_, after_;
};

TEST_F(DiffRepository, OnlyTheRulesUsingTheChangedDefinitionAreEvaluatedAgain) {
  const auto narrowed = workbench::narrow_after_base(before_, after_);
  ASSERT_TRUE(narrowed.has_value());
  const auto& families = after_.engine->rules().families;
  std::size_t affected = 0;
  for (std::size_t i = 0; i < families.size(); ++i) {
    if (!narrowed->affected[i]) continue;
    ++affected;
    EXPECT_EQ(families[i].id.rfind("subventions.", 0), 0u) << families[i].id;
  }
  EXPECT_GE(affected, 1u);
  EXPECT_LT(affected, families.size() / 4);
}

TEST_F(DiffRepository, NarrowedAndFullEvaluationGiveTheSameReport) {
  const DiffReport narrow = diff(true), full = diff(false);
  EXPECT_EQ(workbench::diff_json(narrow), workbench::diff_json(full));
  ASSERT_FALSE(narrow.changed.empty());
  bool convention_listed = false;
  for (const auto& rule : narrow.rules) {
    if (rule.id != "subventions.convention_au_dela_de_23000") continue;
    convention_listed = true;
    EXPECT_FALSE(rule.text_changed);  // the definition moved, not the rule
    EXPECT_GT(rule.flips, 0u);
    // ... and the report names it: the rule reaches it by name; no table or source moved
    // (the tables are the same bytes in another folder).
    ASSERT_EQ(rule.causes.size(), 1u);
    EXPECT_EQ(rule.causes[0].kind, workbench::RuleCause::Kind::Definition);
    EXPECT_EQ(rule.causes[0].name, "seuil_convention_attributive");
    EXPECT_NE(workbench::diff_text(narrow).find("subventions.convention_au_dela_de_23000 : modifiée (texte inchangé ; a "
                                                "changé : définition seuil_convention_attributive)"),
              std::string::npos)
        << workbench::diff_text(narrow);
  }
  EXPECT_TRUE(convention_listed);
}

// A threshold moved where no dossier of the run lies between the old and the new value flips
// nothing, yet the base's meaning changed: the rule under it is listed with the definition that
// moved, and the report differs (exit code 1), as a message edited alone is (review of 3
// December 2026: « 0 change », exit 0, approved a legal amendment unread).
TEST_F(DiffRepository, AMovedDefinitionIsListedEvenWhenNoDossierFlips) {
  io::InputStream input({fs::path(SUBSIDIA_SOURCE_DIR) / "cases" / "reseau-idf-international-2010.json"});
  const DiffReport report = workbench::diff_from_bases({&before_, "rules"}, {&after_, "copie"}, input, {});
  EXPECT_TRUE(report.changed.empty());
  ASSERT_EQ(report.rules.size(), 1u) << workbench::diff_text(report);
  EXPECT_EQ(report.rules[0].id, "subventions.convention_au_dela_de_23000");
  EXPECT_EQ(report.rules[0].flips, 0u);
  ASSERT_EQ(report.rules[0].causes.size(), 1u);
  EXPECT_EQ(report.rules[0].causes[0].name, "seuil_convention_attributive");
  EXPECT_TRUE(report.differs());
}

// The names a text mentions: not a path's fields, not a comment, not the prose of a message,
// but what a message's placeholders name.
TEST(RuleCauses, MentionedNamesAreThoseARuleCanReach) {
  const std::set<std::string> names = workbench::mentioned_names(R"(règle r
  source S_1
  exige montant > seuil et action.pays dans zone  # seuil_commentaire
  si violée "le seuil_en_prose {plafond sinon "x"} \"{cite}\" {{accolades}}"
fin
)");
  for (const char* expected : {"S_1", "seuil", "montant", "action", "zone", "plafond", "cite"})
    EXPECT_TRUE(names.count(expected)) << expected;
  for (const char* absent : {"pays", "seuil_commentaire", "seuil_en_prose", "le", "accolades"})
    EXPECT_FALSE(names.count(absent)) << absent;
}

// A variable the text binds is not a definition it reaches, whatever binds it: a quantifier,
// an aggregate over a list, or `pour … dans`. A membership test `x dans …` does not bind x.
TEST(RuleCauses, AVariableBoundByTheTextIsNotAMentionedName) {
  const std::set<std::string> names = workbench::mentioned_names(R"(règle r
  exige tous seuil dans financement.plan : seuil.part >= 0
    et somme(ligne dans financement.plan) > 0
    et nombre(m.montant pour m dans financement.plan si m.demandeur) > 0
    et aucune p dans action.pays : p = "FR"
    et zone dans liste_zones
    et (code dans codes)
fin
)");
  for (const char* variable : {"seuil", "ligne", "m", "p"}) EXPECT_FALSE(names.count(variable)) << variable;
  for (const char* expected : {"financement", "action", "zone", "liste_zones", "code", "codes"})
    EXPECT_TRUE(names.count(expected)) << expected;
}

std::string schema_text() {
  std::ifstream in(SUBSIDIA_SCHEMA, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// A table's new content reaches a rule through two definitions; a source's new dates reach the
// rule that cites it; a rule that reaches neither has nothing under it.
TEST(RuleCauses, TablesAndSourcesAreFoundThroughDefinitions) {
  auto base = [](const std::string& csv, const std::string& period, const std::string& e) {
    const std::string text =
        "source S\n  intitulé \"S\"\n  en vigueur à toute date\nfin\n"
        "source S2\n  intitulé \"S2\"\n  " + period + "\nfin\n"
        "table t = \"t.csv\"\n"
        "définition d = t(code = \"a\").val\n"
        "définition e = " + e + "\n"
        "règle par_table\n  titre \"t\"\n  source S\n  gravité bloquante\n  exige e = \"oui\"\nfin\n"
        "règle par_source\n  titre \"t\"\n  source S2\n  gravité bloquante\n  exige vrai\nfin\n"
        "règle sans_rien\n  titre \"t\"\n  source S\n  gravité bloquante\n  exige montant > 0 €\nfin\n";
    return api::Engine::load(api::TextSources{{{"base.regles", text}, {"t.csv", csv}}, schema_text()});
  };
  const api::Loaded before = base("code,val\na,oui\nb,non\n", "en vigueur du 2000-01-01", "d");
  const api::Loaded after = base("code,val\na,non\nb,oui\n", "en vigueur du 2001-01-01", "d");
  ASSERT_TRUE(before.ok() && after.ok()) << before.format_errors() << after.format_errors();
  const workbench::RuleCauses causes(before, after);
  auto names = [&](std::size_t family) {
    std::vector<std::string> out;
    for (const workbench::RuleCause& c : causes.of(after.engine->rules().families[family]))
      out.push_back(std::string(workbench::cause_code(c.kind)) + " " + c.name);
    return out;
  };
  EXPECT_EQ(names(0), std::vector<std::string>{"table t"});
  EXPECT_EQ(names(1), std::vector<std::string>{"source S2"});
  EXPECT_TRUE(names(2).empty());
  // A definition rewritten on the way is named too, definitions first.
  const api::Loaded rewritten = base("code,val\na,non\nb,oui\n", "en vigueur du 2000-01-01", "(d sinon \"non\")");
  ASSERT_TRUE(rewritten.ok()) << rewritten.format_errors();
  std::vector<std::string> got;
  for (const workbench::RuleCause& c : workbench::RuleCauses(before, rewritten).of(rewritten.engine->rules().families[0]))
    got.push_back(std::string(workbench::cause_code(c.kind)) + " " + c.name);
  EXPECT_EQ(got, (std::vector<std::string>{"definition e", "table t"}));
}

TEST(DiffHtml, EscapesMarkup) {
  EXPECT_EQ(workbench::html_escaped("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
}

}  // namespace
}  // namespace subsidia::testing
