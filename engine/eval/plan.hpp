// Compile once, evaluate many: a Plan is built from a checked rule base once per run
// (paths resolved to slot indices, literals to Decimals, constants folded), is immutable,
// and is shared by every worker thread.
#pragma once

#include <memory>

#include "eval/result.hpp"
#include "io/dossier.hpp"
#include "model/rule_base.hpp"

namespace subsidia::eval {

class Plan {
 public:
  explicit Plan(std::shared_ptr<const model::RuleBase> base);
  ~Plan();
  Plan(Plan&&) noexcept;

  // Thread-safe (const, no shared mutable state).
  DossierResult evaluate(const io::Dossier& dossier) const;

  const model::RuleBase& base() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace subsidia::eval
