#pragma once
// Shared helpers for tests/install: a temporary tree standing in for $HOME and the
// machine root, snapshots of a tree, and golden files.
#include <map>
#include <string>

#include "install/platform.hpp"

namespace ownvoice::install::testing {

class TempTree {
 public:
  TempTree();
  ~TempTree();
  TempTree(const TempTree&) = delete;
  TempTree& operator=(const TempTree&) = delete;
  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] std::string operator/(const std::string& rel) const { return path_ + "/" + rel; }
  // <tree>/root as the machine root, <tree>/home as $HOME; nothing found on PATH.
  [[nodiscard]] Environment linux_env() const;

 private:
  std::string path_;
};

void write_text(const std::string& path, const std::string& content, unsigned mode = 0644);
std::string read_text(const std::string& path);
void make_fake_executable(const std::string& path);
unsigned file_mode(const std::string& path);

// Every entry under `dir`: relative path -> "dir 0755" or "file 0644 <fingerprint>".
std::map<std::string, std::string> snapshot(const std::string& dir);

// Compares with tests/install/golden/<name>; OWNVOICE_UPDATE_GOLDEN=1 rewrites it instead.
void expect_golden(const std::string& name, const std::string& actual);

// Sets an environment variable for the life of the object.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value);
  ~ScopedEnv();
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  std::string name_;
  bool had_ = false;
  std::string old_;
};

}  // namespace ownvoice::install::testing
