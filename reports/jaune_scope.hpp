// Which dossiers the jaune is about: international actions. A subsidy with no international
// element is left out of the jaune and listed with the reason (issue 12 §4: on a real city's
// 2022 file, 39.2 of 39.4 M€ were domestic).
//
// International elements, any one suffices:
//   - an action abroad: a country of action.pays outside French territory (FR and the
//     overseas territories with their own ISO codes: GP, MQ, GF, RE, YT, PM, BL, MF, NC, PF,
//     WF, TF; pays-zones.csv "Limits", rules/definitions.regles);
//   - a foreign beneficiary: beneficiaire.pays or beneficiaire.siege.pays outside French
//     territory, or a beneficiary that is a foreign local authority, a foreign State or an
//     international organisation;
//   - an international action declared: action.nature or action.domaine given (every value
//     of both is a kind of international action), a convention (with a foreign partner), or
//     the international affairs sector (jaune.secteur);
//   - an international imputation: function 04x or account 6562; an ong_internationale beneficiary;
//   - an exceptional operation declared for the jaune (jaune.operation_exceptionnelle): the
//     dossier says itself that it belongs to the annex, « pour mémoire ».
#pragma once

#include <string>
#include <string_view>

#include "reports/jaune_entry.hpp"

namespace subsidia::reports {

bool french_territory(std::string_view country);

struct ScopeDecision {
  bool international = false;
  std::string reason;  // French; for a domestic subsidy, why it is left out
  // Left out on silence rather than on facts: the dossier does not say where the action takes
  // place (no action.pays) nor where its beneficiary is established, and no importer searched
  // its published row. Such a dossier is listed with the domestic ones, said to be incomplete
  // for the jaune, and makes it exit 1: silence never passes for « domestic ».
  bool undetermined = false;
};

ScopeDecision international_scope(const JauneEntry& entry);

}  // namespace subsidia::reports
