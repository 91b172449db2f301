// Windows: no Windows Error Reporting dialog or local dump for this process
// (SetErrorMode); WER LocalDumps configured machine-wide by an administrator can still
// write dumps, which docs/privacy.md lists as a limit.
#include <windows.h>

#include "protocol/process_hardening.hpp"

namespace ownvoice::protocol {

HardeningStatus harden_process() {
  HardeningStatus status;
  ::SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX);
  status.core_dumps_disabled = true;
  status.detail = "Windows Error Reporting LocalDumps set by an administrator are not prevented";
  return status;
}

void restrict_new_files() {
}

}  // namespace ownvoice::protocol
