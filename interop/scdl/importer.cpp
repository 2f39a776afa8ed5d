#include "scdl/importer.hpp"

#include <unordered_set>

#include <unordered_map>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <optional>

#include "csv/encoding.hpp"
#include "csv/file_kind.hpp"
#include "csv/separator.hpp"
#include "csv/tokenizer.hpp"
#include "diag/utf8.hpp"
#include "scdl/amount.hpp"
#include "scdl/columns.hpp"
#include "scdl/draft_from_row.hpp"
#include "scdl/row_repair.hpp"

namespace subsidia::interop::scdl {

namespace {

constexpr std::size_t kHeaderSearch = 10;  // non-blank lines searched for the header

std::uint64_t hash_of(std::string_view text) { return std::hash<std::string_view>{}(text); }

// The row's cells, trimmed, hashed in order (identical rows have equal hashes).
std::uint64_t hash_of(const std::vector<std::string_view>& cells) {
  std::uint64_t h = 0x9E3779B97F4A7C15ull;
  for (std::string_view cell : cells) h = (h ^ hash_of(trim_spaces(cell))) * 0x100000001B3ull + 0x1F;
  return h;
}

bool blank(const std::vector<std::string_view>& cells) {
  for (std::string_view cell : cells)
    if (!trim_spaces(cell).empty()) return false;
  return true;
}

// The cells of one record of `text`, for comparing with a row being read.
std::vector<std::string> cells_of(std::string_view text, char separator) {
  csv::Tokenizer tokens(text, {separator, false});
  csv::Record record;
  std::vector<std::string> cells;
  if (tokens.next(record))
    for (const auto& f : record.fields) cells.emplace_back(trim_spaces(f.value));
  return cells;
}

// The other separator a file's header ends with (« …,pourcentageSubvention;; » in a file cut at
// commas: the Vendée's 2018 file, whose rows end with « 1;; » too), or 0. A spreadsheet's
// leftover, not part of the last cell: « 1;; » was a share « illisible » and the amount was
// not split.
char trailing_mark_of(std::string_view last_header_cell, char separator) {
  last_header_cell = trim_spaces(last_header_cell);
  if (last_header_cell.empty()) return 0;
  const char mark = last_header_cell.back();
  if (mark == separator || (mark != ';' && mark != ',' && mark != '\t' && mark != '|')) return 0;
  return mark;
}

// Drops a run of `mark` at the end of the row's last cell (see trailing_mark_of).
void strip_trailing_mark(std::vector<std::string_view>& cells, char mark) {
  if (mark == 0 || cells.empty()) return;
  std::string_view& last = cells.back();
  const std::size_t end = last.find_last_not_of(std::string{mark, ' '});
  last = end == std::string_view::npos ? std::string_view() : last.substr(0, end + 1);
}

bool same_cells(const std::vector<std::string>& kept, const std::vector<std::string_view>& row) {
  std::size_t n = std::max(kept.size(), row.size());
  for (std::size_t i = 0; i < n; ++i) {
    std::string_view a = i < kept.size() ? std::string_view(kept[i]) : std::string_view();
    std::string_view b = i < row.size() ? trim_spaces(row[i]) : std::string_view();
    if (a != b) return false;
  }
  return true;
}

std::string first_cells(const std::vector<std::string_view>& cells) {
  std::string shown;
  for (std::string_view c : cells) {
    c = trim_spaces(c);
    if (c.empty()) continue;
    if (!shown.empty()) shown += " | ";
    shown += c;
    if (shown.size() > 60) break;
  }
  return shown;
}

// The width shared by most data rows of `text` read from `from` (strictly more than half of the
// non-blank ones, and at least two of them), or 0 when no width is that common. A file-wide
// convention such as a separator at the end of every line makes rows wider than the header
// without shifting anything; one row wider than its neighbours is not a convention. Computed
// only when a row is wider than the header, so ordinary files are tokenised once.
std::size_t usual_width(std::string_view text, std::size_t from, char separator) {
  csv::Tokenizer tokens(text.substr(from), {separator, false});
  csv::Record record;
  std::vector<std::pair<std::size_t, std::size_t>> counts;  // width, rows; few distinct widths
  std::size_t rows = 0;
  while (tokens.next(record)) {
    bool empty = true;
    for (const auto& f : record.fields) empty = empty && trim_spaces(f.value).empty();
    if (empty) continue;
    ++rows;
    auto found = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == record.fields.size(); });
    if (found == counts.end()) counts.emplace_back(record.fields.size(), 1);
    else ++found->second;
  }
  for (const auto& [width, n] : counts)
    if (n >= 2 && 2 * n > rows) return width;
  return 0;
}

}  // namespace

Importer::Importer(const InternationalClues& clues, ImportOptions options) : clues_(&clues), options_(std::move(options)) {}

const Importer::IdEntry* Importer::find_id(std::string_view id) const {
  const IdEntry* found = nullptr;
  ids_by_hash_.find(hash_of(id), [&](std::uint32_t i) {
    if (id_of(ids_[i]) != id) return false;
    found = &ids_[i];
    return true;
  });
  return found;
}

bool Importer::import_file(const std::filesystem::path& file, const Sink& sink) {
  // The name goes into every draft, the summary and its JSON, which are UTF-8. A name from a
  // Windows zip unpacked on Linux is often Latin-1 ("subv-ann\xE9e.csv"): its bytes that are
  // not UTF-8 become U+FFFD, as in the audit log, rather than make each draft unreadable.
  const std::string name = diag::valid_utf8(file.string());
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) {  // opens on Linux, then every read fails
    FileReport report;
    report.file = name;
    report.error = "est un dossier, pas un fichier CSV";
    summary_.files.push_back(std::move(report));
    return true;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    FileReport report;
    report.file = name;
    report.error = "lecture impossible (fichier absent ou illisible)";
    summary_.files.push_back(std::move(report));
    return true;
  }
  std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  return import_bytes(std::move(bytes), name, sink);
}

// Whether one of the first non-blank lines of `text`, cut at `separator`, names at least two
// SCDL columns: the header the importer looks for.
bool header_found_with(std::string_view text, char separator) {
  csv::Tokenizer tokens(text, {separator, false});
  csv::Record record;
  std::vector<std::string_view> cells;
  std::size_t searched = 0;
  while (tokens.next(record)) {
    cells.clear();
    for (const auto& f : record.fields) cells.push_back(f.value);
    if (blank(cells)) continue;
    if (map_columns(cells).recognised >= 2) return true;
    if (++searched >= kHeaderSearch) break;
  }
  return false;
}

// The separator of a file: the one its cells are most regularly cut by (csv::sniff_separator),
// unless its header is not found with it and is with another. A published file whose rows end
// with « ;; » and hold unquoted amounts « 100 000,00 » counts more semicolons than regular
// commas, and was refused as having no SCDL header, though its first line names fourteen.
char file_separator(std::string_view text, std::string& note) {
  const char sniffed = csv::sniff_separator(text);
  if (header_found_with(text, sniffed)) return sniffed;
  for (char other : {';', ',', '\t', '|'}) {
    if (other == sniffed || !header_found_with(text, other)) continue;
    note = "séparateur « " + std::string(csv::separator_label(other)) + " » retenu : l'en-tête n'est lisible qu'avec lui (« " +
           std::string(csv::separator_label(sniffed)) + " » est plus fréquent dans le fichier)";
    return other;
  }
  return sniffed;
}

// The first pass over a file's rows (after the header): for each beneficiary paid in a row a
// strong clue makes international, the first such row and its clue; and how many rows share each
// decision total with a pourcentageSubvention under 1 (DraftBuilder splits only such a total).
// Rows are written as they are read; a row that comes before its beneficiary's strong one, or
// before the other rows of its decision, must still be linked.
Importer::FirstPass Importer::first_pass(std::string_view text, char separator, char trailing_mark, std::size_t header_end,
                                         DraftBuilder& builder, const FileContext& context) {
  FirstPass pass;
  csv::Tokenizer tokens(text, {separator, false});
  csv::Record record;
  std::vector<std::string_view> cells;
  // Rows whose amount a decimal comma cut in two cells (join_split_amount), against all rows: the
  // join is made only in a file where it is the rule, not for one row shifted by another comma.
  std::size_t data_rows = 0, cut_rows = 0;
  std::unordered_set<std::string> shared_rows_seen;  // rows of a shared total, cell for cell
  while (tokens.next(record)) {
    if (record.offset < header_end) continue;
    cells.clear();
    for (const auto& f : record.fields) cells.push_back(f.value);
    strip_trailing_mark(cells, trailing_mark);
    if (blank(cells)) continue;
    ++data_rows;
    // Wider by one (the cut amount alone) or more (another unquoted comma as well, after it).
    if (const int amount = (*context.columns)[Column::Montant];
        separator == ',' && amount >= 0 && cells.size() > context.header->size() &&
        static_cast<std::size_t>(amount) + 1 < cells.size() &&
        amount_cut_at(trim_spaces(cells[static_cast<std::size_t>(amount)]),
                      trim_spaces(cells[static_cast<std::size_t>(amount) + 1])))
      ++cut_rows;
    DraftBuilder::RowLink link = builder.link_of(cells, context);
    if (!link.shared_total.empty()) {
      // A row identical to an earlier one is written once (second pass): it takes no share of
      // the split, or the written row would carry a residue made for two (review 26).
      std::string whole;
      for (std::string_view c : cells) whole.append(c).push_back('\x1f');
      if (shared_rows_seen.insert(std::move(whole)).second)
        pass.shared_totals[std::move(link.shared_total)].rows.emplace_back(record.line, link.share);
    }
    if (!link.weak_clue.empty()) pass.weak_clue_by_line.try_emplace(record.line, std::move(link.weak_clue));
    if (link.strong_clue.empty()) continue;
    pass.strong_clue_by_line.try_emplace(record.line, link.strong_clue);
    if (link.beneficiary.empty()) continue;
    pass.strong_rows.try_emplace(std::move(link.beneficiary), LinkedRow{record.line, std::move(link.strong_clue)});
  }
  pass.amounts_cut_at_comma = cut_rows > 0 && cut_rows * 2 >= data_rows;
  return pass;
}

bool Importer::import_bytes(std::string bytes, const std::string& given_name, const Sink& sink) {
  const std::string name = diag::valid_utf8(given_name);  // see import_file
  FileReport report;
  report.file = name;
  if (std::optional<std::string> kind = csv::binary_file_kind(bytes)) {
    report.error = std::move(*kind);
    summary_.files.push_back(std::move(report));
    return true;
  }
  csv::DecodedText decoded = csv::decode_buffer_to_utf8(std::move(bytes));
  report.encoding = std::string(csv::encoding_label(decoded.encoding));
  report.guessed_bytes = decoded.guessed_bytes;
  const std::size_t text_index = texts_.size();
  texts_.push_back(std::move(decoded.text));
  files_.push_back(name);
  // Rows are some 200 bytes: room for the rows to come, without growing on the way.
  written_by_cells_.reserve(written_.size() + texts_.back().size() / 200);
  ids_by_hash_.reserve(ids_.size() + texts_.back().size() / 200);
  const std::string_view text = texts_.back();
  std::string separator_note;
  const char separator = file_separator(text, separator_note);
  report.separator = std::string(csv::separator_label(separator));

  csv::Tokenizer tokens(text, {separator, false});
  csv::Record record;
  std::vector<std::string_view> cells;
  auto take_issues = [&] {
    for (const auto& issue : tokens.issues())
      summary_.warnings.push_back({name, issue.position.line,
                                   "colonne " + std::to_string(issue.position.column) + " : " + issue.message});
  };
  auto cells_of_record = [&] {
    cells.clear();
    for (const auto& f : record.fields) cells.push_back(f.value);
  };

  // The header: the first of the first non-blank lines that names at least two SCDL fields.
  std::vector<std::string> header;
  char trailing_mark = 0;  // trailing_mark_of
  ColumnMap columns;
  std::vector<LineNote> before;
  std::size_t searched = 0;
  std::size_t header_end = 0;
  while (tokens.next(record)) {
    take_issues();
    cells_of_record();
    if (blank(cells)) continue;
    ColumnMap candidate = map_columns(cells);
    if (candidate.recognised >= 2) {
      columns = std::move(candidate);
      for (std::string_view c : cells) header.emplace_back(trim_spaces(c));
      // A header ending with a separator ("…;pourcentageSubvention;") names no column after
      // it. Counted as one, it would make every row without that separator one cell short (a
      // warning per row), and a row shifted by an unquoted separator in a cell exactly as wide
      // as the header: read without a word, its amount taken from the wrong column.
      while (!header.empty() && header.back().empty()) header.pop_back();
      if (!header.empty()) {
        trailing_mark = trailing_mark_of(header.back(), separator);
        if (trailing_mark != 0) header.back() = std::string(trim_spaces(std::string_view(header.back()).substr(
                                    0, header.back().find_last_not_of(std::string{trailing_mark, ' '}) + 1)));
      }
      report.header_line = record.line;
      header_end = record.end_offset;
      break;
    }
    before.push_back({name, record.line, "ligne avant l'en-tête, ignorée : « " + first_cells(cells) + " »"});
    if (++searched >= kHeaderSearch) break;
  }
  if (header.empty()) {
    report.error = text.empty() ? "fichier vide"
                                : "en-tête introuvable : aucune des " + std::to_string(kHeaderSearch) +
                                      " premières lignes ne nomme deux colonnes SCDL (nomAttribuant, objet, montant, "
                                      "COLL_NOM, SUB_MONTANT…)";
    summary_.files.push_back(std::move(report));
    return true;
  }
  if (columns[Column::Montant] < 0 && !columns.ambiguity.empty()) {
    report.error = "en-tête ligne " + std::to_string(report.header_line) + " : " + columns.ambiguity;
    summary_.files.push_back(std::move(report));
    return true;
  }
  // Columns without which no row makes a dossier: said once for the file, not once a row (a file
  // without the granting collectivité's name had each of its rows rejected for it).
  struct Required {
    Column column;
    const char* names;
  };
  // Every missing column at once, each with a header cell one slip from its name (review 32: a
  // file without objet nor nomAttribuant was refused for objet, then, once fixed, again).
  std::vector<std::string> missing;
  const std::vector<std::string_view> header_cells(header.begin(), header.end());
  for (const Required& required : {Required{Column::Montant, "« montant »"}, Required{Column::Objet, "« objet »"},
                                    Required{Column::NomAttribuant,
                                             "du nom de la collectivité attribuante (nomAttribuant, COLL_NOM)"}}) {
    if (columns[required.column] >= 0) continue;
    std::string one = std::string("colonne ") + required.names + " introuvable";
    if (const auto near = near_miss(header_cells, required.column))
      one += " (la colonne « " + std::string(header[*near]) + " » (n° " + std::to_string(*near + 1) +
             ") serait-elle ce nom mal écrit ?)";
    missing.push_back(std::move(one));
  }
  if (!missing.empty()) {
    for (std::size_t i = 0; i < missing.size(); ++i) report.error += (i ? " ; " : "") + missing[i];
    report.error += " dans l'en-tête (ligne " + std::to_string(report.header_line) + ") : aucune ligne n'est lue";
    summary_.files.push_back(std::move(report));
    return true;
  }
  summary_.skipped.insert(summary_.skipped.end(), before.begin(), before.end());
  report.format = columns.format();
  report.column_notes = columns.warnings;
  if (!separator_note.empty()) report.column_notes.insert(report.column_notes.begin(), separator_note);
  for (std::size_t i = 0; i < header.size(); ++i) {
    bool mapped = false;
    for (int index : columns.index) mapped = mapped || index == static_cast<int>(i);
    if (!mapped && !header[i].empty()) report.unmapped_columns.push_back(header[i]);
  }
  const std::size_t report_index = summary_.files.size();
  summary_.files.push_back(report);

  DraftBuilder builder(*clues_, options_);
  FileContext context{name, summary_.files[report_index].format, &columns, &header};
  const FirstPass first = first_pass(text, separator, trailing_mark, header_end, builder, context);
  const std::unordered_map<std::string, LinkedRow>& strong_rows = first.strong_rows;  // first: see FirstPass
  context.shared_totals = &first.shared_totals;
  DossierDraft draft;
  std::vector<std::string_view> raw_cells;
  std::vector<std::string> repaired_cells;  // a row put back together (repair_wide_row)
  bool keep_going = true;
  std::size_t rows = 0;
  std::optional<std::size_t> usual;  // usual_width(), once a row is wider than the header
  while (keep_going && tokens.next(record)) {
    take_issues();
    cells_of_record();
    ++rows;
    ++summary_.rows_read;
    const std::size_t line = record.line;
    if (blank(cells)) {
      ++summary_.blank;
      continue;
    }
    // Identical rows are told by their cells as written, before any repair (the rows kept for the
    // comparison are read again from the file's text).
    raw_cells = cells;
    strip_trailing_mark(cells, trailing_mark);
    // A row rejected here is still searched for clues (first pass): an international action
    // whose row lacks its object or its year is named apart, not lost among the rejections.
    auto reject = [&](std::string reason) {
      if (auto clue = first.strong_clue_by_line.find(line); clue != first.strong_clue_by_line.end())
        summary_.rejected_candidates.push_back({name, line, "indice fort « " + clue->second + " » ; rejetée : " + reason});
      else if (auto weak = first.weak_clue_by_line.find(line); weak != first.weak_clue_by_line.end())
        summary_.rejected_weak_candidates.push_back({name, line, "indice faible « " + weak->second + " » ; rejetée : " + reason});
      summary_.rejected.push_back({name, line, std::move(reason)});
    };
    std::string repair_note;
    if (cells.size() > header.size()) {
      bool extra = false;
      for (std::size_t i = header.size(); i < cells.size(); ++i) extra = extra || !trim_spaces(cells[i]).empty();
      std::string shifted;  // why the row cannot be read as it stands
      bool within_usual_width = false;
      if (extra) {
        shifted = std::to_string(cells.size()) + " cellules pour " + std::to_string(header.size()) +
                  " colonnes d'en-tête (un séparateur non protégé par des guillemets dans une cellule ?)";
      } else {
        // The cells past the header are empty, but that does not make the row safe: a separator
        // inside a cell shifts every later cell one to the right, and when the row's last cell
        // was empty the shifted row ends with an empty cell too (an object "Jumelage Marburg;
        // 2017" puts 2017 in the amount). Only a convention of the whole file (every row ends
        // with a separator) explains an extra empty cell; otherwise the values cannot be trusted.
        if (!usual) usual = usual_width(text, header_end, separator);
        // Even then, a row whose typed cells are not valid as they stand (an amount where the
        // nature goes) is a shifted one: most rows of a file can hold one unquoted comma each and
        // an empty last column, and « the file's convention » then read them all shifted, 2019 €
        // for « Subvention de fonctionnement, 2019 » and 1 500 € (adversarial review, 3 December).
        const std::vector<std::string_view> as_it_stands(cells.begin(),
                                                         cells.begin() + static_cast<std::ptrdiff_t>(header.size()));
        within_usual_width = cells.size() <= *usual;
        if (!within_usual_width || !typed_cells_valid(as_it_stands, columns))
          shifted = std::to_string(cells.size()) + " cellules pour " + std::to_string(header.size()) + " colonnes d'en-tête" +
                    (*usual > header.size() ? " et " + std::to_string(*usual) + " cellules aux autres lignes" : std::string()) +
                    ", les dernières vides : un séparateur non protégé par des guillemets dans une cellule "
                    "décalerait les valeurs suivantes d'une colonne ; ligne non lue plutôt que lue de travers";
      }
      if (!shifted.empty()) {
        // Put back together only when one reading alone gives every typed cell a valid value.
        RowRepair repair = repair_wide_row(cells, header, columns, separator, first.amounts_cut_at_comma);
        // As wide as the file's other rows, no other reading: read as it stands, its faulty cell
        // said by the usual warnings (a mistyped date), as before.
        const bool as_it_stands = within_usual_width && repair.outcome == RowRepair::Outcome::NoReading;
        if (!as_it_stands && repair.outcome != RowRepair::Outcome::Repaired) {
          if (repair.outcome == RowRepair::Outcome::Ambiguous) {
            std::string where;
            for (const std::string& column : repair.columns) where += (where.empty() ? "" : " ou ") + column;
            shifted += " ; le séparateur peut être dans " + where +
                       (repair.columns.size() > 1 ? " : plusieurs lectures sont valides"
                                                  : " mais un nombre y serait lu comme du texte") +
                       ", la ligne n'est pas devinée (mettre la cellule entre guillemets)";
          }
          reject(std::move(shifted));
          continue;
        }
        if (!as_it_stands) {
          repaired_cells = std::move(repair.cells);
          cells.assign(repaired_cells.begin(), repaired_cells.end());
          repair_note = repair.what;
          summary_.warnings.push_back({name, line, repair.what});
        }
      }
    } else if (cells.size() < header.size()) {
      summary_.warnings.push_back({name, line, std::to_string(cells.size()) + " cellules pour " + std::to_string(header.size()) +
                                                   " colonnes : les dernières sont lues vides"});
    }
    // Identical to a row already written?
    const std::uint64_t hash = hash_of(raw_cells);
    const WrittenRow* same = nullptr;
    written_by_cells_.find(hash, [&](std::uint32_t i) {
      const WrittenRow& w = written_[i];
      std::string_view kept = std::string_view(texts_[w.file]).substr(w.begin, w.end - w.begin);
      if (!same_cells(cells_of(kept, w.separator), raw_cells)) return false;
      same = &w;
      return true;
    });
    if (same) {
      const std::string place = files_[same->file] + ":" + std::to_string(same->line);
      if (same->written) {
        summary_.identical.push_back({name, line, "identique à " + place + " : écrite une fois (dossier " +
                                                      std::string(id_of(ids_[same->id])) + ")"});
      } else {
        summary_.not_candidates.push_back({name, line, "aucun indice d'action internationale (identique à " + place + ")"});
      }
      continue;
    }
    RowOutcome outcome = builder.build(cells, line, context, draft);
    if (outcome.kind == RowOutcome::Kind::Rejected) {
      reject(std::move(outcome.reason));
      continue;
    }
    if (!repair_note.empty()) draft.avertissements.push_back(repair_note);
    if (outcome.kind == RowOutcome::Kind::OtherExercice) {
      summary_.other_exercice.push_back({name, line, outcome.reason});
      continue;
    }
    // A row paid to the beneficiary of a row a strong clue makes international, without a strong
    // clue of its own: a weak candidate, so that a person sees it. The nine rows of Poitiers'
    // cooperation with Moundou (Chad), 42 250 €, named only the city; one of them said « jumelage ».
    if (!draft.action_nature && !draft.beneficiary_key.empty()) {
      if (auto strong = strong_rows.find(draft.beneficiary_key); strong != strong_rows.end() && strong->second.line != line) {
        draft.indices.push_back({ClueKind::SameBeneficiary,
                                 "même bénéficiaire qu'à la ligne " + std::to_string(strong->second.line) + " (« " +
                                     strong->second.clue + " »)",
                                 "", false, ""});
        draft.candidat = true;
      }
    }
    // Left out by --international-seulement, a row still takes its id, after the same numbering:
    // ids do not depend on the filter (a filtered import then a full one with --remplacer must
    // replace each draft by the same row, not the jumelage of a beneficiary by its cybercafé).
    const bool written = !options_.international_only || draft.candidat;
    // A unique id: a different content under an id already taken gets -2, -3... the smallest
    // number free. The search resumes where the last one for this base stopped (all below are
    // taken), so a file whose rows share one base is numbered in linear time, same ids.
    if (const IdEntry* owner = find_id(draft.id)) {
      const std::string base = draft.id;
      const std::size_t owner_file = owner->file, owner_line = owner->line;
      std::uint64_t& next = next_number_.try_emplace(base, 2).first->second;
      while (find_id(base + "-" + std::to_string(next))) ++next;
      draft.id = base + "-" + std::to_string(next);
      ++next;
      if (!written) {
        // Not written: nothing to say of its number.
      } else if (owner_file == text_index) {
        // Several subsidies of one decision to one beneficiary: numbered in file order.
        ++summary_.numbered;
      } else {
        const std::string place = files_[owner_file] + ":" + std::to_string(owner_line);
        summary_.renamed.push_back({name, line, "même identifiant " + base + " que " + place +
                                                    " pour un contenu différent : écrite sous " + draft.id});
        draft.avertissements.push_back("identifiant " + base + " déjà pris par " + place + " (autre contenu) : " + draft.id);
      }
    }
    ids_by_hash_.insert(hash_of(draft.id), static_cast<std::uint32_t>(ids_.size()));
    ids_.push_back({id_text_.size(), draft.id.size(), text_index, line});
    id_text_ += draft.id;
    written_by_cells_.insert(hash, static_cast<std::uint32_t>(written_.size()));
    written_.push_back({text_index, record.offset, record.end_offset, separator, line, ids_.size() - 1, written});
    if (!written) {
      summary_.not_candidates.push_back({name, line, "aucun indice d'action internationale"});
      continue;
    }
    summary_.dossier_warnings += draft.avertissements.size();
    ++summary_.written;
    if (draft.candidat) {
      ++summary_.candidates;
      if (draft.action_nature) ++summary_.strong_candidates;
    }
    keep_going = sink(draft);
  }
  summary_.files[report_index].rows = rows;
  return keep_going;
}

}  // namespace subsidia::interop::scdl
