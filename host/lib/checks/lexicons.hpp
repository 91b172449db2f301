#pragma once
// One phrase automaton for the lexicons of every check on one policy: the confidential
// terms (with their exception and near-clause phrases), the promotional lexicon, the
// policy's company and brand names, and its own disclaimer wordings. A post is scanned once; each check then reads its
// own matches, in the order a scan of its lexicon alone would have found them (an Aho-Corasick automaton reports every
// phrase that ends at a position, whatever else it holds, so adding other lexicons' phrases adds matches of theirs and
// changes none of another's).
#include <array>
#include <cstdint>
#include <vector>

#include "text/phrase_matcher.hpp"

namespace ownvoice::checks {

enum class Lexicon : uint8_t { Confidential, Promotional, Brands, DisclaimerWordings };
inline constexpr std::size_t kLexiconCount = 4;

// One post's matches, by lexicon. PhraseMatch::phrase is the number the lexicon's owner
// gave the phrase when adding it, not the automaton's.
struct LexiconHits {
  std::array<std::vector<text::PhraseMatch>, kLexiconCount> by_lexicon;
  [[nodiscard]] const std::vector<text::PhraseMatch>& of(Lexicon l) const {
    return by_lexicon[static_cast<std::size_t>(l)];
  }
};

class Lexicons {
 public:
  // A phrase of `owner`, numbered `id` by the owner; phrases that normalise to nothing
  // are left out (they can never match).
  void add(Lexicon owner, std::string_view phrase, uint32_t id);
  // Freezes the automaton; add() is not allowed afterwards.
  void build();
  [[nodiscard]] LexiconHits scan(const text::NormalizedText& norm) const;
  [[nodiscard]] std::size_t memory_bytes() const { return matcher_.memory_bytes(); }

 private:
  struct Owner {
    Lexicon lexicon;
    uint32_t id;
  };
  text::PhraseMatcher matcher_;
  std::vector<Owner> owners_;  // by the automaton's phrase index
};

}  // namespace ownvoice::checks
