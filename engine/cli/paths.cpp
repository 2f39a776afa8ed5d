#include "cli/paths.hpp"

#ifndef SUBSIDIA_SOURCE_DIR
#error "SUBSIDIA_SOURCE_DIR must be defined by engine/cli/CMakeLists.txt"
#endif

namespace subsidia::cli {

namespace fs = std::filesystem;

fs::path source_dir() { return fs::path(SUBSIDIA_SOURCE_DIR); }
fs::path default_rules_dir() { return source_dir() / "rules"; }
fs::path default_cases_dir() { return source_dir() / "cases"; }

fs::path default_schema_for(const fs::path& rules) {
  std::error_code ec;
  const fs::path folder = fs::is_directory(rules, ec) ? rules : rules.parent_path();
  fs::path beside = folder / "dossier.schema.json";
  if (fs::is_regular_file(beside, ec)) return beside;
  return default_rules_dir() / "dossier.schema.json";
}

}  // namespace subsidia::cli
