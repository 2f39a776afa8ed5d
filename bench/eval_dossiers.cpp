// subsidia-bench-eval: the product's own hot path on a large JSONL file, with the legal
// rule base of rules/, on 1 and 2 threads, in one run.
//
//   subsidia-bench-eval FILE.jsonl [--regles DIR] [--runs N] [--threads 1,2]
//
// Six passes per run, in this order, over lines read before any clock starts:
//   parse   io::DossierReader::read of every line (simdjson, schema, exact decimals);
//   aucune  read + Plan::evaluate at Detail::None (statuses and missing paths, no explanation:
//           `check --explication aucune`);
//   echecs  read + Plan::evaluate at Detail::Failures (the default level), nothing written:
//           with `jsonl` below, splits the default path into evaluation and writing;
//   eval    read + Plan::evaluate at Detail::Full (every explanation and fact);
//   jsonl   read + evaluate at Detail::Failures + the compact line `subsidia check --format
//           jsonl` writes by default (output::append_dossier_jsonl);
//   check   read + evaluate (Full) + the item `check --format json` writes
//           (output::append_dossier_json).
// Output goes into a per-thread buffer dropped every MiB, so the cost of formatting is in and
// the cost of the terminal or disk is not.
// Reported: medians, check/parse and eval/parse ratios (per run, then median), and the
// speed-up of T threads over 1. Every run checks that its verdict tally and output size
// equal the first run's.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "output/check_format.hpp"
#include "support/load_engine.hpp"
#include "io/reader.hpp"
#include "support/clock.hpp"
#include "support/line_file.hpp"
#include "support/partition.hpp"

namespace {

using namespace subsidia;

enum class Pass { Parse, None, Failures, Eval, Jsonl, Check };
constexpr const char* kPassNames[] = {"parse", "aucune", "echecs", "eval", "jsonl", "check"};
constexpr Pass kPasses[] = {Pass::Parse, Pass::None, Pass::Failures, Pass::Eval, Pass::Jsonl, Pass::Check};
constexpr int kPassCount = 6;

// What a pass produced; equal across runs or the bench is measuring a moving target.
struct Tally {
  std::size_t read = 0, errors = 0, compliant = 0, non_compliant = 0, incomplete = 0, output_bytes = 0;
  void add(const Tally& o) {
    read += o.read;
    errors += o.errors;
    compliant += o.compliant;
    non_compliant += o.non_compliant;
    incomplete += o.incomplete;
    output_bytes += o.output_bytes;
  }
  bool operator==(const Tally&) const = default;
};

constexpr std::size_t kDropBufferAt = 1 << 20;

Tally run_pass(Pass pass, const bench::LineFile& input, const std::string& label, std::vector<io::DossierReader>& readers,
               const eval::Plan& plan, const model::RuleBase& base, unsigned threads, std::size_t count) {
  std::vector<Tally> per_thread(threads);
  bench::run_partitioned(threads, count, [&](unsigned t, std::size_t begin, std::size_t end) {
    Tally tally;
    std::string out;
    out.reserve(kDropBufferAt + (1 << 16));
    eval::Scratch scratch;        // one per thread, as the CLI's workers do
    eval::DossierResult result;   // refilled for every dossier, as the CLI's workers do
    for (std::size_t i = begin; i < end; ++i) {
      const std::size_t line = input.line_numbers[i];
      io::ReadOutcome read = readers[t].read(input.lines[i], label, line);
      if (!read.dossier) {
        ++tally.errors;
        if (pass == Pass::Check || pass == Pass::Jsonl) {
          for (const io::InputError& e : read.errors) {
            output::append_error_json(out, e);
            out += '\n';
          }
        }
        continue;
      }
      ++tally.read;
      if (pass == Pass::Parse) continue;
      const eval::Detail detail = pass == Pass::None                               ? eval::Detail::None
                                  : pass == Pass::Jsonl || pass == Pass::Failures ? eval::Detail::Failures
                                                                                  : eval::Detail::Full;
      plan.evaluate(*read.dossier, scratch, detail, result);
      switch (result.verdict) {
        case eval::Verdict::Compliant: ++tally.compliant; break;
        case eval::Verdict::NonCompliant: ++tally.non_compliant; break;
        case eval::Verdict::Incomplete: ++tally.incomplete; break;
      }
      if (pass == Pass::Check || pass == Pass::Jsonl) {
        if (pass == Pass::Check)
          output::append_dossier_json(out, result, output::DossierLabel{label, line});
        else
          output::append_dossier_jsonl(out, result, output::DossierLabel{label, line}, base, false);
        out += '\n';
        if (out.size() >= kDropBufferAt) {
          tally.output_bytes += out.size();
          out.clear();
        }
      }
    }
    tally.output_bytes += out.size();
    per_thread[t] = tally;
  });
  Tally total;
  for (const Tally& t : per_thread) total.add(t);
  return total;
}

std::string fixed(double x, int digits) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, x);
  return buffer;
}

struct Figures {
  double time[kPassCount] = {};      // median seconds of each pass
  double vs_parse[kPassCount] = {};  // median of per-run parse time / pass time
  double cpu_per_wall = 0;           // of the jsonl pass
  Tally tally[kPassCount];
};

}  // namespace

int main(int argc, char** argv) {
  std::filesystem::path file, regles, schema_file;
  int runs = 3;
  std::vector<unsigned> thread_counts{1, 2};
  CLI::App app{"Débit de subsidia check (base légale de rules/) comparé à la lecture seule, sur 1 et 2 threads"};
  app.add_option("file", file, "Fichier JSONL de dossiers (100 000 ou plus)")->required();
  app.add_option("--regles", regles, "Base de règles (par défaut rules/ des sources)");
  app.add_option("--schema", schema_file, "Schéma des dossiers");
  app.add_option("--runs", runs, "Nombre de mesures par passe (médiane)")->check(CLI::PositiveNumber);
  app.add_option("--threads", thread_counts, "Nombres de threads à mesurer")->delimiter(',');
  CLI11_PARSE(app, argc, argv);

  const std::optional<bench::LineFile> input = bench::read_line_file(file);
  if (!input) {
    std::cerr << file.string() << ": erreur : fichier illisible\n";
    return 2;
  }
  const double load_start = bench::wall_seconds();
  const std::shared_ptr<const api::Engine> loaded = bench::load_engine(regles, schema_file, std::cerr);
  if (!loaded) return 2;
  const double load_seconds = bench::wall_seconds() - load_start;

  const std::size_t n = input->lines.size();
  const std::string label = file.filename().string();
  const double mb = static_cast<double>(input->bytes()) / 1e6;
  std::cout << "subsidia-bench-eval: " << n << " dossiers (" << fixed(mb, 1) << " Mo), base "
            << loaded->rules_path().string() << " (" << loaded->rules().families.size() << " règles, chargée en "
            << fixed(load_seconds * 1e3, 1) << " ms), " << runs << " mesures par passe\n";

  std::map<unsigned, Figures> figures;
  for (unsigned threads : thread_counts) {
    if (threads == 0) continue;
    std::vector<io::DossierReader> readers;
    for (unsigned t = 0; t < threads; ++t) readers.emplace_back(loaded->shared_schema());
    const std::size_t warm = std::min<std::size_t>(n, 2000);
    for (Pass p : kPasses) run_pass(p, *input, label, readers, loaded->plan(), loaded->rules(), threads, warm);

    std::vector<double> times[kPassCount], ratios[kPassCount], cpu;
    std::optional<Tally> first[kPassCount];
    for (int run = 0; run < runs; ++run) {
      for (Pass p : kPasses) {
        const int k = static_cast<int>(p);
        const double c0 = bench::cpu_seconds();
        const double t0 = bench::wall_seconds();
        const Tally tally = run_pass(p, *input, label, readers, loaded->plan(), loaded->rules(), threads, n);
        const double wall = bench::wall_seconds() - t0;
        if (p == Pass::Jsonl) cpu.push_back((bench::cpu_seconds() - c0) / wall);
        times[k].push_back(wall);
        if (!first[k]) first[k] = tally;
        if (!(*first[k] == tally)) {
          std::cerr << "erreur interne : la passe " << kPassNames[k] << " a changé de résultat\n";
          return 2;
        }
      }
      for (int k = 0; k < kPassCount; ++k) ratios[k].push_back(times[0].back() / times[k].back());
    }
    Figures f;
    for (int k = 0; k < kPassCount; ++k) {
      f.time[k] = bench::median(times[k]);
      f.vs_parse[k] = bench::median(ratios[k]);
      f.tally[k] = *first[k];
    }
    f.cpu_per_wall = bench::median(cpu);
    figures[threads] = f;

    const auto rate = [&](double s) { return static_cast<long long>(static_cast<double>(n) / s); };
    std::cout << threads << " thread(s):\n";
    for (int k = 0; k < kPassCount; ++k) {
      std::cout << "  " << kPassNames[k] << " " << rate(f.time[k]) << " dossiers/s, " << fixed(mb / f.time[k], 1)
                << " Mo/s, /parse " << fixed(f.vs_parse[k], 3) << ", "
                << fixed(f.time[k] / static_cast<double>(n) * 1e6, 2) << " µs par dossier";
      if (f.tally[k].output_bytes > 0)
        std::cout << ", " << fixed(static_cast<double>(f.tally[k].output_bytes) / static_cast<double>(std::max<std::size_t>(1, n)), 0)
                  << " octets par dossier";
      std::cout << "\n";
    }
    const Tally& v = f.tally[static_cast<int>(Pass::Jsonl)];
    std::cout << "  verdicts: " << v.compliant << " conformes, " << v.non_compliant << " non conformes, " << v.incomplete
              << " incomplets, " << v.errors << " illisibles; cpu/wall (jsonl) " << fixed(f.cpu_per_wall, 2) << "\n";
  }

  std::ostringstream s;
  s << "{\"engine\":\"subsidia " << SUBSIDIA_VERSION << "\",\"rules\":\"" << loaded->rules_path().filename().string()
    << "\",\"dossiers\":" << n << ",\"mean_bytes\":" << (n ? input->bytes() / n : 0)
    << ",\"load_ms\":" << fixed(load_seconds * 1e3, 1) << ",\"runs\":" << runs << ",\"by_threads\":{";
  bool first_entry = true;
  for (const auto& [threads, f] : figures) {
    s << (first_entry ? "" : ",") << '"' << threads << "\":{";
    for (int k = 0; k < kPassCount; ++k)
      s << (k ? "," : "") << '"' << kPassNames[k] << "\":{\"dossiers_per_s\":"
        << static_cast<long long>(static_cast<double>(n) / f.time[k]) << ",\"vs_parse\":" << fixed(f.vs_parse[k], 3)
        << ",\"output_bytes_per_dossier\":" << (n ? f.tally[k].output_bytes / n : 0) << "}";
    s << ",\"cpu_per_wall\":" << fixed(f.cpu_per_wall, 2) << "}";
    first_entry = false;
  }
  s << "}";
  if (figures.count(1)) {
    for (const auto& [threads, f] : figures) {
      if (threads == 1) continue;
      const Figures& one = figures[1];
      const int j = static_cast<int>(Pass::Jsonl);
      s << ",\"speedup_" << threads << "_threads\":{\"parse\":" << fixed(one.time[0] / f.time[0], 2)
        << ",\"jsonl\":" << fixed(one.time[j] / f.time[j], 2) << "}";
      std::cout << threads << " threads / 1 thread: parse x" << fixed(one.time[0] / f.time[0], 2) << ", jsonl x"
                << fixed(one.time[j] / f.time[j], 2) << "\n";
    }
  }
  s << "}";
  std::cout << s.str() << std::endl;
  return 0;
}
