#include "cli/rule_loading.hpp"

#include <CLI/App.hpp>
#include <exception>
#include <system_error>

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
  api::LoadOptions load;
  load.rules = options.rules.empty() ? default_rules_dir() : options.rules;
  load.schema = options.schema.empty() ? default_schema_for(load.rules) : options.schema;
  api::Loaded loaded = api::Engine::load(load);
  errors << loaded.format_warnings() << loaded.format_errors();
  if (!loaded.ok()) return std::nullopt;
  LoadedRules rules;
  rules.engine = loaded.engine;
  rules.rules_path = load.rules;
  rules.schema_path = load.schema;
  rules.schema = loaded.engine->shared_schema();
  rules.base = loaded.engine->shared_rules();
  rules.plan = std::shared_ptr<const eval::Plan>(loaded.engine, &loaded.engine->plan());
  rules.warnings = loaded.warnings.size();
  return rules;
}

}  // namespace subsidia::cli
