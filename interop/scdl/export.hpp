// The collectivité's own subsidies of one exercice as an SCDL subventions 2.1.1 CSV, valid
// against interop/standards/scdl/subventions-2.1.1.schema.json: the 16 columns in the
// schema's order, comma separator, UTF-8, CRLF, RFC 4180 quotes.
//
// Which dossiers: those of the exercice whose type_intervention is "subvention". Values come
// from origine.scdl when the dossier was imported from SCDL (so that importing the export
// gives back the same ids, amounts and dates), else from the dossier. A required value the
// dossier cannot give leaves the dossier out, listed with the reason; a required value only
// a convention can give is written with its default and listed (docs/import-export.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "export/dossier_facts.hpp"

namespace subsidia::interop::scdl {

struct ScdlExportOptions {
  int exercice = 0;
  std::optional<std::string> siret_attribuant;  // --siret-attribuant: for dossiers without origine.scdl
};

struct ScdlExport {
  std::string csv;
  std::vector<std::string> written;   // dossier ids, in order
  std::vector<std::string> left_out;  // "id : reason" (French)
  std::vector<std::string> defaults;  // "id : column = value (reason)" (French)
  // Rows written that the SCDL schema's own checks (custom_checks) will flag: neither
  // idBeneficiaire nor rnaBeneficiaire (one-of-required), a SIRET whose check key is wrong
  // (french-siret-value). Written as the data says, listed so that someone completes them.
  std::vector<std::string> not_conforming;  // "id : reason" (French)
  // Rows written that `importe scdl` would read back in another exercice (the SCDL has no year
  // column: a payment known outside the exercice, a period over two years and a date of
  // another year). Written as the data says, listed.
  std::vector<std::string> other_year;  // "id : why" (French)
  // Rows written identical, cell for cell, to an earlier one: the SCDL has no id column, so a
  // reader (and `importe scdl`, which writes identical rows once) sees one subsidy where there
  // are two (review 25: 100,01 € lost in a round trip). Written, listed with both ids.
  std::vector<std::string> identical;  // "id : why" (French)
  // Why nothing may be written (French): then `csv` is to be thrown away. --siret-attribuant
  // over the subsidies of several collectivités would publish them all under one SIRET.
  std::vector<std::string> errors;
};

ScdlExport scdl_csv(const std::vector<DossierFacts>& dossiers, const ScdlExportOptions& options);

}  // namespace subsidia::interop::scdl
