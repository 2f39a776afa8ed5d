// `subsidia jaune --exercice YYYY [--format texte|json|csv|xlsx|html] [-o FICHIER]
//                 [--regles DIR] [--schema FICHIER] [-j N] [--ignorer-illisibles] PATH...`
//
// Reads every dossier named, evaluates each one with the plan built once (its verdict
// travels with it into the jaune), keeps those of the exercice and builds the jaune
// (reports/jaune_from_verdicts), then writes it in the chosen format.
//
// Nothing is written unless every dossier of the exercice could be read: an unreadable
// dossier of the exercice (or whose exercice cannot be told), an unknown exercice, two
// different dossiers under one id or a failed write exit with 2 and leave no output file
// (the file is written to FICHIER.tmp-XXXXXX, then renamed). An unreadable dossier of
// another exercice is only a note; --ignorer-illisibles writes the jaune without those of
// the exercice, listed in it, with exit code 1. Otherwise the exit code follows every
// subcommand: 0 when all dossiers of the jaune are conformes, 1 when some are not (their
// amounts are in the jaune, flagged).
#include <CLI/App.hpp>
#include <CLI/Validators.hpp>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unistd.h>
#include <variant>
#include <vector>

#include "output/check_format.hpp"
#include "output/french_count.hpp"
#include "cli/command.hpp"
#include "pipeline/pipeline.hpp"
#include "pipeline/read_entry.hpp"
#include "cli/paths.hpp"
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

// The layers this command is a thin shell over.
using namespace subsidia::output;
using namespace subsidia::pipeline;

namespace {

namespace fs = std::filesystem;

struct JauneOptions {
  RuleOptions rules;
  int exercice = 0;
  std::string format = "texte";
  std::string output;
  unsigned jobs = 1;
  bool ignore_unreadable = false;
  std::vector<std::string> paths;
};

// One input, read and judged: either its jaune record or why it could not be read (and the
// exercice its text names, when one can be found in it).
struct JauneOutput {
  std::optional<reports::JauneRecord> record;
  std::vector<io::InputError> errors;
  std::optional<int> unreadable_exercice;
};

// The years dossier.schema.json allows for `exercice`. A year outside them (-2012, 20120,
// 1979) is a typo of some year, perhaps this one: it does not tell the dossier's exercice.
constexpr long long kFirstExercice = 1980;
constexpr long long kLastExercice = 2100;

// The exercice an unreadable dossier's text gives, if it gives one: the top-level
// "exercice" of a text that is JSON, else the first `"exercice": YYYY` in it (a truncated
// or otherwise broken text).
std::optional<int> exercice_of_text(std::string_view text) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_object()) {
    auto found = j.find("exercice");
    if (found == j.end() || !found->is_number_integer()) return std::nullopt;
    const long long year = found->get<long long>();
    if (year < kFirstExercice || year > kLastExercice) return std::nullopt;
    return static_cast<int>(year);
  }
  const std::size_t key = text.find("\"exercice\"");
  if (key == std::string_view::npos) return std::nullopt;
  std::size_t i = key + 10;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
  if (i >= text.size() || text[i] != ':') return std::nullopt;
  ++i;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
  int year = 0, digits = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9' && digits < 5) {
    year = year * 10 + (text[i++] - '0');
    ++digits;
  }
  if (digits != 4 || (i < text.size() && text[i] >= '0' && text[i] <= '9')) return std::nullopt;
  if (year < kFirstExercice || year > kLastExercice) return std::nullopt;
  return year;
}

class JauneWorker {
 public:
  JauneWorker(const LoadedRules& rules, const reports::EntryExtractor& extractor)
      : rules_(&rules), extractor_(&extractor), reader_(rules.schema) {}

  JauneOutput operator()(InputEntry& entry) {
    JauneOutput out;
    const std::optional<io::Dossier> dossier = read_entry(reader_, entry, out.errors);
    if (!dossier) {
      if (const auto* item = std::get_if<io::InputItem>(&entry)) out.unreadable_exercice = exercice_of_text(item->text);
      return out;
    }
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
  if (auto clobber = output_clobbers_input(options.output, std::vector<fs::path>(options.paths.begin(), options.paths.end()))) {
    std::cerr << "subsidia jaune : " << *clobber << '\n';
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
  std::size_t blocking = 0;                              // unreadable, of the exercice or of no known year
  std::vector<reports::UnreadableDossier> unreadable;    // the same, listed when --ignorer-illisibles
  std::vector<std::string> other_years;                  // unreadable of another exercice: not blocking
  auto consume = [&](JauneOutput& out) -> bool {
    if (out.record) records.push_back(std::move(*out.record));
    if (out.errors.empty()) return true;
    const bool of_this_year = !out.unreadable_exercice || *out.unreadable_exercice == options.exercice;
    for (const io::InputError& error : out.errors) {
      std::string line;
      append_error_text(line, error);
      std::fwrite(line.data(), 1, line.size(), stderr);
    }
    const io::InputError& first = out.errors.front();
    std::string message = first.json_path.empty() ? first.message : first.json_path + " : " + first.message;
    if (of_this_year) {
      ++blocking;
      unreadable.push_back({first.file, first.line, std::move(message)});
    } else {
      other_years.push_back(first.file + (first.line ? ":" + std::to_string(first.line) : std::string()) + " (exercice " +
                            std::to_string(*out.unreadable_exercice) + ")");
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
  if (blocking > 0 && !options.ignore_unreadable) {
    std::cerr << "subsidia jaune : " << output::counted(blocking, "dossier illisible", "dossiers illisibles")
              << " de l'exercice " << options.exercice
              << " ou d'exercice inconnu : le jaune n'est pas produit (il doit être exhaustif ; --ignorer-illisibles "
                 "le produit sans eux, en les listant)\n";
    return kExitError;
  }

  reports::JauneBuild built = reports::jaune_from_verdicts(options.exercice, std::move(records), *zones);
  if (!built.jaune) {
    for (const auto& error : built.errors) std::cerr << "subsidia jaune : " << error.message << '\n';
    return kExitError;
  }
  reports::Jaune& jaune = *built.jaune;
  const api::Receipt& receipt = rules->engine->receipt();
  jaune.moteur = {receipt.version, receipt.commit, receipt.fingerprint};
  jaune.unreadable = std::move(unreadable);
  if (!jaune.unreadable.empty())
    jaune.notes.push_back(output::counted(jaune.unreadable.size(), "dossier", "dossiers") + " de l'exercice " +
                          std::string(output::agreed(jaune.unreadable.size(), "illisible, laissé", "illisibles, laissés")) +
                          " hors du jaune (--ignorer-illisibles) : le jaune n'est pas exhaustif.");
  if (!other_years.empty()) {
    std::string list;
    for (const auto& o : other_years) list += (list.empty() ? "" : ", ") + o;
    jaune.notes.push_back(output::counted(other_years.size(), "dossier illisible", "dossiers illisibles") +
                          " d'un autre exercice, " + std::string(output::agreed(other_years.size(), "ignoré", "ignorés")) +
                          " : " + list + ".");
  }

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
              << output::counted(jaune.dossiers.size(), "dossier", "dossiers") << " de l'exercice)\n";
  }
  const bool all_compliant =
      jaune.verdicts.non_compliant == 0 && jaune.verdicts.incomplete == 0 && jaune.unreadable.empty() &&
      jaune.scope_undetermined.empty();
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
  command->add_flag("--ignorer-illisibles", options->ignore_unreadable,
                    "Produire le jaune malgré des dossiers illisibles de l'exercice, en les listant dans le rapport "
                    "(code de sortie 1)");
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
      "Les subventions sans élément international sont laissées hors du jaune et listées avec la\n"
      "raison ; un même dossier lu deux fois est compté une fois ; deux dossiers différents sous un\n"
      "même identifiant sont une erreur. Un dossier illisible d'un autre exercice est ignoré (note).\n"
      "\n"
      "Code de sortie : 0 si tous les dossiers du jaune sont conformes ; 1 si l'un est non\n"
      "conforme ou incomplet (son montant est compté et signalé) ou si des dossiers illisibles sont\n"
      "laissés de côté par --ignorer-illisibles ; 2 en cas d'erreur d'usage, de base de règles, de\n"
      "dossier illisible de l'exercice, d'identifiant en double ou d'exercice sans dossier (aucun\n"
      "fichier écrit).");
  return [options] { return run_jaune(*options); };
}

}  // namespace subsidia::cli
