// What `subsidia diff` finds when every dossier is judged under two rule bases ("avant" and
// "après"): plain data, built once (diff_from_bases.hpp), then written as texte, JSON or HTML
// (diff_text.hpp, diff_json.hpp, diff_html.hpp) without further computation.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "api/engine.hpp"
#include "decimal/decimal.hpp"
#include "eval/result.hpp"
#include "io/read_error.hpp"

namespace subsidia::workbench {

// One cell of the verdict transition matrix: how many dossiers went from one verdict to
// another, and the sum of their amounts (exact; a dossier without an amount adds nothing).
struct TransitionCell {
  std::size_t count = 0;
  decimal::Decimal euros;
};

// Indexed [before][after] by eval::Verdict (Compliant, NonCompliant, Incomplete).
using TransitionMatrix = std::array<std::array<TransitionCell, 3>, 3>;

// One rule of one dossier whose status differs. A rule present in only one base has no
// status (std::nullopt) on the other side.
struct RuleStatusChange {
  std::string id;
  std::optional<eval::RuleStatus> before, after;
  std::string explanation_before, explanation_after;  // French, as `check` writes them
};

struct DossierChange {
  std::string id;
  std::string file;
  std::size_t line = 0;  // JSONL line, 0 otherwise
  eval::Verdict before = eval::Verdict::Compliant;
  eval::Verdict after = eval::Verdict::Compliant;
  decimal::Decimal montant;  // 0 when the dossier gives none
  std::vector<RuleStatusChange> rules;  // in the order of the "après" base, then rules removed
};

enum class RuleChangeKind { Added, Removed, Changed };

// A declaration that changed under a rule whose text did not (diff/rule_causes.hpp).
struct RuleCause {
  enum class Kind { Definition, Table, Source };
  Kind kind = Kind::Definition;
  std::string name;
};

// A rule id whose text differs between the bases, or that flips at least one dossier, or
// that exists on one side only.
struct RuleChange {
  std::string id;
  RuleChangeKind kind = RuleChangeKind::Changed;
  bool text_changed = false;  // versions' text, blanks aside (a reformatting is no change)
  std::size_t flips = 0;      // dossiers whose status for this rule differs
  // When the text did not change: the definitions, tables and sources it reaches that did.
  std::vector<RuleCause> causes;
};

// One sector line of the jaune of one exercice where the two bases disagree: its amount is
// the same under both (verdicts do not move money), what differs is how much of it comes
// from dossiers that are not conformes (flagged in the jaune).
struct SectorDifference {
  int exercice = 0;
  std::string key, label;
  decimal::Decimal total;
  decimal::Decimal flagged_before, flagged_after;  // amount of its non-conforme dossiers
  std::size_t flagged_count_before = 0, flagged_count_after = 0;
};

// A dossier that could not be read under one of the bases (or either): it is not compared.
struct UnreadableUnder {
  io::InputError error;
  std::string base;  // "avant", "après" or "les deux"
};

struct DiffReport {
  std::string label_before, label_after;     // as given on the command line
  api::Receipt receipt_before, receipt_after;
  std::size_t dossiers = 0;                  // compared (read under both bases)
  TransitionMatrix matrix{};
  std::vector<DossierChange> changed;        // in input order
  std::vector<RuleChange> rules;             // in "après" order, then removed ones in "avant" order
  std::vector<SectorDifference> sectors;     // by exercice, then jaune sector order
  std::vector<std::string> notes;            // French remarks (a jaune that could not be built, ...)
  std::vector<UnreadableUnder> unreadable;

  // Something differs: a dossier's verdict or a rule's status, or a rule added, removed or
  // rewritten.
  bool differs() const;
};

}  // namespace subsidia::workbench
