// The categories the dossier schema asks for, guessed from what a published file gives: the
// granting collectivité's (collectivite.categorie) and the beneficiary's
// (beneficiaire.categorie). Every answer carries its reason; no answer when the signs are
// missing or disagree (the file then lacks it: the row is rejected for the collectivité, the
// beneficiary is left out of the dossier). The heuristics are listed in
// docs/import-export.md for review.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <vector>

#include "detect/folded_text.hpp"
#include "detect/international_clues.hpp"

namespace subsidia::interop::scdl {

struct CategoryGuess {
  std::string category;  // schema enum value
  std::string reason;    // French
};

// From the SCDL 1.x COLL_TYPE code (COM, DEP, REG, EPCI...), the SIREN (first nine digits of
// the SIRET, may be empty) and the name, in that order of trust.
std::optional<CategoryGuess> guess_collectivite_category(std::string_view type_code, std::string_view siren,
                                                         std::string_view name);

// From an RNA number (an association by definition), words of the name ("association",
// "fondation", "SARL"...) and the SIREN ranges of public bodies.
std::optional<CategoryGuess> guess_beneficiary_category(std::string_view rna, std::string_view siren,
                                                        std::string_view name);
// The same with the name already folded (the importer folds it once per row).
std::optional<CategoryGuess> guess_beneficiary_category(std::string_view rna, std::string_view siren,
                                                        const FoldedText& name);

// A foreign local authority named as such: words of a local authority (« commune », « ville de »,
// « municipalité », « région », « province », « district », « cercle », « municipality »,
// « ayuntamiento »…) and, among the clues found in the same name, a foreign city or country
// (« COMMUNE DE MALAGA », « RAMALLAH MUNICIPALITY », « Région de Kayes »). Without this the words
// « commune » and « région » made them French collectivités, and the rules then judged a
// subsidy abroad as one to a French authority. Nothing when the name also says association or
// foundation, or when the SIREN is French (a French body has one, a foreign authority none).
// Whether `words` (folded, one space between words) are whole words of `name`, in that order.
bool name_has_words(const FoldedText& name, std::string_view words);

struct ForeignAuthorityGuess {
  CategoryGuess guess;  // autorite_locale_etrangere
  std::string country;  // ISO code of the clue
};
std::optional<ForeignAuthorityGuess> guess_foreign_local_authority(const FoldedText& name,
                                                                   const std::vector<Clue>& name_clues,
                                                                   std::string_view siren);

}  // namespace subsidia::interop::scdl
