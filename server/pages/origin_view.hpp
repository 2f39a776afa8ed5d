// Where a draft dossier comes from, in French, for the person who completes it: the published
// file and its line, whether the row looks like an international action and on which clues
// (strong or weak), every value the importer guessed with its reason, the warnings about the
// file's values, and the row's cells as read. A dossier written by hand has no origin: "".
#pragma once

#include <string>

namespace subsidia::server::pages {

// The section for the `origine` object of a dossier's JSON text, or "" when it has none.
std::string origin_html(const std::string& content);

}  // namespace subsidia::server::pages
