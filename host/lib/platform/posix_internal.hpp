#pragma once
// What platform_posix.cpp asks of the one POSIX system it is built for
// (platform_linux.cpp or platform_macos.cpp); not part of the platform interface.
#include <string>

namespace ownvoice::platform {

// Makes this process non-dumpable where the system has a way (Linux: PR_SET_DUMPABLE 0).
// False, with `detail` saying what failed or is not covered, otherwise.
bool make_non_dumpable(std::string& detail);

}  // namespace ownvoice::platform
