#pragma once
// The browser's channel is the process's stdin/stdout. A stray print from any library
// would corrupt it, so the host keeps a private duplicate of fd 1 for frames and points
// fd 1 (std::cout, printf) at the null device.
namespace ownvoice::protocol {

struct Channel {
  int in_fd = 0;
  int out_fd = 1;
  bool ok = false;
};

Channel isolate_stdio();

}  // namespace ownvoice::protocol
