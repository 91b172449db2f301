// ownvoice-host: the native-messaging host the browser starts (PROTOCOL.md). Everything
// lives in host/lib/protocol; see host.hpp for the order of start-up and exit statuses.
#include "protocol/host.hpp"

int main(int argc, char** argv) {
  return ownvoice::protocol::run_host(argc, argv);
}
