#include <gtest/gtest.h>

#include "checks/language.hpp"

using ownvoice::checks::detect_language;
using ownvoice::text::normalize;

namespace {
std::string lang(std::string_view s, std::string_view fallback = "en") {
  return detect_language(s, normalize(s), fallback);
}
}  // namespace

TEST(Language, French) {
  EXPECT_EQ(lang("Très fière de l'équipe qui a livré la nouvelle version cette semaine !"), "fr");
  EXPECT_EQ(lang("Nous recrutons un développeur pour notre équipe de Lausanne.", "en"), "fr");
  EXPECT_EQ(lang("JE SUIS RAVI DE VOUS ANNONCER QUE NOUS OUVRONS UN BUREAU"), "fr");    // case
  EXPECT_EQ(lang("Ce\u00a0matin,\u00a0la\u00a0conférence\u00a0était\u00a0top"), "fr");  // no-break spaces
}

TEST(Language, English) {
  EXPECT_EQ(lang("So proud of the team that shipped the new release this week!", "fr"), "en");
  EXPECT_EQ(lang("We're hiring a developer for our team in Lausanne.", "fr"), "en");
  EXPECT_EQ(lang("Great talk by René Müller at the café about the future of optics", "fr"), "en");
}

TEST(Language, FallbackWhenEvidenceIsThin) {
  EXPECT_EQ(lang("https://lumetra.ch", "fr"), "fr");
  EXPECT_EQ(lang("🎉🎉🎉", "en"), "en");
  EXPECT_EQ(lang("#Lumetra #Photon", "fr"), "fr");
  EXPECT_EQ(lang("", "xx"), "en");  // an unknown fallback falls back to English
}
