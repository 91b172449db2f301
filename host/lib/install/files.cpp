#include "install/files.hpp"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#if defined(__unix__) || defined(__APPLE__)
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace fs = std::filesystem;

namespace ownvoice::install {

bool make_dirs(const std::string& dir, std::vector<std::string>& created, std::string& error) {
  std::vector<fs::path> missing;
  std::error_code ec;
  for (fs::path p = fs::path(dir); !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
    missing.push_back(p);
    if (p == p.parent_path()) break;
  }
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    if (!fs::create_directory(*it, ec) && ec) {
      error = "cannot create " + it->string() + ": " + ec.message();
      return false;
    }
    fs::permissions(*it, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                             fs::perms::others_read | fs::perms::others_exec,
                    ec);
    created.push_back(it->string());
  }
  if (!fs::is_directory(dir, ec)) {
    error = dir + " exists and is not a folder";
    return false;
  }
  return true;
}

bool write_file_atomic(const std::string& path, const std::string& content, unsigned mode, std::string& error) {
  const std::string tmp = path + ".ownvoice-tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      error = "cannot write " + path + ": permission denied or folder missing";
      return false;
    }
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      error = "cannot write " + path + " (disk full?)";
      out.close();
      std::remove(tmp.c_str());
      return false;
    }
  }
  std::error_code ec;
  fs::permissions(tmp, static_cast<fs::perms>(mode), ec);
  fs::rename(tmp, path, ec);
  if (ec) {
    error = "cannot replace " + path + ": " + ec.message();
    std::remove(tmp.c_str());
    return false;
  }
  return true;
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
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
  return fs::exists(fs::symlink_status(path, ec));
}

bool is_directory(const std::string& path) {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

bool is_executable_file(const std::string& path) {
#if defined(__unix__) || defined(__APPLE__)
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & S_IXUSR) != 0;
#else
  std::error_code ec;
  return fs::is_regular_file(path, ec);
#endif
}

std::string current_executable() {
  std::error_code ec;
#if defined(__linux__)
  auto p = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : p.string();
#else
  return {};
#endif
}

}  // namespace ownvoice::install
