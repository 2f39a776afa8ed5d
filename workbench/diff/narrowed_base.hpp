// The part of the "après" base that can judge a dossier differently from the "avant" base.
//
// A rule family cannot change its statuses when its own text is the same (as the parser sees
// it) and no definition, table or source it names changed, directly or through a definition
// that names it. Those families keep the statuses the "avant" base gave; only the others are
// evaluated under the "après" base, from a copy of it cut down to them. Names are found by
// reading every identifier of the declarations as written (strings and comments included):
// a name read where it is not a reference only makes a family evaluated for nothing, never
// skipped wrongly. Anything this reading cannot vouch for (a table file or schema that
// differs, a declaration it cannot place, a cut-down base that does not load) gives no
// narrowing: every family is evaluated.
#pragma once

#include <optional>
#include <vector>

#include "api/engine.hpp"

namespace subsidia::workbench {

struct NarrowedBase {
  std::optional<api::Loaded> loaded;  // the affected families alone; empty when none is affected
  std::vector<bool> affected;         // per family of the "après" base
  std::vector<int> narrow_index;      // per family of the "après" base: its index in `loaded`, or -1
};

std::optional<NarrowedBase> narrow_after_base(const api::Loaded& before, const api::Loaded& after);

}  // namespace subsidia::workbench
