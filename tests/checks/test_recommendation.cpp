// When the proposed disclaimer is ticked by default (docs/checks.md "Recommended").
#include <gtest/gtest.h>

#include "checks/disclaimer_recommendation.hpp"
#include "checks/promotional.hpp"

using namespace ownvoice::checks;
using ownvoice::policy::Policy;
using ownvoice::text::normalize;

namespace {

Policy lumetra() {
  Policy p;
  p.company = "Lumetra";
  p.brands = {"Lumetra", "LumiDesk"};
  p.industry = {"photonics", "optique"};
  return p;
}

// The recommendation as the engine makes it: the promotional check says whether the post
// names the company and reads as promotional.
DisclaimerRecommendation recommend(std::string_view text, Platform platform, const Policy& p = lumetra()) {
  const auto norm = normalize(text);
  const auto promo = check_promotional(text, norm, "en", p);
  return recommend_disclaimer(norm, platform, p, {promo.mentions_company, promo.promotional, false});
}

}  // namespace

TEST(DisclaimerRecommendation, PersonalPostIsOfferedUnticked) {
  for (const char* text : {"Morning run along the lake, 10 km before breakfast.",
                           "Course matinale au bord du lac, 10 km avant le café.", "Best croissant in town."}) {
    const auto r = recommend(text, Platform::X);
    EXPECT_FALSE(r.recommended) << text;
    EXPECT_TRUE(r.because.empty()) << text;
  }
}

TEST(DisclaimerRecommendation, AboutWorkIsTicked) {
  EXPECT_EQ(recommend("Proud of what Lumetra shipped this year.", Platform::X).because.front(), "names_company");
  EXPECT_EQ(
      recommend("LumiDesk 4 is 30% off with code LUMI30 until Sunday, grab yours!", Platform::Mastodon).because.front(),
      "names_company");
  EXPECT_EQ(recommend("Photonics is entering a golden decade.", Platform::Bluesky).because.front(), "industry");
  EXPECT_EQ(recommend("My team shipped the new release tonight.", Platform::Threads).because.front(), "work_words");
  EXPECT_EQ(recommend("Selling my bike, 300 EUR, DM me.", Platform::Facebook).because.front(), "promotional");
}

TEST(DisclaimerRecommendation, ProfessionalNetworkIsTicked) {
  const auto r = recommend("Morning run along the lake, 10 km before breakfast.", Platform::LinkedIn);
  EXPECT_TRUE(r.recommended);
  EXPECT_EQ(r.because.front(), "professional_network");
}

TEST(DisclaimerRecommendation, AConfidentialHitIsAboutWork) {
  const auto norm = normalize("Le Projet Edelweiss arrive bientôt");
  const auto r = recommend_disclaimer(norm, Platform::Bluesky, lumetra(), {false, false, true});
  EXPECT_TRUE(r.recommended);
  EXPECT_EQ(r.because.front(), "confidential");
}

TEST(DisclaimerRecommendation, PolicySaysAlways) {
  Policy p = lumetra();
  p.propose_disclaimer_always = true;
  const auto r = recommend("Morning run along the lake.", Platform::X, p);
  EXPECT_TRUE(r.recommended);
  EXPECT_EQ(r.because.front(), "policy_always");
}
