#pragma once
// The native-messaging host from start to exit: isolate stdout, read the command line,
// open the diagnostic log, load the policy, check the caller, install the network
// filter, then answer frames until stdin ends.
//
// Exit status: 0 when stdin ends (cleanly or in the middle of a frame) or the browser
// closes the channel; 2 for a malformed command line; 3 for a caller not in the
// allowlist (after a forbidden_caller reply to its first request); 1 otherwise.
#include <string>
#include <vector>

#include "protocol/dispatch.hpp"

namespace ownvoice::protocol {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitForbiddenCaller = 3;

// What only a test-hooks main (OWNVOICE_TEST_HOOKS, host/app/test_hooks.cpp) passes in;
// the release mains pass nothing, so none of it exists in a release binary.
struct HostOptions {
  std::vector<HandlerEntry> extra_handlers;    // debug.* request types
  std::vector<std::string> extra_allowed_ids;  // the development extension id
};

int run_host(int argc, char** argv, const HostOptions& options = {});

}  // namespace ownvoice::protocol
