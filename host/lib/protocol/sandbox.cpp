#include "protocol/sandbox.hpp"

#ifdef __linux__
#include <seccomp.h>

#include <cerrno>
#include <cstring>
#include <memory>
#endif

namespace ownvoice::protocol {

#ifdef __linux__
namespace {

// Every way to open, use or accept a connection. socketpair is included because a
// connected pair is all a sender needs to hand data to a helper; io_uring because its
// operations bypass syscall filtering (it could connect and send without connect(2)).
constexpr const char* kRefused[] = {
    "socket",   "socketpair", "connect",  "bind",     "listen",   "accept",         "accept4",
    "sendto",   "sendmsg",    "sendmmsg", "recvfrom", "recvmsg",  "recvmmsg",       "socketcall",
    "io_uring_setup", "io_uring_enter", "io_uring_register",
};

struct ContextDeleter {
  void operator()(scmp_filter_ctx ctx) const { seccomp_release(ctx); }
};

}  // namespace

SandboxStatus install_network_filter() {
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

#else

SandboxStatus install_network_filter() {
  return {false, "no system-call filter on this operating system (see docs/host.md)"};
}

#endif

}  // namespace ownvoice::protocol
