// The key under which the jaune recognises one dossier read twice: its id without the
// differences a copy picks up on the way (a blank at either end, letters in upper or lower
// case, an accent composed in one character or written as a letter and a combining mark,
// or left out, a hyphen typed as a typographic dash). Two dossiers whose ids differ only in these ways would otherwise be counted
// twice, with ids that look the same in every list.
#pragma once

#include <string>
#include <string_view>

namespace subsidia::reports {

std::string id_key(std::string_view id);

// `id` as a person can tell it from its twin in a message: a blank other than the space, or a
// character that shows nothing, written as its code (« R1-X2050⟨U+2003⟩ »), a space at an end as
// « ␣ ». Two ids the key takes for one are otherwise shown alike (review 26).
std::string visible_id(std::string_view id);

}  // namespace subsidia::reports
