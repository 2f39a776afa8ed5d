// subsidia-bench-peers: Subsidia in the peers kit's race (/work/shared/peers, README
// "Adding an engine"), with the R1–R7 rule base of bench/peers/ written in the DSL.
//
//   subsidia-bench-peers FILE.jsonl --runs N --verdicts OUT.jsonl [--regles DIR] [--threads T]
//
// Protocol, as the kit's lib/common.js: the file is read and split into lines before any
// clock starts; warm-up on the first 2 000 lines; then N pairs of a parse-only pass
// (io::DossierReader::read of every line: simdjson + schema validation + exact decimals,
// i.e. our JSON.parse) and a full pass (read + Plan::evaluate + recording the verdicts).
// The last line printed is the summary JSON; verdicts must be identical in every run.
#include <CLI/CLI.hpp>
#include <array>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "support/load_engine.hpp"
#include "io/reader.hpp"
#include "support/clock.hpp"
#include "support/kit_verdicts.hpp"
#include "support/line_file.hpp"
#include "support/partition.hpp"

namespace {

using namespace subsidia;
using bench::KitVerdict;
using bench::KitVerdicts;

struct Options {
  std::filesystem::path file;
  int runs = 3;
  std::filesystem::path verdicts;
  std::filesystem::path regles = std::filesystem::path(SUBSIDIA_SOURCE_DIR) / "bench" / "peers";
  std::filesystem::path schema;
  unsigned threads = 1;
};

// What a pass must leave behind so the compiler cannot drop the work, and so that runs
// can be checked against each other.
struct PassTally {
  std::size_t read = 0;
  std::size_t errors = 0;
};

struct Context {
  const bench::LineFile& input;
  std::string file_label;
  std::vector<io::DossierReader>& readers;  // one per thread
  const eval::Plan& plan;
  const bench::KitRuleMap& rules;
};

// Parse only: every line through the reader, nothing else.
PassTally parse_pass(Context& c, std::size_t count, unsigned threads) {
  std::vector<PassTally> per_thread(threads);
  bench::run_partitioned(threads, count, [&](unsigned t, std::size_t begin, std::size_t end) {
    PassTally tally;
    for (std::size_t i = begin; i < end; ++i) {
      io::ReadOutcome out = c.readers[t].read(c.input.lines[i], c.file_label, c.input.line_numbers[i]);
      if (out.dossier) {
        ++tally.read;
      } else {
        ++tally.errors;
      }
    }
    per_thread[t] = tally;
  });
  PassTally total;
  for (const PassTally& t : per_thread) {
    total.read += t.read;
    total.errors += t.errors;
  }
  return total;
}

// Read + evaluate + record each dossier's id and its 7 verdicts.
void full_pass(Context& c, std::size_t count, unsigned threads, KitVerdicts& verdicts) {
  verdicts.resize(count);
  bench::run_partitioned(threads, count, [&](unsigned t, std::size_t begin, std::size_t end) {
    eval::Scratch scratch;  // one per thread
    for (std::size_t i = begin; i < end; ++i) {
      io::ReadOutcome out = c.readers[t].read(c.input.lines[i], c.file_label, c.input.line_numbers[i]);
      KitVerdict* cells = &verdicts.cells[i * bench::kKitRules.size()];
      if (!out.dossier) {
        if (!out.errors.empty()) verdicts.ids[i] = out.errors.front().dossier_id;
        continue;  // cells stay ReadError
      }
      const eval::DossierResult result = c.plan.evaluate(*out.dossier, scratch);
      verdicts.ids[i] = result.id;
      for (std::size_t r = 0; r < bench::kKitRules.size(); ++r) cells[r] = c.rules.verdict(result, r);
    }
  });
}

std::string fixed(double x, int digits) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, x);
  return buffer;
}

std::string json_list(const std::vector<double>& xs) {
  std::string out = "[";
  for (std::size_t i = 0; i < xs.size(); ++i) out += (i ? "," : "") + fixed(xs[i], 4);
  return out + "]";
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  CLI::App app{"Subsidia dans le banc d'essai des moteurs de règles (R1–R7, protocole du kit peers)"};
  app.add_option("file", options.file, "Fichier JSONL de dossiers")->required();
  app.add_option("--runs", options.runs, "Nombre de paires (lecture seule, passe complète)")->check(CLI::PositiveNumber);
  app.add_option("--verdicts", options.verdicts, "Fichier JSONL des verdicts par dossier");
  app.add_option("--regles", options.regles, "Base de règles R1–R7 (par défaut bench/peers des sources)");
  app.add_option("--schema", options.schema, "Schéma des dossiers (par défaut celui de rules/)");
  app.add_option("--threads", options.threads, "Nombre de threads (tranches contiguës du fichier)")->check(CLI::Range(1u, 256u));
  CLI11_PARSE(app, argc, argv);

  const std::optional<bench::LineFile> input = bench::read_line_file(options.file);
  if (!input) {
    std::cerr << options.file.string() << ": erreur : fichier illisible\n";
    return 2;
  }
  const std::shared_ptr<const api::Engine> loaded = bench::load_engine(options.regles, options.schema, std::cerr);
  if (!loaded) return 2;
  std::string missing;
  const std::optional<bench::KitRuleMap> rule_map = bench::KitRuleMap::from_base(loaded->rules(), missing);
  if (!rule_map) {
    std::cerr << options.regles.string() << ": erreur : la règle " << missing << " est absente de la base\n";
    return 2;
  }

  const std::size_t n = input->lines.size();
  const unsigned threads = options.threads;
  std::vector<io::DossierReader> readers;
  for (unsigned t = 0; t < threads; ++t) readers.emplace_back(loaded->shared_schema());
  Context context{*input, options.file.filename().string(), readers, loaded->plan(), *rule_map};

  // Warm-up: caches, allocator pools, page faults of the arenas.
  KitVerdicts verdicts;
  const std::size_t warm = std::min<std::size_t>(n, 2000);
  parse_pass(context, warm, threads);
  full_pass(context, warm, threads, verdicts);

  std::vector<double> parse_runs, full_runs, cpu_ratios;
  KitVerdicts previous;
  PassTally parse_tally;
  for (int run = 0; run < options.runs; ++run) {
    double t0 = bench::wall_seconds();
    parse_tally = parse_pass(context, n, threads);
    parse_runs.push_back(bench::wall_seconds() - t0);

    const double c0 = bench::cpu_seconds();
    t0 = bench::wall_seconds();
    full_pass(context, n, threads, verdicts);
    const double wall = bench::wall_seconds() - t0;
    full_runs.push_back(wall);
    cpu_ratios.push_back((bench::cpu_seconds() - c0) / wall);
    if (run > 0 && (verdicts.cells != previous.cells || verdicts.ids != previous.ids)) {
      std::cerr << "erreur interne : les verdicts ont changé d'une passe à l'autre\n";
      return 2;
    }
    previous = verdicts;
  }
  if (parse_tally.errors != verdicts.count(KitVerdict::ReadError) / bench::kKitRules.size()) {
    std::cerr << "erreur interne : lecture seule et passe complète ne rejettent pas les mêmes dossiers\n";
    return 2;
  }
  if (!options.verdicts.empty() && !verdicts.write_jsonl(options.verdicts)) {
    std::cerr << options.verdicts.string() << ": erreur : écriture impossible\n";
    return 2;
  }

  const double seconds = bench::median(full_runs);
  const double parse_seconds = bench::median(parse_runs);
  std::vector<double> ratios, eval_us;
  for (std::size_t i = 0; i < full_runs.size(); ++i) {
    ratios.push_back(parse_runs[i] / full_runs[i]);
    eval_us.push_back((full_runs[i] - parse_runs[i]) / static_cast<double>(std::max<std::size_t>(1, n)) * 1e6);
  }
  const auto fails = verdicts.fails_per_rule();
  const std::size_t indeterminate = verdicts.count(KitVerdict::Indeterminate);
  const std::size_t read_errors = parse_tally.errors;
  const double mb = static_cast<double>(input->bytes()) / 1e6;

  std::ostringstream s;
  s << "{\"engine\":\"subsidia " << SUBSIDIA_VERSION << "\""
    << ",\"mode\":\"" << threads << (threads == 1 ? " thread" : " threads")
    << ": DossierReader (simdjson, schema, exact decimals) + Plan::evaluate (explanations included)\""
    << ",\"threads\":" << threads << ",\"dossiers\":" << n
    << ",\"mean_bytes\":" << (n ? input->bytes() / n : 0) << ",\"seconds\":" << fixed(seconds, 4)
    << ",\"dossiers_per_s\":" << static_cast<long long>(static_cast<double>(n) / seconds)
    << ",\"mb_per_s\":" << fixed(mb / seconds, 1) << ",\"parse_seconds\":" << fixed(parse_seconds, 4)
    << ",\"parse_dossiers_per_s\":" << static_cast<long long>(static_cast<double>(n) / parse_seconds)
    << ",\"parse_mb_per_s\":" << fixed(mb / parse_seconds, 1)
    << ",\"speed_vs_parse\":" << fixed(bench::median(ratios), 3)
    << ",\"eval_us_per_dossier\":" << fixed(bench::median(eval_us), 2) << ",\"runs\":" << options.runs
    << ",\"seconds_runs\":" << json_list(full_runs) << ",\"parse_seconds_runs\":" << json_list(parse_runs)
    << ",\"cpu_per_wall\":" << fixed(bench::median(cpu_ratios), 2) << ",\"indeterminate\":" << indeterminate
    << ",\"read_errors\":" << read_errors << ",\"fails_per_rule\":{";
  for (std::size_t r = 0; r < bench::kKitRules.size(); ++r) {
    s << (r ? "," : "") << '"' << bench::kKitRules[r] << "\":" << fails[r];
  }
  s << "}}";
  std::cerr << "subsidia [" << threads << " thread(s)]: " << n << " dossiers, "
            << static_cast<long long>(static_cast<double>(n) / seconds) << " dossiers/s (lecture seule : "
            << static_cast<long long>(static_cast<double>(n) / parse_seconds) << "/s, ratio "
            << fixed(bench::median(ratios), 3) << ")";
  if (indeterminate || read_errors) {
    std::cerr << " ; ATTENTION : " << indeterminate << " verdict(s) indéterminé(s), " << read_errors
              << " dossier(s) illisible(s)";
  }
  std::cerr << '\n';
  std::cout << s.str() << std::endl;
  return (indeterminate || read_errors) ? 1 : 0;
}
