// What the budget office should look at again before the jaune goes out, said in notes: facts
// of a dossier that contradict each other or the exercice, and two dossiers that may be one
// operation counted twice. None changes a figure: each is a question a person answers.
#pragma once

#include <string>
#include <vector>

#include "reports/jaune.hpp"

namespace subsidia::reports {

// Notes, in French, over the dossiers of `jaune` (jaune.exercice and jaune.dossiers with their
// inclusion set), in the order of the dossiers:
//   - a dossier marked both out of scope and exceptional (jaune.hors_perimetre and
//     jaune.operation_exceptionnelle): out of scope wins, so it is not shown « pour mémoire »;
//   - a dossier of the annex whose deliberation is of a later year than its exercice: an expense
//     belongs to the exercice in which it is committed, after the deliberation that decides it;
//   - dossiers of the annex under different ids with the same collectivité, the same
//     beneficiary, the same amount and the same deliberation (its reference, else its date):
//     perhaps one operation entered twice, counted twice.
std::vector<std::string> consistency_notes(const Jaune& jaune);

}  // namespace subsidia::reports
