// The benchmarks load their rule bases through the library facade (api::Engine), as the
// CLI, the reports and the server do: no command-line code in a measured program.
#pragma once

#include <filesystem>
#include <memory>
#include <ostream>

#include "api/engine.hpp"

namespace subsidia::bench {

// `rules` empty: the source tree's rules/. `schema` empty: <rules>/dossier.schema.json when
// there is one, else the source tree's. Prints every diagnostic on `errors`; null on failure.
std::shared_ptr<const api::Engine> load_engine(const std::filesystem::path& rules,
                                               const std::filesystem::path& schema, std::ostream& errors);

}  // namespace subsidia::bench
