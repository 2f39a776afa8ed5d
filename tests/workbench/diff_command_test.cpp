// `subsidia diff` as a child process: exit codes, goldens of the three formats (texte, JSON,
// HTML) on the fixture of diff_fixture.hpp, git:REV bases, a broken base with its position.
//
// Goldens: tests/workbench/golden/diff.{texte,json,html}; the engine's version and commit are
// replaced by VERSION and COMMIT before comparing. SUBSIDIA_UPDATE_GOLDEN=1 rewrites them
// (read the diff before committing).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "diff_fixture.hpp"
#include "run_process.hpp"

namespace subsidia::testing {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string replaced_all(std::string text, const std::string& from, const std::string& to) {
  if (from.empty()) return text;
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

class DiffCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device random;
    dir_ = fs::path(::testing::TempDir()) / ("subsidia-diff-cli-" + std::to_string(random()));
    write_diff_fixture(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    if (!HasFailure()) fs::remove_all(dir_, ec);
  }
  // Runs subsidia in the fixture's folder, so that file names in the output are relative.
  ProcessResult run(const std::vector<std::string>& args, const fs::path& cwd = {}) const {
    std::string command = "cd '" + (cwd.empty() ? dir_ : cwd).string() + "' && exec '" SUBSIDIA_BINARY "'";
    for (const std::string& arg : args) command += " '" + arg + "'";
    return run_process({"/bin/sh", "-c", command}, dir_);
  }
  // The version and commit of the engine vary from build to build.
  static std::string normalised(std::string text) {
    const ProcessResult version = run_process({SUBSIDIA_BINARY, "--version"}, fs::temp_directory_path());
    // "subsidia 0.2.0 (commit abc, gcc 12)"
    const std::string& v = version.out;
    const std::size_t space = v.find(' '), open = v.find(" (commit "), comma = v.find(", ", open);
    if (space != std::string::npos && open != std::string::npos && comma != std::string::npos) {
      text = replaced_all(text, v.substr(open + 9, comma - open - 9), "COMMIT");
      text = replaced_all(text, v.substr(space + 1, open - space - 1), "VERSION");
    }
    return text;
  }
  void expect_golden(const std::string& name, const std::string& actual) const {
    const fs::path golden = fs::path(SUBSIDIA_GOLDEN_DIR) / name;
    const std::string text = normalised(actual);
    if (std::getenv("SUBSIDIA_UPDATE_GOLDEN")) {
      std::ofstream(golden, std::ios::binary) << text;
      return;
    }
    EXPECT_EQ(text, slurp(golden)) << "golden " << golden << " (SUBSIDIA_UPDATE_GOLDEN=1 to refresh)";
  }
  fs::path dir_;
};

TEST_F(DiffCommand, TexteMatchesGoldenAndExitsOneWhenSomethingChanges) {
  const auto result = run({"diff", "--avant", "avant", "--apres", "apres", "dossiers"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  expect_golden("diff.texte", result.out);
}

TEST_F(DiffCommand, JsonMatchesGoldenAndCarriesTheReceipts) {
  const auto result = run({"diff", "--avant", "avant", "--apres", "apres", "--format", "json", "dossiers"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  expect_golden("diff.json", result.out);
  const nlohmann::json doc = nlohmann::json::parse(result.out);
  EXPECT_EQ(doc.at("moteur").at("empreinte_avant").get<std::string>().rfind("sha256:", 0), 0u);
  EXPECT_NE(doc["moteur"]["empreinte_avant"], doc["moteur"]["empreinte_apres"]);
  EXPECT_EQ(doc.at("matrice").size(), 9u);
}

TEST_F(DiffCommand, HtmlMatchesGoldenIsSelfContainedAndEscaped) {
  const auto result = run({"diff", "--avant", "avant", "--apres", "apres", "--format", "html", "-o", "diff.html", "dossiers"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  const std::string html = slurp(dir_ / "diff.html");
  expect_golden("diff.html", html);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("http"), std::string::npos);  // no external resource
  // The after base's message says "<seuil>": it must come out as text, not markup.
  EXPECT_EQ(html.find("<seuil>"), std::string::npos);
  EXPECT_NE(html.find("&lt;seuil&gt;"), std::string::npos);
}

TEST_F(DiffCommand, ExitsZeroWhenNothingChanges) {
  const auto result = run({"diff", "--avant", "avant", "--apres", "avant", "dossiers"});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
}

// "0 dossier compared", exit 0, would approve any change in a review.
TEST_F(DiffCommand, NoDossierFoundExitsTwoButStillListsTheChangedRules) {
  fs::create_directories(dir_ / "vide");
  write_text(dir_ / "vide.json", "[]");
  for (const char* input : {"vide", "vide.json"}) {
    const auto result = run({"diff", "--avant", "avant", "--apres", "apres", input});
    EXPECT_EQ(result.exit_code, 2) << input << result.err;
    EXPECT_NE(result.err.find(std::string(input) + " : aucun dossier trouvé"), std::string::npos) << result.err;
    EXPECT_NE(result.out.find("0 dossier"), std::string::npos) << result.out;
  }
}

TEST_F(DiffCommand, BrokenBaseIsReportedWithItsPositionAndExitsTwo) {
  write_text(dir_ / "casse" / "base.regles", "règle x\n  titre \"X\"\n  exige montant >\nfin\n");
  const auto result = run({"diff", "--avant", "avant", "--apres", "casse", "dossiers"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("casse/base.regles:4:1:"), std::string::npos) << result.err;
  EXPECT_TRUE(result.out.empty());
}

TEST_F(DiffCommand, UnknownBaseExitsTwo) {
  const auto result = run({"diff", "--avant", "nulle-part", "--apres", "apres", "dossiers"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("nulle-part"), std::string::npos) << result.err;
}

TEST_F(DiffCommand, GitRevisionOfTheRepositoryIsABase) {
  // The repository's own rules at HEAD against themselves: loads, judges the cases, no change.
  const auto result = run({"diff", "--avant", "git:HEAD", "--apres", "git:HEAD", "--format", "json",
                           SUBSIDIA_SOURCE_DIR "/cases"},
                          SUBSIDIA_SOURCE_DIR);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const nlohmann::json doc = nlohmann::json::parse(result.out);
  EXPECT_GT(doc.at("dossiers_compares").get<int>(), 100);
  EXPECT_EQ(doc["avant"]["base"], "git:HEAD");
}

TEST_F(DiffCommand, UnknownGitRevisionExitsTwo) {
  const auto result = run({"diff", "--avant", "git:pas-une-revision", "--apres", "git:HEAD", "dossiers"}, SUBSIDIA_SOURCE_DIR);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("pas-une-revision"), std::string::npos) << result.err;
}

TEST_F(DiffCommand, RevisionCannotRunAShellCommand) {
  const auto result = run({"diff", "--avant", "git:HEAD;touch pwned", "--apres", "git:HEAD", "dossiers"}, SUBSIDIA_SOURCE_DIR);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_FALSE(fs::exists(fs::path(SUBSIDIA_SOURCE_DIR) / "pwned"));
}

}  // namespace
}  // namespace subsidia::testing
