// libFuzzer target "rule-file": one rule file's text through what every subcommand does
// with a rule base (parse, check against the vendored schema, plan), the diagnostics as
// they are printed, and the plan, when one is built, on every dossier of cases/.
//
// The input is rules/fuzz.regles beside the real rule base, all in memory and nothing read
// from the disk: it may import the real files and use the real tables, and an import of
// "/dev/zero" finds no file instead of filling the memory.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "check/load.hpp"
#include "diag/diagnostic.hpp"
#include "eval/plan.hpp"
#include "fixture.hpp"

namespace {

constexpr const char* kInputPath = "rules/fuzz.regles";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace subsidia;
  const fuzz::Fixture& f = fuzz::fixture();
  const std::string text(reinterpret_cast<const char*>(data), size);
  const check::TextReader read = [&](const std::string& path) -> std::optional<std::string> {
    if (path == kInputPath) return text;
    const auto it = f.rule_files.find(path);
    if (it == f.rule_files.end()) return std::nullopt;
    return it->second;
  };
  check::LoadResult loaded = check::load_rule_base_through({kInputPath}, read, f.schema);
  if (!loaded.diagnostics.empty()) {
    // What `subsidia check` prints on stderr: file:line:column, the line and a caret.
    fuzz::require_utf8(diag::format_diagnostics(loaded.sources, std::move(loaded.diagnostics)), "the diagnostics");
  }
  if (!loaded.base) return 0;
  const eval::Plan plan(loaded.base);
  for (const io::Dossier& dossier : f.cases) {
    const eval::DossierResult result = plan.evaluate(dossier);
    for (const eval::RuleOutcome& rule : result.rules) fuzz::require_utf8(rule.explanation, "an explanation");
  }
  return 0;
}
