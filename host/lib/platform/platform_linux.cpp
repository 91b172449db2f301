// Linux: seccomp network filter, XDG folders and process hardening (see platform.hpp).
// POSIX calls shared with macOS are in platform_posix.cpp.
#include <malloc.h>
#include <seccomp.h>
#include <sys/prctl.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <stdexcept>

#include "platform/platform.hpp"
#include "platform/posix_internal.hpp"

namespace ownvoice::platform {

namespace {

// Every way to open, use or accept a connection. socketpair is included because a
// connected pair is all a sender needs to hand data to a helper; io_uring because its
// operations bypass syscall filtering (it could connect and send without connect(2)).
constexpr const char* kRefused[] = {
    "socket",         "socketpair",     "connect",           "bind",     "listen",  "accept",   "accept4",
    "sendto",         "sendmsg",        "sendmmsg",          "recvfrom", "recvmsg", "recvmmsg", "socketcall",
    "io_uring_setup", "io_uring_enter", "io_uring_register",
};

struct ContextDeleter {
  void operator()(scmp_filter_ctx ctx) const { seccomp_release(ctx); }
};

// XDG Base Directory: a relative value is invalid and must be ignored.
std::string xdg(const char* name) {
  const std::string v = env_or_empty(name);
  return !v.empty() && v.front() == '/' ? v : std::string();
}

}  // namespace

Lockdown forbid_network() {
  // Default allow: the filter only takes away the network; everything else the host
  // does (files, SQLite, libsodium) stays as it is.
  std::unique_ptr<void, ContextDeleter> ctx(seccomp_init(SCMP_ACT_ALLOW));
  if (!ctx) return {false, "seccomp_init failed"};
  int rules = 0;
  for (const char* name : kRefused) {
    const int nr = seccomp_syscall_resolve_name(name);
    if (nr == __NR_SCMP_ERROR) continue;  // not a syscall on this architecture (socketcall on x86-64)
    const int rc = seccomp_rule_add(ctx.get(), SCMP_ACT_ERRNO(EACCES), nr, 0);
    if (rc == 0) {
      ++rules;
    } else if (rc != -EOPNOTSUPP) {
      return {false, std::string("seccomp_rule_add(") + name + ") failed: " + std::strerror(-rc)};
    }
  }
  // libseccomp sets no_new_privs by default, which lets an unprivileged process load it.
  const int rc = seccomp_load(ctx.get());
  if (rc != 0) return {false, std::string("seccomp_load failed: ") + std::strerror(-rc)};
  return {true, "seccomp: " + std::to_string(rules) + " network system calls refused with EACCES"};
}

std::string current_executable() {
  std::error_code ec;
  auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : p.string();
}

std::string default_system_policy_path() { return "/etc/ownvoice/policy.json"; }

std::string default_user_preferences_path() {
  const std::string base = !xdg("XDG_CONFIG_HOME").empty() ? xdg("XDG_CONFIG_HOME") : home_dir() + "/.config";
  return base + "/ownvoice/preferences.json";
}

std::string default_log_path() {
  if (auto d = xdg("XDG_DATA_HOME"); !d.empty()) return d + "/ownvoice/log.sqlite";
  if (auto home = home_dir(); !home.empty()) return home + "/.local/share/ownvoice/log.sqlite";
  throw std::runtime_error("HOME is not set: cannot locate the log");
}

std::string default_state_dir() {
  if (auto d = xdg("XDG_STATE_HOME"); !d.empty()) return d + "/ownvoice";
  return home_dir() + "/.local/state/ownvoice";
}

// PR_SET_DUMPABLE 0: no core even through core_pattern pipes, and /proc/<pid>/mem and
// ptrace refused to the user's other processes.
bool make_non_dumpable(std::string& detail) {
  if (::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0) return true;
  detail = std::string("prctl(PR_SET_DUMPABLE) failed: ") + std::strerror(errno);
  return false;
}

void use_one_heap() {
#ifdef M_ARENA_MAX  // glibc
  (void)mallopt(M_ARENA_MAX, 1);
#endif
}

}  // namespace ownvoice::platform
