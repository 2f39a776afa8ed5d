// libFuzzer target "dossier": a dossier's bytes through the reader (the vendored schema of
// rules/) and, when it reads, through the evaluation of the real rule base of rules/: the
// path of every line of a `subsidia check` run. One reader for the whole run, as a worker
// thread has, so the buffers it reuses between dossiers are fuzzed too.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "eval/plan.hpp"
#include "fixture.hpp"
#include "io/reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace subsidia;
  const fuzz::Fixture& f = fuzz::fixture();
  static io::DossierReader reader(schema::unowned(f.schema));
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const io::ReadOutcome read = reader.read(text, "fuzz.jsonl", 1);
  if (!read.dossier) {
    if (read.errors.empty()) std::abort();  // a rejected dossier must say why
    for (const io::InputError& e : read.errors) {
      fuzz::require_utf8(e.message, "a reading error");
      fuzz::require_utf8(e.json_path, "a reading error's path");
      fuzz::require_utf8(e.dossier_id, "a reading error's dossier id");
    }
    return 0;
  }
  const eval::DossierResult result = f.plan->evaluate(*read.dossier);
  fuzz::require_utf8(result.id, "the dossier id");
  for (const eval::RuleOutcome& rule : result.rules) {
    fuzz::require_utf8(rule.explanation, "an explanation");
    for (const eval::Fact& fact : rule.facts) fuzz::require_utf8(fact.value, "a fact");
  }
  return 0;
}
