// `subsidia jaune` as a user runs it: the built binary, its exit codes and its files.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "minimal_rules.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path kSourceDir = SUBSIDIA_TEST_SOURCE_DIR;
const std::string kBinary = SUBSIDIA_BINARY;

struct CommandRun {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

CommandRun run(const std::string& arguments) {
  std::string command = "'" + kBinary + "' " + arguments + " 2>&1";
  CommandRun result;
  FILE* pipe = ::popen(command.c_str(), "r");
  char buffer[4096];
  while (pipe && std::fgets(buffer, sizeof buffer, pipe)) result.output += buffer;
  int status = pipe ? ::pclose(pipe) : -1;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

class JauneCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/subsidia-jaune-cli-XXXXXX";
    folder_ = ::mkdtemp(pattern);
    fs::create_directories(folder_ / "regles");
    // One rule: the jaune is tested here, not the rule base.
    std::ofstream(folder_ / "regles" / "test.regles") << subsidia::reports::testing::kMinimalRules;
  }
  void TearDown() override { fs::remove_all(folder_); }

  std::string rules() const {
    return "--regles '" + (folder_ / "regles").string() + "' --schema '" +
           (kSourceDir / "rules" / "dossier.schema.json").string() + "'";
  }
  std::string case_2012() const { return "'" + (kSourceDir / "cases" / "jaune-2012").string() + "'"; }
  std::size_t entries(const fs::path& where) const {
    return std::distance(fs::directory_iterator(where), fs::directory_iterator());
  }

  fs::path folder_;
};

TEST_F(JauneCommand, WritesTheJsonOfThe2012CaseWithTheCommunicationTotals) {
  const fs::path out = folder_ / "jaune.json";
  CommandRun r = run("jaune --exercice 2012 --format json -o '" + out.string() + "' " + rules() + " " + case_2012());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::ifstream in(out);
  auto j = nlohmann::json::parse(in);
  EXPECT_EQ(j["total"], "46190000.00");
  EXPECT_EQ(j["synthese"][0]["montant"], "9717000.00");
  EXPECT_EQ(j["synthese"][1]["montant"], "36473000.00");
  EXPECT_EQ(j["operations_exceptionnelles"]["total"], "28169000.00");
  EXPECT_EQ(j["verdicts"]["conforme"], 40);
}

TEST_F(JauneCommand, EveryFormatIsWrittenWithoutLeavingATemporaryFile) {
  for (const char* format : {"texte", "json", "csv", "xlsx", "html"}) {
    const fs::path out = folder_ / "sortie" / (std::string("jaune.") + format);
    fs::create_directories(out.parent_path());
    CommandRun r = run(std::string("jaune --exercice 2012 --format ") + format + " -o '" + out.string() + "' " + rules() +
                " " + case_2012());
    EXPECT_EQ(r.exit_code, 0) << format << ": " << r.output;
    EXPECT_TRUE(fs::exists(out)) << format;
    EXPECT_GT(fs::file_size(out), 1000u) << format;
  }
  EXPECT_EQ(entries(folder_ / "sortie"), 5u);
}

TEST_F(JauneCommand, UnknownExerciceExitsWithTwoAndWritesNoFile) {
  const fs::path out = folder_ / "jaune.json";
  CommandRun r = run("jaune --exercice 2031 --format json -o '" + out.string() + "' " + rules() + " " + case_2012());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("aucun dossier de l'exercice 2031"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(out));
  EXPECT_EQ(entries(folder_), 1u);  // only regles/
}

TEST_F(JauneCommand, UnreadableDossierExitsWithTwoAndWritesNoFile) {
  fs::create_directories(folder_ / "dossiers");
  fs::copy_file(kSourceDir / "cases" / "jaune-2012" / "aie-01-dakar.json", folder_ / "dossiers" / "a.json");
  std::ofstream(folder_ / "dossiers" / "b.json") << R"({"id": "X", "exercice": 2012, "montant": "12,50"})";
  const fs::path out = folder_ / "jaune.html";
  CommandRun r = run("jaune --exercice 2012 --format html -o '" + out.string() + "' " + rules() + " '" +
              (folder_ / "dossiers").string() + "'");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("b.json"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(JauneCommand, XlsxWithoutOutputFileIsAUsageError) {
  CommandRun r = run("jaune --exercice 2012 --format xlsx " + rules() + " " + case_2012());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("-o"), std::string::npos);
}

TEST_F(JauneCommand, OtherExercicesAreIgnoredAndCountedInANote) {
  fs::create_directories(folder_ / "dossiers");
  fs::copy_file(kSourceDir / "cases" / "jaune-2012" / "aie-01-dakar.json", folder_ / "dossiers" / "a.json");
  std::ifstream in(kSourceDir / "cases" / "jaune-2012" / "aie-02-hanoi.json");
  auto other = nlohmann::json::parse(in);
  other["exercice"] = 2011;
  std::ofstream(folder_ / "dossiers" / "b.json") << other.dump();
  CommandRun r = run("jaune --exercice 2012 " + rules() + " '" + (folder_ / "dossiers").string() + "'");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("1 dossier(s) d'un autre exercice ignoré(s)"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("1,450 M€"), std::string::npos) << r.output;
}

TEST_F(JauneCommand, HelpGivesAnExample) {
  CommandRun r = run("jaune --help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.output.find("subsidia jaune --exercice 2012"), std::string::npos) << r.output;
}

// With the project's own rule base: the 2012 dossiers are meant to be conforme.
TEST(JauneCommandWithRuleBase, The2012CaseIsConformeUnderTheRuleBase) {
  CommandRun r = run("jaune --exercice 2012 --format json '" + (kSourceDir / "cases" / "jaune-2012").string() + "'");
  ASSERT_NE(r.exit_code, 2) << r.output.substr(0, 3000);
  auto start = r.output.find('{');
  ASSERT_NE(start, std::string::npos);
  auto j = nlohmann::json::parse(r.output.substr(start));
  EXPECT_EQ(j["total"], "46190000.00");
  EXPECT_EQ(j["verdicts"]["non_conforme"], 0);
  EXPECT_EQ(j["verdicts"]["incomplet"], 0);
  EXPECT_EQ(r.exit_code, 0);
}

}  // namespace
