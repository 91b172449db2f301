#pragma once
// The personal disclaimer check: is "Opinions are my own" (in one of its many real
// forms, in French or English) already in the post? If not, propose the post with the
// policy's disclaimer added in the post's language, within the platform's length rule.
#include <cstdint>
#include <string>
#include <string_view>

#include "checks/disclaimer_grammar.hpp"
#include "checks/lexicons.hpp"
#include "checks/platform.hpp"
#include "policy/policy.hpp"
#include "text/normalize.hpp"

namespace ownvoice::checks {

struct DisclaimerResult {
  bool present = false;
  uint32_t found_start = 0;  // UTF-16 span of the disclaimer found, when present
  uint32_t found_end = 0;
  std::string language;       // language of the proposal
  std::string proposed_text;  // the whole post with the disclaimer added ("" when present or nothing fits)
  bool fits = true;           // the proposal (or the post, when present) is within the limit
  std::string form;           // "long", "short", "none" (nothing fits) or "present"
  std::size_t length = 0;     // length of proposed_text (or of the post) as the platform counts it
  std::size_t limit = 0;
  std::string matched;  // when present: the form found ("views_own", "fr_que_moi", "hashtag", ...)
};

DisclaimerResult check_disclaimer(std::string_view original, const text::NormalizedText& norm, Platform platform,
                                  std::string_view language, const policy::Policy& policy);
// The same on tokens already made (the engine tokenises a post once for every check).
DisclaimerResult check_disclaimer(std::string_view original, const text::NormalizedText& norm, Platform platform,
                                  std::string_view language, const policy::Policy& policy, const PostTokens& post);
// The same from the matches of Lexicon::DisclaimerWordings in a scan of the automaton every
// check of the policy shares (the engine scans each post once).
DisclaimerResult check_disclaimer(std::string_view original, const text::NormalizedText& norm, Platform platform,
                                  std::string_view language, const policy::Policy& policy, const PostTokens& post,
                                  const LexiconHits& lexicons);
// Adds the policy's own disclaimer wordings to that automaton.
void add_disclaimer_lexicons(const policy::Policy& policy, Lexicons& lexicons);

// The language the proposal is written in: `language` when it is "fr", "en" or one the
// policy has a disclaimer for, else the policy's default language.
std::string proposal_language(std::string_view language, const policy::Policy& policy);

// `original` without its trailing white space, a blank line, then `disclaimer`.
std::string with_disclaimer(std::string_view original, std::string_view disclaimer);

}  // namespace ownvoice::checks
