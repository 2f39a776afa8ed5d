#include "auth/tokens.hpp"

#include <sodium.h>
#include <stdexcept>

namespace subsidia::server::auth {

namespace {
std::string hex(const unsigned char* bytes, std::size_t size) {
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, size);
  out.pop_back();
  return out;
}
}  // namespace

std::string random_token() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium indisponible");
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  return hex(bytes, sizeof bytes);
}

std::string sha256_hex(std::string_view data) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return hex(digest, sizeof digest);
}

bool equal_in_constant_time(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

static_assert(crypto_auth_KEYBYTES == 32 && crypto_auth_BYTES == 32);

LoginFormTokens::LoginFormTokens() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium indisponible");
  crypto_auth_keygen(key_);
}

std::string LoginFormTokens::issue() const {
  unsigned char nonce[32], tag[crypto_auth_BYTES];
  randombytes_buf(nonce, sizeof nonce);
  crypto_auth(tag, nonce, sizeof nonce, key_);
  return hex(nonce, sizeof nonce) + hex(tag, sizeof tag);
}

bool LoginFormTokens::genuine(std::string_view token) const {
  if (token.size() != 128) return false;
  unsigned char bytes[64];
  std::size_t length = 0;
  if (sodium_hex2bin(bytes, sizeof bytes, token.data(), token.size(), nullptr, &length, nullptr) != 0 || length != 64)
    return false;
  return crypto_auth_verify(bytes + 32, bytes, 32, key_) == 0;
}

}  // namespace subsidia::server::auth
