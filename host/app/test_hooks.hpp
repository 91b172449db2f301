#pragma once
// Test-only switches, compiled into the mains only when CMake's OWNVOICE_TEST_HOOKS is ON
// (the ci, asan and fuzz presets). A release build has none of this code and none of
// these strings; tests/adversary/test_release_flavour checks the binaries for them.
#include "protocol/host.hpp"

namespace ownvoice::app {

// OWNVOICE_TEST_FAST_KDF=1: the cheap Argon2id cost for new logs (test suites).
void apply_test_environment();

// The development extension id (extension/dev-public-key.b64) accepted as a caller.
protocol::HostOptions test_host_options();

}  // namespace ownvoice::app
