// Runs every tests/corpus/dossiers/NAME.json through the DossierReader and checks the first
// error against NAME.expected: line 1 is the JSON Pointer ("*" matches any, "/a/*" any path
// under /a), line 2 a fragment the French message must contain.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/inputs.hpp"
#include "io/reader.hpp"

namespace subsidia::io {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> corpus_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(fs::path(SUBSIDIA_CORPUS_DIR) / "dossiers")) {
    if (entry.path().extension() == ".json") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

const schema::Schema& vendored_schema() {
  static const schema::Schema schema = schema::Schema::load(SUBSIDIA_SOURCE_DIR "/rules/dossier.schema.json");
  return schema;
}

bool path_matches(const std::string& pattern, const std::string& path) {
  if (!pattern.empty() && pattern.back() == '*') return path.compare(0, pattern.size() - 1, pattern, 0, pattern.size() - 1) == 0;
  return pattern == path;
}

class BadDossier : public ::testing::TestWithParam<std::string> {};

TEST_P(BadDossier, IsRejectedWithItsPathAndMessage) {
  const fs::path dir = fs::path(SUBSIDIA_CORPUS_DIR) / "dossiers";
  const std::string text = slurp(dir / (GetParam() + ".json"));
  std::istringstream expected(slurp(dir / (GetParam() + ".expected")));
  std::string expected_path, expected_fragment;
  std::getline(expected, expected_path);
  std::getline(expected, expected_fragment);
  ASSERT_FALSE(expected_fragment.empty()) << "no message fragment in " << GetParam() << ".expected";

  DossierReader reader(vendored_schema());
  const ReadOutcome out = reader.read(text, GetParam() + ".json");
  EXPECT_FALSE(out.dossier.has_value());
  ASSERT_FALSE(out.errors.empty());
  const InputError& first = out.errors.front();
  EXPECT_TRUE(path_matches(expected_path, first.json_path)) << "path " << first.json_path << " : " << first.message;
  EXPECT_NE(first.message.find(expected_fragment), std::string::npos) << first.message;
  EXPECT_EQ(first.file, GetParam() + ".json");
  EXPECT_LE(first.message.size(), 600u) << "message too long: " << first.message.substr(0, 100);

  // The reader keeps working after a bad dossier.
  const ReadOutcome again = reader.read(R"({"id":"x","exercice":2020,"collectivite":{"nom":"n","categorie":"region"},"objet":"o","montant":1,"type_intervention":"subvention"})", "ok.json");
  EXPECT_TRUE(again.dossier.has_value());
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadDossier, ::testing::ValuesIn(corpus_names()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

TEST(BadDossierBatch, GoodLinesOfAJsonlFileSurviveABadOne) {
  InputStream input({fs::path(SUBSIDIA_CORPUS_DIR) / "lots" / "une-ligne-mauvaise.jsonl"});
  DossierReader reader(vendored_schema());
  InputItem item;
  std::optional<InputError> error;
  std::vector<std::size_t> good_lines, bad_lines;
  while (input.next(item, error)) {
    ASSERT_FALSE(error) << error->message;
    const ReadOutcome out = reader.read(item.text, item.file, item.line);
    if (out.dossier) {
      good_lines.push_back(out.dossier->line());
    } else {
      ASSERT_FALSE(out.errors.empty());
      EXPECT_EQ(out.errors.front().line, item.line);
      bad_lines.push_back(item.line);
    }
  }
  EXPECT_EQ(good_lines, (std::vector<std::size_t>{1, 2, 4}));
  EXPECT_EQ(bad_lines, (std::vector<std::size_t>{3}));
}

}  // namespace
}  // namespace subsidia::io
