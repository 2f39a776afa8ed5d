// workbench/fmt: golden pairs (fmt/NAME.regles → fmt/NAME.regles.formatted, as opa fmt's
// testfiles), idempotence, the meaning check, refusal of a file with a syntax error, and the
// command (--check, writing, the repository's rules/ unchanged in meaning).
//
// SUBSIDIA_UPDATE_GOLDEN=1 rewrites the .formatted files (read the diff before committing).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "fmt/format_file.hpp"
#include "fmt/layout.hpp"
#include "fmt/same_meaning.hpp"
#include "run_process.hpp"

namespace subsidia::testing {
namespace {

namespace fs = std::filesystem;
namespace wf = workbench::fmt;

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_text(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

const fs::path kGolden = fs::path(SUBSIDIA_SOURCE_DIR) / "tests" / "workbench" / "fmt";

std::vector<fs::path> golden_inputs() {
  std::vector<fs::path> inputs;
  for (const auto& entry : fs::directory_iterator(kGolden))
    if (entry.path().extension() == ".regles") inputs.push_back(entry.path());
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

class FmtFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device random;
    dir_ = fs::path(::testing::TempDir()) / ("subsidia-fmt-" + std::to_string(random()));
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    if (!HasFailure()) fs::remove_all(dir_, ec);
  }
  ProcessResult run(const std::vector<std::string>& args) const {
    std::vector<std::string> argv{SUBSIDIA_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, dir_);
  }
  fs::path dir_;
};

TEST(FmtGolden, EveryInputGivesItsFormattedTwin) {
  const auto inputs = golden_inputs();
  ASSERT_GE(inputs.size(), 6u);
  for (const fs::path& input : inputs) {
    const fs::path expected = fs::path(input.string() + ".formatted");
    const std::string formatted = wf::layout(slurp(input));
    if (std::getenv("SUBSIDIA_UPDATE_GOLDEN")) write_text(expected, formatted);
    EXPECT_EQ(formatted, slurp(expected)) << input << " (SUBSIDIA_UPDATE_GOLDEN=1 to refresh)";
  }
}

TEST(FmtGolden, FormattingIsIdempotent) {
  for (const fs::path& input : golden_inputs()) {
    const std::string once = wf::layout(slurp(input));
    EXPECT_EQ(wf::layout(once), once) << input;
  }
}

TEST(FmtGolden, FormattedInputsMeanTheSameAndParse) {
  for (const fs::path& input : golden_inputs()) {
    const std::string text = slurp(input);
    EXPECT_TRUE(wf::same_meaning(text, wf::layout(text))) << input;
    // The parser accepts both sides (format_file refuses what it does not).
    EXPECT_NE(wf::format_file(input, false).outcome, wf::FileOutcome::Error) << wf::format_file(input, false).error;
    EXPECT_EQ(wf::format_file(fs::path(input.string() + ".formatted"), false).outcome, wf::FileOutcome::Unchanged)
        << input;
  }
}

TEST(FmtLayout, LinesStayWithinOneHundredColumnsWhenTheyCanBeBroken) {
  for (const fs::path& input : golden_inputs()) {
    std::istringstream lines(wf::layout(slurp(input)));
    std::string line;
    while (std::getline(lines, line)) {
      std::size_t columns = 0;
      for (unsigned char c : line) columns += (c & 0xC0) != 0x80;
      EXPECT_LE(columns, wf::kLineWidth) << input << ": " << line;
    }
  }
}

TEST(FmtMeaning, DetectsAChangedWordStringOrLostComment) {
  EXPECT_TRUE(wf::same_meaning("exige a et b # c\n", "exige a\n  et b # c\n"));
  EXPECT_TRUE(wf::same_meaning("si violée \"ab \" \"cd\"\n", "si violée \"ab cd\"\n"));
  EXPECT_FALSE(wf::same_meaning("exige a et b\n", "exige a ou b\n"));
  EXPECT_FALSE(wf::same_meaning("si violée \"ab cd\"\n", "si violée \"abcd\"\n"));
  EXPECT_FALSE(wf::same_meaning("exige a # pourquoi\n", "exige a\n"));
  EXPECT_FALSE(wf::same_meaning("exige a b\n", "exige ab\n"));
}

TEST(FmtLayout, NeverCutsAPlaceholderOrAnEscape) {
  const std::string text = std::string("règle r\n  si violée \"") + std::string(70, 'x') +
                           " {beneficiaire.nom sinon \"l'organisme\"} \\\"cité\\\" fin du message\"\nfin\n";
  const std::string formatted = wf::layout(text);
  EXPECT_NE(formatted.find("{beneficiaire.nom sinon \"l'organisme\"}"), std::string::npos) << formatted;
  EXPECT_NE(formatted.find("\\\"cité\\\""), std::string::npos) << formatted;
  EXPECT_TRUE(wf::same_meaning(text, formatted));
}

TEST_F(FmtFiles, SyntaxErrorIsReportedWithItsPositionAndTheFileIsNotRewritten) {
  const std::string broken = "règle r\n   titre \"X\"\n  exige montant >\nfin\n";
  const fs::path file = dir_ / "casse.regles";
  write_text(file, broken);
  const wf::FileResult result = wf::format_file(file, true);
  EXPECT_EQ(result.outcome, wf::FileOutcome::Error);
  EXPECT_NE(result.error.find("casse.regles:4:1"), std::string::npos) << result.error;
  EXPECT_EQ(slurp(file), broken);

  const ProcessResult command = run({"fmt", file.string()});
  EXPECT_EQ(command.exit_code, 2);
  EXPECT_NE(command.err.find("casse.regles:"), std::string::npos) << command.err;
  EXPECT_EQ(slurp(file), broken);
}

TEST_F(FmtFiles, CheckListsTheFilesThatWouldChangeAndWritesNothing) {
  const std::string messy = slurp(kGolden / "indentation.regles");
  write_text(dir_ / "r" / "a.regles", messy);
  write_text(dir_ / "r" / "b.regles", slurp(kGolden / "indentation.regles.formatted"));
  const ProcessResult check = run({"fmt", "--check", (dir_ / "r").string()});
  EXPECT_EQ(check.exit_code, 1) << check.err;
  EXPECT_NE(check.out.find("a.regles"), std::string::npos) << check.out;
  EXPECT_EQ(check.out.find("b.regles"), std::string::npos) << check.out;
  EXPECT_EQ(slurp(dir_ / "r" / "a.regles"), messy);
}

TEST_F(FmtFiles, WritesTheLayoutThenCheckPasses) {
  write_text(dir_ / "r" / "a.regles", slurp(kGolden / "comments.regles"));
  const ProcessResult write = run({"fmt", (dir_ / "r").string()});
  EXPECT_EQ(write.exit_code, 0) << write.err;
  EXPECT_EQ(slurp(dir_ / "r" / "a.regles"), slurp(kGolden / "comments.regles.formatted"));
  EXPECT_EQ(run({"fmt", "--check", (dir_ / "r").string()}).exit_code, 0);
  // The permissions of the file are kept.
  const fs::path kept = dir_ / "r" / "b.regles";
  write_text(kept, slurp(kGolden / "comments.regles"));
  fs::permissions(kept, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::group_write);
  EXPECT_EQ(run({"fmt", kept.string()}).exit_code, 0);
  EXPECT_EQ(fs::status(kept).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::group_write);
  fs::remove(kept);
  // No temporary file left behind.
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(dir_ / "r")) files += entry.is_regular_file();
  EXPECT_EQ(files, 1u);
}

// A file saved by an old Mac editor (lone carriage returns) is laid out with line feeds, its
// comments kept on their lines; a byte order mark stays where it is, without a blank after it.
TEST_F(FmtFiles, LoneCarriageReturnsBecomeLineFeedsAndAByteOrderMarkIsKept) {
  const std::string formatted = slurp(kGolden / "comments.regles.formatted");
  std::string old_mac = formatted;
  for (char& c : old_mac) {
    if (c == '\n') c = '\r';
  }
  write_text(dir_ / "r" / "mac.regles", old_mac);
  write_text(dir_ / "r" / "bom.regles", "\xEF\xBB\xBF" + formatted);
  const ProcessResult check = run({"fmt", "--check", (dir_ / "r").string()});
  EXPECT_EQ(check.exit_code, 1) << check.err;
  EXPECT_NE(check.out.find("mac.regles"), std::string::npos) << check.out;
  EXPECT_EQ(check.out.find("bom.regles"), std::string::npos) << check.out;
  EXPECT_EQ(run({"fmt", (dir_ / "r").string()}).exit_code, 0);
  EXPECT_EQ(slurp(dir_ / "r" / "mac.regles"), formatted);
  EXPECT_EQ(slurp(dir_ / "r" / "bom.regles"), "\xEF\xBB\xBF" + formatted);
}

// What `check` says on every case is the same under the repository's rules and under the
// same rules formatted (the receipt aside: the fingerprint is that of the text).
TEST_F(FmtFiles, FormattedRepositoryRulesGiveTheSameCheckOutputOnEveryCase) {
  const fs::path rules = fs::path(SUBSIDIA_SOURCE_DIR) / "rules";
  const fs::path copy = dir_ / "rules";
  fs::copy(rules, copy, fs::copy_options::recursive);
  // Make the copy messy first, so that the formatter has work to do whatever rules/ looks like.
  for (const auto& entry : fs::directory_iterator(copy)) {
    if (entry.path().extension() != ".regles") continue;
    std::string text = slurp(entry.path()), messy;
    for (char c : text) {
      messy += c;
      if (c == '\n') messy += "   ";
    }
    write_text(entry.path(), messy);
  }
  ASSERT_EQ(run({"fmt", copy.string()}).exit_code, 0);
  ASSERT_EQ(run({"fmt", "--check", copy.string()}).exit_code, 0);
  const std::string cases = (fs::path(SUBSIDIA_SOURCE_DIR) / "cases").string();
  for (const std::string format : {"texte", "json"}) {
    ProcessResult a = run({"check", "--regles", rules.string(), "--format", format, "--explication", "complete", cases});
    ProcessResult b = run({"check", "--regles", copy.string(), "--format", format, "--explication", "complete", cases});
    EXPECT_EQ(a.exit_code, b.exit_code);
    auto without_receipt = [&](const std::string& text) {
      if (format == "json") {
        nlohmann::json doc = nlohmann::json::parse(text);
        doc.erase("moteur");
        return doc.dump(1);
      }
      std::istringstream lines(text);
      std::string line, out;
      while (std::getline(lines, line))
        if (line.find("sha256:") == std::string::npos) out += line + '\n';
      return out;
    };
    EXPECT_EQ(without_receipt(a.out), without_receipt(b.out)) << format;
    EXPECT_GT(a.out.size(), 10000u);
  }
}

}  // namespace
}  // namespace subsidia::testing
