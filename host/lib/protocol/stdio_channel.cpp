#include "protocol/stdio_channel.hpp"

#include <cstdio>
#include <iostream>

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#else
#include <fcntl.h>
#include <unistd.h>
#endif

namespace ownvoice::protocol {

Channel isolate_stdio() {
  Channel channel;
  std::cout.flush();
  std::fflush(stdout);
#ifdef _WIN32
  // Text mode would turn 0x0A in a length into CR LF.
  _setmode(_fileno(stdin), _O_BINARY);
  _setmode(_fileno(stdout), _O_BINARY);
  channel.in_fd = _fileno(stdin);
  channel.out_fd = _dup(_fileno(stdout));
  const int null_fd = _open("NUL", _O_WRONLY);
  if (channel.out_fd < 0 || null_fd < 0) return channel;
  _dup2(null_fd, _fileno(stdout));
  _close(null_fd);
#else
  channel.in_fd = STDIN_FILENO;
  channel.out_fd = ::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
  const int null_fd = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
  if (channel.out_fd < 0 || null_fd < 0) return channel;
  ::dup2(null_fd, STDOUT_FILENO);
  ::close(null_fd);
#endif
  channel.ok = true;
  return channel;
}

}  // namespace ownvoice::protocol
