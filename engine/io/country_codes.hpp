// Country codes of dossiers: ISO 3166-1 alpha-2, checked against the list, not only by
// shape ("XX" has the shape and is no country).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace subsidia::io {

bool is_country_code(std::string_view code);
std::span<const std::string_view> country_codes();  // sorted
// The code meant by a near miss ("fr" → "FR", "UK" → "GB"), when there is one.
std::optional<std::string> suggest_country_code(std::string_view text);

}  // namespace subsidia::io
