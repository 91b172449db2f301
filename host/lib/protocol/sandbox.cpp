#include "protocol/sandbox.hpp"

#include "platform/platform.hpp"

namespace ownvoice::protocol {

// The OS-specific means (seccomp on Linux, mitigation policies and a job object on
// Windows) are in host/lib/platform/.
SandboxStatus install_network_filter() {
  const platform::Lockdown lockdown = platform::forbid_network();
  return {lockdown.installed, lockdown.detail};
}

}  // namespace ownvoice::protocol
