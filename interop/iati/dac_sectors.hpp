// The OECD DAC 5-digit sector (IATI Sector codelist, vocabulary 1) of an international
// action, from its nature, domain and public-service budget. A proposed mapping, documented
// in docs/import-export.md for the budget office to validate; every code is an active code
// of interop/standards/iati-2.03/Sector.xml (a test checks it).
#pragma once

#include <string_view>

namespace subsidia::interop::iati {

struct DacSector {
  std::string_view code;
  std::string_view name;  // French name of the codelist
  std::string_view why;   // what in the dossier chose it
};

// `nature`: action.nature; `domaine`: action.domaine; `service`: action.secteur_service_public;
// `only_in_france`: every country of action.pays is French territory.
DacSector dac_sector(std::string_view nature, std::string_view domaine, std::string_view service, bool only_in_france);

}  // namespace subsidia::interop::iati
