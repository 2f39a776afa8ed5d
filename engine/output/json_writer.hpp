// A small append-only JSON writer for the hot output path of `subsidia check`: strings are
// escaped by hand (quotes, backslash, control characters as \uXXXX or their short forms),
// UTF-8 passes through unchanged, and nothing is allocated beyond the target string.
//
// It does not track commas or nesting: callers write the structure they know, which keeps
// the per-dossier cost at a few appends. nlohmann stays available for reading elsewhere.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace subsidia::output::json {

// Appends `text` as a JSON string literal, quotes included.
void append_string(std::string& out, std::string_view text);

// Appends `"key":` (the key escaped).
void append_key(std::string& out, std::string_view key);

void append_integer(std::string& out, std::uint64_t value);

}  // namespace subsidia::output::json
