#pragma once
// "Never reports back", enforced by the kernel where it can be: on Linux a seccomp
// filter makes every network system call fail with EACCES for the rest of the
// process's life. Installed after the configuration is read and before the first
// frame. Other systems: see docs/host.md.
#include <string>

namespace ownvoice::protocol {

struct SandboxStatus {
  bool installed = false;
  std::string detail;  // what was installed, or why not
};

SandboxStatus install_network_filter();

}  // namespace ownvoice::protocol
