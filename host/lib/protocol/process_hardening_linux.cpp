// Linux: no core file (RLIMIT_CORE 0, soft and hard, so a child cannot raise it again) and
// not dumpable (prctl PR_SET_DUMPABLE 0: no core even through core_pattern pipes, and
// /proc/<pid>/mem and ptrace refused to the user's other processes).
#include <sys/prctl.h>
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
    status.detail += std::string("setrlimit(RLIMIT_CORE) failed: ") + std::strerror(errno) + "; ";
  }
  if (::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0) {
    status.non_dumpable = true;
  } else {
    status.detail += std::string("prctl(PR_SET_DUMPABLE) failed: ") + std::strerror(errno);
  }
  return status;
}

void restrict_new_files() {
  ::umask(077);
}

}  // namespace ownvoice::protocol
