// ownvoice-host-test-hooks: the same host as ownvoice-host plus the debug.* request
// types, so tests can make it try the network (and print to stdout) on purpose.
#include "protocol/handlers/debug_try_network.hpp"
#include "protocol/host.hpp"
#include "test_hooks.hpp"

int main(int argc, char** argv) {
  ownvoice::app::apply_test_environment();
  ownvoice::protocol::HostOptions options = ownvoice::app::test_host_options();
  options.extra_handlers = ownvoice::protocol::test_hook_handlers();
  return ownvoice::protocol::run_host(argc, argv, options);
}
