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

#include "eval/result.hpp"
#include "io/reader.hpp"

namespace subsidia::cli {

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
  std::size_t errors = 0;
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

}  // namespace subsidia::cli
