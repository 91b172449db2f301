#include <gtest/gtest.h>

#include "text/phrase_matcher.hpp"

using namespace ownvoice::text;

namespace {
// The original-text excerpts that `phrases` match in `text`.
std::vector<std::string> hits(const std::vector<std::string>& phrases, const std::string& text) {
  PhraseMatcher m;
  for (const auto& p : phrases) m.add(p);
  m.build();
  const auto n = normalize(text);
  std::vector<std::string> out;
  for (const auto& h : m.find_all(n))
    out.push_back(utf16_slice(text, n.original_begin(h.begin), n.original_end(h.end)));
  return out;
}
}  // namespace

TEST(PhraseMatcher, WordsMayBeJoinedBySpaceDashUnderscoreOrNothing) {
  const std::vector<std::string> p{"Projet Edelweiss"};
  EXPECT_EQ(hits(p, "voir #ProjetEdelweiss !"), std::vector<std::string>{"ProjetEdelweiss"});
  EXPECT_EQ(hits(p, "le projet-edelweiss"), std::vector<std::string>{"projet-edelweiss"});
  EXPECT_EQ(hits(p, "PROJET\u00a0ÉDELWEISS"), std::vector<std::string>{"PROJET\u00a0ÉDELWEISS"});
  EXPECT_EQ(hits(p, "projet_edelweiss"), std::vector<std::string>{"projet_edelweiss"});
  EXPECT_EQ(hits(p, "Projet\n  Edelweiss"), std::vector<std::string>{"Projet\n  Edelweiss"});
}

TEST(PhraseMatcher, BothEndsAreWordBoundaries) {
  const std::vector<std::string> p{"Orion"};
  EXPECT_TRUE(hits(p, "the Orionids tonight").empty());
  EXPECT_TRUE(hits(p, "Montorion").empty());
  EXPECT_EQ(hits(p, "l'Orion arrive"), std::vector<std::string>{"Orion"});
  EXPECT_EQ(hits(p, "l’Orion arrive"), std::vector<std::string>{"Orion"});
  EXPECT_EQ(hits(p, "ping @orion"), std::vector<std::string>{"orion"});
  EXPECT_EQ(hits(p, "ORION."), std::vector<std::string>{"ORION"});
}

TEST(PhraseMatcher, SeparatorsOnlyAtThePhrasesWordBreaks) {
  EXPECT_TRUE(hits({"Orion"}, "Ori on").empty());
  EXPECT_TRUE(hits({"Orion"}, "ori-on").empty());
}

TEST(PhraseMatcher, InvisibleCharactersDoNotHideATerm) {
  EXPECT_EQ(hits({"Edelweiss"}, "Edel\u200Bweiss").size(), 1u);
  EXPECT_EQ(hits({"Edelweiss"}, "Edel\u00ADweiss").size(), 1u);
}

TEST(PhraseMatcher, PrefixPhrasesMatchWholeWords) {
  EXPECT_EQ(hits({"acqui*"}, "the acquisition of X, acquired, acquis"),
            (std::vector<std::string>{"acquisition", "acquired", "acquis"}));
  EXPECT_TRUE(hits({"acqui*"}, "reacquire").empty());
}

TEST(PhraseMatcher, ManyOverlappingPhrases) {
  const auto h = hits({"he", "she", "his", "hers", "she sells"}, "ushers? she sells his");
  EXPECT_EQ(h, (std::vector<std::string>{"she", "she sells", "his"}));
}

TEST(PhraseMatcher, NonLatinScripts) {
  EXPECT_EQ(hits({"Москва"}, "в МОСКВА сейчас").size(), 1u);
  EXPECT_EQ(hits({"東京"}, "東京へ").size(), 0u);  // CJK has no spaces: the next character is a letter
}

TEST(PhraseMatcher, TenThousandPhrasesStillExact) {
  PhraseMatcher m;
  for (int i = 0; i < 10000; ++i) m.add("codename" + std::to_string(i));
  m.build();
  const auto n = normalize("we ship CODENAME4242 and codename-4243 and codename999x and codename10000");
  const auto h = m.find_all(n);
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].phrase, 4242u);
}

TEST(PhraseMatcher, EmptyPhraseIsRefused) {
  PhraseMatcher m;
  EXPECT_EQ(m.add(" - "), UINT32_MAX);
  m.build();
  EXPECT_TRUE(m.find_all(normalize("anything")).empty());
}
