// One Plan shared by several threads (label "threads", run under ThreadSanitizer by the tsan
// preset): the real rule base of rules/ on every dossier of cases/, evaluated again and
// again from four threads, gives what one thread gives.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "check/load.hpp"
#include "diag/diagnostic.hpp"
#include "eval/plan.hpp"
#include "io/reader.hpp"

namespace subsidia::eval {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Everything a caller reads of a result, as one string to compare.
std::string flatten(const DossierResult& r) {
  std::string out = r.id + " " + std::string(verdict_code(r.verdict)) + "\n";
  for (const RuleOutcome& o : r.rules) {
    out += std::string(o.id) + " " + std::string(status_code(o.status)) + " " + o.explanation + " |";
    for (const Fact& f : o.facts) out += " " + f.path + "=" + f.value;
    for (const std::string& m : o.missing) out += " ?" + m;
    out += "\n";
  }
  return out;
}

TEST(PlanThreads, FourThreadsOnTheRealRuleBaseGiveWhatOneThreadGives) {
  const fs::path source(SUBSIDIA_SOURCE_DIR);
  const schema::Schema schema = schema::Schema::load(source / "rules" / "dossier.schema.json");
  const check::LoadResult loaded = check::load_rule_base(source / "rules", schema);
  ASSERT_TRUE(loaded.base) << diag::format_diagnostics(loaded.sources, loaded.diagnostics);
  const Plan plan(loaded.base);

  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(source / "cases")) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() == ".json" && name.find(".attendu.") == std::string::npos) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_GT(files.size(), 20u);
  std::vector<io::Dossier> dossiers;
  io::DossierReader reader(schema::unowned(schema));
  for (const fs::path& f : files) {
    io::ReadOutcome read = reader.read(slurp(f), f.filename().string());
    ASSERT_TRUE(read.dossier) << f;
    dossiers.push_back(std::move(*read.dossier));
  }
  std::vector<std::string> expected;
  for (const io::Dossier& d : dossiers) expected.push_back(flatten(plan.evaluate(d)));

  // Each thread starts at another dossier, so that different rules run at the same time.
  constexpr int kThreads = 4, kRounds = 10;
  std::vector<int> mismatches(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < kRounds; ++round) {
        for (std::size_t k = 0; k < dossiers.size(); ++k) {
          const std::size_t i = (k + static_cast<std::size_t>(t) * 7) % dossiers.size();
          if (flatten(plan.evaluate(dossiers[i])) != expected[i]) ++mismatches[static_cast<std::size_t>(t)];
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(mismatches, std::vector<int>(kThreads, 0));
  // The cases are varied: the expected results are not all alike.
  EXPECT_NE(std::count_if(expected.begin(), expected.end(), [](const std::string& e) { return e.find(" non_conforme\n") != std::string::npos; }), 0);
}

}  // namespace
}  // namespace subsidia::eval
