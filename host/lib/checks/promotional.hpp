#pragma once
// The promotional check: an explainable score from French and English signals (calls to
// action, prices and discounts, urgency, shopping links, the company's brands,
// superlatives), robust to "I got promoted", hiring posts, "buy-in" and news that quotes
// a price. When promotional, suggests the disclosure an employee owes.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "checks/disclaimer_grammar.hpp"
#include "checks/lexicons.hpp"
#include "checks/promotional_features.hpp"
#include "policy/policy.hpp"
#include "text/normalize.hpp"

namespace ownvoice::checks {

struct PromoReason {
  std::string signal;   // "call_to_action", "price", "discount", "urgency", "shop_link", "brand", "superlative", ...
  std::string excerpt;  // the words that gave the signal (original text)
  uint32_t start = 0;   // UTF-16 span in the original text
  uint32_t end = 0;
  double weight = 0;
};

struct PromotionalResult {
  bool promotional = false;  // the model's probability reaches its threshold
  double score = 0;          // the model's probability, 0..1 (never shown alone: see explanation)
  FeatureVector features{};  // what the extractor measured (promotional_features.hpp)
  // The features that pushed the post towards promotional, strongest first (at most 3):
  // what the employee reads, as sentences (feature_infos()).
  std::vector<FeatureContribution> explanation;
  std::vector<PromoReason> reasons;
  std::string disclosure;         // "I work at Lumetra." / "Je travaille chez Lumetra." when promotional
  bool mentions_company = false;  // names the company or a brand (used by the boundaries check)
  // The post already states the employment ("I work at Lumetra", "#LumetraEmployee",
  // "je travaille chez Lumetra"): the disclosure is there, whatever `disclosure` proposes.
  bool disclosure_present = false;
  uint32_t disclosure_start = 0;  // UTF-16 span of that statement, when present
  uint32_t disclosure_end = 0;
};

PromotionalResult check_promotional(std::string_view original, const text::NormalizedText& norm,
                                    std::string_view language, const policy::Policy& policy);
// The same on tokens already made (the engine tokenises a post once for every check).
PromotionalResult check_promotional(std::string_view original, const text::NormalizedText& norm,
                                    std::string_view language, const policy::Policy& policy, const PostTokens& post);
// The same from the matches of Lexicon::Promotional and Lexicon::Brands in a scan of the
// automaton every check of the policy shares (the engine scans each post once).
PromotionalResult check_promotional(std::string_view original, const text::NormalizedText& norm,
                                    std::string_view language, const policy::Policy& policy, const PostTokens& post,
                                    const LexiconHits& lexicons);
// Adds the promotional lexicon and the policy's company and brand names to that automaton.
void add_promotional_lexicons(const policy::Policy& policy, Lexicons& lexicons);

// The sentence listing the explanation's features in `language` ("it quotes a price; it
// asks readers to book"), "" when there is none.
std::string explanation_text(const std::vector<FeatureContribution>& explanation, std::string_view language);

// Finds an employment statement naming policy.company in the post (see disclosure_present).
bool find_employment_disclosure(const text::NormalizedText& norm, const policy::Policy& policy, uint32_t& start,
                                uint32_t& end);

// The disclosure an employee owes when promoting the employer: "I work at Lumetra." /
// "Je travaille chez Lumetra." ("" without a company in the policy).
std::string disclosure_for(std::string_view language, const policy::Policy& policy);

}  // namespace ownvoice::checks
