#pragma once
// The check engine: one post, one platform, the effective policy -> the typed result
// (check_result.hpp) that the CLI prints and the host returns (as JSON through
// result_json.hpp). Compiled once per policy; check() is const and thread-safe.
#include <memory>
#include <optional>
#include <string>

#include "engine/check_result.hpp"
#include "policy/loader.hpp"

namespace ownvoice::engine {

// The employee's own recent sharing, from the local log (absent until the log exists).
struct PromotionalHistory {
  int shared = 0;       // posts shared in the window
  int promotional = 0;  // of which promotional
  int window_days = 30;
};

struct CheckRequest {
  std::string text;
  std::string platform = "generic";
  std::string language;  // "" = detect
  std::string url;
  std::optional<PromotionalHistory> history;
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
