// `subsidia jaune` as a user runs it: the built binary, its exit codes and its files.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
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

// -o naming a file that is read, or a .json file inside a folder that is read, would destroy a
// dossier or make the next run read the report as one: refused before anything is written.
TEST_F(JauneCommand, AnOutputThatWouldReplaceOrJoinTheDossiersIsRefused) {
  fs::create_directories(folder_ / "dossiers");
  const fs::path dossier = folder_ / "dossiers" / "a.json";
  fs::copy_file(kSourceDir / "cases" / "jaune-2012" / "aie-01-dakar.json", dossier);
  const std::string before = std::string(std::istreambuf_iterator<char>(std::ifstream(dossier).rdbuf()), {});
  CommandRun same = run("jaune --exercice 2012 --format json -o '" + dossier.string() + "' " + rules() + " '" +
                        dossier.string() + "'");
  EXPECT_EQ(same.exit_code, 2) << same.output;
  EXPECT_NE(same.output.find("est aussi un fichier lu"), std::string::npos) << same.output;
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(std::ifstream(dossier).rdbuf()), {}), before);

  const fs::path inside = folder_ / "dossiers" / "sous" / "jaune.json";
  CommandRun in_folder = run("jaune --exercice 2012 --format json -o '" + inside.string() + "' " + rules() + " '" +
                             (folder_ / "dossiers").string() + "/'");
  EXPECT_EQ(in_folder.exit_code, 2) << in_folder.output;
  EXPECT_NE(in_folder.output.find("prendrait pour un dossier"), std::string::npos) << in_folder.output;
  EXPECT_FALSE(fs::exists(inside));
  EXPECT_EQ(entries(folder_ / "dossiers"), 1u);

  // A format no reader takes for a dossier may be written beside the dossiers.
  const fs::path html = folder_ / "dossiers" / "jaune.html";
  CommandRun beside = run("jaune --exercice 2012 --format html -o '" + html.string() + "' " + rules() + " '" +
                          (folder_ / "dossiers").string() + "'");
  EXPECT_EQ(beside.exit_code, 0) << beside.output;
  EXPECT_TRUE(fs::exists(html));
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
  EXPECT_NE(r.output.find("1 dossier d'un autre exercice ignoré."), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("1,450 M€"), std::string::npos) << r.output;
}

// A folder with the Dakar dossier and one more dossier file whose text is `text`.
fs::path dakar_and(const fs::path& folder, const std::string& name, const std::string& text) {
  fs::create_directories(folder / "dossiers");
  fs::copy_file(kSourceDir / "cases" / "jaune-2012" / "aie-01-dakar.json", folder / "dossiers" / "a.json",
                fs::copy_options::overwrite_existing);
  std::ofstream(folder / "dossiers" / name) << text;
  return folder / "dossiers";
}

TEST_F(JauneCommand, AnUnreadableDossierOfAnotherYearDoesNotBlock) {
  const fs::path dossiers = dakar_and(folder_, "b.json", R"({"id": "X", "exercice": 2011, "montant": "12,50"})");
  CommandRun r = run("jaune --exercice 2012 " + rules() + " '" + dossiers.string() + "'");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("1 dossier illisible d'un autre exercice, ignoré :"), std::string::npos) << r.output;
}

TEST_F(JauneCommand, IgnoringUnreadableDossiersListsThemInTheReportWithExitCodeOne) {
  const fs::path dossiers = dakar_and(folder_, "b.json", R"({"id": "X", "exercice": 2012, "montant": "12,50"})");
  const fs::path out = folder_ / "jaune.json";
  CommandRun r = run("jaune --exercice 2012 --ignorer-illisibles --format json -o '" + out.string() + "' " + rules() +
                     " '" + dossiers.string() + "'");
  EXPECT_EQ(r.exit_code, 1) << r.output;
  std::ifstream in(out);
  auto j = nlohmann::json::parse(in);
  ASSERT_EQ(j["illisibles"].size(), 1u);
  EXPECT_NE(j["illisibles"][0]["fichier"].get<std::string>().find("b.json"), std::string::npos);
  EXPECT_EQ(j["total"], "1450000.00");
}

TEST_F(JauneCommand, AnUnreadableTextWithoutYearBlocks) {
  const fs::path dossiers = dakar_and(folder_, "b.json", R"({"id": "X", "montant": )");
  CommandRun r = run("jaune --exercice 2012 " + rules() + " '" + dossiers.string() + "'");
  EXPECT_EQ(r.exit_code, 2) << r.output;
}

// -2012 or 20120 is no other year: a typo, perhaps of this one. The dossier's 1,45 M€ would
// have been left out as "d'un autre exercice", with exit code 0.
TEST_F(JauneCommand, AnUnreadableDossierWithAnImpossibleYearBlocks) {
  std::ifstream in(kSourceDir / "cases" / "jaune-2012" / "aie-02-hanoi.json");
  auto hanoi = nlohmann::json::parse(in);
  for (const int year : {-2012, 0, 20120, 1979, 2101}) {
    hanoi["exercice"] = year;
    const fs::path dossiers = dakar_and(folder_ / std::to_string(year), "b.json", hanoi.dump());
    CommandRun r = run("jaune --exercice 2012 " + rules() + " '" + dossiers.string() + "'");
    EXPECT_EQ(r.exit_code, 2) << year << r.output;
    EXPECT_NE(r.output.find("ou d'exercice inconnu"), std::string::npos) << r.output;
  }
  // A broken text with a year of the schema's range still tells its exercice.
  const fs::path dossiers = dakar_and(folder_ / "tronque", "b.json", R"({"id": "X", "exercice": 2011, "montant": )");
  EXPECT_EQ(run("jaune --exercice 2012 " + rules() + " '" + dossiers.string() + "'").exit_code, 0);
}

TEST_F(JauneCommand, TheSameDossierTwiceCountsOnceAndTwoUnderOneIdAreAnError) {
  std::ifstream in(kSourceDir / "cases" / "jaune-2012" / "aie-01-dakar.json");
  auto dakar = nlohmann::json::parse(in);
  const fs::path same = dakar_and(folder_ / "pareil", "copie.json", dakar.dump());
  CommandRun once = run("jaune --exercice 2012 " + rules() + " '" + same.string() + "'");
  EXPECT_EQ(once.exit_code, 0) << once.output;
  EXPECT_NE(once.output.find("lu deux fois"), std::string::npos) << once.output;
  EXPECT_NE(once.output.find("1,450 M€"), std::string::npos) << once.output;

  dakar["montant"] = "1.00";
  const fs::path other = dakar_and(folder_ / "autre", "autre.json", dakar.dump());
  CommandRun clash = run("jaune --exercice 2012 " + rules() + " '" + other.string() + "'");
  EXPECT_EQ(clash.exit_code, 2) << clash.output;
  EXPECT_NE(clash.output.find("donné à deux dossiers différents"), std::string::npos) << clash.output;
  EXPECT_NE(clash.output.find("autre.json"), std::string::npos) << clash.output;
}

TEST_F(JauneCommand, ImportedDomesticSubsidiesAreLeftOutWithTheReason) {
  const fs::path drafts = folder_ / "brouillons";
  CommandRun import = run("importe scdl -o '" + drafts.string() + "' '" +
                          (kSourceDir / "tests" / "interop" / "scdl" / "reels" / "poitiers-2017.csv").string() + "'");
  ASSERT_EQ(import.exit_code, 0) << import.output;
  const fs::path out = folder_ / "jaune.json";
  CommandRun r = run("jaune --exercice 2017 --format json -o '" + out.string() + "' " + rules() + " '" + drafts.string() + "'");
  EXPECT_EQ(r.exit_code, 1) << r.output;  // the drafts are incomplet
  std::ifstream in(out);
  auto j = nlohmann::json::parse(in);
  const auto& domestic = j["sans_element_international"]["lignes"];
  EXPECT_GT(domestic.size(), 500u);
  EXPECT_NE(domestic[0]["raison"].get<std::string>().find("aucun élément international"), std::string::npos);
  // The strong candidates are in the jaune, flagged; together they are every row.
  EXPECT_EQ(domestic.size() + j["dossiers"].size() + j["hors_perimetre"]["lignes"].size() +
                j["operations_exceptionnelles"]["lignes"].size(),
            562u);
  EXPECT_GE(j["dossiers"].size(), 15u);
  EXPECT_EQ(j["verdicts"]["conforme"].get<int>() + j["verdicts"]["non_conforme"].get<int>() +
                j["verdicts"]["incomplet"].get<int>(),
            static_cast<int>(j["dossiers"].size()));
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
