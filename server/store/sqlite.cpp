#include "store/sqlite.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

namespace subsidia::server::store {

namespace {
[[noreturn]] void fail(sqlite3* db, std::string_view what) {
  throw SqliteError(std::string(what) + " : " + (db ? sqlite3_errmsg(db) : "base inaccessible"));
}
}  // namespace

Database::Database(const std::string& path) {
  // The file holds password hashes, session tokens and every dossier: created readable by its
  // owner only (it was 0644 under the usual umask; review of 3 December 2026). SQLite gives its
  // journal files the database's mode.
  if (path != ":memory:" && !path.empty() && ::access(path.c_str(), F_OK) != 0) {
    const int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd >= 0) ::close(fd);
  }
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : "mémoire insuffisante";
    sqlite3_close(db_);
    db_ = nullptr;
    throw SqliteError("ouverture de " + path + " impossible : " + message);
  }
  // Another process (a second server, the sqlite3 shell) may hold the lock a moment.
  sqlite3_busy_timeout(db_, 5000);
}

Database::~Database() {
  for (auto& [sql, cached] : statements_) sqlite3_finalize(cached.stmt);
  sqlite3_close(db_);
}

void Database::exec(std::string_view sql) {
  const std::string text(sql);
  char* message = nullptr;
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string error = message ? message : "erreur inconnue";
    sqlite3_free(message);
    throw SqliteError("SQL : " + error);
  }
}

void Database::define_text_function(const char* name, TextFunction fn) {
  auto call = [](sqlite3_context* context, int, sqlite3_value** args) {
    if (sqlite3_value_type(args[0]) == SQLITE_NULL) return sqlite3_result_null(context);
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(args[0]));
    const int bytes = sqlite3_value_bytes(args[0]);
    auto function = reinterpret_cast<TextFunction>(sqlite3_user_data(context));
    try {
      const std::string result = function(std::string_view(text ? text : "", static_cast<std::size_t>(bytes)));
      sqlite3_result_text(context, result.data(), static_cast<int>(result.size()), SQLITE_TRANSIENT);
    } catch (const std::bad_alloc&) {
      sqlite3_result_error_nomem(context);
    }
  };
  if (sqlite3_create_function_v2(db_, name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                 reinterpret_cast<void*>(fn), call, nullptr, nullptr, nullptr) != SQLITE_OK)
    fail(db_, std::string("fonction SQL ") + name);
}

std::int64_t Database::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }

Statement::Statement(Database& db, std::string_view sql) : db_(db.handle()) {
  auto found = db.statements_.find(sql);
  if (found != db.statements_.end() && !found->second.in_use) {
    stmt_ = found->second.stmt;
    in_use_ = &found->second.in_use;  // a std::map's entries never move
    *in_use_ = true;
    return;
  }
  // PERSISTENT: kept for the connection's life, which SQLite allocates accordingly.
  if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) !=
      SQLITE_OK)
    fail(db_, "préparation de la requête");
  if (found == db.statements_.end()) {
    in_use_ = &db.statements_.emplace(std::string(sql), Database::Cached{stmt_, true}).first->second.in_use;
  }
}

Statement::~Statement() {
  if (in_use_ == nullptr) {
    sqlite3_finalize(stmt_);
    return;
  }
  // Given back clean: no open read (a SELECT left mid-way would hold its snapshot) and no
  // parameter of this use visible to the next.
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  *in_use_ = false;
}

Statement& Statement::bind(int index, std::string_view text) {
  if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) != SQLITE_OK)
    fail(db_, "paramètre");
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) fail(db_, "paramètre");
  return *this;
}

Statement& Statement::bind_null(int index) {
  if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) fail(db_, "paramètre");
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(db_, "exécution de la requête");
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() { sqlite3_reset(stmt_); }

std::string Statement::text(int column) const {
  const unsigned char* p = sqlite3_column_text(stmt_, column);
  if (!p) return {};
  return std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

// Through the connection's statement cache, like every other statement: sqlite3_exec parsed
// "BEGIN IMMEDIATE" and "COMMIT" again for each of the thousands of commits a second the
// audit rows of checks make under load.
Transaction::Transaction(Database& db) : db_(db) { Statement(db_, "BEGIN IMMEDIATE").run(); }

Transaction::~Transaction() {
  if (!done_) {
    try {
      Statement(db_, "ROLLBACK").run();
    } catch (...) {
      // Nothing to do: SQLite has already rolled back when the connection failed.
    }
  }
}

void Transaction::commit() {
  Statement(db_, "COMMIT").run();
  done_ = true;
}

}  // namespace subsidia::server::store
