// checks::Lexicons: one automaton for several lexicons must give each lexicon exactly the
// matches, in the same order, that an automaton of that lexicon alone gives (the engine's
// checks rely on it: they used to scan with their own automata).
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "checks/lexicons.hpp"
#include "text/phrase_matcher.hpp"

namespace ownvoice::checks {
namespace {

std::vector<text::PhraseMatch> scan_alone(const std::vector<std::string>& phrases, const text::NormalizedText& norm) {
  text::PhraseMatcher m;
  std::vector<uint32_t> input_of;
  for (uint32_t i = 0; i < phrases.size(); ++i)
    if (m.add(phrases[i]) != UINT32_MAX) input_of.push_back(i);
  m.build();
  std::vector<text::PhraseMatch> out;
  m.for_each(norm, [&](const text::PhraseMatch& pm) {
    out.push_back({input_of[pm.phrase], pm.begin, pm.end});
    return true;
  });
  return out;
}

bool same(const std::vector<text::PhraseMatch>& a, const std::vector<text::PhraseMatch>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].phrase != b[i].phrase || a[i].begin != b[i].begin || a[i].end != b[i].end) return false;
  return true;
}

TEST(Lexicons, EachLexiconSeesWhatItsOwnAutomatonSees) {
  // Overlapping lexicons on purpose: shared phrases, phrases inside others, prefixes ("acqui*"),
  // phrases that normalise to nothing, accents and separators.
  const std::vector<std::vector<std::string>> lexicons = {
      {"Projet Edelweiss", "edelweiss", "acqui*", "Q3 results", "  - ", "Orion"},
      {"buy now", "now", "edelweiss", "promo code", "résultats", "free"},
      {"Lumetra", "Lumetra Cloud", "cloud"},
      {"Opinions are my own", "my own", "avis perso"},
  };
  Lexicons merged;
  for (size_t l = 0; l < lexicons.size(); ++l)
    for (uint32_t i = 0; i < lexicons[l].size(); ++i) merged.add(static_cast<Lexicon>(l), lexicons[l][i], i);
  merged.build();

  std::vector<std::string> words = {"projet",      "Edelweiss", "#ProjetEdelweiss",
                                    "acquisition", "acquis",    "Q3",
                                    "results",     "buy",       "now",
                                    "promo",       "code",      "résultats",
                                    "Résultats",   "free",      "Lumetra",
                                    "cloud",       "Opinions",  "are",
                                    "my",          "own",       "avis",
                                    "perso",       "Orionids",  "orion",
                                    "-",           "_",         ".",
                                    "🚀",           "l'équipe",  "now!"};
  std::mt19937 rng(14);
  for (int round = 0; round < 2000; ++round) {
    std::string post;
    const int n = static_cast<int>(rng() % 40);
    for (int w = 0; w < n; ++w) {
      post += words[rng() % words.size()];
      post += (rng() % 5 == 0) ? "-" : " ";
    }
    const auto norm = text::normalize(post);
    const auto hits = merged.scan(norm);
    for (size_t l = 0; l < lexicons.size(); ++l)
      ASSERT_TRUE(same(hits.of(static_cast<Lexicon>(l)), scan_alone(lexicons[l], norm)))
          << "lexicon " << l << ": " << post;
  }
}

TEST(Lexicons, AMatchCarriesTheOwnersNumber) {
  Lexicons merged;
  merged.add(Lexicon::Brands, "Lumetra", 7);
  merged.add(Lexicon::Confidential, "Lumetra", 3);
  merged.build();
  const auto hits = merged.scan(text::normalize("Proud of Lumetra today"));
  ASSERT_EQ(hits.of(Lexicon::Brands).size(), 1u);
  EXPECT_EQ(hits.of(Lexicon::Brands)[0].phrase, 7u);
  ASSERT_EQ(hits.of(Lexicon::Confidential).size(), 1u);
  EXPECT_EQ(hits.of(Lexicon::Confidential)[0].phrase, 3u);
  EXPECT_TRUE(hits.of(Lexicon::Promotional).empty());
}

}  // namespace
}  // namespace ownvoice::checks
