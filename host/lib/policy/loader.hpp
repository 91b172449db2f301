#pragma once
// Policy layers, lowest first: built-in defaults, the system file IT installs, the
// managed policy the extension hands over (browser enterprise policy), and the
// employee's own preferences where the policy allows them. A broken layer is reported
// (file, line or field, what is wrong) and skipped; the others still apply.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "policy/policy.hpp"

namespace ownvoice::policy {

enum class LayerKind { Builtin, System, Managed, User };
const char* to_string(LayerKind k);

struct LayerStatus {
  LayerKind kind;
  std::string path;  // file path, or "" for builtin/managed
  bool ok = true;
  bool present = true;                // false: the file does not exist (not an error)
  std::string error;                  // "<file>:<line>:<col>: ..." or "<file>: rules[2].severity: ..."
  std::vector<std::string> warnings;  // e.g. unknown fields (kept for newer policy versions)
  std::vector<std::string> ignored;   // fields this layer may not set (employee layer)
};

// The merged policy, typed: `describe` writes it as JSON when someone asks to see it.
struct EffectivePolicy {
  Policy policy;
  std::map<std::string, std::string> sources;  // "company" -> "system", "rules.codenames" -> "managed"
  std::vector<LayerStatus> layers;
  [[nodiscard]] std::vector<LayerStatus> rejected() const;
  [[nodiscard]] nlohmann::json rejected_json() const;
};

// Where the system policy lives on this OS (documented in docs/policy.md).
std::string default_system_policy_path();
// The employee's preferences file (XDG config on Linux).
std::string default_user_preferences_path();

struct LoadOptions {
  std::optional<std::string> system_path;  // default: default_system_policy_path()
  std::optional<std::string> user_path;    // default: default_user_preferences_path()
  std::optional<nlohmann::json> managed;   // from the extension's managed storage
  bool load_user = true;
};

EffectivePolicy load_layers(const LoadOptions& options);

// Validates one document as a policy layer. Returns "" when valid, else the first
// problem as "<field>: <what is wrong>".
std::string validate_document(const nlohmann::json& doc, LayerKind kind);
// Every problem, not just the first, plus warnings.
struct Validation {
  std::vector<std::string> errors;
  std::vector<std::string> warnings;
};
Validation validate(const nlohmann::json& doc, LayerKind kind);

// Limits on a policy file (system, user) and the managed policy: a larger or deeper one is
// rejected with an error that names the file, before the JSON parser sees it.
inline constexpr std::size_t kMaxPolicyBytes = 4u * 1024u * 1024u;
inline constexpr int kMaxPolicyDepth = 32;

// Parses policy text (for files, fuzzing, and the managed layer sent as a string).
std::optional<nlohmann::json> parse_policy_text(std::string_view text, const std::string& name, std::string& error);

// Parses a policy file; on failure `error` holds "<path>:<line>:<col>: <what>".
std::optional<nlohmann::json> read_policy_file(const std::string& path, std::string& error);

}  // namespace ownvoice::policy

namespace ownvoice::policy {
// {"effective": ..., "sources": ..., "layers": [...]}: what `ownvoice policy show --json`
// prints and what the host's `policy` request returns (the transparency view).
nlohmann::json describe(const EffectivePolicy& ep);
}  // namespace ownvoice::policy
