#include "iati/dac_sectors.hpp"

namespace subsidia::interop::iati {

DacSector dac_sector(std::string_view nature, std::string_view domaine, std::string_view service, bool only_in_france) {
  // A 1 % action is an action of the service's own field (CGCT L1115-1-1, L1115-2, L1115-3).
  if (service == "eau_assainissement") return {"14030", "Approvisionnement en eau potable et assainissement - dispositifs de base", "action.secteur_service_public"};
  if (service == "dechets") return {"14050", "Traitement des déchets", "action.secteur_service_public"};
  if (service == "electricite_gaz") return {"23110", "Politique énergétique et gestion administrative", "action.secteur_service_public"};
  if (service == "mobilite") return {"21010", "Politique des transports et gestion administrative", "action.secteur_service_public"};
  // Awareness of the local population, held in France (éducation au développement).
  if (only_in_france && (domaine == "animation_regionale_francophonie" || nature == "aide_au_developpement"))
    return {"99820", "Sensibilisation au développement (non alloués par secteur)", "action en France"};
  if (nature == "cooperation") return {"15112", "Décentralisation et soutien aux administrations infranationales", "action.nature"};
  if (nature == "aide_au_developpement") return {"43010", "Aide plurisectorielle", "action.nature"};
  if (nature == "humanitaire") return {"72010", "Assistance matérielle et services d'urgence", "action.nature"};
  if (nature == "enseignement_recherche" || nature == "mobilite_jeunesse") return {"11420", "Enseignement supérieur", "action.nature"};
  if (nature == "culture_rayonnement") return {"16061", "Culture et loisirs", "action.nature"};
  if (nature == "promotion_economique") return {"33110", "Politique commerciale et gestion administrative", "action.nature"};
  return {"99810", "Secteur non spécifié", nature.empty() ? "action.nature absente" : "action.nature"};
}

}  // namespace subsidia::interop::iati
