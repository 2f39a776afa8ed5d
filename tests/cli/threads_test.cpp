// The multi-threaded paths of the command line, run by the tsan preset (label "threads"):
// `subsidia check -j 2` and `-j 4` on hundreds of real dossiers (every case of cases/,
// many times, as a JSONL file, a folder and a JSON array) against the real rule base, and
// `subsidia jaune -j 2`. Under ThreadSanitizer the child process exits with 66 on a race,
// so every exit code is asserted.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_fixture.hpp"

namespace subsidia::testing {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

std::vector<json> real_cases() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(SUBSIDIA_SOURCE_DIR) / "cases")) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() == ".json" && name.find(".attendu.") == std::string::npos) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<json> cases;
  for (const fs::path& f : files) {
    std::ifstream in(f);
    cases.push_back(json::parse(in));
  }
  return cases;
}

class Threads : public CliTest {
 protected:
  // Copies of every case, each with an id of its own: `copies` rounds of all the cases.
  std::vector<json> dossiers(int copies) const {
    const std::vector<json> cases = real_cases();
    std::vector<json> out;
    for (int round = 0; round < copies; ++round) {
      for (json d : cases) {
        d["id"] = d.at("id").get<std::string>() + "-" + std::to_string(round);
        out.push_back(std::move(d));
      }
    }
    return out;
  }
  // Three kinds of input: a JSONL file, a folder of files, a JSON array.
  std::vector<std::string> inputs() const {
    const std::vector<json> all = dossiers(12);
    std::string lines;
    for (std::size_t i = 0; i < all.size() / 2; ++i) lines += all[i].dump() + "\n";
    json array = json::array();
    for (std::size_t i = all.size() / 2; i < all.size(); ++i) {
      if (i % 3 == 0) write("folder/" + std::to_string(1000 + i) + ".json", all[i].dump(2));
      else array.push_back(all[i]);
    }
    return {write("lot.jsonl", lines).string(), (dir() / "folder").string(), write("tableau.json", array.dump()).string()};
  }
  ProcessResult check(const std::vector<std::string>& paths, const std::string& format, const std::string& jobs) const {
    std::vector<std::string> args{"check", "--format", format, "-j", jobs};
    args.insert(args.end(), paths.begin(), paths.end());
    return run(args);
  }
};

TEST_F(Threads, CheckWithTwoAndFourThreadsWritesWhatOneThreadWrites) {
  const std::vector<std::string> paths = inputs();
  const ProcessResult one = check(paths, "jsonl", "1");
  ASSERT_EQ(one.exit_code, 1) << one.err;  // some real cases are non compliant
  std::istringstream lines(one.out);
  std::size_t count = 0;
  for (std::string line; std::getline(lines, line);) ++count;
  EXPECT_GT(count, 500u) << "too few dossiers to keep several workers busy";
  for (const char* jobs : {"2", "4"}) {
    const ProcessResult many = check(paths, "jsonl", jobs);
    EXPECT_EQ(many.exit_code, 1) << "-j " << jobs << ": " << many.err;
    EXPECT_EQ(many.out, one.out) << "-j " << jobs;
    EXPECT_EQ(many.err, one.err) << "-j " << jobs;
  }
}

TEST_F(Threads, TexteAndJsonWithFourThreadsWriteWhatOneThreadWrites) {
  const std::vector<std::string> paths = inputs();
  for (const char* format : {"texte", "json"}) {
    const ProcessResult one = check(paths, format, "1");
    const ProcessResult four = check(paths, format, "4");
    ASSERT_EQ(one.exit_code, 1) << one.err;
    EXPECT_EQ(four.exit_code, 1) << four.err;
    EXPECT_EQ(four.out, one.out) << format;
  }
}

TEST_F(Threads, ReadingErrorsAmongManyDossiersKeepTheirPlaceWithFourThreads) {
  std::string lines;
  const std::vector<json> all = dossiers(6);
  for (std::size_t i = 0; i < all.size(); ++i) lines += (i % 50 == 7 ? std::string("{\"id\": ") : all[i].dump()) + "\n";
  const std::string file = write("erreurs.jsonl", lines).string();
  const ProcessResult one = check({file}, "jsonl", "1");
  const ProcessResult four = check({file}, "jsonl", "4");
  ASSERT_EQ(one.exit_code, 2) << one.err;  // an unreadable dossier
  EXPECT_EQ(four.exit_code, 2) << four.err;
  EXPECT_EQ(four.out, one.out);
  EXPECT_NE(one.out.find("\"erreur\""), std::string::npos);
}

TEST_F(Threads, JauneWithTwoThreadsIsTheJauneOfOneThread) {
  const std::vector<std::string> paths = inputs();
  std::vector<std::string> args{"jaune", "--exercice", "2016", "--format", "json"};
  args.insert(args.end(), paths.begin(), paths.end());
  std::vector<std::string> one_args = args, two_args = args;
  one_args.insert(one_args.end(), {"-j", "1"});
  two_args.insert(two_args.end(), {"-j", "2"});
  const ProcessResult one = run(one_args);
  const ProcessResult two = run(two_args);
  ASSERT_NE(one.exit_code, 2) << one.err;
  EXPECT_EQ(two.exit_code, one.exit_code) << two.err;
  EXPECT_EQ(two.out, one.out);
  EXPECT_FALSE(one.out.empty());
}

}  // namespace
}  // namespace subsidia::testing
