#pragma once
// Keeps post text and decrypted log entries out of core dumps and out of other processes
// of the same user that attach a debugger: the host and the CLI call this first thing in
// main(). One platform file each (process_hardening_linux.cpp, _posix.cpp, _windows.cpp);
// CMake picks the one for the target system.
#include <string>

namespace ownvoice::protocol {

struct HardeningStatus {
  bool core_dumps_disabled = false;  // RLIMIT_CORE soft and hard limits are 0 (or the OS equivalent)
  bool non_dumpable = false;         // other processes cannot ptrace/read our memory (Linux: PR_SET_DUMPABLE 0)
  std::string detail;                // what failed, "" when everything held
};

HardeningStatus harden_process();

}  // namespace ownvoice::protocol

namespace ownvoice::protocol {

// New files and folders this process creates are for the user only (umask 077 on POSIX;
// nothing on Windows, where files inherit the user's profile ACL). The host calls it; the
// CLI does not (`ownvoice install --system` writes manifests every user must read).
void restrict_new_files();

}  // namespace ownvoice::protocol
