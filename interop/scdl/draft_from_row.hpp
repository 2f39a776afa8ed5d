// One data row of an SCDL file -> a DossierDraft, or the reason it cannot be one (no amount,
// no year, no name of the granting collectivité...). Rows are read one at a time; the
// builder keeps its buffers between rows (one builder per file reader, not thread-safe).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "detect/folded_text.hpp"
#include "detect/international_clues.hpp"
#include "scdl/categories.hpp"
#include "scdl/columns.hpp"
#include "scdl/draft.hpp"
#include "scdl/import_options.hpp"

namespace subsidia::interop::scdl {

struct RowOutcome {
  enum class Kind { Draft, Rejected, OtherExercice };
  Kind kind = Kind::Draft;
  std::string reason;  // Rejected: French; OtherExercice: "exercice 2016"
};

// The rows of a file that share one decision total with a pourcentageSubvention under 1: the
// line and share of each, in file order. Their split amounts are made once, when the first of
// them is built, so that they add up to the total times the sum of their shares: each rounded to
// the cent alone, ten shares of 0.1 of 1 000,05 € made 1 000,10 € (review 25).
struct SharedTotal {
  std::vector<std::pair<std::size_t, decimal::Decimal>> rows;  // line, share
  mutable std::unordered_map<std::size_t, decimal::Decimal> amounts;  // line -> amount, once made
  mutable bool residue_carried = false;  // a row's amount holds the rounding residue
  mutable std::size_t residue_line = 0;
  mutable std::optional<decimal::Decimal> sum_of_shares;  // once the amounts are made
};

// What the builder needs to know of the file.
struct FileContext {
  std::string_view file;
  std::string_view format;
  const ColumnMap* columns = nullptr;
  const std::vector<std::string>* header = nullptr;
  // The importer's first pass: for each decision total that several rows of the file share with a
  // pourcentageSubvention under 1 (RowLink::shared_total), how many rows share it. Null: none.
  const std::unordered_map<std::string, SharedTotal>* shared_totals = nullptr;
};

class DraftBuilder {
 public:
  DraftBuilder(const InternationalClues& clues, const ImportOptions& options);

  // `cells` are the row's cells (views valid until the next row); `draft` is filled when the
  // outcome is Kind::Draft (its id is the base id; the importer makes it unique).
  RowOutcome build(const std::vector<std::string_view>& cells, std::size_t line, const FileContext& file,
                   DossierDraft& draft);

  // What the importer's first pass over a file gathers of a row: its beneficiary (as
  // DossierDraft::beneficiary_key) and, when a strong clue makes it international, the words of
  // its first strong clue ("" otherwise). Reads only the columns this needs.
  struct RowLink {
    std::string beneficiary;
    std::string strong_clue;
    std::string weak_clue;  // the words of its first clue when none is strong, "" otherwise
    // With a pourcentageSubvention under 1: the decision and the amount as written (attributor,
    // referenceDecision, dateConvention, montant), so that rows sharing one total are found;
    // "" otherwise.
    std::string shared_total;
    decimal::Decimal share;  // with shared_total: the row's pourcentageSubvention
  };
  RowLink link_of(const std::vector<std::string_view>& cells, const FileContext& file);

 private:
  std::optional<CategoryGuess> collectivite_category(std::string_view type, std::string_view siren,
                                                     std::string_view name);

  const InternationalClues* clues_;
  const ImportOptions* options_;
  FoldedText folded_objet_, folded_beneficiary_, folded_dispositif_, folded_other_, folded_attributor_;
  std::vector<Clue> found_;
  std::vector<Clue> beneficiary_clues_;  // of the beneficiary's name, found once a row
  // Rows of one file share their collectivité: its guess is made once.
  std::map<std::string, std::optional<CategoryGuess>, std::less<>> category_cache_;
  std::string category_key_;
};

// "Assoc. Les Amis du Sénégal" -> "assoc-les-amis-du-senegal", at most `limit` characters.
std::string slug(std::string_view text, std::size_t limit = 40);
std::string slug(const FoldedText& text, std::size_t limit = 40);

}  // namespace subsidia::interop::scdl
