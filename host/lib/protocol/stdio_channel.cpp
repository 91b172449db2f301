#include "protocol/stdio_channel.hpp"

#include <cstdio>
#include <iostream>

#include "platform/platform.hpp"

namespace ownvoice::protocol {

Channel isolate_stdio() {
  Channel channel;
  std::cout.flush();
  std::fflush(stdout);
  platform::set_stdio_binary();
  channel.in_fd = 0;
  channel.out_fd = platform::isolate_stdout();
  if (channel.out_fd < 0) {
    channel.out_fd = 1;
    return channel;
  }
  channel.ok = true;
  return channel;
}

}  // namespace ownvoice::protocol
