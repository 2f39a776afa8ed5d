#include "http/rule_set.hpp"

#include <fstream>
#include <iterator>

namespace subsidia::server::http {

CheckToolPool::Lease CheckToolPool::take(const api::Engine& engine) {
  {
    std::lock_guard lock(mutex_);
    if (!free_.empty()) {
      std::unique_ptr<CheckTools> tools = std::move(free_.back());
      free_.pop_back();
      return Lease(*this, std::move(tools));
    }
  }
  return Lease(*this, std::make_unique<CheckTools>(engine));
}

void CheckToolPool::give_back(std::unique_ptr<CheckTools> tools) {
  std::lock_guard lock(mutex_);
  free_.push_back(std::move(tools));
}

RuleSetLoad load_rule_set(const std::filesystem::path& rules, const std::filesystem::path& schema) {
  api::Loaded loaded = api::Engine::load({.rules = rules, .schema = schema});
  if (!loaded.ok()) return {nullptr, loaded.format_errors(), loaded.format_warnings()};
  // The rule base's own zone table when it has one (as `subsidia jaune`), else the built-in.
  std::error_code ec;
  const std::filesystem::path root = std::filesystem::is_directory(rules, ec) ? rules : rules.parent_path();
  const std::filesystem::path table = root / "tables" / "pays-zones.csv";
  std::optional<reports::ZoneTable> zones;
  if (std::filesystem::exists(table, ec)) {
    // Named in the jaune's notes by its place in the rule base, not by the server's path (which
    // went into the annexes handed out by the budget office).
    std::string error;
    std::ifstream in(table, std::ios::binary);
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    zones = reports::ZoneTable::parse(text, "tables/pays-zones.csv de la base de règles", &error);
    if (!zones) return {nullptr, error, {}};
  } else {
    zones = reports::ZoneTable::builtin();
  }
  reports::EntryExtractor extractor(loaded.engine->schema());
  std::vector<RuleSetWarning> warnings;
  for (const diag::Diagnostic& d : loaded.warnings) {
    diag::Located at = diag::located(loaded.sources, d);
    warnings.push_back(RuleSetWarning{std::string(diag::code_name(d.code)), std::move(at.path), at.line, at.column, d.message});
  }
  auto set = std::make_shared<const RuleSet>(loaded.engine, std::move(extractor), std::move(*zones), std::move(warnings));
  return {std::move(set), {}, loaded.format_warnings()};
}

}  // namespace subsidia::server::http
