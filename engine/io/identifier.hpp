// What makes a dossier id unusable whatever the command: made of blanks only, or holding a
// character a person cannot see or that changes what is seen. Such an id looks like another
// (or like nothing) in every list: the jaune counted one dossier twice under two ids that only
// a zero-width space told apart, and a blank id was judged conforme (reviews 16 and 19).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace subsidia::io {

// A character that shows nothing and is no blank: zero-width spaces and joiners, a soft
// hyphen, variation selectors, fillers (Hangul, braille blank), tag characters, interlinear
// annotation marks, the byte order mark. The jaune's id key (reports/id_key.cpp) leaves them
// out; an id holding one is refused here.
bool is_invisible_character(char32_t c);
// A direction mark or override: it changes the order in which the other characters show.
bool is_direction_mark(char32_t c);
// A blank of Unicode's space separators (Zs: the space, the no-break space, the en, em, thin,
// hair, narrow no-break, medium mathematical and ideographic spaces, the Ogham space mark):
// each looks like a space, or like nothing at the end of an id.
bool is_unicode_blank(char32_t c);
// Whether `text` shows nothing: ASCII white space, Unicode space separators and invisible
// characters only (or nothing). A field marked x-empty-means-absent holding a no-break space
// alone is as absent as one holding "" (review 26: it was read as a value, « Le compte   n'est
// pas un compte », non conforme with nothing missing).
bool is_blank_text(std::string_view text);

// Why `id` is refused (French), or nothing.
std::optional<std::string> identifier_problem(std::string_view id);

}  // namespace subsidia::io
