// What built this engine: shown by `subsidia --version` and named in every output, with the
// rule base's fingerprint, so that a verdict can be reproduced later.
#pragma once

#include <string_view>

namespace subsidia::api {

std::string_view engine_version();   // "0.2.0" (the project's version)
std::string_view engine_commit();    // the git commit the binary was built from, or "inconnu"
std::string_view engine_compiler();  // "GCC 12.2.0", "clang 14.0.6"

}  // namespace subsidia::api
