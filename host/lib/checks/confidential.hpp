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

#include "checks/lexicons.hpp"
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
  // With an automaton of its own (the command line's policy test, the unit tests).
  explicit Screener(const policy::Policy& policy);
  // Adding its phrases to the automaton every check of the policy shares (the engine);
  // `shared` is built by its owner and must outlive the screener.
  Screener(const policy::Policy& policy, Lexicons& shared);
  ~Screener();
  Screener(Screener&&) noexcept;
  Screener& operator=(Screener&&) noexcept;

  // Hits sorted by start; overlapping hits of one rule are merged. Scans the post with
  // the screener's own automaton (first constructor only).
  [[nodiscard]] std::vector<ConfidentialHit> screen(std::string_view original, const text::NormalizedText& norm,
                                                    std::string_view platform) const;
  // The same from the matches of Lexicon::Confidential in a scan of the shared automaton.
  [[nodiscard]] std::vector<ConfidentialHit> screen(std::string_view original, const text::NormalizedText& norm,
                                                    std::string_view platform,
                                                    const std::vector<text::PhraseMatch>& term_matches) const;
  [[nodiscard]] ScreenerStats stats() const;

 private:
  Screener(const policy::Policy& policy, std::unique_ptr<Lexicons> own);  // the first constructor's work
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ownvoice::checks
