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

#include "detect/folded_text.hpp"

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

}  // namespace subsidia::interop::scdl
