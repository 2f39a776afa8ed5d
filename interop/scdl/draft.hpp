// One row of a published subsidies file made into a draft dossier: the values the file gives
// in the schema's terms, the values guessed (each with its reason), and where it all comes
// from. What the file does not give stays absent: `subsidia check` then answers incomplet
// with the list, instead of a value invented to make the dossier pass.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "decimal/decimal.hpp"
#include "detect/international_clues.hpp"

namespace subsidia::interop::scdl {

struct Guess {
  std::string field;   // schema path: "collectivite.categorie", "action.pays"
  std::string value;   // as written in the dossier
  std::string reason;  // French
};

// The SCDL 2.1.1 fields of the row, normalised (origine.scdl), for the SCDL export.
struct ScdlFields {
  std::string nom_attribuant, id_attribuant, reference_decision, nom_beneficiaire, id_beneficiaire,
      rna_beneficiaire, objet, nature, conditions_versement, dates_periode_versement, id_rae, dispositif_aide;
  std::optional<std::string> date_convention;  // ISO
  std::optional<decimal::Decimal> montant;     // total before the split between beneficiaries
  std::optional<bool> notification_ue;
  std::optional<decimal::Decimal> pourcentage;

  void clear();  // empties every field, keeping the buffers
};

struct DossierDraft {
  std::string id;
  int exercice = 0;
  std::string collectivite_nom, collectivite_categorie;
  std::string objet;
  decimal::Decimal montant;
  std::optional<std::pair<std::string, std::string>> beneficiaire;  // nom, categorie
  std::string beneficiaire_pays;  // ISO code, only for a foreign local authority named as such
  std::optional<std::string> action_nature;
  std::vector<std::string> action_pays;

  // origine
  std::string format, fichier;
  std::size_t ligne = 0;
  // Column as written, value as read; views into the importer's header and the row, valid until
  // the next row is read.
  std::vector<std::pair<std::string_view, std::string_view>> cellules;
  std::vector<Guess> devines;
  bool candidat = false;
  std::vector<Clue> indices;
  std::vector<std::string> avertissements;
  ScdlFields scdl;
  // Who is paid, as the importer links rows (not written): the SIRET, else the RNA number, else
  // the name's folded words; "" when the row names no beneficiary.
  std::string beneficiary_key;

  void clear();  // empties every field, keeping the buffers (one draft reused for every row)
};

}  // namespace subsidia::interop::scdl
