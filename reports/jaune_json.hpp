// The jaune as JSON. Contract (names fixed, more allowed): exercice, total,
// operations_exceptionnelles {total, lignes}, hors_perimetre {total, lignes}, par_secteur,
// par_domaine, par_zone, par_imputation (each line with montant and dossiers), verdicts
// {conforme, non_conforme, incomplet}. Amounts are decimal strings "46190000.00".
#pragma once

#include <string>

#include "reports/jaune.hpp"

namespace subsidia::reports {

std::string jaune_json(const Jaune& jaune);

}  // namespace subsidia::reports
