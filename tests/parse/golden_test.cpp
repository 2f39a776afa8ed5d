#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "golden.hpp"
#include "parse_helpers.hpp"

namespace subsidia::parse::testing {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<fs::path> rule_files_under(const fs::path& dir) {
  std::vector<fs::path> files;
  if (!fs::exists(dir)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".regles") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// tests/parse/golden/X.regles -> X.expected: the AST with spans, or the diagnostics.
// Refresh with scripts/update-golden and read the diff before committing.
TEST(ParseGolden, EveryGoldenFileGivesItsExpectedOutput) {
  const auto files = rule_files_under(SUBSIDIA_GOLDEN_DIR);
  ASSERT_GE(files.size(), 5u);
  for (const fs::path& file : files) {
    SCOPED_TRACE(file.filename().string());
    fs::path expected = file;
    expected.replace_extension(".expected");
    ASSERT_TRUE(fs::exists(expected)) << "run scripts/update-golden";
    EXPECT_EQ(golden_output(file.filename().string(), read(file)), read(expected));
  }
}

// The rule base and the benchmark rules, as other engineers write them.
TEST(ParseRuleBase, EveryRuleFileOfTheRepositoryParses) {
  std::vector<fs::path> files = rule_files_under(fs::path(SUBSIDIA_SOURCE_DIR) / "rules");
  const auto bench = rule_files_under(fs::path(SUBSIDIA_SOURCE_DIR) / "bench");
  files.insert(files.end(), bench.begin(), bench.end());
  for (const fs::path& file : files) {
    SCOPED_TRACE(file.string());
    const std::string text = read(file);
    diag::SourceSet sources;
    const auto parsed = parse_rules(text, sources.add(file.string(), text));
    EXPECT_TRUE(parsed.ok()) << diag::format_diagnostics(sources, parsed.diagnostics);
  }
}

}  // namespace
}  // namespace subsidia::parse::testing
