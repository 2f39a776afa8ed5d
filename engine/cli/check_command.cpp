// `subsidia check [--regles DIR] [--format texte|json|jsonl] [-j N] [--detail] PATH...`
//
// Reads every dossier named (file, JSON array, .jsonl, folder), evaluates it with the plan
// built once, and writes the verdicts in input order. Exit code: 2 if the rule base or any
// dossier could not be read (the others are still checked and reported), else 1 if some
// dossier is non compliant or incomplete, else 0.
#include <CLI/App.hpp>
#include <CLI/Validators.hpp>
#include <cstdio>
#include <exception>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

#include "output/check_format.hpp"
#include "cli/command.hpp"
#include "cli/output_sink.hpp"
#include "pipeline/pipeline.hpp"
#include "pipeline/read_entry.hpp"
#include "cli/progress.hpp"
#include "cli/rule_loading.hpp"
#include "io/id_registry.hpp"
#include "io/inputs.hpp"
#include "io/reader.hpp"

namespace subsidia::cli {

// The layers this command is a thin shell over.
using namespace subsidia::output;
using namespace subsidia::pipeline;

namespace {

struct CheckOptions {
  RuleOptions rules;
  std::string format = "texte";
  std::string explanation;  // complete | echecs | aucune; empty: the format's default
  unsigned jobs = 1;
  bool detail = false;
  bool not_applicable = false;  // jsonl: also the sans objet rules
  std::vector<std::string> paths;
};

// What each format builds unless told: a person reading texte, and the json contract, get
// every explanation; a jsonl stream (machines, large runs) gets those of the failing rules.
eval::Detail parse_detail(const std::string& name, OutputFormat format) {
  if (name == "complete") return eval::Detail::Full;
  if (name == "echecs") return eval::Detail::Failures;
  if (name == "aucune") return eval::Detail::None;
  return format == OutputFormat::Jsonl ? eval::Detail::Failures : eval::Detail::Full;
}

// What a worker hands the writer for one input: the bytes for stdout, and the reading
// errors (kept apart: the json format lists them after the dossiers).
struct CheckOutput {
  bool has_verdict = false;
  eval::Verdict verdict = eval::Verdict::Compliant;
  std::string id;                    // to find the same id given twice in one run
  io::IdRegistry::Place place;
  std::string text;                  // the dossier's piece of the output
  std::vector<io::InputError> errors;
};

OutputFormat parse_format(const std::string& name) {
  if (name == "json") return OutputFormat::Json;
  if (name == "jsonl") return OutputFormat::Jsonl;
  return OutputFormat::Text;
}

class CheckWorker {
 public:
  CheckWorker(const LoadedRules& rules, OutputFormat format, bool detail, eval::Detail level, bool not_applicable)
      : rules_(&rules), reader_(rules.schema), format_(format), detail_(detail), level_(level),
        not_applicable_(not_applicable) {}

  CheckOutput operator()(InputEntry& entry) {
    CheckOutput out;
    const std::optional<io::Dossier> dossier = read_entry(reader_, entry, out.errors);
    if (!dossier) return out;
    const io::InputItem& item = std::get<io::InputItem>(entry);
    try {
      rules_->plan->evaluate(*dossier, scratch_, level_, result_);
      const eval::DossierResult& result = result_;
      out.has_verdict = true;
      out.verdict = result.verdict;
      out.id = result.id;
      out.place = {item.file, item.line != 0 ? item.line : item.in_array ? item.first_line : 0};
      const DossierLabel label{item.file, item.line};
      // One allocation instead of a dozen doublings (and their copies) for ~17 KB of JSON:
      // consecutive dossiers give outputs of similar size.
      out.text.reserve(last_size_ + last_size_ / 4);
      switch (format_) {
        case OutputFormat::Text: append_dossier_text(out.text, result, label, detail_); break;
        case OutputFormat::Json: append_dossier_json(out.text, result, label, &rule_json_); break;
        case OutputFormat::Jsonl:
          append_dossier_jsonl(out.text, result, label, *rules_->base, not_applicable_);
          out.text += '\n';
          break;
      }
      last_size_ = out.text.size();
    } catch (const std::exception& e) {
      // A bug in a lower layer must not cost the other dossiers nor leave the output
      // half written: this dossier becomes an error and the run goes on.
      out = CheckOutput{};
      out.errors.push_back({item.file, item.line, "", std::string("erreur interne : ") + e.what(), "", io::ReadCode::InternalError});
    }
    return out;
  }

 private:
  const LoadedRules* rules_;
  io::DossierReader reader_;
  eval::Scratch scratch_;
  eval::DossierResult result_;  // refilled for every dossier: its outcomes keep their capacity
  RuleJsonCache rule_json_;
  std::size_t last_size_ = 0;  // bytes of the previous dossier's output, to reserve the next
  OutputFormat format_;
  bool detail_;
  eval::Detail level_;
  bool not_applicable_;
};

int run_check(const CheckOptions& options) {
  std::optional<LoadedRules> rules = load_rules(options.rules, std::cerr);
  if (!rules) return kExitError;

  const OutputFormat format = parse_format(options.format);
  const eval::Detail level = parse_detail(options.explanation, format);
  const api::Receipt& receipt = rules->engine->receipt();
  const unsigned threads = resolve_thread_count(options.jobs);
  std::vector<std::filesystem::path> paths(options.paths.begin(), options.paths.end());
  io::InputStream input(std::move(paths));

  OutputSink sink(STDOUT_FILENO);
  // In texte the errors are part of the report itself, printed once there; the structured
  // formats carry them as data, and a person watching the terminal reads them on stderr.
  const bool errors_to_stderr = format != OutputFormat::Text;
  io::IdRegistry ids;

  CheckTally tally;
  std::vector<std::string> json_errors;  // the json format lists them after the dossiers
  bool first_dossier = true;
  if (format == OutputFormat::Json) {
    std::string head = "{\"moteur\": ";
    append_receipt_json(head, receipt);
    head += ",\n\"dossiers\": [\n";
    sink.write(head);
  } else if (format == OutputFormat::Jsonl) {
    std::string head;
    append_jsonl_header(head, receipt, *rules->base);
    sink.write(head);
  }

  ProgressMeter progress(ProgressMeter::stderr_is_terminal());
  // A reading error, where the format puts it: in the text report, in the JSON's `erreurs`, as a
  // JSONL line; and on standard error for the machine formats.
  auto report = [&](const io::InputError& error) {
    ++tally.errors;
    std::string line;
    append_error_text(line, error);
    if (errors_to_stderr) {
      progress.finish();
      std::fwrite(line.data(), 1, line.size(), stderr);
    }
    switch (format) {
      case OutputFormat::Text: sink.write(line); break;
      case OutputFormat::Json: {
        std::string object;
        append_error_json(object, error);
        json_errors.push_back(std::move(object));
        break;
      }
      case OutputFormat::Jsonl: {
        std::string object = "{\"erreur\":";
        append_error_json(object, error);
        object += "}\n";
        sink.write(object);
        break;
      }
    }
  };
  auto consume = [&](CheckOutput& out) -> bool {
    if (out.has_verdict && !out.id.empty()) {
      if (std::optional<io::IdRegistry::Place> first = ids.record(out.id, out.place)) {
        std::string where = first->file + (first->line > 0 ? ":" + std::to_string(first->line) : "");
        out.errors.push_back(io::InputError{out.place.file, out.place.line, "/id",
                                            "identifiant « " + out.id + " » déjà donné par le dossier de " + where +
                                                " : deux dossiers ne peuvent porter le même identifiant (les deux sont "
                                                "vérifiés ; corriger l'un des deux)",
                                            out.id, io::ReadCode::DuplicateDossierId});
      }
    }
    if (out.has_verdict) {
      tally.count(out.verdict);
      if (format == OutputFormat::Json) {
        if (!first_dossier) sink.write(",\n");
        first_dossier = false;
      }
      sink.write(out.text);
    }
    if (!out.has_verdict && !out.errors.empty()) ++tally.unreadable;
    for (const io::InputError& error : out.errors) report(error);
    return sink.ok();
  };
  auto make_worker = [&] { return CheckWorker(*rules, format, options.detail, level, options.not_applicable); };

  bool complete = false;
  try {
    complete = run_ordered_pipeline<CheckOutput>(input, threads, make_worker, consume, &progress);
  } catch (const std::exception& e) {
    progress.finish();
    std::cerr << "subsidia check : erreur interne : " << e.what() << '\n';
    return kExitError;
  }
  progress.finish();
  // A closed pipe (`| head`) ends the run quietly; any other failed write (a full disk,
  // `> /dev/full`) is said, or exit code 2 would come without a word.
  auto write_failed = [&] {
    if (sink.error() != 0 && sink.error() != EPIPE) {
      std::cerr << "subsidia check : écriture de la sortie impossible : " << std::strerror(sink.error()) << '\n';
    }
    return kExitError;
  };
  if (!complete || !sink.ok()) return write_failed();
  if (tally.compliant + tally.non_compliant + tally.incomplete + tally.errors == 0) {
    // Nothing was checked: "0 dossier", exit 0 would read as "all conforme". Said where a reader
    // of the report looks (the JSON's `erreurs`), not on standard error alone.
    std::string given;
    for (const std::string& path : options.paths) given += (given.empty() ? "" : ", ") + path;
    report(io::InputError{given, 0, "",
                          "aucun dossier trouvé (fichiers *.json ou *.jsonl, dans les dossiers de fichiers et leurs "
                          "sous-dossiers) : rien n'a été vérifié",
                          "", io::ReadCode::NoDossier});
  }

  std::string tail;
  switch (format) {
    case OutputFormat::Text:
      if (tally.errors > 0) tail += '\n';  // dossier blocks already end with a blank line
      append_summary_text(tail, tally);
      append_receipt_text(tail, receipt);
      break;
    case OutputFormat::Json:
      tail += first_dossier ? "],\n\"erreurs\": [" : "\n],\n\"erreurs\": [";
      for (std::size_t i = 0; i < json_errors.size(); ++i) {
        tail += i == 0 ? "\n" : ",\n";
        tail += json_errors[i];
      }
      tail += json_errors.empty() ? "],\n\"resume\": " : "\n],\n\"resume\": ";
      append_summary_json(tail, tally);
      tail += "}\n";
      break;
    case OutputFormat::Jsonl:
      tail += "{\"resume\":";
      append_summary_json(tail, tally);
      tail += "}\n";
      break;
  }
  sink.write(tail);
  if (!sink.flush()) return write_failed();
  if (format == OutputFormat::Text && tally.errors > 0 && ::isatty(STDOUT_FILENO) != 1) {
    std::cerr << "subsidia check : " << tally.errors
              << (tally.errors > 1 ? " erreurs de lecture, détaillées" : " erreur de lecture, détaillée")
              << " dans le rapport\n";
  }

  if (tally.errors > 0) return kExitError;
  if (tally.non_compliant > 0 || tally.incomplete > 0) return kExitFindings;
  return kExitOk;
}

}  // namespace

Runner register_check_command(CLI::App& app) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* command = app.add_subcommand(
      "check", "Vérifie des dossiers contre la base de règles : verdict et explication, règle par règle.");
  add_rule_options(*command, options->rules);
  command->add_option("--format", options->format, "Format de sortie : texte (par défaut), json ou jsonl")
      ->check(CLI::IsMember({"texte", "json", "jsonl"}));
  command->add_option("--explication", options->explanation,
                      "Ce que le moteur construit : complete (toutes les explications et les faits), echecs "
                      "(seulement pour les règles violées ou indéterminées), aucune (statuts et manquants). "
                      "Par défaut : complete en texte et json, echecs en jsonl")
      ->check(CLI::IsMember({"complete", "echecs", "aucune"}));
  command->add_flag("--sans-objet", options->not_applicable,
                    "En jsonl, écrit aussi les règles sans objet (omises par défaut)");
  command->add_option("-j,--jobs", options->jobs,
                      "Nombre de fils de vérification (1 par défaut, 0 = autant que de cœurs) ; "
                      "l'ordre de sortie reste celui des entrées");
  command->add_flag("--detail", options->detail,
                    "En texte, affiche aussi les règles respectées et sans objet, avec les faits utilisés");
  command->add_option("PATH", options->paths,
                      "Dossier JSON, tableau JSON de dossiers, fichier .jsonl (un dossier par ligne) "
                      "ou répertoire (ses *.json et *.jsonl et ceux de ses sous-répertoires)")
      ->required();
  command->footer(
      "Exemples :\n"
      "  subsidia check cases/er-de-2006.json\n"
      "  subsidia check --format json -j 0 dossiers-2012.jsonl > verdicts.json\n"
      "\n"
      "Code de sortie : 0 si tous les dossiers sont conformes ; 1 si l'un est non conforme ou\n"
      "incomplet ; 2 en cas d'erreur d'usage, d'erreur dans la base de règles, ou de dossier\n"
      "illisible (les autres dossiers sont quand même vérifiés et rapportés).");
  return [options] { return run_check(*options); };
}

}  // namespace subsidia::cli
