#include "install/files.hpp"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "platform/platform.hpp"

namespace fs = std::filesystem;

namespace ownvoice::install {

bool make_dirs(const std::string& dir, std::vector<std::string>& created, std::string& error) {
  std::vector<fs::path> missing;
  std::error_code ec;
  for (fs::path p = platform::fs_path(dir); !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
    missing.push_back(p);
    if (p == p.parent_path()) break;
  }
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    if (!fs::create_directory(*it, ec) && ec) {
      error = "cannot create " + platform::utf8(*it) + ": " + ec.message();
      return false;
    }
    fs::permissions(*it,
                    fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec | fs::perms::others_read |
                        fs::perms::others_exec,
                    ec);
    created.push_back(platform::utf8(*it));
  }
  if (!fs::is_directory(platform::fs_path(dir), ec)) {
    error = dir + " exists and is not a folder";
    return false;
  }
  return true;
}

bool write_file_atomic(const std::string& path, const std::string& content, unsigned mode, std::string& error) {
  const std::string tmp = path + ".ownvoice-tmp";
  std::error_code ec_ignored;
  {
    std::ofstream out(platform::fs_path(tmp), std::ios::binary | std::ios::trunc);
    if (!out) {
      error = "cannot write " + path + ": permission denied or folder missing";
      return false;
    }
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      error = "cannot write " + path + " (disk full?)";
      out.close();
      fs::remove(platform::fs_path(tmp), ec_ignored);
      return false;
    }
  }
  std::error_code ec;
  fs::permissions(platform::fs_path(tmp), static_cast<fs::perms>(mode), ec);
  fs::rename(platform::fs_path(tmp), platform::fs_path(path), ec);
  if (ec) {
    error = "cannot replace " + path + ": " + ec.message();
    fs::remove(platform::fs_path(tmp), ec_ignored);
    return false;
  }
  return true;
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(platform::fs_path(path), std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return ss.str();
}

std::string fingerprint(const std::string& content) {
  std::uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : content) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

bool path_exists(const std::string& path) {
  std::error_code ec;
  return fs::exists(fs::symlink_status(platform::fs_path(path), ec));
}

bool remove_file(const std::string& path) {
  std::error_code ec;
  return fs::remove(platform::fs_path(path), ec);
}

bool is_directory(const std::string& path) {
  std::error_code ec;
  return fs::is_directory(platform::fs_path(path), ec);
}

bool is_executable_file(const std::string& path) { return platform::is_executable_file(path); }

std::string current_executable() { return platform::current_executable(); }

}  // namespace ownvoice::install
