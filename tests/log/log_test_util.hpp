#pragma once
// Shared helpers of the log tests: a temporary data directory, a real SQLite file and real
// libsodium, with a cheap Argon2id so the suite stays fast (one test uses the real cost).
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <gtest/gtest.h>

#include "log/store.hpp"

namespace ownvoice::log::testing {

inline constexpr const char* kPass = "correct horse battery staple";

// Builds a Filter by setting a few fields (GCC warns on partial designated initialisers).
template <typename Set>
Filter filter_with(Set&& set) {
  Filter f;
  set(f);
  return f;
}

inline Options fast_options() {
  Options o;
  o.kdf = KdfParams::fast_for_tests();
  return o;
}

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "ownvoice-log-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  [[nodiscard]] std::string db() const { return (path_ / "log.sqlite").string(); }

 private:
  std::filesystem::path path_;
};

inline Entry sample_entry(int n, std::string decision = "shared") {
  Entry e;
  e.platform = (n % 2 == 0) ? "linkedin" : "x";
  e.url = "https://example.com/compose/" + std::to_string(n);
  e.decision = std::move(decision);
  e.text_checked = "Post number " + std::to_string(n) + " about our great product";
  e.text_shared = e.decision == "cancelled" ? "" : e.text_checked + " Opinions are my own";
  e.findings_summary = nlohmann::json::array({{{"check", "promotional"}, {"severity", "warn"}}});
  e.consent = e.decision != "cancelled";
  e.policy_version = "lumetra-2026-11";
  e.verdict = (n % 3 == 0) ? "warn" : "ok";
  e.promotional = (n % 4 == 0);
  e.check_id = "c-" + std::to_string(n);
  return e;
}

// Runs one SQL statement on the log file with the plain SQLite API, as an attacker with
// write access to the file would.
inline void raw_sql(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
  char* err = nullptr;
  int rc = sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &err);
  std::string msg = err != nullptr ? err : "";
  sqlite3_free(err);
  sqlite3_close(h);
  ASSERT_EQ(rc, SQLITE_OK) << msg;
}

inline std::string integrity_check(const std::string& db) {
  sqlite3* h = nullptr;
  if (sqlite3_open(db.c_str(), &h) != SQLITE_OK) return "cannot open";
  sqlite3_stmt* st = nullptr;
  std::string out;
  sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, nullptr);
  while (sqlite3_step(st) == SQLITE_ROW) out += reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(h);
  return out;
}

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Runs fn() in a forked child and returns what it wrote to the pipe ("ok" or a failure
// description). GoogleTest assertions do not cross fork(), so children report in text.
template <typename Fn>
std::string in_child(Fn&& fn) {
  int fds[2];
  if (::pipe(fds) != 0) return "pipe failed";
  pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    std::string result;
    try {
      result = fn();
    } catch (const std::exception& e) {
      result = std::string("exception: ") + e.what();
    }
    (void)!::write(fds[1], result.data(), result.size());
    ::_exit(0);
  }
  ::close(fds[1]);
  std::string out;
  char buf[512];
  ssize_t n = 0;
  while ((n = ::read(fds[0], buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (!WIFEXITED(status)) out += " (child died with signal " + std::to_string(WTERMSIG(status)) + ")";
  return out;
}

}  // namespace ownvoice::log::testing
