// How `subsidia check` writes one dossier's result or one reading error, in each format.
// Each function appends to a string (workers format in parallel; the writer only copies
// bytes). The document around the pieces (brackets, commas, summary) is check_command's.
//
// json / jsonl field names are a contract (README, issue): id, fichier, ligne, verdict,
// regles[{id, titre, statut, gravite, explication, source, faits, manquants, periode}],
// erreurs[{fichier, ligne, chemin, message, dossier}], resume{conforme, non_conforme,
// incomplet, erreurs}.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

#include "api/engine.hpp"
#include "eval/result.hpp"
#include "io/reader.hpp"

namespace subsidia::output {

enum class OutputFormat { Text, Json, Jsonl };

// Where a dossier came from, for labels.
struct DossierLabel {
  std::string_view file;
  std::size_t line = 0;  // JSONL line, 0 otherwise
};

struct CheckTally {
  std::size_t compliant = 0;
  std::size_t non_compliant = 0;
  std::size_t incomplete = 0;
  std::size_t errors = 0;      // error messages: one dossier may have several
  std::size_t unreadable = 0;  // entries (a dossier, a line, a file) that gave no verdict
  void count(eval::Verdict verdict);
};

// Texte: header line `DOSSIER id (fichier) : NON CONFORME`, then the violated and
// indeterminate rules (every rule with `detail`), then the count of the others.
void append_dossier_text(std::string& out, const eval::DossierResult& result, const DossierLabel& label,
                         bool detail);
// `fichier:ligne: chemin : message` (ligne and chemin left out when unknown), one line.
void append_error_text(std::string& out, const io::InputError& error);
void append_summary_text(std::string& out, const CheckTally& tally);

// The JSON of a rule version's fixed fields (titre, gravite, source, periode), rendered
// once per version: they are most of the output's bytes and never change. One per worker
// thread (not thread-safe); the rules must outlive it.
class RuleJsonCache {
 public:
  struct Fields {
    std::string title;     // "titre":"..."
    std::string severity;  // "gravite":"..."
    std::string source;    // "source":"...","periode":{"du":...,"au":...}
  };
  const Fields& fields(const model::Rule& rule);

 private:
  std::unordered_map<const model::Rule*, Fields> cache_;
};

// One JSON object, no trailing separator. The jsonl line is the same object plus "\n".
// `cache` may be null (then the fixed fields are rendered each time).
void append_dossier_json(std::string& out, const eval::DossierResult& result, const DossierLabel& label,
                         RuleJsonCache* cache = nullptr);
void append_error_json(std::string& out, const io::InputError& error);
void append_summary_json(std::string& out, const CheckTally& tally);  // the "resume" object's value

// The receipt of an output: which engine and which rule base made it, so that a verdict can
// be reproduced later. JSON: the value of "moteur" {"version", "commit", "empreinte_regles"};
// texte: one footer line.
void append_receipt_json(std::string& out, const api::Receipt& receipt);
void append_receipt_text(std::string& out, const api::Receipt& receipt);

// Compact JSONL (--format jsonl). Line 1, the header: the receipt, the status letters, and
// what is the same for every dossier, each rule's versions with their title, severity,
// sources, period and notes:
//   {"moteur": {...}, "statuts": {"R": "respectee", ...}, "regles": [{"id", "versions": [{"titre", …}]}]}
// Then one line per dossier: one status letter per rule and the index of the version that
// judged it (-1: no deliberation date chose one), in the header's order; then the details of
// the rules that have something to say at the chosen level of explanation (sans objet ones
// only with `not_applicable`):
//   {"id", "fichier", "ligne", "verdict", "manquants", "champs_inconnus", "statuts": "RRSV…",
//    "versions": [5, 0, …], "details": [{"id", "statut", "versions_possibles"?, "explication"?,
//    "faits"?, "manquants"?, "reserves"?}]}
void append_jsonl_header(std::string& out, const api::Receipt& receipt, const model::RuleBase& base);
void append_dossier_jsonl(std::string& out, const eval::DossierResult& result, const DossierLabel& label,
                          const model::RuleBase& base, bool not_applicable);

}  // namespace subsidia::output
