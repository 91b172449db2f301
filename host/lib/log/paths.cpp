// Where the log lives: the user's data directory, per platform conventions.
#include <cstdlib>
#include <string>

#include "log/error.hpp"
#include "log/store.hpp"

namespace ownvoice::log {
namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return (v != nullptr) ? std::string(v) : std::string();
}

}  // namespace

std::string Store::default_path() {
  // Tests and portable setups point the whole data directory elsewhere.
  if (auto dir = env("OWNVOICE_DATA_DIR"); !dir.empty()) return dir + "/log.sqlite";
#if defined(_WIN32)
  if (auto dir = env("LOCALAPPDATA"); !dir.empty()) return dir + "\\OwnVoice\\log.sqlite";
  throw Error(ErrorCode::io_error, "LOCALAPPDATA is not set: cannot locate the log");
#elif defined(__APPLE__)
  if (auto home = env("HOME"); !home.empty()) return home + "/Library/Application Support/OwnVoice/log.sqlite";
  throw Error(ErrorCode::io_error, "HOME is not set: cannot locate the log");
#else
  // XDG Base Directory: a relative XDG_DATA_HOME is invalid and must be ignored.
  if (auto xdg = env("XDG_DATA_HOME"); !xdg.empty() && xdg.front() == '/') return xdg + "/ownvoice/log.sqlite";
  if (auto home = env("HOME"); !home.empty()) return home + "/.local/share/ownvoice/log.sqlite";
  throw Error(ErrorCode::io_error, "HOME is not set: cannot locate the log");
#endif
}

}  // namespace ownvoice::log
