#pragma once
// Should the proposed disclaimer be ticked by default? (docs/checks.md "Recommended")
// Yes when it means something: the post is about work (names the company or a brand,
// uses the trade's words or everyday work words, reads as promotional), or goes to a
// professional network, or the policy says always. No for a morning run.
#include <string>
#include <vector>

#include "checks/platform.hpp"
#include "policy/policy.hpp"
#include "text/normalize.hpp"

namespace ownvoice::checks {

struct DisclaimerRecommendation {
  bool recommended = false;
  // Why: "policy_always", "professional_network", "names_company", "promotional",
  // "confidential" (all that apply), else "industry" and/or "work_words" (the word lists
  // are only scanned when none of the others applies). Empty when not recommended.
  std::vector<std::string> because;
};

// What the other checks found about the post.
struct WorkSignals {
  bool names_company = false;  // the company or a brand (promotional check)
  bool promotional = false;    // the promotional decision
  bool confidential = false;   // a confidential rule of the employer fired: the post is about its business
};

DisclaimerRecommendation recommend_disclaimer(const text::NormalizedText& norm, Platform platform,
                                              const policy::Policy& policy, const WorkSignals& signals);

}  // namespace ownvoice::checks
