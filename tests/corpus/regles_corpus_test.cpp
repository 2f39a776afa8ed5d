// Runs every tests/corpus/regles/NAME.regles through the whole loader (parser, then checker)
// and checks its first diagnostic against NAME.expected: line 1 "line:column", line 2 the
// stable code, line 3 (optional) a fragment of the message or of what was expected.
// The printed form must name file:line:column and draw a caret. Labelled sanitize.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "check/load.hpp"
#include "diag/diagnostic.hpp"

namespace subsidia::check {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> corpus_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(fs::path(SUBSIDIA_CORPUS_DIR) / "regles")) {
    if (entry.path().extension() == ".regles") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

const schema::Schema& vendored_schema() {
  static const schema::Schema schema = schema::Schema::load(SUBSIDIA_SOURCE_DIR "/rules/dossier.schema.json");
  return schema;
}

class RuleFileCorpus : public ::testing::TestWithParam<std::string> {};

TEST_P(RuleFileCorpus, FirstErrorHasItsPositionCodeAndText) {
  const fs::path dir = fs::path(SUBSIDIA_CORPUS_DIR) / "regles";
  const fs::path file = dir / (GetParam() + ".regles");
  std::ifstream expected_file(dir / (GetParam() + ".expected"));
  std::string position, code, fragment;
  std::getline(expected_file, position);
  std::getline(expected_file, code);
  std::getline(expected_file, fragment);
  ASSERT_FALSE(position.empty()) << "no .expected for " << GetParam();

  const LoadResult loaded = load_rule_base(file, vendored_schema());
  EXPECT_FALSE(loaded.base) << "a broken rule file must not give a rule base";
  ASSERT_FALSE(loaded.diagnostics.empty());
  std::vector<diag::Diagnostic> sorted = loaded.diagnostics;
  std::stable_sort(sorted.begin(), sorted.end(), [](const diag::Diagnostic& a, const diag::Diagnostic& b) {
    return std::tie(a.span.file, a.span.begin) < std::tie(b.span.file, b.span.begin);
  });
  const diag::Diagnostic& first = sorted.front();
  const diag::LineColumn where = loaded.sources.file(first.span.file).locate(first.span.begin);
  EXPECT_EQ(std::to_string(where.line) + ":" + std::to_string(where.column), position)
      << diag::format_diagnostic(loaded.sources, first);
  EXPECT_EQ(diag::code_name(first.code), code) << first.message;
  if (!fragment.empty()) {
    EXPECT_NE((first.message + " " + first.expected).find(fragment), std::string::npos)
        << first.message << " / " << first.expected;
  }
  const std::string printed = diag::format_diagnostic(loaded.sources, first);
  EXPECT_NE(printed.find(GetParam() + ".regles:" + position + ":"), std::string::npos) << printed;
  EXPECT_NE(printed.find('^'), std::string::npos) << printed;
}

// Rule tables: tables/NAME.csv declared by a one-rule base; the first diagnostic points at
// the declaration and its message names NAME.csv:line:column (line 1 of NAME.expected), with
// its code (line 2) and a fragment (line 3, optional).
std::vector<std::string> table_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(fs::path(SUBSIDIA_CORPUS_DIR) / "tables")) {
    if (entry.path().extension() == ".csv") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class TableCorpus : public ::testing::TestWithParam<std::string> {};

TEST_P(TableCorpus, BadTableIsRefusedWithItsPosition) {
  const fs::path dir = fs::path(SUBSIDIA_CORPUS_DIR) / "tables";
  std::ifstream expected_file(dir / (GetParam() + ".expected"));
  std::string position, code, fragment;
  std::getline(expected_file, position);
  std::getline(expected_file, code);
  std::getline(expected_file, fragment);
  ASSERT_FALSE(code.empty()) << "no .expected for " << GetParam();
  std::ifstream csv_file(dir / (GetParam() + ".csv"), std::ios::binary);
  std::ostringstream csv;
  csv << csv_file.rdbuf();
  const std::string rules =
      "source S\n  intitulé \"Source\"\n  en vigueur à toute date\nfin\n"
      "table t = \"" + GetParam() + ".csv\"\n"
      "règle a\n  titre \"t\"\n  source S\n  gravité bloquante\n  exige montant > 0 €\nfin\n";
  const LoadResult loaded =
      load_rule_base_from_texts({{"base.regles", rules}, {GetParam() + ".csv", csv.str()}}, vendored_schema());
  EXPECT_FALSE(loaded.base);
  ASSERT_FALSE(loaded.diagnostics.empty());
  const diag::Diagnostic& first = loaded.diagnostics.front();
  EXPECT_EQ(diag::code_name(first.code), code) << first.message;
  EXPECT_NE(first.message.find(GetParam() + ".csv:" + position), std::string::npos) << first.message;
  if (!fragment.empty()) {
    EXPECT_NE(first.message.find(fragment), std::string::npos) << first.message;
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, TableCorpus, ::testing::ValuesIn(table_names()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

INSTANTIATE_TEST_SUITE_P(Corpus, RuleFileCorpus, ::testing::ValuesIn(corpus_names()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace subsidia::check
