// R1–R7 of the peers kit written by hand in C++ on a read io::Dossier: the baseline the
// DSL is measured against (BM_PolicyNative vs BM_PolicyDsl, as cel-cpp does). Same exact
// decimals, same reading of RULES.md, no explanations: what a rule engine costs over
// code nobody would want to maintain for the law.
#pragma once

#include <array>

#include "io/dossier.hpp"
#include "io/schema.hpp"

namespace subsidia::bench {

class NativePolicy {
 public:
  // Resolves every field the rules read to its slot once (throws std::logic_error when the
  // schema lacks one: a bug of the benchmark, not an input error).
  explicit NativePolicy(const schema::Schema& schema);
  // true = pass, in the order R1..R7.
  std::array<bool, 7> evaluate(const io::Dossier& dossier) const;

 private:
  struct Slots {
    int montant, financement, cout_total, plan, part, line_montant, demandeur;
    int imputation, nomenclature, section, chapitre;
    int convention, partenaire, partenaire_categorie, deliberation, deliberation_date;
    int action, urgence, prise_de_position, interet_local, indices;
    int service_public, ressources, cumul, beneficiaire, beneficiaire_categorie;
  } s_{};
};

}  // namespace subsidia::bench
