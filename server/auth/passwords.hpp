// Passwords: Argon2id through libsodium's crypto_pwhash_str (salt and parameters inside the
// stored string), at the "interactive" cost: ~0.1 s and 64 MiB per login on our machines,
// which with the login throttle makes guessing slow.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace subsidia::server::auth {

// std::nullopt only when the machine cannot give the memory.
std::optional<std::string> hash_password(std::string_view password);
bool verify_password(std::string_view password, const std::string& stored_hash);
// A login's check: `password` against `stored_hash`, or, when the name has no usable account
// (unknown, deactivated: nullptr), against a hash made once for the purpose, and false. Either
// way one Argon2id verification is spent, so the answer takes the same time whether the name
// exists or not: the timing does not tell which accounts exist.
bool verify_login(std::string_view password, const std::string* stored_hash);

// A French reason when a new password is too weak, std::nullopt when acceptable.
std::optional<std::string> password_problem(std::string_view password);

}  // namespace subsidia::server::auth
