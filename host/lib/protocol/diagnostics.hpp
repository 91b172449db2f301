#pragma once
// The host's diagnostic log: a small rotating file in the user's state folder, never
// stdout (stdout is the browser's channel). Lines never contain post text, matched
// terms or passphrases unless debug is on (OWNVOICE_DEBUG=1).
#include <memory>
#include <string>

#include <spdlog/logger.h>
#ifdef _WIN32
// Header-only spdlog includes <windows.h>, whose windef.h defines `near` and `far` as empty
// macros (16-bit pointers); policy::Rule has a field named `near`.
#undef near
#undef far
#endif

namespace ownvoice::protocol {

// $OWNVOICE_STATE_DIR, else $XDG_STATE_HOME/ownvoice, else ~/.local/state/ownvoice
// (macOS: ~/Library/Logs/OwnVoice; Windows: %LOCALAPPDATA%\OwnVoice).
std::string default_state_dir();

struct Diagnostics {
  std::shared_ptr<spdlog::logger> logger;  // never null: a null sink when the file failed
  std::string path;                        // "" when the file could not be opened
  std::string warning;                     // why it could not be opened
};

// Opens <state_dir>/host.log (1 MiB, 3 rotations) and makes it spdlog's default logger.
Diagnostics open_diagnostics(const std::string& state_dir, bool debug);

bool debug_from_environment();

}  // namespace ownvoice::protocol
