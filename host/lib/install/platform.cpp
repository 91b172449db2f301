#include "install/platform.hpp"

#include <cstdlib>

#include "platform/platform.hpp"

namespace ownvoice::install {

const char* to_string(Os os) {
  switch (os) {
    case Os::Linux: return "linux";
    case Os::MacOS: return "macos";
    case Os::Windows: return "windows";
  }
  return "linux";
}

const char* to_string(Scope scope) { return scope == Scope::User ? "user" : "system"; }

std::optional<Os> parse_os(std::string_view name) {
  if (name == "linux") return Os::Linux;
  if (name == "macos" || name == "darwin" || name == "mac") return Os::MacOS;
  if (name == "windows" || name == "win") return Os::Windows;
  return std::nullopt;
}

Os current_os() {
#if defined(_WIN32)
  return Os::Windows;
#elif defined(__APPLE__)
  return Os::MacOS;
#else
  return Os::Linux;
#endif
}

namespace {

std::string env_or(const char* name, const std::string& fallback) {
  const std::string v = platform::env_or_empty(name);
  return !v.empty() ? v : fallback;
}

// XDG Base Directory: a relative value is invalid and must be ignored.
std::string xdg_or(const char* name, const std::string& fallback) {
  const std::string v = env_or(name, fallback);
  return (!v.empty() && v.front() == '/') ? v : fallback;
}

}  // namespace

Environment Environment::from_process(std::optional<Os> os, std::string root) {
  Environment e;
  e.os = os.value_or(current_os());
  e.root = std::move(root);
  while (e.root.size() > 1 && e.root.back() == '/') e.root.pop_back();
  e.path_env = env_or("PATH", "/usr/local/bin:/usr/bin:/bin");
  const bool native = e.os == current_os();
  switch (e.os) {
    case Os::Linux:
      e.home = env_or("HOME", platform::home_dir());
      e.xdg_config_home = xdg_or("XDG_CONFIG_HOME", e.home + "/.config");
      e.xdg_data_home = xdg_or("XDG_DATA_HOME", e.home + "/.local/share");
      break;
    case Os::MacOS: e.home = native ? env_or("HOME", platform::home_dir()) : "/Users/user"; break;
    case Os::Windows:
      // Off Windows these are the stock values, so renders are reproducible.
      e.home = native ? env_or("USERPROFILE", "C:\\Users\\user") : "C:\\Users\\user";
      e.local_app_data = native ? env_or("LOCALAPPDATA", e.home + "\\AppData\\Local") : e.home + "\\AppData\\Local";
      e.program_data = native ? env_or("ProgramData", "C:\\ProgramData") : "C:\\ProgramData";
      e.program_files = native ? env_or("ProgramFiles", "C:\\Program Files") : "C:\\Program Files";
      break;
  }
  return e;
}

std::string Environment::join(std::string_view a, std::string_view b) const {
  const char sep = os == Os::Windows ? '\\' : '/';
  std::string out(a);
  if (!out.empty() && out.back() != sep) out.push_back(sep);
  while (!b.empty() && b.front() == sep) b.remove_prefix(1);
  out.append(b);
  return out;
}

std::string Environment::on_disk(const std::string& logical_path, Scope scope) const {
  if (scope == Scope::User || root.empty() || root == "/") return logical_path;
  return root + logical_path;
}

std::string Environment::state_dir(Scope scope) const {
  switch (os) {
    case Os::Linux: return scope == Scope::User ? join(xdg_data_home, "ownvoice") : std::string("/var/lib/ownvoice");
    case Os::MacOS:
      return scope == Scope::User ? join(home, "Library/Application Support/OwnVoice")
                                  : std::string("/Library/Application Support/OwnVoice");
    case Os::Windows: return scope == Scope::User ? join(local_app_data, "OwnVoice") : join(program_data, "OwnVoice");
  }
  return {};
}

}  // namespace ownvoice::install
