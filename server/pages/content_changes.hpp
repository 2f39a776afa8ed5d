// What changed in a dossier from one stored version to the next, fact by fact, as a finance
// officer reads it: the field (with the form's label when it has one), its value before and
// after. Numbers keep the text they were written with ("12000.50" stays "12000.50": an amount
// is never passed through a binary double on its way to the page).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace subsidia::server::pages {

// One fact of a dossier: its path in the rules' notation ("financement.plan[1].part") and its
// value as shown on a page (a text as written, a number as written, oui / non, « vide (null) »,
// « objet vide », « liste vide »).
struct ContentLeaf {
  std::string path;
  std::string shown;
};

// Every fact of a dossier's JSON text, in the order it is written; nullopt when the text is not
// JSON (a stored dossier always is: the store keeps what the reader accepted).
std::optional<std::vector<ContentLeaf>> content_leaves(std::string_view json);

struct ContentChange {
  std::string path;
  std::optional<std::string> before;  // nullopt: the fact was not in the earlier version
  std::optional<std::string> after;   // nullopt: the fact is no longer given
};

// The facts added, removed or changed from `before` to `after`: first in the order of `after`
// (changed and added), then the removed ones in the order of `before`. nullopt when either
// text is not JSON.
std::optional<std::vector<ContentChange>> content_changes(std::string_view before, std::string_view after);

}  // namespace subsidia::server::pages
