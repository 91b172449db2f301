// ownvoice-host-test-hooks: the same host as ownvoice-host plus the debug.* request
// types, so tests can make it try the network (and print to stdout) on purpose.
#include "protocol/handlers/debug_try_network.hpp"
#include "protocol/host.hpp"

int main(int argc, char** argv) {
  return ownvoice::protocol::run_host(argc, argv, ownvoice::protocol::test_hook_handlers());
}
