// The one-rule base of the jaune tests, shared by the builder and the command tests.
#pragma once

namespace subsidia::reports::testing {

// A one-rule base, so that these tests check the jaune whatever the state of rules/: every
// dossier with a non-negative amount is conforme.
inline constexpr const char* kMinimalRules = R"(
source TEST
  intitulé "Source de test"
  en vigueur du 1980-01-01
fin

règle test.montant_positif
  titre "Montant positif"
  source TEST
  gravité bloquante
  exige montant >= 0 €
  si respectée "Montant positif."
  si violée "Montant négatif."
fin
)";

}  // namespace subsidia::reports::testing
