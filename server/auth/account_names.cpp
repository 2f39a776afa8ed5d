#include "auth/account_names.hpp"

#include "diag/utf8.hpp"

namespace subsidia::server::auth {

std::optional<std::string> account_name_problem(std::string_view name) {
  if (name.empty() || name.size() > 64) return "nom de 1 à 64 caractères";
  // Bytes that are not UTF-8 would go into the audit log as they are, and make its JSON
  // (/api/audit) and its pages unreadable.
  if (diag::first_invalid_utf8(name)) return "nom en UTF-8 (octets invalides)";
  for (unsigned char c : name)
    if (c < 0x21 || c == 0x7F) return "nom sans espace ni caractère de contrôle";
  // A URL segment: « / » would split it, and a browser resolves « . » and « .. » away, so the
  // account's forms would not reach it and it could not be deactivated from the pages.
  if (name.find('/') != std::string_view::npos || name.find('\\') != std::string_view::npos)
    return "nom sans « / » ni « \\ »";
  if (name == "." || name == "..") return "nom autre que « . » ou « .. »";
  return std::nullopt;
}

}  // namespace subsidia::server::auth
