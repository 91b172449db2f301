// Must not compile: ownvoice_install does not link ownvoice_protocol (tests/layering).
#include "install/manifest.hpp"
#include "protocol/frame.hpp"
