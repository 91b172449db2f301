// One automaton for every check's lexicon (see lexicons.hpp).
#include "checks/lexicons.hpp"

#include <limits>

namespace ownvoice::checks {

void Lexicons::add(Lexicon owner, std::string_view phrase, uint32_t id) {
  const uint32_t index = matcher_.add(phrase);
  if (index == std::numeric_limits<uint32_t>::max()) return;
  if (owners_.size() <= index) owners_.resize(index + 1, Owner{owner, id});
  owners_[index] = Owner{owner, id};
}

void Lexicons::build() { matcher_.build(); }

LexiconHits Lexicons::scan(const text::NormalizedText& norm) const {
  LexiconHits hits;
  matcher_.for_each(norm, [&](const text::PhraseMatch& m) {
    const Owner& owner = owners_[m.phrase];
    hits.by_lexicon[static_cast<std::size_t>(owner.lexicon)].push_back(text::PhraseMatch{owner.id, m.begin, m.end});
    return true;
  });
  return hits;
}

}  // namespace ownvoice::checks
