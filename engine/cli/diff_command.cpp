// `subsidia diff --avant BASE --apres BASE [--format texte|json|html] [-o FICHIER] DOSSIERS...`
//
// Judges every dossier under two rule bases and says what changes (workbench/diff, docs/diff.md).
// BASE is a folder of rules, or git:REV for rules/ of this repository at a revision.
// Exit codes: 0 nothing changes, 1 something does, 2 on error (a base that does not load, with
// file:line:column as `check` reports it; an unreadable dossier; a failed write).
#include <CLI/App.hpp>
#include <CLI/Validators.hpp>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "cli/paths.hpp"
#include "diff/base_source.hpp"
#include "diff/diff_from_bases.hpp"
#include "diff/diff_html.hpp"
#include "diff/diff_json.hpp"
#include "diff/diff_text.hpp"
#include "io/inputs.hpp"
#include "output/french_count.hpp"
#include "reports/atomic_file.hpp"

namespace subsidia::cli {

namespace {

namespace fs = std::filesystem;

struct DiffOptions {
  std::string before, after;
  std::string format = "texte";
  std::string output;
  std::vector<std::string> paths;
};

// Loads one side; prints why not (with "avant"/"après" and the base's name) on failure.
std::optional<api::Loaded> load_side(const workbench::MaterialisedBase& base, const char* side) {
  api::LoadOptions load;
  load.rules = base.rules;
  load.schema = default_schema_for(base.rules);
  api::Loaded loaded = api::Engine::load(load);
  if (!loaded.ok()) {
    std::cerr << "subsidia diff : la base " << side << " (" << base.label << ") ne se charge pas\n"
              << base.shown(loaded.format_errors());
    return std::nullopt;
  }
  if (!loaded.warnings.empty()) {
    std::cerr << "subsidia diff : avertissements de la base " << side << " (" << base.label << ")\n"
              << base.shown(loaded.format_warnings());
  }
  return loaded;
}

int run_diff(const DiffOptions& options) {
  // -o naming a dossier read, or a file inside a folder read, would replace it by the report.
  if (auto clobber = output_clobbers_input(options.output, std::vector<fs::path>(options.paths.begin(), options.paths.end()))) {
    std::cerr << "subsidia diff : " << *clobber << '\n';
    return kExitError;
  }
  std::error_code ec;
  const fs::path here = fs::current_path(ec);
  workbench::BaseOrError before = workbench::materialise_base(options.before, here);
  if (!before.base) {
    std::cerr << "subsidia diff : base avant : " << before.error << '\n';
    return kExitError;
  }
  workbench::BaseOrError after = workbench::materialise_base(options.after, here);
  if (!after.base) {
    std::cerr << "subsidia diff : base après : " << after.error << '\n';
    return kExitError;
  }
  std::optional<api::Loaded> loaded_before = load_side(*before.base, "avant");
  std::optional<api::Loaded> loaded_after = load_side(*after.base, "après");
  if (!loaded_before || !loaded_after) return kExitError;

  io::InputStream input(std::vector<fs::path>(options.paths.begin(), options.paths.end()));
  const workbench::DiffReport report =
      workbench::diff_from_bases({&*loaded_before, before.base->label}, {&*loaded_after, after.base->label}, input);

  std::string content;
  if (options.format == "json") content = workbench::diff_json(report);
  else if (options.format == "html") content = workbench::diff_html(report);
  else content = workbench::diff_text(report);
  if (!options.output.empty()) {
    if (auto failure = reports::write_file_atomically(options.output, content)) {
      std::cerr << "subsidia diff : " << *failure << '\n';
      return kExitError;
    }
  } else {
    std::cout << content;
    std::cout.flush();
    if (!std::cout) {
      std::cerr << "subsidia diff : écriture sur la sortie standard impossible\n";
      return kExitError;
    }
  }
  if (!report.unreadable.empty()) {
    std::cerr << "subsidia diff : "
              << output::counted(report.unreadable.size(), "dossier illisible, non comparé", "dossiers illisibles, non comparés")
              << "\n";
    return kExitError;
  }
  if (report.dossiers == 0) {
    // "0 dossier compared, no difference", exit 0, would read as "this change alters nothing".
    // The report is written all the same: its list of changed rules stands without dossiers.
    std::string given;
    for (const std::string& path : options.paths) given += (given.empty() ? "" : ", ") + path;
    std::cerr << "subsidia diff : " << given
              << " : aucun dossier trouvé (fichiers *.json ou *.jsonl, dans les dossiers de fichiers et "
                 "leurs sous-dossiers) : l'effet du changement sur les dossiers n'a pas été mesuré\n";
    return kExitError;
  }
  return report.differs() ? kExitFindings : kExitOk;
}

}  // namespace

Runner register_diff_command(CLI::App& app) {
  auto options = std::make_shared<DiffOptions>();
  CLI::App* command = app.add_subcommand(
      "diff",
      "Juge chaque dossier sous deux bases de règles et montre ce qui change : verdicts, statuts des "
      "règles avec leurs explications, règles ajoutées, supprimées ou modifiées, jaune par secteur.");
  command->add_option("--avant", options->before, "Base de règles de référence : un dossier, ou git:REV (rules/ du dépôt à une révision)")
      ->required();
  command->add_option("--apres", options->after, "Base de règles comparée : un dossier, ou git:REV")->required();
  command->add_option("--format", options->format, "Format : texte (par défaut), json ou html")
      ->check(CLI::IsMember({"texte", "json", "html"}));
  command->add_option("-o,--sortie", options->output, "Fichier de sortie, écrit d'un seul coup ; sortie standard par défaut");
  command->add_option("DOSSIERS", options->paths, "Dossier JSON, tableau JSON, fichier .jsonl ou répertoire")->required();
  command->footer(
      "Exemples :\n"
      "  subsidia diff --avant git:HEAD --apres rules cases\n"
      "  subsidia diff --avant git:v0.1 --apres rules --format html -o diff.html cases\n"
      "\n"
      "Code de sortie : 0 si rien ne change ; 1 si un verdict, un statut de règle ou le texte d'une\n"
      "règle change ; 2 en cas d'erreur (base qui ne se charge pas, dossier illisible, écriture).\n"
      "Voir docs/diff.md.");
  return [options] { return run_diff(*options); };
}

}  // namespace subsidia::cli
