#include "protocol/session.hpp"

#include <sodium.h>

#include <future>
#include <utility>

#include "log/store.hpp"
#include "protocol/diagnostics.hpp"
#include "protocol/message.hpp"

namespace ownvoice::protocol {
namespace {

// Enough for every check of a long browsing session; the oldest are forgotten first.
constexpr std::size_t kMaxRememberedChecks = 10000;
// Checked texts are kept for the employee's log entry, within this budget; older checks
// keep their hash and verdict but lose the text (confirm then logs the final text only).
constexpr std::size_t kMaxRememberedTextBytes = 8u * 1024u * 1024u;

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex, crypto_hash_sha256_BYTES * 2);
}

namespace {

engine::CheckRequest warm_up_request() {
  engine::CheckRequest warm_up;
  // Holds no "promo code" or "endorsement": the two expressions compiled only when a post
  // holds those words would cost every host start about 1 ms on the way to its first check
  // (4.2 M instructions, docs/benchmarks.md), to save the post that does hold them 0.5 ms once.
  warm_up.text = "Warm-up: OwnVoice compiles its checks https://example.org/post?utm_source=warm-up #warmup";
  warm_up.platform = "linkedin";
  return warm_up;
}

// The checks' own lexicons, grammar and patterns do not depend on the policy (they are
// built on first use and shared by every thread): a check with an empty policy builds
// them on one thread while the other compiles the policy's terms.
void build_policy_independent_checks() {
  const engine::Engine bare{policy::EffectivePolicy{}};
  (void)bare.check(warm_up_request());
}

// Compiles the engine and runs one throw-away check, so that everything built on first
// use is ready before the browser's first real check.
std::unique_ptr<engine::Engine> compile_base_engine(std::shared_ptr<const policy::EffectivePolicy> policy) {
  auto checks_built = std::async(std::launch::async, build_policy_independent_checks);
  auto engine = std::make_unique<engine::Engine>(std::move(policy));
  checks_built.get();
  (void)engine->check(warm_up_request());
  return engine;
}

}  // namespace

Session::Session(HostConfig config, policy::EffectivePolicy base, std::shared_ptr<spdlog::logger> logger)
    : config_(std::move(config)),
      logger_(std::move(logger)),
      base_policy_(std::make_shared<const policy::EffectivePolicy>(std::move(base))),
      base_engine_building_(std::async(std::launch::async, compile_base_engine, base_policy_)) {}

// The future from std::async waits for the compiling thread here if it is still running.
Session::~Session() = default;

void Session::set_request_debug(bool debug) {
  request_debug_ = debug;
  ownvoice::protocol::set_request_debug(*logger_, debug);
}

const policy::EffectivePolicy& Session::base_policy() const { return *base_policy_; }

policy::EffectivePolicy Session::load_policy(const nlohmann::json& managed) const {
  policy::LoadOptions options = config_.load_options;
  options.managed = managed;
  return policy::load_layers(options);
}

const engine::Engine& Session::engine_for(const nlohmann::json* managed) {
  if (managed == nullptr) {
    if (!base_engine_ && base_engine_building_.valid()) {
      try {
        base_engine_ = base_engine_building_.get();
      } catch (const std::exception& e) {
        logger_->warn("compiling the policy ahead of the first check failed: {}", e.what());
      }
    }
    // A compile that failed is tried again here, so its error reaches the check.
    if (!base_engine_) base_engine_ = std::make_unique<engine::Engine>(base_policy_);
    return *base_engine_;
  }
  std::string key = dump_json(*managed);
  if (!managed_engine_ || key != managed_key_) {
    managed_engine_.reset();
    managed_engine_.emplace(load_policy(*managed));
    managed_key_ = std::move(key);
  }
  return *managed_engine_;
}

void Session::remember_check(const std::string& check_id, IssuedCheck check) {
  if (checks_.size() >= kMaxRememberedChecks && !check_order_.empty()) {
    const auto oldest = checks_.find(check_order_.front());
    if (oldest != checks_.end()) {
      text_bytes_ -= oldest->second.text.size();
      checks_.erase(oldest);
    }
    check_order_.pop_front();
  }
  if (const auto existing = checks_.find(check_id); existing != checks_.end()) {
    text_bytes_ -= existing->second.text.size();
  }
  text_bytes_ += check.text.size();
  if (auto [it, inserted] = checks_.insert_or_assign(check_id, std::move(check)); inserted) {
    check_order_.push_back(check_id);
  }
  for (auto order = check_order_.begin(); text_bytes_ > kMaxRememberedTextBytes && order != check_order_.end();
       ++order) {
    const auto it = checks_.find(*order);
    if (it == checks_.end()) continue;
    text_bytes_ -= it->second.text.size();
    std::string().swap(it->second.text);
  }
}

const IssuedCheck* Session::find_check(const std::string& check_id) const {
  const auto it = checks_.find(check_id);
  return it == checks_.end() ? nullptr : &it->second;
}

log::Store* Session::log_store() {
  if (!log_ && !log_open_failed_) {
    try {
      log_ = std::make_unique<log::Store>(log::Store::open(log::Store::default_path()));
    } catch (const std::exception& e) {
      log_open_failed_ = true;
      logger_->warn("error: the employee's log cannot be opened");
      logger_->debug("the employee's log cannot be opened: {}", e.what());
    }
  }
  return log_.get();
}

}  // namespace ownvoice::protocol
