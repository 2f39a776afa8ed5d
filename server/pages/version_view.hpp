// The page of one stored version of a dossier: who saved it and when, what changed from the
// version before it (fact by fact, with the form's labels), the verdict it had then with its
// explanations, and its content. What a committee voted on can be read again after the dossier
// was amended.
#pragma once

#include <string>

#include "store/store.hpp"

namespace subsidia::server::pages {

// The body of the page (without the layout) of version `v` of dossier `id`.
std::string version_view(const std::string& id, const store::VersionDetail& v);

}  // namespace subsidia::server::pages
