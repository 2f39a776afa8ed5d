// A thin RAII layer over the SQLite C API: a connection, prepared statements with bound
// parameters (the only way a value reaches SQL: nothing is ever spliced into a statement's
// text), and a transaction that rolls back unless committed.
//
// Errors are exceptions here on purpose: a failing statement is either a bug or a broken
// disk, and the caller's transaction must unwind; the HTTP layer turns them into a 500.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace subsidia::server::store {

class SqliteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Database;

// A statement is prepared once per connection and text, then reused (Database keeps it): a
// request's few statements cost no SQL parsing after the first time (sqlite3Parser was a
// tenth of the server's CPU under load). A statement whose text is already in use by a live
// Statement (the same query nested in itself) gets a fresh one of its own.
class Statement {
 public:
  Statement(Database& db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters are 1-based, as in SQL (?1, ?2, ...).
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::int64_t value);
  Statement& bind_null(int index);
  // true while there is a row; false when done.
  bool step();
  // Runs to the end (INSERT, UPDATE, DDL), then resets, ready for new parameters.
  void run();
  // Ready to run again (bindings kept until bound again).
  void reset();
  std::string text(int column) const;    // 0-based; "" for NULL
  std::int64_t integer(int column) const;
  bool is_null(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  bool* in_use_ = nullptr;  // from the connection's cache: reset and given back, not finalized
};

class Database {
 public:
  explicit Database(const std::string& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // For statements without parameters only (pragmas, DDL of the migrations).
  void exec(std::string_view sql);
  std::int64_t last_insert_id() const;
  // A deterministic SQL function of one text argument, computed by `fn` (NULL gives NULL). For
  // what SQL cannot say itself: the search key of a text (accents and case folded as the jaune
  // folds ids).
  using TextFunction = std::string (*)(std::string_view);
  void define_text_function(const char* name, TextFunction fn);

  sqlite3* handle() const { return db_; }

 private:
  friend class Statement;
  struct Cached {
    sqlite3_stmt* stmt = nullptr;
    bool in_use = false;
  };
  // Not thread-safe on its own: a connection is used by one thread at a time (the store's
  // mutex), as SQLite's prepared statements require anyway.
  std::map<std::string, Cached, std::less<>> statements_;
  sqlite3* db_ = nullptr;
};

// BEGIN IMMEDIATE: the write lock is taken at the start, so two writers never deadlock
// upgrading a read lock; rolled back by the destructor unless commit() ran.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

}  // namespace subsidia::server::store
