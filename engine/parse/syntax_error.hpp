// Syntax errors as diagnostics: what was found at the failing spot, and what was expected.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "diag/diagnostic.hpp"

namespace subsidia::parse {

// `texte inattendu « xyz »` where xyz is the word, number, string or character at `offset`;
// `fin du fichier inattendue` at the end. An unfinished string (expected = closing quote, at
// a line end) becomes chaine_non_terminee, spanning from its opening quote `string_open`.
diag::Diagnostic syntax_error(std::string_view text, diag::FileId file, std::uint32_t offset, std::string expected,
                              std::uint32_t string_open);

// The offset of the next line that starts with a declaration keyword (règle, source, table,
// définition, importer, in any spelling) at or after `from`; text.size() when there is none.
std::uint32_t next_declaration_start(std::string_view text, std::uint32_t from);

}  // namespace subsidia::parse
