// Loading what every subcommand needs before reading a dossier: the dossier schema, the
// rule base (parsed and checked) and the evaluation Plan built from it, once per run.
//
// API (shared by check, test and jaune):
//   RuleOptions options;                      // filled by add_rule_options(*subcommand, options)
//   std::optional<LoadedRules> rules = load_rules(options, std::cerr);
//   if (!rules) return kExitError;            // diagnostics already printed, file:line:col + caret
//   rules->plan->evaluate(dossier);           // Plan is const and shared by every thread
//   io::DossierReader reader(rules->schema);  // one per thread; dossiers share the schema
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>

#include "api/engine.hpp"
#include "eval/plan.hpp"
#include "io/schema.hpp"
#include "model/rule_base.hpp"

namespace CLI { class App; }

namespace subsidia::cli {

struct RuleOptions {
  std::filesystem::path rules;   // empty: default_rules_dir()
  std::filesystem::path schema;  // empty: default_schema_for(rules)
};

// Adds --regles DIR and --schema FILE to a subcommand, with their defaults in the help.
void add_rule_options(CLI::App& command, RuleOptions& options);

// The loaded engine (api::Engine), with its parts at hand for the commands.
struct LoadedRules {
  std::shared_ptr<const api::Engine> engine;
  std::filesystem::path rules_path;
  std::filesystem::path schema_path;
  std::shared_ptr<const schema::Schema> schema;
  std::shared_ptr<const model::RuleBase> base;
  std::shared_ptr<const eval::Plan> plan;
  std::size_t warnings = 0;  // printed by load_rules; `test --sans-avertissement` fails on them
};

// Prints every diagnostic (or the schema error) on `errors` and returns std::nullopt when
// the schema or the rule base cannot be used.
std::optional<LoadedRules> load_rules(const RuleOptions& options, std::ostream& errors);

}  // namespace subsidia::cli
