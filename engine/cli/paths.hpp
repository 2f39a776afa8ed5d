// Default locations, baked at build time. `--regles` defaults to <source dir>/rules even
// when ./rules exists in the working directory: one rule, the same wherever the command
// runs. The schema is <regles>/dossier.schema.json, else <source dir>/rules/dossier.schema.json.
#pragma once

#include <filesystem>

namespace subsidia::cli {

std::filesystem::path source_dir();          // SUBSIDIA_SOURCE_DIR
std::filesystem::path default_rules_dir();   // <source dir>/rules
std::filesystem::path default_cases_dir();   // <source dir>/cases

// The schema to use for `rules` (a folder or one .regles file) when --schema is not given.
std::filesystem::path default_schema_for(const std::filesystem::path& rules);

}  // namespace subsidia::cli
