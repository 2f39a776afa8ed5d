// What evaluating a dossier produces: per rule, a status, the facts used, what is missing
// and a French explanation; per dossier, a verdict. The CLI and the reports read this.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/rule_base.hpp"

namespace subsidia::eval {

enum class RuleStatus { Respected, Violated, Unknown, NotApplicable };
enum class Verdict { Compliant, NonCompliant, Incomplete };

// "respectee", "violee", "indeterminee", "sans_objet"
std::string_view status_code(RuleStatus status);
// "conforme", "non_conforme", "incomplet"
std::string_view verdict_code(Verdict verdict);
// "respectée", "violée", "indéterminée", "sans objet" / "conforme", "non conforme", "incomplet"
std::string_view status_french(RuleStatus status);
std::string_view verdict_french(Verdict verdict);

struct Fact {
  std::string path;   // "financement.plan[2].part", "date de la délibération"
  std::string value;  // as the dossier gives it: "0.20", "2006-07-06", "association", "vrai", "null"
};

struct RuleOutcome {
  const model::Rule* rule = nullptr;  // the version evaluated (for sans_objet: the family's latest)
  std::string_view id;
  RuleStatus status = RuleStatus::NotApplicable;
  std::string explanation;            // French, with the facts interpolated
  std::vector<Fact> facts;            // every dossier value read, in reading order, no duplicates
  std::vector<std::string> missing;   // paths whose absence made the rule indéterminée
  // Without a deliberation date, when the versions of the text do not all give the same
  // answer: every version still possible (`rule` is then only the latest, for its severity).
  std::vector<const model::Rule*> possible_versions;
  // Reservations the reader must see with the status: a deliberation on a day when a text's
  // being in force is disputed, and why.
  std::vector<std::string> caveats;
};

// A family's status alone, and the version that judged it (nullptr: not evaluated).
struct StatusOutcome {
  RuleStatus status = RuleStatus::NotApplicable;
  const model::Rule* rule = nullptr;
};

// The statuses of a dossier's rules and its verdict, without explanation, facts, missing paths
// or caveats: what `subsidia diff` compares for every dossier before it explains the few that
// change. Meant to be reused from one dossier to the next (its vector keeps its capacity).
struct Statuses {
  std::shared_ptr<const void> keeps_alive;  // what `rules[i].rule` points into
  Verdict verdict = Verdict::Compliant;
  std::vector<StatusOutcome> rules;  // one per rule family, in rule-base order
};

struct DossierResult {
  // What `rules[i].rule` and `rules[i].id` point into (the compiled rule base): kept alive as
  // long as the result, whatever happens to the engine that made it.
  std::shared_ptr<const void> keeps_alive;
  std::string id;
  Verdict verdict = Verdict::Compliant;
  std::vector<RuleOutcome> rules;  // one per rule family, in rule-base order
  // Every path missing from any indéterminée rule, sorted, without duplicates: the evidence
  // to ask for, all at once.
  std::vector<std::string> missing;
  // JSON Pointers of keys the schema does not know, as the reader found them: no rule read
  // them, and the outputs say so.
  std::vector<std::string> unknown_fields;
};

}  // namespace subsidia::eval
