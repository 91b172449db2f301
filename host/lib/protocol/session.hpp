#pragma once
// What the host remembers while the browser keeps it running: its configuration, the
// effective policy and its compiled engine, the checks it issued (so `confirm` can tell a
// real check id from an invented one), and the employee's log.
#include <cstddef>
#include <deque>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include <nlohmann/json.hpp>
#include <spdlog/logger.h>
#ifdef _WIN32
// Header-only spdlog includes <windows.h>, whose windef.h defines `near` and `far` as empty
// macros (16-bit pointers); policy::Rule has a field named `near`.
#undef near
#undef far
#endif

#include "engine/engine.hpp"
#include "policy/loader.hpp"
#include "protocol/caller.hpp"
#include "protocol/sandbox.hpp"

namespace ownvoice::log {
class Store;
}

namespace ownvoice::protocol {

struct HostConfig {
  std::size_t max_message_bytes = 0;
  policy::LoadOptions load_options;  // the system path the host was started with; no managed layer
  Caller caller;
  SandboxStatus sandbox;  // whether the network filter is in force, reported by hello
};

// A check this process ran, kept so that `confirm` logs the verdict the employee saw.
struct IssuedCheck {
  std::string text_sha256;  // hex; the text itself is not kept
  std::string text;         // the checked text, for the employee's log entry
  std::string platform;
  std::string url;
  std::string verdict;
  bool promotional = false;
  std::string policy_version;
  nlohmann::json findings_summary;  // [{"check","rule","severity"}], no excerpts
};

class Session {
 public:
  Session(HostConfig config, policy::EffectivePolicy base, std::shared_ptr<spdlog::logger> logger);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  [[nodiscard]] const HostConfig& config() const { return config_; }
  // True while answering a request that carries "debug": true (the employee's option):
  // post text and matched terms may then appear in the diagnostic log.
  [[nodiscard]] bool debug() const { return request_debug_; }
  void set_request_debug(bool debug);
  [[nodiscard]] spdlog::logger& logger() const { return *logger_; }

  // The policy in force without a managed layer.
  [[nodiscard]] const policy::EffectivePolicy& base_policy() const;
  // Loads the layers again with `managed` on top (the browser's managed storage).
  [[nodiscard]] policy::EffectivePolicy load_policy(const nlohmann::json& managed) const;
  // The engine for the base policy, or for the base plus `managed` (compiled once and
  // reused while the extension keeps sending the same managed policy).
  const engine::Engine& engine_for(const nlohmann::json* managed);

  void remember_check(const std::string& check_id, IssuedCheck check);
  [[nodiscard]] const IssuedCheck* find_check(const std::string& check_id) const;

  // The employee's log, opened on first use. Null when no log path can be determined.
  log::Store* log_store();

 private:
  HostConfig config_;
  std::shared_ptr<spdlog::logger> logger_;
  bool request_debug_ = false;
  // The base policy, shared with its engine. The engine is compiled on another thread
  // from the moment the session exists (while the host waits for its first frame and
  // answers `hello`, which needs only the policy); the first check waits for it.
  std::shared_ptr<const policy::EffectivePolicy> base_policy_;
  std::future<std::unique_ptr<engine::Engine>> base_engine_building_;
  std::unique_ptr<engine::Engine> base_engine_;
  std::string managed_key_;
  std::optional<engine::Engine> managed_engine_;

  std::unordered_map<std::string, IssuedCheck> checks_;
  std::deque<std::string> check_order_;
  std::size_t text_bytes_ = 0;

  std::unique_ptr<log::Store> log_;
  bool log_open_failed_ = false;
};

// Hex SHA-256 of bytes (libsodium).
std::string sha256_hex(std::string_view bytes);

}  // namespace ownvoice::protocol
