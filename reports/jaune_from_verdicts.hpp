// Builds the jaune of one exercice from (dossier facts, verdict) records.
//
// Independent of the CLI and of the reader: callers extract JauneEntry records
// (EntryExtractor) and evaluate each dossier (eval::Plan), then hand both here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "eval/result.hpp"
#include "reports/jaune.hpp"
#include "reports/jaune_entry.hpp"
#include "reports/zone_table.hpp"

namespace subsidia::reports {

struct JauneRecord {
  JauneEntry entry;
  eval::Verdict verdict = eval::Verdict::Compliant;
};

enum class JauneErrorCode {
  NoDossierForExercice,  // no record of the requested year
  AmountOverflow,        // a sum exceeds what exact arithmetic holds
  DuplicateId,           // two different dossiers of the exercice under one id
};

struct JauneError {
  JauneErrorCode code;
  std::string message;  // French
};

struct JauneBuild {
  std::optional<Jaune> jaune;
  std::vector<JauneError> errors;
};

// Records of other exercices are ignored and counted (Jaune::other_exercices, a note). The
// same dossier given twice (same id, same content but for origine) counts once, with a note;
// two different dossiers under one id are an error naming both places.
JauneBuild jaune_from_verdicts(int exercice, std::vector<JauneRecord> records, const ZoneTable& zones);

}  // namespace subsidia::reports
