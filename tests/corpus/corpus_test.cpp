// Runs every tests/corpus/dossiers/NAME.json through the DossierReader and checks the first
// error against NAME.expected: line 1 is the JSON Pointer ("*" matches any, "/a/*" any path
// under /a), line 2 a fragment the French message must contain, line 3 the stable code.
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
  std::string expected_path, expected_fragment, expected_code;
  std::getline(expected, expected_path);
  std::getline(expected, expected_fragment);
  std::getline(expected, expected_code);
  ASSERT_FALSE(expected_fragment.empty()) << "no message fragment in " << GetParam() << ".expected";
  ASSERT_FALSE(expected_code.empty()) << "no error code in " << GetParam() << ".expected";

  DossierReader reader(schema::unowned(vendored_schema()));
  const ReadOutcome out = reader.read(text, GetParam() + ".json");
  EXPECT_FALSE(out.dossier.has_value());
  ASSERT_FALSE(out.errors.empty());
  const InputError& first = out.errors.front();
  EXPECT_EQ(read_code_name(first.code), expected_code) << first.message;
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

// Batches: lots/NAME (a .jsonl file or a JSON array of dossiers) through the input stream and
// the reader. NAME.expected: line 1 the lines of the dossiers read (a JSONL line, or the line
// where an array element starts), then one line per error in order, "line code". One bad
// dossier never costs the others.
std::vector<std::string> lot_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(fs::path(SUBSIDIA_CORPUS_DIR) / "lots")) {
    if (entry.path().extension() != ".expected") names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class BadBatch : public ::testing::TestWithParam<std::string> {};

TEST_P(BadBatch, EveryGoodDossierIsReadAndEveryErrorHasItsLineAndCode) {
  const fs::path dir = fs::path(SUBSIDIA_CORPUS_DIR) / "lots";
  std::istringstream expected(slurp(dir / (GetParam() + ".expected")));
  std::string good_line;
  std::getline(expected, good_line);
  std::vector<std::size_t> want_good;
  std::istringstream good_numbers(good_line);
  for (std::size_t n; good_numbers >> n;) want_good.push_back(n);
  std::vector<std::string> want_errors;
  for (std::string line; std::getline(expected, line);) {
    if (!line.empty()) want_errors.push_back(line);
  }

  InputStream input({dir / GetParam()});
  DossierReader reader(schema::unowned(vendored_schema()));
  InputItem item;
  std::optional<InputError> stream_error;
  std::vector<std::size_t> good;
  std::vector<std::string> errors;
  while (input.next(item, stream_error)) {
    if (stream_error) {
      errors.push_back(std::to_string(stream_error->line) + " " + std::string(read_code_name(stream_error->code)));
      stream_error.reset();
      continue;
    }
    ReadOutcome out = reader.read(item.text, item.file, item.line);
    if (out.dossier) {
      good.push_back(item.line != 0 ? item.line : item.first_line);
      continue;
    }
    ASSERT_FALSE(out.errors.empty());
    locate_in_file(item, out.errors);
    errors.push_back(std::to_string(out.errors.front().line) + " " + std::string(read_code_name(out.errors.front().code)));
  }
  EXPECT_EQ(good, want_good);
  EXPECT_EQ(errors, want_errors);
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadBatch, ::testing::ValuesIn(lot_names()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name) if (c == '-' || c == '.') c = '_';
                           return name;
                         });

}  // namespace
}  // namespace subsidia::io
