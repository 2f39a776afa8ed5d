// One case of `subsidia test`: what was expected against what the plan obtained.
#pragma once

#include <string>
#include <vector>

#include "testing/case_files.hpp"
#include "eval/result.hpp"
#include "model/rule_base.hpp"

namespace subsidia::testing {

struct Mismatch {
  std::string rule;         // empty for the verdict
  std::string expected;     // status / verdict code, or the expected missing paths
  std::string obtained;
  std::string explanation;  // the obtained explanation
  std::string reason;       // French: "statut", "non attendue", "inconnue de la base", "manquants", "verdict"
};

// Empty when the case passes. A rule the expectation does not list must be sans_objet;
// a listed rule unknown to `base` is a mismatch.
std::vector<Mismatch> compare_case(const CaseExpectation& expected, const eval::DossierResult& obtained,
                                   const model::RuleBase& base);

// "ÉCHEC cases/x : règle r : attendu violee, obtenu respectee\n      explication ...\n"
std::string format_mismatch(const std::string& case_name, const Mismatch& mismatch);

}  // namespace subsidia::testing
