// macOS and other POSIX systems: no core file (RLIMIT_CORE 0). macOS has no PR_SET_DUMPABLE;
// ptrace(PT_DENY_ATTACH) exists but also breaks crash reporting for the user, so it is
// not used (docs/privacy.md lists this as a limit).
#include <sys/resource.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "protocol/process_hardening.hpp"

namespace ownvoice::protocol {

HardeningStatus harden_process() {
  HardeningStatus status;
  const rlimit none{0, 0};
  if (::setrlimit(RLIMIT_CORE, &none) == 0) {
    status.core_dumps_disabled = true;
  } else {
    status.detail = std::string("setrlimit(RLIMIT_CORE) failed: ") + std::strerror(errno);
  }
  status.detail += status.detail.empty() ? "" : "; ";
  status.detail += "no non-dumpable flag on this system";
  return status;
}

void restrict_new_files() {
  ::umask(077);
}

}  // namespace ownvoice::protocol
