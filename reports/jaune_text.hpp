// The jaune for a terminal: the synthesis as in the 2012 communication, the breakdowns,
// then the dossiers set apart and those flagged.
#pragma once

#include <string>

#include "reports/jaune.hpp"

namespace subsidia::reports {

std::string jaune_text(const Jaune& jaune);

}  // namespace subsidia::reports
