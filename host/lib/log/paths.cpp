// Where the log lives: the user's data directory, per platform conventions.
#include <stdexcept>
#include <string>

#include "log/error.hpp"
#include "log/store.hpp"
#include "platform/platform.hpp"

namespace ownvoice::log {

std::string Store::default_path() {
  // Tests and portable setups point the whole data directory elsewhere.
  if (auto dir = platform::env_or_empty("OWNVOICE_DATA_DIR"); !dir.empty()) return dir + "/log.sqlite";
  try {
    return platform::default_log_path();  // XDG, ~/Library or %LOCALAPPDATA%\OwnVoice
  } catch (const std::runtime_error& e) {
    throw Error(ErrorCode::io_error, e.what());
  }
}

}  // namespace ownvoice::log
