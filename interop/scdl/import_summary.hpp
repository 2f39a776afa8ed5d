// What an import did, row by row where it matters: nothing read is dropped without a line
// here. Rendered for people (French text) and as JSON (--resume FICHIER).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace subsidia::interop::scdl {

struct LineNote {
  std::string file;
  std::size_t line = 0;
  std::string text;  // French
};

struct FileReport {
  std::string file;
  std::string encoding;        // French label
  std::size_t guessed_bytes = 0;
  std::string separator;       // French label
  std::string format;
  std::size_t header_line = 0;
  std::vector<std::string> unmapped_columns;  // header cells no SCDL field reads (kept in origine.cellules)
  std::vector<std::string> column_notes;
  std::size_t rows = 0;        // data rows, blank ones included
  std::string error;           // the file could not be read at all
};

struct ImportSummary {
  // Which engine made the drafts ("subsidia 0.2.0 (commit …)"), set by the command: named at
  // the end of the text and first in the JSON, as every output of the engine names it.
  std::string producer;
  std::vector<FileReport> files;
  std::size_t rows_read = 0;       // data rows of every file, blank ones included
  std::size_t written = 0;         // dossiers written
  std::size_t blank = 0;           // rows with no cell
  std::size_t candidates = 0;      // written dossiers with a clue of an international action
  std::size_t strong_candidates = 0;
  std::vector<LineNote> rejected;        // rows not made into a dossier, and why
  // Rejected rows a strong clue makes international (their clue, then why rejected): the jaune
  // cannot see them, a person must complete them by hand.
  std::vector<LineNote> rejected_candidates;
  // Rejected rows with a weak clue only: most are domestic (a Maison de l'Europe, an American
  // football club), some are not (« ASS TUNISIENNE AIDE AUX SOURDS »); on a file whose rows are
  // all rejected they are the office's only lead (review 27: 141 such rows, said nowhere).
  std::vector<LineNote> rejected_weak_candidates;
  std::vector<LineNote> other_exercice;  // rows of another year than --exercice
  std::vector<LineNote> not_candidates;  // --international-seulement: rows left out
  std::vector<LineNote> identical;       // identical rows written once
  std::vector<LineNote> renamed;         // same id as a row of another file, other content: -2, -3...
  std::size_t numbered = 0;              // same decision and beneficiary in one file: -2, -3...
  std::vector<LineNote> skipped;         // lines before the header
  std::vector<LineNote> warnings;        // about the file (quotes, short rows)
  std::size_t dossier_warnings = 0;      // about values, kept in each dossier's origine.avertissements
  // Set by the caller when writing failed (French): `written` then counts only the dossiers
  // known to be written, and `prepared` how many were handed over before the failure.
  std::string write_failure;
  std::size_t prepared = 0;

  bool files_failed() const;
};

// French text; each list shows at most `limit` lines, then how many more (all are in the JSON).
std::string summary_text(const ImportSummary& summary, std::size_t limit = 20);
std::string summary_json(const ImportSummary& summary);

}  // namespace subsidia::interop::scdl
