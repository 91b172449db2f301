#pragma once
// PhraseMatcher: finds many literal phrases at once in normalised text, with the
// word rules OwnVoice promises IT: both ends are word boundaries, and the words of a
// phrase may be joined in the text by a space, '-', '_' or nothing ("Projet Edelweiss"
// matches "#ProjetEdelweiss" and "projet-edelweiss"). A phrase ending in '*' matches any
// word that starts with it ("acqui*": acquisition, acquis). Built once (an Aho-Corasick
// automaton over the phrases with their separators removed), then shared read-only.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/normalize.hpp"

namespace ownvoice::text {

struct PhraseMatch {
  uint32_t phrase;  // index returned by add()
  size_t begin;     // byte range in NormalizedText::text
  size_t end;
};

class PhraseMatcher {
 public:
  PhraseMatcher();
  ~PhraseMatcher();
  PhraseMatcher(PhraseMatcher&&) noexcept;
  PhraseMatcher& operator=(PhraseMatcher&&) noexcept;

  // Adds a phrase as written by a person (it is normalised here). Returns its index,
  // or UINT32_MAX when nothing matchable is left after normalisation (e.g. "  - ").
  uint32_t add(std::string_view phrase);
  // Freezes the automaton; add() is not allowed afterwards.
  void build();

  // Every match whose ends fall on word boundaries, in order of `end`. Overlapping
  // matches of different phrases are all reported.
  [[nodiscard]] std::vector<PhraseMatch> find_all(const NormalizedText& text) const;
  // Calls `visit` for each match (no allocation); stop early by returning false.
  template <typename F>
  void for_each(const NormalizedText& text, F&& visit) const;

  [[nodiscard]] size_t phrase_count() const;
  [[nodiscard]] size_t memory_bytes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  void scan(const NormalizedText& text, bool (*cb)(void*, const PhraseMatch&), void* ctx) const;
};

template <typename F>
void PhraseMatcher::for_each(const NormalizedText& text, F&& visit) const {
  scan(
      text, [](void* ctx, const PhraseMatch& m) { return (*static_cast<F*>(ctx))(m); }, &visit);
}

}  // namespace ownvoice::text

namespace ownvoice::text {

// A matcher over a short phrase list that repeats from one check to the next (the
// policy's brands, its disclaimer wordings): built once per process, then reused, so a
// check does not rebuild an automaton; safe to call from several threads. `input_of[phrase]` is the position in
// `phrases` of each matcher phrase (phrases that normalise to nothing are left out).
struct CachedMatcher {
  PhraseMatcher matcher;
  std::vector<uint32_t> input_of;
  // Every match in `text`, its `phrase` numbered by position in `phrases`.
  [[nodiscard]] std::vector<PhraseMatch> matches(const NormalizedText& text) const;
};
const CachedMatcher& cached_matcher(const std::vector<std::string>& phrases);

}  // namespace ownvoice::text
