// ownvoice-host: the native-messaging host the browser starts (PROTOCOL.md). Everything
// lives in host/lib/protocol; see host.hpp for the order of start-up and exit statuses.
#include <string>
#include <vector>

#include "platform/platform.hpp"
#include "protocol/host.hpp"

int main(int argc, char** argv) {
  // UTF-8 arguments: Firefox passes the manifest's path, which holds the user's folder.
  std::vector<std::string> args = ownvoice::platform::arguments(argc, argv);
  std::vector<char*> pointers;
  for (auto& a : args) pointers.push_back(a.data());
  pointers.push_back(nullptr);
  return ownvoice::protocol::run_host(static_cast<int>(args.size()), pointers.data());
}
