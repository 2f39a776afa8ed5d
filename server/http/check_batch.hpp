// A request body of dossiers, checked: what POST /api/verifier answers and what
// POST /api/dossiers and PUT store. The answer is the document of
// `subsidia check --format json`, {"moteur", "dossiers", "erreurs", "resume"}, written with
// the same functions (cli/check_format), so the two can never drift apart.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "output/check_format.hpp"
#include "http/rule_set.hpp"
#include "io/inputs.hpp"
#include "io/read_error.hpp"
#include "store/store.hpp"

namespace subsidia::server::http {

// The body's dossier texts: one JSON object, a JSON array of objects, or JSONL (one object a
// line, `application/x-ndjson`). Errors of the body itself (not JSON, empty) go to `errors`.
struct SplitBody {
  std::vector<io::InputItem> items;
  std::vector<io::InputError> errors;
};
SplitBody split_body(std::string_view body, bool ndjson, std::string_view label = "requete");

struct BatchCheck {
  std::vector<store::CheckedDossier> dossiers;  // those read and checked, in body order
  std::vector<io::InputError> errors;           // reading errors, and ids given twice
  output::CheckTally tally;
};

// To check only (`/api/verifier`), or to store: a stored dossier is addressed by its id in a
// path (`/api/dossiers/{id}`, `/dossiers/{id}/modifier`), so an id holding « / » is refused
// then, with its place, instead of being stored out of reach.
enum class CheckPurpose { Check, Store };

BatchCheck check_batch(const RuleSet& rules, const SplitBody& body, eval::Detail detail = eval::Detail::Full,
                       CheckPurpose purpose = CheckPurpose::Check);

// The `check --format json` document of a batch.
std::string check_document(const BatchCheck& batch, const api::Receipt& receipt);

}  // namespace subsidia::server::http
