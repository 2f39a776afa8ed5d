// The canonical layout of a `.regles` file (docs/dsl.md, « Mise en forme »):
//   - declarations (importer, source, table, définition, règle, fin) at column 0;
//   - inside a source or a rule, one clause per line, indented by 2;
//   - a clause that goes on over several lines continues under its content (the column after
//     its keyword), or one column right of the innermost bracket still open;
//   - a line of a condition longer than 100 columns is broken before an `et` / `ou`;
//   - adjacent strings are joined and rewrapped at 100 columns, cut after a space, the
//     pieces aligned under the first quote (the language joins adjacent strings);
//   - comments stay where they are (on their own line, or at the end of a line), blank lines
//     are kept but never more than one in a row, no trailing blanks, one final line end;
//   - the line breaks the author put elsewhere are kept.
// Only blanks and line ends between tokens change, and strings are only cut at a space and
// rejoined by the language: the meaning cannot change (same_meaning.hpp checks it anyway).
#pragma once

#include <string>
#include <string_view>

namespace subsidia::workbench::fmt {

inline constexpr std::size_t kLineWidth = 100;

// The text laid out; idempotent: layout(layout(t)) == layout(t). Expects a file the parser
// accepts (format_file.hpp refuses the others before calling it).
std::string layout(std::string_view text);

}  // namespace subsidia::workbench::fmt
