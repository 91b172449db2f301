// Compiles: ownvoice_install links ownvoice_log (tests/layering, the control).
#include "install/manifest.hpp"
#include "log/store.hpp"
