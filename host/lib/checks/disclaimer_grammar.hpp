#pragma once
// Runs the disclaimer grammar (disclaimer_table.cpp) over a post's tokens: finds the
// forms of "my views are my own" / "ces propos n'engagent que moi" the author wrote,
// leaves out those inside a quotation of someone else, and says which form matched.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checks/tokens.hpp"
#include "text/normalize.hpp"

namespace ownvoice::checks {

struct GrammarMatch {
  uint32_t begin = 0;  // normalised byte span
  uint32_t end = 0;
  const char* form = "";  // the form's id ("views_own", "fr_que_moi", "hashtag", ...)
};

// What a check of one post needs besides the grammar: the tokens, the original text
// (for line breaks, computed on first use) and the company's name as tokens.
class PostTokens {
 public:
  PostTokens(std::string_view original, const text::NormalizedText& norm);
  [[nodiscard]] const std::vector<Token>& tokens() const { return tokens_; }
  // True when a line break of the original lies between tokens i-1 and i.
  [[nodiscard]] bool line_break_before(size_t i) const;
  // line_break_before() for every token, in one pass.
  [[nodiscard]] std::vector<bool> line_starts() const;

 private:
  std::string_view original_;
  const text::NormalizedText& norm_;
  std::vector<Token> tokens_;
  mutable std::vector<uint32_t> breaks_;
  mutable bool breaks_ready_ = false;
};

// The first form of the grammar the author wrote (not quoting someone else), if any.
// `company` is the policy's company name ("" when none).
std::optional<GrammarMatch> find_disclaimer_form(const PostTokens& post, std::string_view company);

// Whether normalised span [b, e) sits inside a quotation that is not the author's own
// line (attributed to someone, or quoted in the middle of a sentence).
bool inside_quotation(const PostTokens& post, uint32_t b, uint32_t e);

// Whether the sentence or line ends right after normalised byte `e` (the test nominal
// forms such as "Avis perso." pass and "un avis perso sur le film" fails).
bool sentence_ends_after(const PostTokens& post, uint32_t e);

}  // namespace ownvoice::checks
