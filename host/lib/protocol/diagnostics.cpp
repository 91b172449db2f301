#include "protocol/diagnostics.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include <spdlog/sinks/null_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/spdlog.h>

#include "platform/platform.hpp"

namespace ownvoice::protocol {
namespace {

std::string env(const char* name) { return platform::env_or_empty(name); }

constexpr std::size_t kLogFileBytes = 1024u * 1024u;
constexpr std::size_t kLogFiles = 3;

}  // namespace

std::string default_state_dir() {
  if (auto dir = env("OWNVOICE_STATE_DIR"); !dir.empty()) return dir;
  return platform::default_state_dir();
}

bool debug_from_environment() {
  return env("OWNVOICE_DEBUG") == "1";
}

Diagnostics open_diagnostics(const std::string& state_dir, bool debug) {
  Diagnostics out;
  // UTF-8 in, the OS's own file-name encoding out (UTF-16 on Windows: a user folder such
  // as C:\Users\Hélène Müller works whatever the ANSI code page).
  const std::filesystem::path path = platform::fs_path(state_dir) / "host.log";
  try {
    std::error_code ec;
    std::filesystem::create_directories(platform::fs_path(state_dir), ec);
    auto sink = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(path.native(), kLogFileBytes, kLogFiles);
    out.logger = std::make_shared<spdlog::logger>("ownvoice-host", std::move(sink));
    out.path = platform::utf8(path);
  } catch (const std::exception& e) {
    out.warning = std::string("cannot open the diagnostic log ") + platform::utf8(path) + ": " + e.what();
    out.logger = std::make_shared<spdlog::logger>("ownvoice-host", std::make_shared<spdlog::sinks::null_sink_mt>());
  }
  out.logger->set_level(debug ? spdlog::level::debug : spdlog::level::info);
  out.logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z [%P] %l: %v");
  // A host is killed when the browser closes the port: every line must reach the file.
  out.logger->flush_on(spdlog::level::debug);
  spdlog::set_default_logger(out.logger);
  return out;
}

}  // namespace ownvoice::protocol
