// The jaune as one self-contained printable HTML page: no network access, inline CSS
// (with @media print rules for A4), inline SVG bar charts by sector and by zone, the
// synthesis table of the 2012 communication, every breakdown with the dossier ids behind
// each figure, and the detail list with verdicts (non conforme / incomplet flagged).
#pragma once

#include <string>

#include "reports/jaune.hpp"

namespace subsidia::reports {

std::string jaune_html(const Jaune& jaune);

}  // namespace subsidia::reports
