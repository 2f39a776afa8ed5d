// "Did you mean": distances between names, for the checker's suggestions and for the dossier
// reader, which must never let a misspelt key (« délibération », « deliberaton ») pass
// unnoticed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace subsidia::diag {

// Levenshtein distance in bytes.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidates nearest to `name` (at most `limit`), nearest first; all of them (up to
// `limit`) when none is near.
std::vector<std::string> nearest_names(std::string_view name, const std::vector<std::string>& candidates,
                                       std::size_t limit = 5);

// " ; vouliez-vous dire « action.pays » ?" when the nearest candidate is one or two slips
// from `written` (case and accents aside), as the guide promises; empty otherwise, the list
// of candidates then standing alone as what was expected. `nearest` as nearest_names gives it.
std::string did_you_mean(std::string_view written, const std::vector<std::string>& nearest,
                         std::string_view shown_prefix = {});

// Whether `key`, a key the schema does not know, may be `missing`, a required field absent from
// the same object, misspelt: the same words, or one slip apart, however short the name (« noms »
// for « nom », « ids » for « id »). Looser than misspelt_names, which judges a key alone: here
// the field it may stand for is known to be missing.
bool may_be_misspelt(std::string_view key, std::string_view missing);

// `text` in lower case with the accents of French and the other Latin-1 letters taken off
// (é → e, Œ → oe, ç → c), so that « Délibération » and « deliberation » compare equal.
std::string fold_case_and_accents(std::string_view text);

// The candidate that `key` most likely misspells: equal once case and accents are folded,
// or one edit away (insertion, deletion, substitution or swap of two neighbours) when both
// are long enough for one edit to be a slip rather than another word (4 characters or
// more). None when `key` is itself a candidate or when two candidates are equally near.
std::optional<std::string> misspelt_name(std::string_view key, const std::vector<std::string_view>& candidates);

// Every field of `candidates` that the dossier key `key` may misspell, for the reader, which
// refuses such a key rather than judge the dossier without the fact (a rule would then say
// « sans objet » where it was violated). Broader than misspelt_name, on purpose: a key the
// schema does not know already keeps a dossier from being compliant, so refusing one that was
// meant as something else costs a rename, where accepting it cost a wrong explanation.
// A candidate is near when, case, accents and the separators `_`, `-`, `.` and blanks set aside
// (`prise-de-position-politique`, `partenaireEntiteNonReconnue` for `partenaire_entite_non_reconnue`),
// the key is the same, or one edit or swap away with the candidate 4 characters or more and the
// key 3 or more (`pas`, `pla` for `pays`, `plan`). Empty when `key` is a candidate; several when
// several are equally near (`sction`: `section` and `action`), in the candidates' order.
std::vector<std::string> misspelt_names(std::string_view key, const std::vector<std::string_view>& candidates);

}  // namespace subsidia::diag
