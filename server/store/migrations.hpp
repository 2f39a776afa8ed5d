// The store's schema, as an ordered list of migrations: migration i brings a database from
// PRAGMA user_version i to i + 1, in one transaction with the version bump. A database is
// only ever moved forward, and a newer one than this program knows is refused.
#pragma once

#include <span>
#include <string_view>

namespace subsidia::server::store {

class Database;

std::span<const std::string_view> migrations();

// Applies the missing migrations; throws SqliteError on a database newer than the program.
void migrate(Database& db);

}  // namespace subsidia::server::store
