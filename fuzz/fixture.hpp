// What the fuzz targets share, loaded once per process before the first input: the vendored
// dossier schema, the real rule base (its files in memory and its Plan) and the case
// dossiers of cases/. A fuzz target is one process with one input at a time, so these are
// function-local statics here, which the engine itself never has.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "eval/plan.hpp"
#include "io/dossier.hpp"
#include "io/schema.hpp"

namespace subsidia::fuzz {

struct Fixture {
  schema::Schema schema;
  // "rules/definitions.regles", "rules/tables/pays-zones.csv"...: every file of rules/ by
  // the path a rule file in rules/ reaches it by, so imports and tables resolve in memory.
  std::map<std::string, std::string> rule_files;
  std::shared_ptr<const eval::Plan> plan;  // the real rule base
  std::vector<io::Dossier> cases;          // every cases/*.json but the expected verdicts
};

const Fixture& fixture();

// Aborts (a finding for libFuzzer) when `text` is not UTF-8: whatever the engine would print
// must be, or `check --format json` writes a file no JSON reader accepts.
void require_utf8(std::string_view text, std::string_view what);

}  // namespace subsidia::fuzz
