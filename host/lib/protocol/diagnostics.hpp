#pragma once
// The host's diagnostic log: a small rotating file in the user's state folder, never
// stdout (stdout is the browser's channel). The employer's IT can read this file, so at
// the default level it holds only what a support person needs without any post: one
// start summary (version, caller browser, policy sources, sandbox status), written only
// when it differs from the previous one, and errors by code. No line per request, no
// verdict, no count, no time tied to a check. Debug lines (which may quote a post) are
// written only for a request that carries "debug": true, the employee's own option
// (PROTOCOL.md "Debug is the employee's, per request"). Folder 0700, files 0600.
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
  std::string state_dir;
  std::string warning;  // why it could not be opened
};

// Opens <state_dir>/host.log (1 MiB, 3 rotations) at the default level (info) and makes it
// spdlog's default logger. Creates the folder for the user only and tightens an existing
// folder or file that is wider than that.
Diagnostics open_diagnostics(const std::string& state_dir);

// Writes `summary` as the start line unless it is the same as the last one written (kept
// in <state_dir>/host.start), so starting the host once per post leaves no trail of when
// posts were checked.
void record_start(const Diagnostics& diagnostics, const std::string& summary);

// Debug level for the current request only (the request's own "debug": true).
void set_request_debug(spdlog::logger& logger, bool debug);

}  // namespace ownvoice::protocol
