// subsidia-bench-diff (Google Benchmark): `subsidia diff` against its baseline, one
// `check --explication aucune` pass, in the same run, on the same dossiers (the 200 generated
// dossiers of bench/data/ repeated 25 times: 5 000 dossiers in one JSONL file).
//
//   BM_CheckAucune     the baseline: InputStream, DossierReader::read, Plan evaluation with
//                      eval::Detail::None, the compact JSONL line of `check --format jsonl
//                      --explication aucune` (the lightest output check has)
//   BM_DiffIdenticalBases  diff_from_bases with rules/ loaded twice: equal fingerprints, so
//                      each dossier is read once, evaluated once, its jaune facts extracted;
//                      nothing changes
//   BM_DiffChangedBase rules/ against a copy where one definition's threshold moved: each
//                      dossier read once, evaluated under both bases without explanations,
//                      the dossiers that change twice more with explanations, the jaunes of
//                      the exercices where a verdict moved built under both bases
// One iteration is one pass over the file; items/s is dossiers per second. The target
// (issue 14): BM_DiffChangedBase ≥ 0.8 × BM_CheckAucune. Each loop checks its own result.
#include <benchmark/benchmark.h>

#include <fstream>
#include <malloc.h>
#include <sstream>
#include <stdexcept>

#include "api/engine.hpp"
#include "output/check_format.hpp"
#include "diff/diff_from_bases.hpp"
#include "io/inputs.hpp"
#include "io/reader.hpp"

namespace {

using namespace subsidia;
namespace fs = std::filesystem;

const fs::path kSource(SUBSIDIA_SOURCE_DIR);
const fs::path kSample = kSource / "bench" / "data" / "dossiers-200-seed20140709.jsonl";
constexpr int kRepeat = 25;

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Fixture {
  fs::path folder;
  fs::path dossiers;
  fs::path changed_rules;
  std::size_t count = 0;
  api::Loaded base, base_again, changed;

  Fixture() {
    folder = fs::temp_directory_path() / "subsidia-bench-diff";
    fs::create_directories(folder);
    const std::string sample = slurp(kSample);
    if (sample.empty()) throw std::runtime_error("cannot read " + kSample.string());
    dossiers = folder / "dossiers.jsonl";
    {
      // Each copy gets its own ids ("R3-11-2021-0000001"): `check` refuses a repeated id.
      std::ofstream out(dossiers, std::ios::binary);
      for (int i = 0; i < kRepeat; ++i) {
        std::string copy = sample;
        const std::string key = "{\"id\":\"", renamed = key + "R" + std::to_string(i) + "-";
        for (std::size_t at = copy.find(key); at != std::string::npos; at = copy.find(key, at + renamed.size()))
          copy.replace(at, key.size(), renamed);
        out << copy;
      }
    }
    for (char c : sample) count += c == '\n';
    count *= kRepeat;
    // A copy of rules/ where the subsidy-convention threshold of 23 000 € becomes 10 000 €.
    changed_rules = folder / "rules";
    fs::remove_all(changed_rules);
    fs::copy(kSource / "rules", changed_rules, fs::copy_options::recursive);
    std::size_t replaced = 0;
    for (const auto& entry : fs::directory_iterator(changed_rules)) {
      if (entry.path().extension() != ".regles") continue;
      std::string text = slurp(entry.path());
      const std::string from = "seuil_convention_attributive = 23 000 €";
      const std::string to = "seuil_convention_attributive = 10 000 €";
      for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
        ++replaced;
      }
      std::ofstream(entry.path(), std::ios::binary) << text;
    }
    if (replaced == 0) throw std::runtime_error("no 23 000 € threshold found in rules/ to change");
    base = api::Engine::load({.rules = kSource / "rules", .schema = {}});
    base_again = api::Engine::load({.rules = kSource / "rules", .schema = {}});
    changed = api::Engine::load({.rules = changed_rules, .schema = kSource / "rules" / "dossier.schema.json"});
    if (!base.ok() || !base_again.ok() || !changed.ok())
      throw std::runtime_error("rule bases do not load:\n" + base.format_errors() + changed.format_errors());
  }
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

void BM_CheckAucune(benchmark::State& state) {
  const Fixture& f = fixture();
  const api::Engine& engine = *f.base.engine;
  api::Engine::Scratch scratch = engine.scratch();
  for (auto _ : state) {
    io::InputStream input({f.dossiers});
    io::InputItem item;
    std::optional<io::InputError> error;
    std::size_t seen = 0;
    std::string out;
    while (input.next(item, error)) {
      api::Checked checked = engine.check(item.text, scratch, eval::Detail::None, item.file, item.line);
      if (!checked.result) {
        state.SkipWithError("a sample dossier is unreadable");
        break;
      }
      out.clear();
      output::append_dossier_jsonl(out, *checked.result, {item.file, item.line}, engine.rules(), false);
      benchmark::DoNotOptimize(out);
      ++seen;
    }
    if (seen != f.count) state.SkipWithError("not every dossier was checked");
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * f.count));
}
BENCHMARK(BM_CheckAucune)->Unit(benchmark::kMillisecond);

void run_diff(benchmark::State& state, const api::Loaded& after, bool expect_changes) {
  const Fixture& f = fixture();
  for (auto _ : state) {
    io::InputStream input({f.dossiers});
    workbench::DiffReport report = workbench::diff_from_bases({&f.base, "rules"}, {&after, "apres"}, input);
    if (report.dossiers != f.count) state.SkipWithError("not every dossier was compared");
    if (report.differs() != expect_changes) state.SkipWithError("unexpected diff outcome");
    state.counters["changes"] = static_cast<double>(report.changed.size());
    benchmark::DoNotOptimize(report);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * f.count));
}

void BM_DiffIdenticalBases(benchmark::State& state) { run_diff(state, fixture().base_again, false); }
BENCHMARK(BM_DiffIdenticalBases)->Unit(benchmark::kMillisecond);

void BM_DiffChangedBase(benchmark::State& state) { run_diff(state, fixture().changed, true); }
BENCHMARK(BM_DiffChangedBase)->Unit(benchmark::kMillisecond);

}  // namespace

// The allocator setting of subsidia's own main() (engine/cli/main.cpp), so that both loops run
// as the commands do: without it every diff iteration gave its 5 000 jaune entries back to the
// system and faulted their pages in again on the next one.
int main(int argc, char** argv) {
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
