// Compile once, evaluate many: a Plan is built from a checked rule base once per run
// (paths resolved to slot indices, literals to Decimals, constants folded), is immutable,
// and is shared by every worker thread.
//
// Per-call state is explicit (as cel-cpp's Activation, OPA's prepared query): a Scratch, one
// per thread, reused from one dossier to the next so that evaluating costs no allocation for
// the frame. Results keep what they point into (rules, sources) alive: a result stays valid
// after the Plan, and the rule base it was built from, are replaced.
#pragma once

#include <memory>
#include <vector>

#include "eval/result.hpp"
#include "io/dossier.hpp"
#include "model/rule_base.hpp"

namespace subsidia::eval {

struct Frame;

// How much of the explanation to build: the work is skipped, not only the printing.
//   Full     every rule: status, explanation, facts, missing paths;
//   Failures explanation and facts only for violated and indéterminée rules (missing paths
//            always); the others have their status alone;
//   None     statuses, missing paths and the verdict: no message is rendered, no fact kept.
enum class Detail : std::uint8_t { Full, Failures, None };

// The evaluation state of one thread. Not thread-safe; cheap to keep, costly to make often.
class Scratch {
 public:
  Scratch();
  ~Scratch();
  Scratch(Scratch&&) noexcept;
  Scratch& operator=(Scratch&&) noexcept;
  Frame& frame() { return *frame_; }

 private:
  std::unique_ptr<Frame> frame_;
};

class Plan {
 public:
  explicit Plan(std::shared_ptr<const model::RuleBase> base);
  ~Plan();
  Plan(Plan&&) noexcept;

  // Thread-safe (const, no shared mutable state): each thread passes its own scratch.
  DossierResult evaluate(const io::Dossier& dossier, Scratch& scratch, Detail detail = Detail::Full) const;
  // The same into `into`, which a caller checking many dossiers keeps from one to the next:
  // its rule outcomes, strings and vectors are emptied and refilled, not freed and allocated
  // again (36 outcomes a dossier on the legal base).
  void evaluate(const io::Dossier& dossier, Scratch& scratch, Detail detail, DossierResult& into) const;
  // The same with a scratch of its own (tests, one-off checks).
  DossierResult evaluate(const io::Dossier& dossier) const;
  // Every family's status and the verdict, as Detail::None, and the explanation and facts
  // (Detail::Full) of the families whose `explain[i]` is true alone: what `subsidia diff` shows
  // of a dossier is the explanation of the rules that moved, and a full explanation of every
  // rule cost it ten times a status. The chosen families' outcomes are those of a Full pass.
  DossierResult evaluate(const io::Dossier& dossier, Scratch& scratch, const std::vector<bool>& explain) const;
  // Statuses and verdict alone, into `out` (reused: no allocation once it has grown): no
  // missing path is rendered, no caveat nor message is made. With `only`, the families whose
  // `only[i]` is true alone; the others are not evaluated (sans objet, no rule) and the verdict
  // is that of the evaluated ones: for a caller that knows the other families' statuses
  // already (`subsidia diff`, whose unchanged rules keep the statuses of the other base).
  void statuses(const io::Dossier& dossier, Scratch& scratch, Statuses& out, const std::vector<bool>* only = nullptr) const;

  const model::RuleBase& base() const;

 private:
  void evaluate(const io::Dossier& dossier, Scratch& scratch, Detail detail, const std::vector<bool>* explain,
                DossierResult& into) const;
  struct Impl;
  std::shared_ptr<const Impl> impl_;  // shared with the results, which point into its rule base
};

}  // namespace subsidia::eval
