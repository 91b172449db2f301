#include "protocol/diagnostics.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include <spdlog/sinks/null_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/spdlog.h>

#include "platform/platform.hpp"

namespace ownvoice::protocol {
namespace {

namespace fs = std::filesystem;

std::string env(const char* name) { return platform::env_or_empty(name); }

constexpr std::size_t kLogFileBytes = 1024u * 1024u;
constexpr std::size_t kLogFiles = 3;
constexpr const char* kStartFile = "host.start";

// Owner-only permissions on a path we own; a no-op for read/write on Windows, where the
// folder inherits the user's profile ACL.
void owner_only(const fs::path& path, bool directory) {
  std::error_code ec;
  fs::permissions(path, directory ? fs::perms::owner_all : (fs::perms::owner_read | fs::perms::owner_write),
                  fs::perm_options::replace, ec);
}

// Creates the file empty and owner-only BEFORE spdlog opens it, so it is never readable
// by others even for an instant (and an existing wider file is tightened).
void prepare_file(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    std::ofstream touch(path, std::ios::app);
  }
  owner_only(path, false);
}

}  // namespace

std::string default_state_dir() {
  if (auto dir = env("OWNVOICE_STATE_DIR"); !dir.empty()) return dir;
  return platform::default_state_dir();
}

Diagnostics open_diagnostics(const std::string& state_dir) {
  Diagnostics out;
  out.state_dir = state_dir;
  // UTF-8 in, the OS's own file-name encoding out (UTF-16 on Windows: a user folder such
  // as C:\Users\Hélène Müller works whatever the ANSI code page).
  const fs::path dir = platform::fs_path(state_dir);
  const fs::path path = dir / "host.log";
  try {
    std::error_code ec;
    fs::create_directories(dir, ec);
    owner_only(dir, true);
    prepare_file(path);
    auto sink = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(path.native(), kLogFileBytes, kLogFiles);
    out.logger = std::make_shared<spdlog::logger>("ownvoice-host", std::move(sink));
    out.path = platform::utf8(path);
  } catch (const std::exception& e) {
    out.warning = std::string("cannot open the diagnostic log ") + platform::utf8(path) + ": " + e.what();
    out.logger = std::make_shared<spdlog::logger>("ownvoice-host", std::make_shared<spdlog::sinks::null_sink_mt>());
  }
  out.logger->set_level(spdlog::level::info);
  out.logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z [%P] %l: %v");
  // A host is killed when the browser closes the port: every line must reach the file.
  out.logger->flush_on(spdlog::level::debug);
  spdlog::set_default_logger(out.logger);
  return out;
}

void record_start(const Diagnostics& diagnostics, const std::string& summary) {
  if (diagnostics.path.empty()) return;
  const fs::path start = platform::fs_path(diagnostics.state_dir) / kStartFile;
  {
    std::ifstream in(start, std::ios::binary);
    std::ostringstream previous;
    previous << in.rdbuf();
    if (in && previous.str() == summary) return;
  }
  diagnostics.logger->info("start: {}", summary);
  prepare_file(start);
  std::ofstream out(start, std::ios::binary | std::ios::trunc);
  out << summary;
}

void set_request_debug(spdlog::logger& logger, bool debug) {
  logger.set_level(debug ? spdlog::level::debug : spdlog::level::info);
}

}  // namespace ownvoice::protocol
