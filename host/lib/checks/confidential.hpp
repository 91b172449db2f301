#pragma once
// The confidential check: screens a post for the terms, patterns and "near" clauses
// that the employer's IT configured, plus the built-in rule packs the policy switches
// on. Compiled once per policy (one phrase automaton for every term of every rule, one
// RE2::Set for every pattern), then shared read-only by all checks.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "policy/policy.hpp"
#include "text/normalize.hpp"

namespace ownvoice::checks {

struct ConfidentialHit {
  std::string rule;  // rule id ("pack:secrets" for built-in packs)
  policy::Severity severity = policy::Severity::Warn;
  std::string description;  // the rule's description, for the employee
  std::string kind;         // "term", "pattern", "near", or the pack detector ("iban", "aws_key", ...)
  uint32_t start = 0;       // UTF-16 span in the original text
  uint32_t end = 0;
  std::string excerpt;  // the original characters
};

struct ScreenerStats {
  size_t terms = 0;
  size_t patterns = 0;
  size_t automaton_bytes = 0;
};

class Screener {
 public:
  explicit Screener(const policy::Policy& policy);
  ~Screener();
  Screener(Screener&&) noexcept;
  Screener& operator=(Screener&&) noexcept;

  // Hits sorted by start; overlapping hits of one rule are merged.
  [[nodiscard]] std::vector<ConfidentialHit> screen(std::string_view original, const text::NormalizedText& norm,
                                                    std::string_view platform) const;
  [[nodiscard]] ScreenerStats stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ownvoice::checks
