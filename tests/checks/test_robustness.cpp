// Arbitrary bytes (invalid UTF-8, lone surrogates, truncated sequences, NULs) must not
// crash a check, and every span must stay inside the text.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "checks/disclaimer.hpp"
#include "checks/language.hpp"
#include "checks/platform.hpp"
#include "checks/promotional.hpp"

using namespace ownvoice::checks;
using ownvoice::text::normalize;

TEST(Robustness, ArbitraryBytes) {
  ownvoice::policy::Policy policy;
  policy.company = "Lumetra";
  policy.brands = {"LumiDesk"};
  const std::string pieces[] = {"Shop now ",
                                "-30% ",
                                "\xC3",
                                "\xE2\x82",
                                "\xED\xA0\x80",
                                "\xF0\x9F\x98",
                                "😷",
                                "👨‍👩‍👧‍👦",
                                "é",
                                std::string(1, '\0'),
                                "https://lumetra.ch/shop ",
                                "Avis perso. ",
                                "\xFF",
                                "code LUMI30 ",
                                "#OpinionsMyOwn ",
                                "\u202E",
                                "\uFEFF",
                                "日本"};
  std::mt19937 rng(42);
  std::uniform_int_distribution<size_t> pick(0, std::size(pieces) - 1);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int n = round % 40;
    for (int i = 0; i < n; ++i) {
      if (i % 7 == 3)
        text.push_back(static_cast<char>(byte(rng)));
      else
        text += pieces[pick(rng)];
    }
    const auto norm = normalize(text);
    const auto lang = detect_language(text, norm, "en");
    EXPECT_TRUE(lang == "en" || lang == "fr");
    for (auto platform :
         {Platform::X, Platform::Mastodon, Platform::Bluesky, Platform::LinkedIn, Platform::Instagram}) {
      (void)measure_length(text, platform);
      (void)fits(text, platform);
      const auto d = check_disclaimer(text, norm, platform, lang, policy);
      if (d.present) {
        EXPECT_LE(d.found_start, d.found_end);
        EXPECT_LE(d.found_end, norm.utf16_length);
      }
    }
    const auto p = check_promotional(text, norm, lang, policy);
    EXPECT_GE(p.score, 0.0);
    EXPECT_LE(p.score, 1.0);
    for (const auto& r : p.reasons) {
      EXPECT_LE(r.start, r.end);
      EXPECT_LE(r.end, norm.utf16_length) << r.signal;
    }
  }
}
