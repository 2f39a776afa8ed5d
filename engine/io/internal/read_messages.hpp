// The reader's French messages and the helpers they share: what is shown of an offending
// value, what a schema node expects, what simdjson's errors mean. Internal to io/.
#pragma once

#include <simdjson.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "io/schema.hpp"

namespace subsidia::io::internal {

// Trailing blanks off (a JSON number's raw token carries them).
std::string_view trim_right(std::string_view s);
// The offending value as the dossier wrote it, cut at a character boundary (40 bytes).
std::string shown(std::string_view raw);
// "montant attendu (…)", "date attendue au format AAAA-MM-JJ", …
const char* expected_french(const schema::Node& node);
// "region, departement, commune, …"
std::string enum_list(const schema::Node& node);
// simdjson's error, in French.
std::string syntax_message(simdjson::error_code code);
// The letter a byte stands for in Windows-1252 when it is one French writes, else empty:
// how an encoding error tells a Latin-1 file from garbage.
std::string_view windows_1252_letter(unsigned char byte);
// Characters (code points) of a UTF-8 text.
std::size_t code_points(std::string_view s);

}  // namespace subsidia::io::internal
