// Session and CSRF tokens: 32 bytes from libsodium's randombytes, as 64 hex digits. The
// store keeps only the SHA-256 of a session token, so its database opens no session.
#pragma once

#include <string>
#include <string_view>

namespace subsidia::server::auth {

std::string random_token();
std::string sha256_hex(std::string_view data);
// Compares in a time that does not depend on where the texts first differ.
bool equal_in_constant_time(std::string_view a, std::string_view b);

}  // namespace subsidia::server::auth
