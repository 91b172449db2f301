#pragma once
// The check engine: one post, one platform, the effective policy -> the result object
// that the CLI prints and the host returns (docs/result-format.md). Compiled once per
// policy; check() is const and thread-safe.
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "policy/loader.hpp"

namespace ownvoice::engine {

enum class Verdict { Ok = 0, Warn = 1, Block = 2 };
const char* to_string(Verdict v);

// The employee's own recent sharing, from the local log (absent until the log exists).
struct PromotionalHistory {
  int shared = 0;        // posts shared in the window
  int promotional = 0;   // of which promotional
  int window_days = 30;
};

struct CheckRequest {
  std::string text;
  std::string platform = "generic";
  std::string language;  // "" = detect
  std::string url;
  std::optional<PromotionalHistory> history;
};

struct CheckResult {
  Verdict verdict = Verdict::Ok;
  std::string check_id;
  bool promotional = false;
  nlohmann::json json;  // the full result object
};

class CompiledPolicy;

class Engine {
 public:
  explicit Engine(policy::EffectivePolicy effective);
  // Shares a policy that others keep reading (the host's base policy, answered to `hello`
  // while this engine is compiled on another thread): no copy of it.
  explicit Engine(std::shared_ptr<const policy::EffectivePolicy> effective);
  ~Engine();
  Engine(Engine&&) noexcept;
  Engine& operator=(Engine&&) noexcept;

  [[nodiscard]] CheckResult check(const CheckRequest& request) const;
  [[nodiscard]] const policy::EffectivePolicy& effective() const;

 private:
  std::unique_ptr<CompiledPolicy> compiled_;
};

}  // namespace ownvoice::engine
