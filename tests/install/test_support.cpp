#include "test_support.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "install/extension_ids.hpp"
#include "install/files.hpp"

namespace fs = std::filesystem;

namespace ownvoice::install::testing {

// The install tests run as a test-hooks build of `ownvoice` does: the development id is
// one of the built-in ids (the golden manifests name it). test_release_ids.cpp checks a
// release build's list without it, in its own process.
namespace {
const bool kDevelopmentIdBuiltIn = (include_development_id_for_tests(), true);
}  // namespace

TempTree::TempTree() {
  std::string tmpl = (fs::temp_directory_path() / "ownvoice-install-XXXXXX").string();
  if (mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
  fs::create_directories(path_ + "/root");
  fs::create_directories(path_ + "/home");
}

TempTree::~TempTree() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

Environment TempTree::linux_env() const {
  Environment e;
  e.os = Os::Linux;
  e.root = path_ + "/root";
  e.home = path_ + "/home";
  e.xdg_config_home = e.home + "/.config";
  e.xdg_data_home = e.home + "/.local/share";
  e.path_env = "/usr/bin:/bin";
  return e;
}

void write_text(const std::string& path, const std::string& content, unsigned mode) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary | std::ios::trunc) << content;
  ::chmod(path.c_str(), static_cast<mode_t>(mode));
}

std::string read_text(const std::string& path) { return read_file(path).value_or("<missing>"); }

void make_fake_executable(const std::string& path) { write_text(path, "#!/bin/sh\nexit 0\n", 0755); }

unsigned file_mode(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return 0;
  return static_cast<unsigned>(st.st_mode) & 07777u;
}

std::map<std::string, std::string> snapshot(const std::string& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    const std::string rel = fs::relative(e.path(), dir).string();
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", file_mode(e.path().string()));
    if (e.is_directory()) {
      out[rel] = std::string("dir ") + mode;
    } else {
      out[rel] = std::string("file ") + mode + " " + fingerprint(read_text(e.path().string()));
    }
  }
  return out;
}

void expect_golden(const std::string& name, const std::string& actual) {
  const std::string path = std::string(OWNVOICE_SOURCE_DIR) + "/tests/install/golden/" + name;
  const char* update = std::getenv("OWNVOICE_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    write_text(path, actual);
    return;
  }
  const auto expected = read_file(path);
  ASSERT_TRUE(expected.has_value()) << "missing golden file " << path
                                    << " (run the test with OWNVOICE_UPDATE_GOLDEN=1 and review the diff)";
  EXPECT_EQ(*expected, actual) << "golden " << name << " differs; if the change is intended, rerun with "
                               << "OWNVOICE_UPDATE_GOLDEN=1 and review `git diff tests/install/golden`";
}

ScopedEnv::ScopedEnv(const char* name, const std::string& value) : name_(name) {
  if (const char* v = std::getenv(name)) {
    had_ = true;
    old_ = v;
  }
  ::setenv(name, value.c_str(), 1);
}

ScopedEnv::~ScopedEnv() {
  if (had_) {
    ::setenv(name_.c_str(), old_.c_str(), 1);
  } else {
    ::unsetenv(name_.c_str());
  }
}

}  // namespace ownvoice::install::testing
