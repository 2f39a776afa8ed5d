// subsidia-bench-micro (Google Benchmark): the hot paths one at a time, each beside its
// baseline, on the 200 generated dossiers of bench/data/ (cycled, so one iteration is one
// dossier and the figure is a per-dossier time).
//
//   BM_LoadRuleBase         parse + check of rules/ (schema already loaded)   target < 50 ms
//   BM_LoadRulesAndPlan     the same + schema + Plan, as every subcommand does it
//   BM_JsonParse_simdjson   JSON parse alone (simdjson DOM), no schema
//   BM_JsonParse_nlohmann   JSON parse alone (nlohmann), for scale
//   BM_ReadDossier          io::DossierReader::read: simdjson + schema + exact decimals
//   BM_Eval                 Plan::evaluate, legal base (explanations always built)  target < 20 µs
//   BM_Eval_JsonLine        the same + the `check --format jsonl` line: what explaining costs to show
//   BM_PolicyDsl            R1–R7 of bench/peers in the DSL, through Plan::evaluate
//   BM_PolicyNative         R1–R7 written by hand in C++ on the same io::Dossier
// Each timed loop checks its own result (verdict counts over the sample, native = DSL).
#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "check/load.hpp"
#include "output/check_format.hpp"
#include "support/load_engine.hpp"
#include "io/reader.hpp"
#include "support/kit_verdicts.hpp"
#include "support/line_file.hpp"
#include "support/native_policy.hpp"

namespace {

using namespace subsidia;

const std::filesystem::path kSource(SUBSIDIA_SOURCE_DIR);
const std::filesystem::path kSample = kSource / "bench" / "data" / "dossiers-200-seed20140709.jsonl";

// Loaded once for the whole program: sample lines, both rule bases, the read dossiers.
struct Fixture {
  bench::LineFile sample;
  std::shared_ptr<const api::Engine> legal;
  std::shared_ptr<const api::Engine> peers;
  std::vector<io::Dossier> dossiers;

  Fixture() {
    auto lines = bench::read_line_file(kSample);
    if (!lines || lines->lines.empty()) throw std::runtime_error("cannot read " + kSample.string());
    sample = std::move(*lines);
    std::ostringstream errors;
    auto l = bench::load_engine(kSource / "rules", {}, errors);
    auto p = bench::load_engine(kSource / "bench" / "peers", {}, errors);
    if (!l || !p) throw std::runtime_error("rule bases do not load:\n" + errors.str());
    legal = std::move(l);
    peers = std::move(p);
    io::DossierReader reader(legal->shared_schema());
    for (std::size_t i = 0; i < sample.lines.size(); ++i) {
      io::ReadOutcome out = reader.read(sample.lines[i], "sample", i + 1);
      if (!out.dossier) throw std::runtime_error("sample dossier unreadable at line " + std::to_string(i + 1));
      dossiers.push_back(std::move(*out.dossier));
    }
  }
};

const Fixture& fixture() {
  static const Fixture f;  // built on first use, read-only afterwards
  return f;
}

void BM_LoadRuleBase(benchmark::State& state) {
  const Fixture& f = fixture();
  for (auto _ : state) {
    check::LoadResult r = check::load_rule_base(kSource / "rules", f.legal->schema());
    if (!r.base || r.base->families.empty()) state.SkipWithError("rule base did not load");
    benchmark::DoNotOptimize(r);
  }
  state.SetLabel(std::to_string(f.legal->rules().families.size()) + " rules");
}
BENCHMARK(BM_LoadRuleBase)->Unit(benchmark::kMillisecond);

void BM_LoadRulesAndPlan(benchmark::State& state) {
  for (auto _ : state) {
    std::ostringstream errors;
    auto loaded = bench::load_engine(kSource / "rules", {}, errors);
    if (!loaded) state.SkipWithError("rule base did not load");
    benchmark::DoNotOptimize(loaded);
  }
}
BENCHMARK(BM_LoadRulesAndPlan)->Unit(benchmark::kMillisecond);

void BM_JsonParse_simdjson(benchmark::State& state) {
  const Fixture& f = fixture();
  simdjson::dom::parser parser;
  std::vector<simdjson::padded_string> padded;
  for (std::string_view line : f.sample.lines) padded.emplace_back(line);
  std::size_t i = 0, bytes = 0;
  for (auto _ : state) {
    simdjson::dom::element doc;
    if (parser.parse(padded[i]).get(doc) != simdjson::SUCCESS) state.SkipWithError("simdjson refused a sample line");
    benchmark::DoNotOptimize(doc);
    bytes += padded[i].size();
    i = (i + 1) % padded.size();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_JsonParse_simdjson);

void BM_JsonParse_nlohmann(benchmark::State& state) {
  const Fixture& f = fixture();
  std::size_t i = 0, bytes = 0;
  for (auto _ : state) {
    nlohmann::json doc = nlohmann::json::parse(f.sample.lines[i]);
    if (!doc.is_object()) state.SkipWithError("nlohmann: not an object");
    benchmark::DoNotOptimize(doc);
    bytes += f.sample.lines[i].size();
    i = (i + 1) % f.sample.lines.size();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_JsonParse_nlohmann);

void BM_ReadDossier(benchmark::State& state) {
  const Fixture& f = fixture();
  io::DossierReader reader(f.legal->shared_schema());
  std::size_t i = 0, bytes = 0;
  for (auto _ : state) {
    io::ReadOutcome out = reader.read(f.sample.lines[i], "sample", i + 1);
    if (!out.dossier) state.SkipWithError("reader refused a sample dossier");
    benchmark::DoNotOptimize(out);
    bytes += f.sample.lines[i].size();
    i = (i + 1) % f.sample.lines.size();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_ReadDossier);

// The verdict counts over the whole sample, computed once outside the timed loops; each
// loop recounts as it goes and compares at every full cycle.
struct VerdictCount {
  std::size_t counts[3] = {0, 0, 0};
  bool operator==(const VerdictCount&) const = default;
};

void BM_Eval(benchmark::State& state) {
  const Fixture& f = fixture();
  const eval::Plan& plan = f.legal->plan();
  eval::Scratch scratch;
  VerdictCount expected, running;
  for (const io::Dossier& d : f.dossiers) ++expected.counts[static_cast<int>(plan.evaluate(d).verdict)];
  std::size_t i = 0;
  for (auto _ : state) {
    eval::DossierResult r = plan.evaluate(f.dossiers[i], scratch);
    ++running.counts[static_cast<int>(r.verdict)];
    benchmark::DoNotOptimize(r);
    if (++i == f.dossiers.size()) {
      if (!(running == expected)) state.SkipWithError("verdicts changed");
      running = {};
      i = 0;
    }
  }
  state.SetLabel(std::to_string(f.legal->rules().families.size()) + " rules");
}
BENCHMARK(BM_Eval);

void BM_Eval_JsonLine(benchmark::State& state) {
  const Fixture& f = fixture();
  const eval::Plan& plan = f.legal->plan();
  eval::Scratch scratch;
  std::string out;
  std::size_t i = 0, bytes = 0;
  for (auto _ : state) {
    out.clear();
    eval::DossierResult r = plan.evaluate(f.dossiers[i], scratch);
    output::append_dossier_json(out, r, output::DossierLabel{"sample", i + 1});
    if (out.empty() || out.front() != '{') state.SkipWithError("no JSON line");
    bytes += out.size();
    benchmark::DoNotOptimize(out);
    i = (i + 1) % f.dossiers.size();
  }
  state.counters["json_bytes_per_dossier"] =
      benchmark::Counter(static_cast<double>(bytes), benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_Eval_JsonLine);

void BM_PolicyDsl(benchmark::State& state) {
  const Fixture& f = fixture();
  const eval::Plan& plan = f.peers->plan();
  eval::Scratch scratch;
  std::string missing;
  const auto map = bench::KitRuleMap::from_base(f.peers->rules(), missing);
  if (!map) {
    state.SkipWithError("bench/peers lacks a rule");
    return;
  }
  const bench::NativePolicy native(f.peers->schema());
  // The DSL must agree with the hand-written rules on every sample dossier.
  std::size_t expected_passes = 0;
  for (const io::Dossier& d : f.dossiers) {
    const auto r = plan.evaluate(d, scratch);
    const auto n = native.evaluate(d);
    for (std::size_t k = 0; k < 7; ++k) {
      const bool pass = map->verdict(r, k) == bench::KitVerdict::Pass;
      if (pass != n[k]) {
        state.SkipWithError(("DSL and native disagree on " + std::string(bench::kKitRules[k]) + " for " + r.id).c_str());
        return;
      }
      expected_passes += pass;
    }
  }
  std::size_t i = 0, passes = 0;
  for (auto _ : state) {
    eval::DossierResult r = plan.evaluate(f.dossiers[i], scratch);
    for (std::size_t k = 0; k < 7; ++k) passes += map->verdict(r, k) == bench::KitVerdict::Pass;
    benchmark::DoNotOptimize(r);
    if (++i == f.dossiers.size()) {
      if (passes != expected_passes) state.SkipWithError("verdicts changed");
      passes = 0;
      i = 0;
    }
  }
}
BENCHMARK(BM_PolicyDsl);

void BM_PolicyNative(benchmark::State& state) {
  const Fixture& f = fixture();
  const bench::NativePolicy native(f.peers->schema());
  std::size_t expected_passes = 0;
  for (const io::Dossier& d : f.dossiers) {
    for (bool pass : native.evaluate(d)) expected_passes += pass;
  }
  std::size_t i = 0, passes = 0;
  for (auto _ : state) {
    const auto r = native.evaluate(f.dossiers[i]);
    for (bool pass : r) passes += pass;
    benchmark::DoNotOptimize(r);
    if (++i == f.dossiers.size()) {
      if (passes != expected_passes) state.SkipWithError("verdicts changed");
      passes = 0;
      i = 0;
    }
  }
}
BENCHMARK(BM_PolicyNative);

}  // namespace

BENCHMARK_MAIN();
