// subsidia-bench-eval: the product's own hot path on a large JSONL file, with the legal
// rule base of rules/, on 1 and 2 threads, in one run.
//
//   subsidia-bench-eval FILE.jsonl [--regles DIR] [--runs N] [--threads 1,2]
//
// Three passes per run, in this order, over lines read before any clock starts:
//   parse  io::DossierReader::read of every line (simdjson, schema, exact decimals);
//   eval   read + Plan::evaluate (explanations are always built: there is no untraced API);
//   check  read + evaluate + the JSON line `subsidia check --format jsonl` writes
//          (output::append_dossier_json), into a per-thread buffer that is dropped every MiB,
//          so the cost of formatting is in and the cost of the terminal or disk is not.
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

enum class Pass { Parse, Eval, Check };
constexpr const char* kPassNames[] = {"parse", "eval", "check"};

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
               const eval::Plan& plan, unsigned threads, std::size_t count) {
  std::vector<Tally> per_thread(threads);
  bench::run_partitioned(threads, count, [&](unsigned t, std::size_t begin, std::size_t end) {
    Tally tally;
    std::string out;
    out.reserve(kDropBufferAt + (1 << 16));
    eval::Scratch scratch;  // one per thread, as the CLI's workers do
    for (std::size_t i = begin; i < end; ++i) {
      const std::size_t line = input.line_numbers[i];
      io::ReadOutcome read = readers[t].read(input.lines[i], label, line);
      if (!read.dossier) {
        ++tally.errors;
        if (pass == Pass::Check) {
          for (const io::InputError& e : read.errors) {
            output::append_error_json(out, e);
            out += '\n';
          }
        }
        continue;
      }
      ++tally.read;
      if (pass == Pass::Parse) continue;
      const eval::DossierResult result = plan.evaluate(*read.dossier, scratch);
      switch (result.verdict) {
        case eval::Verdict::Compliant: ++tally.compliant; break;
        case eval::Verdict::NonCompliant: ++tally.non_compliant; break;
        case eval::Verdict::Incomplete: ++tally.incomplete; break;
      }
      if (pass == Pass::Check) {
        output::append_dossier_json(out, result, output::DossierLabel{label, line});
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
  double parse = 0, eval = 0, check = 0;         // median seconds
  double eval_vs_parse = 0, check_vs_parse = 0;  // median of per-run parse / pass time
  double cpu_per_wall = 0;                       // of the check pass
  Tally tally;
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
    for (Pass p : {Pass::Parse, Pass::Eval, Pass::Check}) run_pass(p, *input, label, readers, loaded->plan(), threads, warm);

    std::vector<double> times[3], eval_ratio, check_ratio, cpu;
    std::optional<Tally> first[3];
    for (int run = 0; run < runs; ++run) {
      for (Pass p : {Pass::Parse, Pass::Eval, Pass::Check}) {
        const double c0 = bench::cpu_seconds();
        const double t0 = bench::wall_seconds();
        const Tally tally = run_pass(p, *input, label, readers, loaded->plan(), threads, n);
        const double wall = bench::wall_seconds() - t0;
        if (p == Pass::Check) cpu.push_back((bench::cpu_seconds() - c0) / wall);
        times[static_cast<int>(p)].push_back(wall);
        std::optional<Tally>& expected = first[static_cast<int>(p)];
        if (!expected) expected = tally;
        if (!(*expected == tally)) {
          std::cerr << "erreur interne : la passe " << kPassNames[static_cast<int>(p)] << " a changé de résultat\n";
          return 2;
        }
      }
      eval_ratio.push_back(times[0].back() / times[1].back());
      check_ratio.push_back(times[0].back() / times[2].back());
    }
    Figures f;
    f.parse = bench::median(times[0]);
    f.eval = bench::median(times[1]);
    f.check = bench::median(times[2]);
    f.eval_vs_parse = bench::median(eval_ratio);
    f.check_vs_parse = bench::median(check_ratio);
    f.cpu_per_wall = bench::median(cpu);
    f.tally = *first[2];
    figures[threads] = f;

    const auto rate = [&](double s) { return static_cast<long long>(static_cast<double>(n) / s); };
    std::cout << threads << " thread(s): parse " << rate(f.parse) << " dossiers/s (" << fixed(mb / f.parse, 1)
              << " Mo/s), eval " << rate(f.eval) << "/s, check " << rate(f.check) << "/s ("
              << fixed(mb / f.check, 1) << " Mo/s); check/parse " << fixed(f.check_vs_parse, 3) << ", eval/parse "
              << fixed(f.eval_vs_parse, 3) << "; eval " << fixed((f.eval - f.parse) / static_cast<double>(n) * 1e6, 2)
              << " µs, format " << fixed((f.check - f.eval) / static_cast<double>(n) * 1e6, 2)
              << " µs par dossier; cpu/wall " << fixed(f.cpu_per_wall, 2) << "\n";
    std::cout << "  verdicts: " << f.tally.compliant << " conformes, " << f.tally.non_compliant << " non conformes, "
              << f.tally.incomplete << " incomplets, " << f.tally.errors << " illisibles; "
              << fixed(static_cast<double>(f.tally.output_bytes) / static_cast<double>(std::max<std::size_t>(1, n)), 0)
              << " octets de JSON par dossier\n";
  }

  std::ostringstream s;
  s << "{\"engine\":\"subsidia " << SUBSIDIA_VERSION << "\",\"rules\":\"" << loaded->rules_path().filename().string()
    << "\",\"dossiers\":" << n << ",\"mean_bytes\":" << (n ? input->bytes() / n : 0)
    << ",\"load_ms\":" << fixed(load_seconds * 1e3, 1) << ",\"runs\":" << runs << ",\"by_threads\":{";
  bool first_entry = true;
  for (const auto& [threads, f] : figures) {
    s << (first_entry ? "" : ",") << '"' << threads << "\":{\"parse_dossiers_per_s\":"
      << static_cast<long long>(static_cast<double>(n) / f.parse)
      << ",\"eval_dossiers_per_s\":" << static_cast<long long>(static_cast<double>(n) / f.eval)
      << ",\"check_dossiers_per_s\":" << static_cast<long long>(static_cast<double>(n) / f.check)
      << ",\"check_mb_per_s\":" << fixed(mb / f.check, 1) << ",\"check_vs_parse\":" << fixed(f.check_vs_parse, 3)
      << ",\"eval_vs_parse\":" << fixed(f.eval_vs_parse, 3) << ",\"cpu_per_wall\":" << fixed(f.cpu_per_wall, 2)
      << ",\"compliant\":" << f.tally.compliant << ",\"non_compliant\":" << f.tally.non_compliant
      << ",\"incomplete\":" << f.tally.incomplete << ",\"read_errors\":" << f.tally.errors << "}";
    first_entry = false;
  }
  s << "}";
  if (figures.count(1)) {
    for (const auto& [threads, f] : figures) {
      if (threads == 1) continue;
      const Figures& one = figures[1];
      s << ",\"speedup_" << threads << "_threads\":{\"parse\":" << fixed(one.parse / f.parse, 2)
        << ",\"check\":" << fixed(one.check / f.check, 2) << "}";
      std::cout << threads << " threads / 1 thread: parse x" << fixed(one.parse / f.parse, 2) << ", check x"
                << fixed(one.check / f.check, 2) << "\n";
    }
  }
  s << "}";
  std::cout << s.str() << std::endl;
  return 0;
}
