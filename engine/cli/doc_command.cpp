// `subsidia doc [-o DOSSIER] [--regles DIR] [--cas DIR]`: the rule base as a static website
// (workbench/doc): index by family, a page per rule, source, definition and table, the cases
// that exercise each rule and its coverage. Exit 0, or 2 (a base that does not load, a
// folder that cannot be written).
#include <CLI/App.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>
#include <string>

#include "cli/command.hpp"
#include "cli/paths.hpp"
#include "doc/doc_site.hpp"
#include "output/french_count.hpp"
#include "reports/atomic_file.hpp"

namespace subsidia::cli {

namespace {

namespace fs = std::filesystem;

struct DocOptions {
  std::string output = "doc-regles";
  std::string rules;
  std::string cases;
};

// The list of the files the last run wrote, in the site's folder.
constexpr const char* kManifest = ".subsidia-doc";

int run_doc(const DocOptions& options) {
  api::LoadOptions load;
  load.rules = options.rules.empty() ? default_rules_dir() : fs::path(options.rules);
  load.schema = default_schema_for(load.rules);
  const api::Loaded loaded = api::Engine::load(load);
  std::cerr << loaded.format_warnings();
  if (!loaded.ok()) {
    std::cerr << loaded.format_errors();
    return kExitError;
  }
  const std::string cases = options.cases.empty() ? default_cases_dir().string() : options.cases;
  const auto statuses = workbench::doc::run_cases(*loaded.engine, cases);
  const auto site = workbench::doc::build_site(loaded, statuses);
  std::error_code ec;
  fs::create_directories(options.output, ec);
  if (ec) {
    std::cerr << "subsidia doc : impossible de créer " << options.output << " : " << ec.message() << '\n';
    return kExitError;
  }
  // The files the previous run wrote (its manifest): those this run does not write again are
  // the pages of rules, tables or definitions since removed, and would stay linked from
  // nowhere yet be found by a search. Only files of the manifest are ever removed.
  const fs::path manifest = fs::path(options.output) / kManifest;
  std::set<std::string> previous;
  if (std::ifstream in(manifest); in) {
    for (std::string line; std::getline(in, line);) previous.insert(line);
  }
  std::string written;
  for (const auto& file : site) {
    if (auto failure = reports::write_file_atomically(fs::path(options.output) / file.path, file.content)) {
      std::cerr << "subsidia doc : " << *failure << '\n';
      return kExitError;
    }
    previous.erase(fs::path(file.path).generic_string());
    written += fs::path(file.path).generic_string() + '\n';
  }
  std::size_t removed = 0;
  for (const std::string& stale : previous) {
    const fs::path relative(stale);
    if (stale.empty() || relative.is_absolute() || stale.find("..") != std::string::npos) continue;
    if (fs::is_regular_file(fs::path(options.output) / relative, ec) && fs::remove(fs::path(options.output) / relative, ec))
      ++removed;
  }
  if (auto failure = reports::write_file_atomically(manifest, written)) {
    std::cerr << "subsidia doc : " << *failure << '\n';
    return kExitError;
  }
  std::cerr << "Site écrit dans " << options.output << " (" << site.size() << " fichiers, " << statuses.cases.size()
            << " cas";
  if (removed > 0)
    std::cerr << " ; " << output::counted(removed, "page", "pages") << " d'une version précédente "
              << output::agreed(removed, "retirée", "retirées");
  std::cerr << ")\n";
  return kExitOk;
}

}  // namespace

Runner register_doc_command(CLI::App& app) {
  auto options = std::make_shared<DocOptions>();
  CLI::App* command = app.add_subcommand(
      "doc", "Écrit le site de la base de règles (HTML et CSS, sans ressource externe) : index par famille, "
             "une page par règle, source, définition et table, les cas qui exercent chaque règle.");
  command->add_option("-o,--sortie", options->output, "Dossier du site (par défaut : doc-regles)");
  command->add_option("--regles", options->rules, "Base de règles (par défaut : celle des sources)");
  command->add_option("--cas", options->cases, "Dossier des cas (par défaut : cases/ des sources)");
  return [options] { return run_doc(*options); };
}

}  // namespace subsidia::cli
