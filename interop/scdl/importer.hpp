// `subsidia importe scdl`, as a library: published subsidies files -> draft dossiers.
//
//   scdl::Importer importer(clues, options);
//   importer.import_file("poitiers-2017.csv", [&](const scdl::DossierDraft& d) { ...; return true; });
//   importer.summary();  // rows read, written, rejected with their line and reason, ...
//
// Each file is decoded (csv/encoding), its separator sniffed, its header found among the
// first ten lines and matched to the SCDL fields (columns.hpp); each row becomes a draft
// (draft_from_row.hpp) handed to the sink at once. Identical rows (same cells, any file of
// the run) are written once; a row whose id is already taken by another content is written
// under the id followed by -2, -3... Everything not written is in the summary with its line.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "detect/international_clues.hpp"
#include "scdl/draft.hpp"
#include "scdl/draft_from_row.hpp"
#include "scdl/flat_index.hpp"
#include "scdl/import_options.hpp"
#include "scdl/import_summary.hpp"

namespace subsidia::interop::scdl {

class Importer {
 public:
  // Receives each draft (valid during the call); returns false to stop the run.
  using Sink = std::function<bool(const DossierDraft&)>;

  Importer(const InternationalClues& clues, ImportOptions options);

  // False when the sink asked to stop; an unreadable file is reported in the summary.
  bool import_file(const std::filesystem::path& file, const Sink& sink);
  // The same on bytes already read (tests, benchmark); `name` labels the rows (its bytes that
  // are not UTF-8 replaced by U+FFFD, as the file's name in import_file). The importer
  // keeps the text (to compare identical rows): UTF-8 bytes are kept as given, not copied.
  bool import_bytes(std::string bytes, const std::string& name, const Sink& sink);

  const ImportSummary& summary() const { return summary_; }

 private:
  struct IdEntry {
    std::size_t offset;     // into id_text_
    std::size_t length;
    std::size_t file;       // index into files_
    std::size_t line;
  };
  struct WrittenRow {
    std::size_t file;       // index into files_ and texts_
    std::size_t begin, end; // the record's bytes in its text
    char separator;
    std::size_t line;
    std::size_t id;         // index into ids_
    bool written = true;    // false: left out by --international-seulement (its id still taken)
  };
  struct LinkedRow {
    std::size_t line;
    std::string clue;
  };
  // What the first pass over a file's rows gathers (importer.cpp, first_pass).
  struct FirstPass {
    std::unordered_map<std::string, LinkedRow> strong_rows;         // by beneficiary
    std::unordered_map<std::string, SharedTotal> shared_totals;     // by RowLink::shared_total
    std::unordered_map<std::size_t, std::string> strong_clue_by_line;  // every row with a strong clue
    std::unordered_map<std::size_t, std::string> weak_clue_by_line;    // every row with weak clues only
    // Half the rows or more have their amount cut at an unquoted decimal comma: join them again.
    bool amounts_cut_at_comma = false;
  };
  static FirstPass first_pass(std::string_view text, char separator, char trailing_mark, std::size_t header_end, DraftBuilder& builder,
                              const FileContext& context);
  std::string_view id_of(const IdEntry& e) const { return std::string_view(id_text_).substr(e.offset, e.length); }
  const IdEntry* find_id(std::string_view id) const;

  const InternationalClues* clues_;
  ImportOptions options_;
  ImportSummary summary_;
  std::vector<std::string> files_;  // names, as written (valid UTF-8)
  std::vector<std::string> texts_;  // decoded files, kept to compare identical rows exactly
  std::vector<WrittenRow> written_;
  FlatIndex written_by_cells_;      // hash of the cells -> written_
  std::string id_text_;             // every id written, end to end
  std::vector<IdEntry> ids_;
  FlatIndex ids_by_hash_;           // hash of the id -> ids_
  // Base id -> the number its next suffix may start looking from: every base-n below it is
  // taken (ids are never released). Without it each row of a base probed -2, -3, … again,
  // quadratic: 20 000 rows without reference, date or beneficiary took 42 s.
  std::unordered_map<std::string, std::uint64_t> next_number_;
};

}  // namespace subsidia::interop::scdl
