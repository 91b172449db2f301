// ownvoice-host: the native-messaging host the browser starts (PROTOCOL.md). Everything
// lives in host/lib/protocol; see host.hpp for the order of start-up and exit statuses.
#include "protocol/host.hpp"
#ifdef OWNVOICE_TEST_HOOKS
#include "test_hooks.hpp"
#endif

int main(int argc, char** argv) {
#ifdef OWNVOICE_TEST_HOOKS
  ownvoice::app::apply_test_environment();
  return ownvoice::protocol::run_host(argc, argv, ownvoice::app::test_host_options());
#else
  return ownvoice::protocol::run_host(argc, argv);
#endif
}
