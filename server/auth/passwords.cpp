#include "auth/passwords.hpp"

#include <sodium.h>

namespace subsidia::server::auth {

std::optional<std::string> hash_password(std::string_view password) {
  if (sodium_init() < 0) return std::nullopt;
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    return std::nullopt;
  return std::string(out);
}

bool verify_password(std::string_view password, const std::string& stored_hash) {
  if (sodium_init() < 0) return false;
  return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

bool verify_login(std::string_view password, const std::string* stored_hash) {
  if (stored_hash != nullptr) return verify_password(password, *stored_hash);
  // Same cost parameters as a real account's hash; made once, on the first unknown name.
  static const std::string decoy = hash_password("pas un compte : hachage de temps constant").value_or(std::string());
  if (!decoy.empty()) verify_password(password, decoy);
  return false;
}

std::optional<std::string> password_problem(std::string_view password) {
  if (password.size() < 10) return "mot de passe trop court : 10 caractères au moins";
  if (password.find_first_not_of(" \t") == std::string_view::npos) return "mot de passe fait de blancs seulement";
  if (password.size() > 1024) return "mot de passe trop long : 1024 caractères au plus";
  return std::nullopt;
}

}  // namespace subsidia::server::auth
