// The keyword table of the rule language: one entry per keyword, every accepted spelling.
//
// Spellings are separated by '|'; a spelling of several words ("en vigueur") matches its
// words separated by any spacing, line breaks or comments. The French form comes first, then
// the unaccented one, then the English alias. `expected` names the keyword in error messages.
// Plain data, no Spirit: the grammar wraps these in parsers (parse/tokens.hpp).
#pragma once

#include <array>
#include <string_view>

namespace subsidia::parse {

// A byte of a word of the language (a name, a keyword, a number): an ASCII letter or digit,
// '_', or any byte of a multi-byte UTF-8 sequence, so that "société" is one word.
constexpr bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
}

struct Keyword {
  std::string_view spellings;
  std::string_view expected;
};

namespace kw {
// declarations
inline constexpr Keyword import_{"importer|import", "le mot-clé importer"};
inline constexpr Keyword source{"source", "le mot-clé source"};
inline constexpr Keyword table{"table", "le mot-clé table"};
inline constexpr Keyword definition{"définition|definition|define", "le mot-clé définition"};
inline constexpr Keyword rule{"règle|regle|rule", "le mot-clé règle"};
inline constexpr Keyword end{"fin|end", "le mot-clé fin"};
// source clauses
inline constexpr Keyword title{"intitulé|intitule|titre|title", "le mot-clé intitulé"};
inline constexpr Keyword reference{"référence|reference", "le mot-clé référence"};
inline constexpr Keyword note{"note", "le mot-clé note"};
inline constexpr Keyword date_origin{"origine de la date|date origin", "origine de la date"};
inline constexpr Keyword disputed_dates{"date discutée|date discutee|disputed date", "date discutée"};
// periods
inline constexpr Keyword in_force{"en vigueur|in force", "le mot-clé en vigueur"};
inline constexpr Keyword from{"du|from", "le mot-clé du"};
inline constexpr Keyword to{"au|to", "le mot-clé au"};
inline constexpr Keyword until{"jusqu'au|jusqu’au|jusqu au|until", "le mot-clé jusqu'au"};
inline constexpr Keyword always{"à toute date|a toute date|always", "à toute date"};
// rule clauses
inline constexpr Keyword severity{"gravité|gravite|severity", "le mot-clé gravité"};
inline constexpr Keyword blocking{"bloquante|blocking", "bloquante"};
inline constexpr Keyword warning{"avertissement|warning", "avertissement"};
inline constexpr Keyword applies_if{"s'applique si|s’applique si|s applique si|applies if", "s'applique si"};
inline constexpr Keyword requires_{"exige|requires", "le mot-clé exige"};
inline constexpr Keyword if_respected{"si respectée|si respectee|if respected", "si respectée"};
inline constexpr Keyword if_violated{"si violée|si violee|if violated", "si violée"};
inline constexpr Keyword if_unknown{"si indéterminée|si indeterminee|if unknown", "si indéterminée"};
inline constexpr Keyword if_not_applicable{"si sans objet|if not applicable", "si sans objet"};
// logic and comparisons
inline constexpr Keyword and_{"et|and", "et"};
inline constexpr Keyword or_{"ou|or", "ou"};
inline constexpr Keyword not_{"non|not", "non"};
inline constexpr Keyword in{"dans|in", "le mot-clé dans"};
inline constexpr Keyword not_in{"hors de|pas dans|not in", "hors de"};
inline constexpr Keyword exists{"existe|exists", "existe"};
inline constexpr Keyword is{"est|is", "est"};
inline constexpr Keyword absent{"absente|absent", "absent, nul ou renseigné"};
inline constexpr Keyword known{"renseignée|renseigné|renseignee|renseigne|known", "absent, nul ou renseigné"};
inline constexpr Keyword null_{"nulle|nul|null", "absent, nul ou renseigné"};
inline constexpr Keyword otherwise{"sinon|otherwise", "sinon"};
inline constexpr Keyword starts_with{"commence par|starts with", "commence par"};
// quantifiers and counting ("au moins un" is tried before "au moins")
inline constexpr Keyword all{"tous|toutes|all", "tous"};
inline constexpr Keyword some{"au moins un|au moins une|some", "au moins un"};
inline constexpr Keyword none{"aucun|aucune|none", "aucun"};
inline constexpr Keyword at_least{"au moins|at least", "au moins"};
inline constexpr Keyword among{"parmi|of", "le mot-clé parmi"};
inline constexpr Keyword distinct{"distincts|distinct", "distincts"};
// aggregates
inline constexpr Keyword sum{"somme|sum", "somme"};
inline constexpr Keyword count{"nombre|count", "nombre"};
inline constexpr Keyword count_distinct{"distincts|distinct", "distincts"};
inline constexpr Keyword min{"min", "min"};
inline constexpr Keyword max{"max", "max"};
inline constexpr Keyword for_{"pour|for", "le mot-clé pour"};
inline constexpr Keyword if_{"si|if", "si"};
// literals
inline constexpr Keyword true_{"vrai|true", "vrai"};
inline constexpr Keyword false_{"faux|false", "faux"};
inline constexpr Keyword deliberation_date{"date de la délibération|date de la deliberation|deliberation date",
                                           "date de la délibération"};
}  // namespace kw

// Words that cannot start a path: a path there would be ambiguous with an operator, a
// quantifier or the end of a declaration (`fin(s, n)` stays a call: a call is tried first).
inline constexpr std::array<std::string_view, 41> reserved_words{
    "et",    "ou",     "non",    "and",    "or",        "not",      "dans",  "in",   "hors",  "pas",
    "existe", "exists", "est",   "is",     "sinon",     "otherwise", "commence", "starts", "tous", "toutes",
    "all",   "aucun",  "aucune", "none",   "some",      "au",       "at",    "parmi", "of",   "distincts",
    "distinct", "pour", "for",   "si",     "if",        "vrai",     "faux",  "true", "false", "fin",
    "end"};

constexpr bool is_reserved_word(std::string_view word) {
  for (std::string_view w : reserved_words) {
    if (w == word) return true;
  }
  return false;
}

}  // namespace subsidia::parse
