// Which families of the "après" base can judge a dossier differently from the "avant" base.
//
// A rule family cannot change its statuses when its own text is the same (as the parser sees
// it) and no definition, table or source it names changed, directly or through a definition
// that names it. Those families keep the statuses the "avant" base gave; only the others are
// evaluated under the "après" base (api::Engine::statuses with `only`). Names are found by reading
// every identifier of the declarations as written (strings and comments included): a name
// read where it is not a reference only makes a family evaluated for nothing, never skipped
// wrongly. Anything this reading cannot vouch for (a table file or schema that differs, a
// declaration it cannot place) gives no narrowing: every family is evaluated.
#pragma once

#include <algorithm>
#include <optional>
#include <vector>

#include "api/engine.hpp"

namespace subsidia::workbench {

struct NarrowedBase {
  std::vector<bool> affected;  // per family of the "après" base; none may be
  bool any() const { return std::find(affected.begin(), affected.end(), true) != affected.end(); }
};

std::optional<NarrowedBase> narrow_after_base(const api::Loaded& before, const api::Loaded& after);

}  // namespace subsidia::workbench
