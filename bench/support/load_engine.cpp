#include "support/load_engine.hpp"

#include <system_error>

namespace subsidia::bench {

std::shared_ptr<const api::Engine> load_engine(const std::filesystem::path& rules,
                                               const std::filesystem::path& schema, std::ostream& errors) {
  const std::filesystem::path source_rules = std::filesystem::path(SUBSIDIA_SOURCE_DIR) / "rules";
  api::LoadOptions options;
  options.rules = rules.empty() ? source_rules : rules;
  options.schema = schema;
  if (options.schema.empty()) {
    std::error_code ec;
    const std::filesystem::path beside = options.rules / "dossier.schema.json";
    options.schema = std::filesystem::is_regular_file(beside, ec) ? beside : source_rules / "dossier.schema.json";
  }
  api::Loaded loaded = api::Engine::load(options);
  errors << loaded.format_errors();
  return loaded.engine;
}

}  // namespace subsidia::bench
