// ownvoice-host: the native-messaging host the browser starts (PROTOCOL.md). Everything
// lives in host/lib/protocol; see host.hpp for the order of start-up and exit statuses.
#include <string>
#include <vector>

#include "platform/platform.hpp"
#include "protocol/host.hpp"
#ifdef OWNVOICE_TEST_HOOKS
#include "test_hooks.hpp"
#endif

int main(int argc, char** argv) {
  // UTF-8 arguments: Firefox passes the manifest's path, which holds the user's folder.
  std::vector<std::string> args = ownvoice::platform::arguments(argc, argv);
  std::vector<char*> pointers;
  for (auto& a : args) pointers.push_back(a.data());
  pointers.push_back(nullptr);
  const int count = static_cast<int>(args.size());
#ifdef OWNVOICE_TEST_HOOKS
  ownvoice::app::apply_test_environment();
  return ownvoice::protocol::run_host(count, pointers.data(), ownvoice::app::test_host_options());
#else
  return ownvoice::protocol::run_host(count, pointers.data());
#endif
}
