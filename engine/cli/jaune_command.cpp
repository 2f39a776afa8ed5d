// `subsidia jaune --exercice YYYY [--format texte|json|csv|xlsx|html] [-o FICHIER]
//                 [--regles DIR] [--schema FICHIER] [-j N] PATH...`
//
// Reads every dossier named, evaluates each one with the plan built once (its verdict
// travels with it into the jaune), keeps those of the exercice and builds the jaune
// (reports/jaune_from_verdicts), then writes it in the chosen format.
//
// Nothing is written unless everything could be read: an unreadable dossier, an unknown
// exercice or a failed write exit with 2 and leave no output file (the file is written to
// FICHIER.tmp-XXXXXX, then renamed). Otherwise the exit code follows every subcommand:
// 0 when all dossiers of the exercice are conformes, 1 when some are not (their amounts
// are in the jaune, flagged).
#include <CLI/App.hpp>
#include <CLI/Validators.hpp>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <unistd.h>
#include <variant>
#include <vector>

#include "cli/check_format.hpp"
#include "cli/command.hpp"
#include "cli/pipeline.hpp"
#include "cli/read_entry.hpp"
#include "cli/rule_loading.hpp"
#include "io/inputs.hpp"
#include "io/reader.hpp"
#include "reports/atomic_file.hpp"
#include "reports/jaune_csv.hpp"
#include "reports/jaune_entry.hpp"
#include "reports/jaune_from_verdicts.hpp"
#include "reports/jaune_html.hpp"
#include "reports/jaune_json.hpp"
#include "reports/jaune_text.hpp"
#include "reports/jaune_xlsx.hpp"
#include "reports/zone_table.hpp"

namespace subsidia::cli {

namespace {

namespace fs = std::filesystem;

struct JauneOptions {
  RuleOptions rules;
  int exercice = 0;
  std::string format = "texte";
  std::string output;
  unsigned jobs = 1;
  std::vector<std::string> paths;
};

// One input, read and judged: either its jaune record or why it could not be read.
struct JauneOutput {
  std::optional<reports::JauneRecord> record;
  std::vector<io::InputError> errors;
};

class JauneWorker {
 public:
  JauneWorker(const LoadedRules& rules, const reports::EntryExtractor& extractor)
      : rules_(&rules), extractor_(&extractor), reader_(rules.schema) {}

  JauneOutput operator()(InputEntry& entry) {
    JauneOutput out;
    const std::optional<io::Dossier> dossier = read_entry(reader_, entry, out.errors);
    if (!dossier) return out;
    const io::InputItem& item = std::get<io::InputItem>(entry);
    try {
      reports::JauneRecord record;
      record.entry = extractor_->extract(*dossier);
      // The jaune needs verdicts only: no explanation is built.
      record.verdict = rules_->plan->evaluate(*dossier, scratch_, eval::Detail::None).verdict;
      out.record = std::move(record);
    } catch (const std::exception& e) {
      out = JauneOutput{};
      out.errors.push_back({item.file, item.line, "", std::string("erreur interne : ") + e.what(), "", io::ReadCode::InternalError});
    }
    return out;
  }

 private:
  const LoadedRules* rules_;
  const reports::EntryExtractor* extractor_;
  io::DossierReader reader_;
  eval::Scratch scratch_;
};

// The rule base's zone table when it has one (lawyers tune a single file), else the copy
// compiled into the program.
std::optional<reports::ZoneTable> load_zones(const fs::path& rules_path, std::ostream& errors) {
  std::error_code ec;
  const fs::path folder = fs::is_directory(rules_path, ec) ? rules_path : rules_path.parent_path();
  const fs::path table = folder / "tables" / "pays-zones.csv";
  if (!fs::exists(table, ec)) return reports::ZoneTable::builtin();
  std::string error;
  auto zones = reports::ZoneTable::load(table, &error);
  if (!zones) errors << error << '\n';
  return zones;
}

int run_jaune(const JauneOptions& options) {
  const bool to_file = !options.output.empty();
  if (options.format == "xlsx" && !to_file) {
    std::cerr << "subsidia jaune : le format xlsx exige un fichier de sortie (-o FICHIER.xlsx)\n";
    return kExitError;
  }
  std::optional<LoadedRules> rules = load_rules(options.rules, std::cerr);
  if (!rules) return kExitError;
  std::optional<reports::ZoneTable> zones = load_zones(rules->rules_path, std::cerr);
  if (!zones) return kExitError;
  const reports::EntryExtractor extractor(*rules->schema);

  std::vector<fs::path> paths(options.paths.begin(), options.paths.end());
  io::InputStream input(std::move(paths));
  std::vector<reports::JauneRecord> records;
  std::size_t errors = 0;
  auto consume = [&](JauneOutput& out) -> bool {
    if (out.record) records.push_back(std::move(*out.record));
    for (const io::InputError& error : out.errors) {
      std::string line;
      append_error_text(line, error);
      std::fwrite(line.data(), 1, line.size(), stderr);
      ++errors;
    }
    return true;
  };
  auto make_worker = [&] { return JauneWorker(*rules, extractor); };
  try {
    run_ordered_pipeline<JauneOutput>(input, resolve_thread_count(options.jobs), make_worker, consume);
  } catch (const std::exception& e) {
    std::cerr << "subsidia jaune : erreur interne : " << e.what() << '\n';
    return kExitError;
  }
  if (errors > 0) {
    std::cerr << "subsidia jaune : " << errors
              << " erreur(s) de lecture : le jaune n'est pas produit (il doit être exhaustif)\n";
    return kExitError;
  }

  reports::JauneBuild built = reports::jaune_from_verdicts(options.exercice, std::move(records), *zones);
  if (!built.jaune) {
    for (const auto& error : built.errors) std::cerr << "subsidia jaune : " << error.message << '\n';
    return kExitError;
  }
  const reports::Jaune& jaune = *built.jaune;

  std::optional<std::string> failure;
  if (options.format == "xlsx") {
    failure = reports::write_atomically(options.output, [&](const fs::path& temporary) {
      return reports::write_jaune_xlsx(jaune, temporary);
    });
  } else {
    std::string content;
    if (options.format == "json") content = reports::jaune_json(jaune);
    else if (options.format == "csv") content = reports::jaune_csv(jaune);
    else if (options.format == "html") content = reports::jaune_html(jaune);
    else content = reports::jaune_text(jaune);
    if (to_file) {
      failure = reports::write_file_atomically(options.output, content);
    } else {
      std::cout << content;
      std::cout.flush();
      if (!std::cout) failure = "écriture sur la sortie standard impossible";
    }
  }
  if (failure) {
    std::cerr << "subsidia jaune : " << *failure << '\n';
    return kExitError;
  }
  if (to_file) {
    std::cerr << "Jaune " << jaune.exercice << " écrit dans " << options.output << " ("
              << jaune.dossiers.size() << " dossier(s) de l'exercice)\n";
  }
  const bool all_compliant = jaune.verdicts.non_compliant == 0 && jaune.verdicts.incomplete == 0;
  return all_compliant ? kExitOk : kExitFindings;
}

}  // namespace

Runner register_jaune_command(CLI::App& app) {
  auto options = std::make_shared<JauneOptions>();
  CLI::App* command = app.add_subcommand(
      "jaune",
      "Produit le jaune budgétaire des actions internationales d'un exercice : total hors opérations "
      "exceptionnelles, ventilations par secteur, domaine, zone et imputation, verdict de chaque dossier.");
  add_rule_options(*command, options->rules);
  command->add_option("--exercice", options->exercice, "Exercice budgétaire (année) du jaune")
      ->required()
      ->check(CLI::Range(1980, 2100));
  command->add_option("--format", options->format, "Format : texte (par défaut), json, csv, xlsx ou html")
      ->check(CLI::IsMember({"texte", "json", "csv", "xlsx", "html"}));
  command->add_option("-o,--sortie", options->output,
                      "Fichier de sortie, écrit d'un seul coup (aucun fichier en cas d'erreur) ; "
                      "sortie standard par défaut, obligatoire en xlsx");
  command->add_option("-j,--jobs", options->jobs, "Nombre de fils de lecture et d'évaluation (0 = autant que de cœurs)");
  command->add_option("PATH", options->paths,
                      "Dossier JSON, tableau JSON, fichier .jsonl ou répertoire ; les dossiers d'autres "
                      "exercices sont ignorés (et comptés dans une note)")
      ->required();
  command->footer(
      "Exemples :\n"
      "  subsidia jaune --exercice 2012 cases/jaune-2012\n"
      "  subsidia jaune --exercice 2012 --format html -o jaune-2012.html cases/jaune-2012\n"
      "  subsidia jaune --exercice 2012 --format xlsx -o jaune-2012.xlsx dossiers-2012.jsonl\n"
      "\n"
      "Montants exacts en euros, affichés aussi en M€ à trois décimales (arrondi au plus proche,\n"
      "demi en s'éloignant de zéro). Les opérations exceptionnelles sont listées pour mémoire et\n"
      "les dossiers hors périmètre à part, hors du total. Voir docs/jaune.md.\n"
      "\n"
      "Code de sortie : 0 si tous les dossiers de l'exercice sont conformes ; 1 si l'un est non\n"
      "conforme ou incomplet (son montant est compté et signalé) ; 2 en cas d'erreur d'usage, de\n"
      "base de règles, de dossier illisible ou d'exercice sans dossier (aucun fichier écrit).");
  return [options] { return run_jaune(*options); };
}

}  // namespace subsidia::cli
