// The columns of an SCDL subventions file, whatever their spelling: SCDL 2.x names
// (nomAttribuant, montant...), SCDL 1.x names (COLL_NOM, ATTRIB_NOM, SUB_OBJET, SUB_MONTANT,
// ACTE_DATE...) and the variants met in published files, compared folded (case, accents,
// spaces and punctuation ignored: "Notification à la commission Européenne" is
// notificationUE). The list of aliases is docs/import-export.md's.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace subsidia::interop::scdl {

enum class Column {
  NomAttribuant,
  IdAttribuant,
  TypeAttribuant,      // SCDL 1.x COLL_TYPE (COM, DEP, REG...)
  Exercice,            // ANNEE, exercice: not in SCDL 2.x
  DateConvention,      // SCDL 2.x dateConvention; SCDL 1.x ACTE_DATE (date of the act)
  ReferenceDecision,
  NomBeneficiaire,
  IdBeneficiaire,
  RnaBeneficiaire,
  Objet,
  Montant,
  Nature,
  ConditionsVersement,
  DatesPeriodeVersement,
  DateDebutVersement,  // SCDL 1.x SUB_DATE_DEBUT
  DateFinVersement,    // SCDL 1.x SUB_DATE_FIN
  IdRae,
  NotificationUe,
  PourcentageSubvention,
  DispositifAide,
  Count
};
inline constexpr std::size_t kColumnCount = static_cast<std::size_t>(Column::Count);

// The SCDL 2.1.1 name ("nomAttribuant"), or the SCDL 1.x one for columns 2.x lacks.
std::string_view column_name(Column column);

// Which file column holds each field, from the header cells.
struct ColumnMap {
  std::array<int, kColumnCount> index;  // -1 when absent
  std::size_t recognised = 0;
  std::size_t scdl2_names = 0;          // header cells that are SCDL 2.x names
  std::size_t scdl1_names = 0;          // header cells that are SCDL 1.x names
  std::vector<std::string> warnings;    // French: a field given twice, an unknown column...
  // French, when several columns could be the amount and none has its exact name ("Montant
  // 2016", "Montant 2017"): the amount is left unmapped and the file is not read.
  std::string ambiguity;
  // Columns outside SCDL in which the publisher classes its own subsidies (« secteur »,
  // « catégorie », « thématique », « politique publique »…): read for international clues only.
  // Toulouse Métropole classes HAMAP « Solidarité internationale », ALISSAR « Aide humanitaire »
  // in them, and their objects say « Subvention de fonctionnement » (review 27: 80 000 € missed).
  std::vector<int> themes;
  // Columns whose name starts with « montant » beside the one read as the amount (« Montant
  // investissement » beside « Montant fonctionnement » renamed « montant »): a row with a value
  // there is told that it is not counted (review 32: 39 800 € of investment left out silently).
  std::vector<int> other_amounts;

  ColumnMap() { index.fill(-1); }
  int operator[](Column c) const { return index[static_cast<std::size_t>(c)]; }
  // "SCDL subventions 2.x", "SCDL subventions 1.x (anciens noms de colonnes)", ...
  std::string format() const;
};

// A name of the list (an SCDL name or a known variant) wins over a column that only starts
// with "montant", wherever each stands; among names of the list the first wins, with a warning.
ColumnMap map_columns(const std::vector<std::string_view>& header);

// The field a header cell names, if any.
std::optional<Column> column_of(std::string_view header_cell);

// A header cell one slip away from a name of `column` (« object » for objet, « nomAtribuant »),
// when the column itself was not found: its index, to name in the refusal.
std::optional<std::size_t> near_miss(const std::vector<std::string_view>& header, Column column);

}  // namespace subsidia::interop::scdl
