// French labels of the jaune (report labels are French; codes stay stable for machines).
#pragma once

#include <string>
#include <string_view>

#include "eval/result.hpp"
#include "reports/jaune.hpp"

namespace subsidia::reports {

// "Moteur subsidia 0.2.0 (commit abc), base de règles sha256:…": the receipt as one line,
// the same words as `subsidia check`'s texte footer.
std::string receipt_line(const JauneReceipt& receipt);

inline constexpr std::string_view kInternationalAffairsSector = "Affaires internationales et européennes";
inline constexpr std::string_view kSectorMissing = "Secteur non renseigné";
inline constexpr std::string_view kNotGiven = "non renseigné";
inline constexpr std::string_view kSeveralZones = "Plusieurs zones";
inline constexpr std::string_view kUnknownZone = "Pays hors table";
inline constexpr std::string_view kFranceZone = "France";
inline constexpr std::string_view kSplitZones = "Réparti";  // detail of a dossier split between zones

// Synthesis lines, worded as in the Île-de-France communication of December 2012.
inline constexpr std::string_view kSynthesisInternational = "Secteur Affaires internationales et européennes";
inline constexpr std::string_view kSynthesisOthers = "Autres secteurs (hors opérations exceptionnelles)";
inline constexpr std::string_view kSynthesisTotal = "Total général hors opérations exceptionnelles";
inline constexpr std::string_view kSynthesisExceptional = "Pour mémoire, opérations exceptionnelles";
inline constexpr std::string_view kSynthesisTotalWithExceptional = "Pour mémoire, total y compris opérations exceptionnelles";
inline constexpr std::string_view kSynthesisOutOfScope = "Hors périmètre (non compté)";
inline constexpr std::string_view kSynthesisDomestic = "Subventions sans élément international (hors jaune)";

// The five domains of the 2012 regional survey, in its order: schema code -> label.
struct DomainLabel {
  std::string_view code;
  std::string_view label;
};
inline constexpr DomainLabel kDomains[] = {
    {"solidarite_internationale", "Solidarité internationale"},
    {"cooperation_decentralisee", "Coopération décentralisée"},
    {"export", "Export"},
    {"animation_regionale_francophonie", "Animation régionale et francophonie"},
    {"rayonnement_international", "Rayonnement international"},
};

// The zones of the 2012 survey, in its order (pays-zones.csv uses these names).
inline constexpr std::string_view kSurveyZones[] = {
    "Europe", "Amérique du Nord", "Amérique du Sud", "Afrique du Nord",
    "Afrique subsaharienne", "Moyen-Orient", "Asie", "Océanie",
};

// "Solidarité internationale"; the code itself when unknown; "non renseigné" for "".
std::string_view domain_label(std::string_view code);

// "conforme" / "non conforme" / "incomplet", and the codes "conforme" / "non_conforme" / "incomplet".
std::string_view verdict_label(eval::Verdict verdict);
std::string_view verdict_key(eval::Verdict verdict);

// "file:line" of an unreadable dossier ("file" when the line is unknown).
std::string unreadable_place(const UnreadableDossier& dossier);

// "total" / "operation_exceptionnelle" / "hors_perimetre", and French labels.
std::string_view inclusion_key(Inclusion inclusion);
std::string_view inclusion_label(Inclusion inclusion);

}  // namespace subsidia::reports
