// debug.* request types exist ONLY in the test-hooks build of the host (tests/protocol
// builds ownvoice-host-test-hooks with them; the shipped ownvoice-host answers
// unknown_type). debug.try_network tries a TCP connection to 127.0.0.1 so a test can
// prove that the seccomp filter refuses it; debug.print_stdout prints to stdout the
// ways a library could, so a test can prove the channel stays clean.
#include "protocol/handlers/debug_try_network.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#ifdef _WIN32
#include <io.h>  // no winsock: the Windows host proves "no network" by its PE imports
#define write _write
#else
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace ownvoice::protocol {
namespace {

nlohmann::json attempt(int rc, int err) {
  if (rc >= 0) return {{"ok", true}};
  return {{"ok", false}, {"errno", err}, {"error", std::strerror(err)}};
}

}  // namespace

nlohmann::json handle_debug_try_network(Session& /*session*/, const Request& /*request*/) {
#ifdef _WIN32
  return {{"socket",
           {{"ok", false}, {"error", "no socket code in the Windows build (tests/windows checks the PE imports)"}}}};
#else
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  nlohmann::json result{{"socket", attempt(fd, errno)}};
  if (fd >= 0) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(9);  // discard: nothing needs to listen for the attempt to count
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const int rc = ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address);
    result["connect"] = attempt(rc, errno);
    ::close(fd);
  }
  return result;
#endif
}

nlohmann::json handle_debug_print_stdout(Session& /*session*/, const Request& /*request*/) {
  // What a careless library might do; the channel must not see any of it.
  std::cout << "stray std::cout output\n" << std::flush;
  std::printf("stray printf output\n");
  std::fflush(stdout);
  (void)!::write(1, "stray write(1)\n", 15);
  return {{"printed", true}};
}

std::vector<HandlerEntry> test_hook_handlers() {
  return {{"debug.try_network", &handle_debug_try_network}, {"debug.print_stdout", &handle_debug_print_stdout}};
}

}  // namespace ownvoice::protocol
