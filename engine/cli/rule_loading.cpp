#include "cli/rule_loading.hpp"

#include <CLI/App.hpp>
#include <exception>
#include <system_error>

#include "check/load.hpp"
#include "cli/paths.hpp"
#include "diag/diagnostic.hpp"

namespace subsidia::cli {

namespace fs = std::filesystem;

void add_rule_options(CLI::App& command, RuleOptions& options) {
  command.add_option("--regles", options.rules,
                     "Dossier (ou fichier .regles) de la base de règles. Par défaut : " +
                         default_rules_dir().string() +
                         " (celui des sources, même si ./rules existe dans le dossier courant)");
  command.add_option("--schema", options.schema,
                     "Schéma des dossiers. Par défaut : <regles>/dossier.schema.json, sinon " +
                         (default_rules_dir() / "dossier.schema.json").string());
}

std::optional<LoadedRules> load_rules(const RuleOptions& options, std::ostream& errors) {
  LoadedRules loaded;
  loaded.rules_path = options.rules.empty() ? default_rules_dir() : options.rules;
  loaded.schema_path = options.schema.empty() ? default_schema_for(loaded.rules_path) : options.schema;

  std::error_code ec;
  if (!fs::exists(loaded.rules_path, ec)) {
    errors << loaded.rules_path.string() << ": erreur : base de règles introuvable\n";
    return std::nullopt;
  }
  try {
    loaded.schema = std::make_shared<const schema::Schema>(schema::Schema::load(loaded.schema_path));
  } catch (const std::exception& e) {
    // Schema::load names the file and the JSON pointer in its message.
    errors << loaded.schema_path.string() << ": erreur : schéma des dossiers inutilisable : " << e.what() << '\n';
    return std::nullopt;
  }

  check::LoadResult result = check::load_rule_base(loaded.rules_path, *loaded.schema);
  if (!result.diagnostics.empty()) {
    errors << diag::format_diagnostics(result.sources, std::move(result.diagnostics));
  }
  if (!result.base) {
    errors << loaded.rules_path.string() << ": erreur : la base de règles n'a pas pu être chargée\n";
    return std::nullopt;
  }
  loaded.base = result.base;
  loaded.plan = std::make_shared<const eval::Plan>(loaded.base);
  return loaded;
}

}  // namespace subsidia::cli
