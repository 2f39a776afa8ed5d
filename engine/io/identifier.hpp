// What makes a dossier id unusable whatever the command: made of blanks only, or holding a
// character a person cannot see or that changes what is seen. Such an id looks like another
// (or like nothing) in every list: the jaune counted one dossier twice under two ids that only
// a zero-width space told apart, and a blank id was judged conforme (reviews 16 and 19).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace subsidia::io {

// Why `id` is refused (French), or nothing.
std::optional<std::string> identifier_problem(std::string_view id);

}  // namespace subsidia::io
