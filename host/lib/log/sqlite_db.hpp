#pragma once
// A thin RAII layer over the SQLite C API for the log: one connection, prepared statements,
// and the mapping of SQLite result codes onto the log's stable error codes
// (FULL/READONLY/IOERR/CANTOPEN/BUSY -> io_error, CORRUPT/NOTADB -> corrupt).
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace ownvoice::log::sql {

class Statement;

class Database {
 public:
  // Opens an existing file read-write (create=false) or creates it (create=true).
  // Throws Error(io_error) / Error(corrupt).
  Database(const std::string& path, bool create, int busy_timeout_ms);
  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  void exec(const char* sql);  // throws on error
  Statement prepare(const char* sql);
  [[nodiscard]] std::int64_t last_insert_rowid() const;
  [[nodiscard]] sqlite3* handle() const { return db_; }
  [[noreturn]] void fail(int rc, std::string_view what) const;

 private:
  sqlite3* db_ = nullptr;
};

class Statement {
 public:
  Statement(const Database& db, sqlite3_stmt* stmt) : db_(&db), stmt_(stmt) {}
  Statement(Statement&&) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, std::string_view text);
  Statement& bind_blob(int index, std::span<const unsigned char> blob);
  bool step();  // true: a row is available; false: done. Throws on error.
  void run();   // step() to completion, expecting no rows
  void reset();

  [[nodiscard]] std::int64_t column_int(int index) const;
  [[nodiscard]] std::string column_text(int index) const;
  [[nodiscard]] std::span<const unsigned char> column_blob(int index) const;  // valid until next step
  [[nodiscard]] bool column_is_null(int index) const;

 private:
  const Database* db_;
  sqlite3_stmt* stmt_;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back by the destructor unless commit() succeeded.
// IMMEDIATE takes the write lock up front, so two hosts appending at once serialise on the
// busy handler instead of one failing with SQLITE_BUSY at upgrade time.
class Transaction {
 public:
  explicit Transaction(Database& db);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  void commit();

 private:
  Database& db_;
  bool open_ = true;
};

// BEGIN (deferred) ... COMMIT for reads: one consistent snapshot of the WAL while appends go on.
class ReadTransaction {
 public:
  explicit ReadTransaction(Database& db);
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;
  ~ReadTransaction();

 private:
  Database& db_;
};

}  // namespace ownvoice::log::sql
