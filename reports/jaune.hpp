// The jaune of international actions: an immutable model built once from the dossiers of
// one exercice and their verdicts (jaune_from_verdicts.hpp), then written by each writer
// (JSON, CSV, XLSX, HTML, text) without any further computation but formatting.
//
// Invariants the builder guarantees (and the tests check): every breakdown (by sector,
// domain, zone, imputation, collectivité) adds up exactly to `total`; a dossier is in
// exactly one of: the total, the exceptional operations, the out-of-scope lines, the
// domestic subsidies left out.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "decimal/decimal.hpp"
#include "eval/result.hpp"
#include "reports/jaune_entry.hpp"

namespace subsidia::reports {

// Where a dossier of the exercice lands.
enum class Inclusion {
  Counted,      // in the total and in every breakdown
  Exceptional,  // jaune.operation_exceptionnelle: listed "pour mémoire", not in the total
  OutOfScope,   // jaune.hors_perimetre: listed apart, not in the total (wins over Exceptional)
  Domestic,     // no international element (jaune_scope.hpp): listed with the reason, not in the jaune
};

struct JauneDossier {
  JauneEntry entry;
  eval::Verdict verdict = eval::Verdict::Compliant;
  Inclusion inclusion = Inclusion::Counted;
  std::string sector;                 // label of its sector line
  std::string domain;                 // label of its domain line
  std::string zone;                   // label of its zone line
  std::vector<std::string> zones;     // distinct zones of its countries, in table order
  std::string imputation;             // label of its imputation line
  // action.repartition_pays, allocated (zones in table order, amounts adding up to the
  // dossier's exactly); empty when the dossier gives no split or an unusable one.
  std::vector<std::pair<std::string, decimal::Decimal>> zone_amounts;
  std::string reason;                 // Domestic: why it is left out (French)
};

// One figure of a breakdown, with the dossiers that make it.
struct JauneLine {
  std::string key;                      // stable code: domain code, zone, "M71/930/048", ...
  std::string label;                    // French, for people
  std::vector<std::string> key_parts;   // imputation: nomenclature, chapitre, fonction
  decimal::Decimal amount;
  std::vector<std::string> dossiers;    // ids, in input order
  std::vector<std::string> flagged;     // those among them not conforme (non conforme, incomplet)
};

// Exceptional operations or out-of-scope lines: listed apart, with their own total.
struct SetAside {
  decimal::Decimal total;
  std::vector<std::size_t> dossiers;  // indexes into Jaune::dossiers
};

// A dossier of the exercice that could not be read, listed when `--ignorer-illisibles` lets
// the jaune be written without it.
struct UnreadableDossier {
  std::string file;
  std::size_t line = 0;
  std::string message;  // French
};

struct VerdictCounts {
  std::size_t compliant = 0;
  std::size_t non_compliant = 0;
  std::size_t incomplete = 0;
};

// What produced the figures, so that a jaune can be reproduced later: the engine's version
// and commit and the fingerprint of the rule base (rules, tables, schema) that judged the
// dossiers. Every writer shows it. Filled by the caller (the command, the server).
struct JauneReceipt {
  std::string version;
  std::string commit;
  std::string fingerprint;  // "sha256:<64 hex>"
};

struct Jaune {
  JauneReceipt moteur;
  int exercice = 0;
  decimal::Decimal total;                 // every Counted dossier
  std::vector<std::string> total_dossiers;
  // As in the 2012 communication: international affairs sector, the other sectors, the
  // total; keys "affaires_internationales", "autres_secteurs", "total".
  std::vector<JauneLine> synthesis;
  SetAside exceptional;
  // The total with the exceptional operations added back, as the State's jaunes show totals
  // with and without exceptional items (domain.md § 5); shown after the « pour mémoire » line.
  decimal::Decimal total_with_exceptional;
  SetAside out_of_scope;
  SetAside domestic;                       // subsidies without any international element
  // Those of `domestic` left out on silence (ScopeDecision::undetermined): listed there with
  // their reason, named in a note, and the jaune exits 1 until they are completed.
  std::vector<std::string> scope_undetermined;
  std::vector<JauneLine> by_sector;        // international affairs first, then by amount
  std::vector<JauneLine> by_domain;        // survey order, then "non renseigné"
  std::vector<JauneLine> by_zone;          // France, survey zones, Plusieurs zones, others
  std::vector<JauneLine> by_imputation;    // by nomenclature, chapitre, fonction
  std::vector<JauneLine> by_collectivite;  // empty unless several collectivités are mixed
  std::vector<JauneDossier> dossiers;      // every dossier of the exercice, input order
  VerdictCounts verdicts;                  // over every dossier of the exercice in the jaune (not domestic)
  std::vector<UnreadableDossier> unreadable;  // of the exercice, left out by --ignorer-illisibles
  std::size_t other_exercices = 0;         // dossiers of other years, ignored
  std::vector<std::string> notes;          // French remarks for the reader
};

}  // namespace subsidia::reports
