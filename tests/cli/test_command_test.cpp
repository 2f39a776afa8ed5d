// `subsidia test`, run as a child process on cases written to a temporary folder.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "cli_fixture.hpp"

namespace subsidia::testing {
namespace {

using nlohmann::json;

class TestCommand : public CliTest {
 protected:
  void add_case(const std::string& name, const json& dossier_json, const json& expected) {
    write("cases/" + name + ".json", dossier_json.dump(2));
    write("cases/" + name + ".attendu.json", expected.dump(2));
  }
  ProcessResult run_cases(std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"test", "--regles", rules_dir()};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back((dir() / "cases").string());
    return run(args);
  }
  static std::string last_line(const std::string& text) {
    std::string trimmed = text;
    while (!trimmed.empty() && trimmed.back() == '\n') trimmed.pop_back();
    return trimmed.substr(trimmed.rfind('\n') + 1);
  }
  // The count of cases, "N passed, M failed": the line before the receipt that ends the run.
  static std::string summary_line(const std::string& text) {
    std::string trimmed = text;
    while (!trimmed.empty() && trimmed.back() == '\n') trimmed.pop_back();
    const std::size_t last = trimmed.rfind('\n');
    if (last == std::string::npos || !trimmed.substr(last + 1).starts_with("Moteur subsidia "))
      return "(la sortie ne finit pas par la ligne du moteur)";
    return last_line(trimmed.substr(0, last));
  }
  static json all_respected() {
    return {{"montant.positif", "respectee"}, {"deliberation.recente", "respectee"},
            {"beneficiaire.identifie", "respectee"}};
  }
};

TEST_F(TestCommand, PassingCasesEndWithPassedAndFailedCounts) {
  add_case("ok", dossier("OK-1"), {{"verdict", "conforme"}, {"regles", all_respected()}});
  add_case("sub/nc", non_compliant("NC-1"),
           {{"verdict", "non_conforme"},
            {"regles", {{"montant.positif", "violee"}, {"deliberation.recente", "respectee"},
                        {"beneficiaire.identifie", "respectee"}}}});
  const auto result = run_cases();
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_EQ(summary_line(result.out), "2 passed, 0 failed");
}

// The run names what its verdicts were obtained with, as `check` does: after the count, the
// same receipt line (engine version, commit, fingerprint of the base), the fingerprint of the
// base the cases ran against (review: the run ended with « N passed, M failed » alone).
TEST_F(TestCommand, EndsWithTheReceiptCheckPrintsForTheSameBase) {
  add_case("ok", dossier("OK-1"), {{"verdict", "conforme"}, {"regles", all_respected()}});
  const auto tested = run_cases();
  EXPECT_EQ(tested.exit_code, 0) << tested.out << tested.err;
  const std::string receipt = last_line(tested.out);
  EXPECT_TRUE(std::regex_match(receipt, std::regex(R"(Moteur subsidia \S+ \(commit [^)]+\), base de règles sha256:[0-9a-f]{64})")))
      << tested.out;
  EXPECT_EQ(summary_line(tested.out), "1 passed, 0 failed");
  const auto checked = run({"check", "--regles", rules_dir(), (dir() / "cases" / "ok.json").string()});
  EXPECT_EQ(checked.exit_code, 0) << checked.out << checked.err;
  EXPECT_EQ(last_line(checked.out), receipt) << checked.out;

  // Another base, another fingerprint: the one the cases ran against, not a constant.
  write("rules/base.regles", std::string(kRules) + "\n# une ligne de plus\n");
  const auto retested = run_cases();
  EXPECT_EQ(retested.exit_code, 0) << retested.out << retested.err;
  EXPECT_NE(last_line(retested.out), receipt);
  const auto rechecked = run({"check", "--regles", rules_dir(), (dir() / "cases" / "ok.json").string()});
  EXPECT_EQ(last_line(rechecked.out), last_line(retested.out)) << rechecked.out;
}

// --sans-avertissement makes a base that loads with warnings fail its cases (code 1), the
// cases themselves still run; without it, the warning is printed and the cases pass.
TEST_F(TestCommand, SansAvertissementFailsABaseThatLoadsWithWarnings) {
  add_case("ok", dossier("OK-1"), {{"verdict", "conforme"}, {"regles", all_respected()}});
  EXPECT_EQ(run_cases({"--sans-avertissement"}).exit_code, 0);
  write("rules/nouvelle.regles", "source S_NOUVELLE\n  intitulé \"À venir\"\n  en vigueur du 2030-01-01\nfin\n");
  const auto lenient = run_cases();
  EXPECT_EQ(lenient.exit_code, 0) << lenient.out << lenient.err;
  EXPECT_NE(lenient.err.find("avertissement [source_inutilisee]"), std::string::npos) << lenient.err;
  const auto strict = run_cases({"--sans-avertissement"});
  EXPECT_EQ(strict.exit_code, 1) << strict.out << strict.err;
  EXPECT_NE(strict.out.find("1 passed, 0 failed\nÉCHEC base : 1 avertissement au chargement (--sans-avertissement)"),
            std::string::npos)
      << strict.out;
}

TEST_F(TestCommand, StatusMismatchNamesCaseRuleExpectedObtainedAndExplanation) {
  add_case("nc", non_compliant("NC-1"), {{"verdict", "non_conforme"}, {"regles", all_respected()}});
  const auto result = run_cases();
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_EQ(summary_line(result.out), "0 passed, 1 failed");
  const auto line_start = result.out.find("montant.positif");
  ASSERT_NE(line_start, std::string::npos) << result.out;
  const std::string line = result.out.substr(result.out.rfind('\n', line_start) + 1);
  EXPECT_NE(line.find("nc"), std::string::npos);
  EXPECT_NE(line.find("respectee"), std::string::npos) << line;
  EXPECT_NE(line.find("violee"), std::string::npos) << line;
  EXPECT_NE(result.out.find("Le montant n'est pas positif."), std::string::npos) << result.out;
}

// A deliberate change: the difference is shown, then the expected file takes the new
// results (other keys kept), and the next run passes.
TEST_F(TestCommand, AccepterShowsTheDifferenceThenRewritesTheExpectation) {
  add_case("nc", non_compliant("NC-1"),
           {{"verdict", "conforme"}, {"commentaire", "gardé"}, {"regles", all_respected()}});
  const auto accepted = run_cases({"--accepter"});
  EXPECT_EQ(accepted.exit_code, 0) << accepted.out << accepted.err;
  EXPECT_NE(accepted.out.find("verdict attendu conforme, obtenu non_conforme"), std::string::npos) << accepted.out;
  EXPECT_NE(accepted.out.find("ACCEPTÉ"), std::string::npos) << accepted.out;
  std::ifstream in(dir() / "cases" / "nc.attendu.json");
  const json rewritten = json::parse(in);
  EXPECT_EQ(rewritten.at("verdict"), "non_conforme");
  EXPECT_EQ(rewritten.at("regles").at("montant.positif"), "violee");
  EXPECT_EQ(rewritten.at("commentaire"), "gardé");
  const auto again = run_cases();
  EXPECT_EQ(again.exit_code, 0) << again.out;
  EXPECT_EQ(summary_line(again.out), "1 passed, 0 failed");
}

// A dossier beside the cases without its expected result is a case nobody checks: it fails
// instead of being skipped; --accepter writes its expected result.
TEST_F(TestCommand, CaseWithoutExpectationFailsThenAccepterWritesIt) {
  add_case("ok", dossier("OK-1"), {{"verdict", "conforme"}, {"regles", all_respected()}});
  write("cases/nouveau.json", non_compliant("NOUVEAU-1").dump(2));
  const auto failing = run_cases();
  EXPECT_EQ(failing.exit_code, 1) << failing.out;
  EXPECT_NE(failing.out.find("nouveau : pas de résultat attendu"), std::string::npos) << failing.out;
  EXPECT_EQ(summary_line(failing.out), "1 passed, 1 failed");
  const auto accepted = run_cases({"--accepter"});
  EXPECT_EQ(accepted.exit_code, 0) << accepted.out;
  std::ifstream in(dir() / "cases" / "nouveau.attendu.json");
  ASSERT_TRUE(in);
  EXPECT_EQ(json::parse(in).at("verdict"), "non_conforme");
  EXPECT_EQ(summary_line(run_cases().out), "2 passed, 0 failed");
}

// A folder of dossiers with no expected file at all (a jaune's dossiers) is not a folder of cases.
TEST_F(TestCommand, FolderWithoutAnyExpectationIsNotAFolderOfCases) {
  add_case("ok", dossier("OK-1"), {{"verdict", "conforme"}, {"regles", all_respected()}});
  write("cases/jaune/d1.json", dossier("J-1").dump(2));
  const auto result = run_cases();
  EXPECT_EQ(result.exit_code, 0) << result.out;
  EXPECT_EQ(summary_line(result.out), "1 passed, 0 failed");
}

// A lawyer starts a folder of cases with dossiers only: without --accepter it is no folder of
// cases (exit 2, and the message says how to start one); with it, each NAME.json of the folder
// named gets its expected result, and a subfolder of dossiers (a jaune's) is left alone.
TEST_F(TestCommand, AccepterStartsANewFolderOfCases) {
  write("cases/premier.json", dossier("P-1").dump(2));
  write("cases/second.json", non_compliant("S-1").dump(2));
  write("cases/jaune/d1.json", dossier("J-1").dump(2));
  const auto refused = run_cases();
  EXPECT_EQ(refused.exit_code, 2) << refused.out;
  EXPECT_NE(refused.err.find("--accepter"), std::string::npos) << refused.err;
  const auto accepted = run({"test", "--regles", rules_dir(), "--accepter", (dir() / "cases").string() + "/"});
  EXPECT_EQ(accepted.exit_code, 0) << accepted.out << accepted.err;
  EXPECT_TRUE(std::filesystem::exists(dir() / "cases" / "premier.attendu.json"));
  std::ifstream in(dir() / "cases" / "second.attendu.json");
  ASSERT_TRUE(in);
  EXPECT_EQ(json::parse(in).at("verdict"), "non_conforme");
  EXPECT_FALSE(std::filesystem::exists(dir() / "cases" / "jaune" / "d1.attendu.json"));
  EXPECT_EQ(summary_line(run_cases().out), "2 passed, 0 failed");
}

TEST_F(TestCommand, VerdictMismatchIsReported) {
  add_case("nc", non_compliant("NC-1"),
           {{"verdict", "conforme"},
            {"regles", {{"montant.positif", "violee"}, {"deliberation.recente", "respectee"},
                        {"beneficiaire.identifie", "respectee"}}}});
  const auto result = run_cases();
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("verdict attendu conforme, obtenu non_conforme"), std::string::npos) << result.out;
}

TEST_F(TestCommand, UnlistedRuleThatAppliesIsAMismatch) {
  add_case("ok", dossier("OK-1"),
           {{"verdict", "conforme"}, {"regles", {{"montant.positif", "respectee"}, {"deliberation.recente", "respectee"}}}});
  const auto result = run_cases();
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("beneficiaire.identifie : non attendue"), std::string::npos) << result.out;
}

TEST_F(TestCommand, UnlistedSansObjetRuleIsFine) {
  auto membership = dossier("COT-1", [](json& d) { d["type_intervention"] = "cotisation"; });
  add_case("cot", membership,
           {{"verdict", "conforme"}, {"regles", {{"montant.positif", "respectee"}, {"beneficiaire.identifie", "respectee"}}}});
  const auto result = run_cases();
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
}

TEST_F(TestCommand, RuleUnknownToTheBaseIsAMismatch) {
  json rules = all_respected();
  rules["regle.inexistante"] = "violee";
  add_case("ok", dossier("OK-1"), {{"verdict", "conforme"}, {"regles", rules}});
  const auto result = run_cases();
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("regle.inexistante : inconnue de la base"), std::string::npos) << result.out;
}

TEST_F(TestCommand, MissingPathsAreComparedWhenGiven) {
  const json expected_rules = {{"montant.positif", "respectee"}, {"deliberation.recente", "indeterminee"},
                               {"beneficiaire.identifie", "respectee"}};
  add_case("inc-ok", incomplete("INC-1"),
           {{"verdict", "incomplet"}, {"regles", expected_rules},
            {"manquants", {{"deliberation.recente", {"deliberation.date"}}}}});
  add_case("inc-bad", incomplete("INC-2"),
           {{"verdict", "incomplet"}, {"regles", expected_rules},
            {"manquants", {{"deliberation.recente", {"deliberation.organe"}}}}});
  const auto result = run_cases();
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(summary_line(result.out), "1 passed, 1 failed") << result.out;
  EXPECT_NE(result.out.find("inc-bad"), std::string::npos);
  EXPECT_EQ(result.out.find("ÉCHEC " + (dir() / "cases" / "inc-ok").string() + " "), std::string::npos) << result.out;
}

TEST_F(TestCommand, UnreadableExpectationExitsTwo) {
  write("cases/broken.json", dossier("B-1").dump());
  write("cases/broken.attendu.json", "{\"verdict\": \"conforme\", ");
  const auto result = run_cases();
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(summary_line(result.out), "0 passed, 1 failed");
}

TEST_F(TestCommand, CoverageFailsAndNamesRulesNeverViolated) {
  add_case("ok", dossier("OK-1"), {{"verdict", "conforme"}, {"regles", all_respected()}});
  const auto result = run_cases({"--couverture"});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_NE(result.out.find("Jamais violées par un cas : montant.positif, deliberation.recente, beneficiaire.identifie"),
            std::string::npos)
      << result.out;
  EXPECT_EQ(summary_line(result.out), "1 passed, 0 failed");
}

TEST_F(TestCommand, CoverageCompletePassesWhenEveryRuleIsSeenBothWays) {
  add_case("ok", dossier("OK-1"), {{"verdict", "conforme"}, {"regles", all_respected()}});
  auto bad = dossier("BAD-1", [](json& d) {
    d["montant"] = "0.00";
    d["deliberation"]["date"] = "1999-12-31";
    d.erase("beneficiaire");
  });
  add_case("bad", bad,
           {{"verdict", "non_conforme"},
            {"regles", {{"montant.positif", "violee"}, {"deliberation.recente", "violee"},
                        {"beneficiaire.identifie", "violee"}}}});
  const auto result = run_cases({"--couverture"});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_NE(result.out.find("Couverture complète"), std::string::npos) << result.out;
}

}  // namespace
}  // namespace subsidia::testing
