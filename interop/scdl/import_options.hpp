// What `subsidia importe scdl` is asked, beyond the files.
#pragma once

#include <optional>
#include <string>

namespace subsidia::interop::scdl {

struct ImportOptions {
  // --exercice: only rows of this budget year are written; a row whose year is not given
  // (no year column, no date) takes it, recorded as guessed.
  std::optional<int> exercice;
  // --collectivite-categorie: the granting collectivité's category for every row (a schema
  // value), instead of the guess.
  std::optional<std::string> collectivite_categorie;
  // --international-seulement: only the rows with a clue of an international action.
  bool international_only = false;
};

}  // namespace subsidia::interop::scdl
