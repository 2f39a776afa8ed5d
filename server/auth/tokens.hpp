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

// The login form's anti-forgery token, double-submitted (a cookie and a field): 32 random
// bytes and their HMAC under a key drawn when the server starts, 128 hex digits. A pair the
// server did not issue (a cookie planted by a sibling subdomain or over plain HTTP, with the
// same value in the field) is refused; a restart expires the forms then open.
class LoginFormTokens {
 public:
  LoginFormTokens();
  std::string issue() const;
  bool genuine(std::string_view token) const;

 private:
  unsigned char key_[32];
};

}  // namespace subsidia::server::auth
