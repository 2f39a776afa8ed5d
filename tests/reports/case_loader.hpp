// Reads a folder of dossiers the way `subsidia jaune` does (reader, extractor, plan) and
// returns the jaune records, for the end-to-end tests of the 2012 case.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "check/load.hpp"
#include "eval/plan.hpp"
#include "io/inputs.hpp"
#include "io/reader.hpp"
#include "io/schema.hpp"
#include "reports/jaune_entry.hpp"
#include "reports/jaune_from_verdicts.hpp"
#include "minimal_rules.hpp"

namespace subsidia::reports::testing {

inline const std::filesystem::path kSourceDir = SUBSIDIA_TEST_SOURCE_DIR;
inline const std::filesystem::path kBuildDir = SUBSIDIA_TEST_BUILD_DIR;


struct LoadedCase {
  std::vector<JauneRecord> records;
  std::vector<std::string> errors;  // reading or rule-base errors, as text
};

inline LoadedCase load_case(const std::filesystem::path& folder) {
  LoadedCase loaded;
  const schema::Schema schema = schema::Schema::load(kSourceDir / "rules" / "dossier.schema.json");
  check::LoadResult rules = check::load_rule_base_from_texts({{"test.regles", kMinimalRules}}, schema);
  if (!rules.base) {
    for (const auto& d : rules.diagnostics) loaded.errors.push_back(d.message);
    return loaded;
  }
  const eval::Plan plan(rules.base);
  const EntryExtractor extractor(schema);
  io::DossierReader reader(schema::unowned(schema));
  io::InputStream input({folder});
  io::InputItem item;
  std::optional<io::InputError> error;
  while (input.next(item, error)) {
    if (error) {
      loaded.errors.push_back(error->file + ": " + error->message);
      error.reset();
      continue;
    }
    io::ReadOutcome read = reader.read(item.text, item.file, item.line);
    if (!read.dossier) {
      for (const auto& e : read.errors) loaded.errors.push_back(e.file + ": " + e.json_path + " " + e.message);
      continue;
    }
    loaded.records.push_back({extractor.extract(*read.dossier), plan.evaluate(*read.dossier).verdict});
  }
  return loaded;
}

}  // namespace subsidia::reports::testing
