// The international actions of one exercice as an IATI 2.03 `iati-activities` file (XML),
// valid against interop/standards/iati-2.03/iati-activities-schema.xsd.
//
// One activity per dossier counted in the jaune's total (reports/jaune_scope.hpp: of the
// exercice, with an international element, neither out of scope nor an exceptional
// operation), so the commitments add up to the jaune's total. Amounts are written from
// their exact decimals. Choices (docs/import-export.md): status "2" (implementation);
// the deliberation date as planned start and commitment date (else the SCDL date, else
// 1 January of the exercice, said in a narrative); recipient countries with percentages
// summing to 100; one DAC sector (dac_sectors.hpp).
#pragma once

#include <string>
#include <vector>

#include "decimal/decimal.hpp"
#include "export/dossier_facts.hpp"

namespace subsidia::interop::iati {

struct IatiOptions {
  int exercice = 0;
  std::string organisation_ref;   // the reporting organisation's IATI identifier
  std::string generated_datetime;  // "2026-11-30T12:00:00Z"
  std::string producer;            // "subsidia 0.2.0 (commit …)", named in the file's opening comment
  std::string schema_fingerprint;  // "sha256:…" of the dossier schema read, named there too
};

struct IatiExport {
  std::string xml;
  std::vector<std::string> activities;  // dossier ids, in input order
  decimal::Decimal total;               // sum of the commitments
  std::vector<std::string> left_out;    // dossiers of the exercice not exported, and why (French)
  // Why the file must not be published (French): two activities under one iati-identifier,
  // which IATI requires unique ("CP 12/101" and "CP-12-101" both give ...-CP-12-101).
  std::vector<std::string> errors;
};

IatiExport iati_activities(const std::vector<DossierFacts>& dossiers, const IatiOptions& options);

// "FR-SIRET-21860194600013" -> allowed characters only: the identifier's own prefix rules
// (IATI identifiers hold no spaces or "/&|?"), spaces, those and control characters become '-'.
std::string identifier_part(std::string_view text);

}  // namespace subsidia::interop::iati
