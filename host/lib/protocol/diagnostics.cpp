#include "protocol/diagnostics.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include <spdlog/sinks/null_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/spdlog.h>

namespace ownvoice::protocol {
namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr ? std::string(v) : std::string();
}

constexpr std::size_t kLogFileBytes = 1024u * 1024u;
constexpr std::size_t kLogFiles = 3;

}  // namespace

std::string default_state_dir() {
  if (auto dir = env("OWNVOICE_STATE_DIR"); !dir.empty()) return dir;
#if defined(_WIN32)
  if (auto local = env("LOCALAPPDATA"); !local.empty()) return local + "\\OwnVoice";
  return ".";
#elif defined(__APPLE__)
  return env("HOME") + "/Library/Logs/OwnVoice";
#else
  if (auto xdg = env("XDG_STATE_HOME"); !xdg.empty() && xdg.front() == '/') return xdg + "/ownvoice";
  return env("HOME") + "/.local/state/ownvoice";
#endif
}

bool debug_from_environment() {
  return env("OWNVOICE_DEBUG") == "1";
}

Diagnostics open_diagnostics(const std::string& state_dir, bool debug) {
  Diagnostics out;
  const std::filesystem::path path = std::filesystem::path(state_dir) / "host.log";
  try {
    std::error_code ec;
    std::filesystem::create_directories(state_dir, ec);
    auto sink = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(path.string(), kLogFileBytes, kLogFiles);
    out.logger = std::make_shared<spdlog::logger>("ownvoice-host", std::move(sink));
    out.path = path.string();
  } catch (const std::exception& e) {
    out.warning = std::string("cannot open the diagnostic log ") + path.string() + ": " + e.what();
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
