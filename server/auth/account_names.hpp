// What an account name may be: it is typed at the login, shown in pages, written in the
// audit log, and is a segment of the account's page URLs (/comptes/NOM/etat).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace subsidia::server::auth {

// Why `name` cannot name an account (French, for the form or the console), or nothing.
std::optional<std::string> account_name_problem(std::string_view name);

}  // namespace subsidia::server::auth
