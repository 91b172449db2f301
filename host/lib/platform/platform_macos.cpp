// macOS: folders under ~/Library and /Library, process hardening (see platform.hpp). Not
// compiled or run on this project's Debian CI (docs/windows.md, "macOS"). POSIX calls are
// in platform_posix.cpp.
#include <mach-o/dyld.h>

#include <cstdint>
#include <stdexcept>
#include <string>

#include "platform/platform.hpp"
#include "platform/posix_internal.hpp"

namespace ownvoice::platform {

Lockdown forbid_network() {
  // sandbox_init() is deprecated and App Sandbox needs a signed entitlement: the
  // hardened, notarized build is where this belongs (docs/windows.md, "macOS").
  return {false, "no system-call filter on macOS (see docs/host.md)"};
}

std::string current_executable() {
  char buf[4096];
  std::uint32_t size = sizeof buf;
  return _NSGetExecutablePath(buf, &size) == 0 ? std::string(buf) : std::string();
}

std::string default_system_policy_path() { return "/Library/Application Support/OwnVoice/policy.json"; }

std::string default_user_preferences_path() {
  return home_dir() + "/Library/Application Support/OwnVoice/preferences.json";
}

std::string default_log_path() {
  if (auto home = home_dir(); !home.empty()) return home + "/Library/Application Support/OwnVoice/log.sqlite";
  throw std::runtime_error("HOME is not set: cannot locate the log");
}

std::string default_state_dir() { return home_dir() + "/Library/Logs/OwnVoice"; }

// macOS has no PR_SET_DUMPABLE, and ptrace(PT_DENY_ATTACH) would also break crash
// reporting for the user (docs/privacy.md lists this as a limit).
bool make_non_dumpable(std::string& detail) {
  detail = "no non-dumpable flag on this system";
  return false;
}

// macOS: the system allocator has no per-thread arenas to limit.
void use_one_heap() {}

}  // namespace ownvoice::platform
