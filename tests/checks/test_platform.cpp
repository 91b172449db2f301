// Length counting per platform, including every case of twitter-text's
// WeightedTweetsWithDiscountedEmojiCounterTest (data/twitter_text_weighted.json,
// Apache-2.0, see data/NOTICE).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "checks/platform.hpp"

using namespace ownvoice::checks;

namespace {

nlohmann::json load_twitter_cases() {
  std::ifstream in(std::string(OWNVOICE_SOURCE_DIR) + "/tests/checks/data/twitter_text_weighted.json");
  return nlohmann::json::parse(in);
}

std::string repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out.append(s);
  return out;
}

}  // namespace

TEST(Platform, TwitterTextConformanceWeightedLength) {
  const auto doc = load_twitter_cases();
  ASSERT_GE(doc.at("cases").size(), 20u);
  for (const auto& c : doc.at("cases")) {
    const std::string text = c.at("text");
    const auto expected = c.at("weightedLength").get<std::size_t>();
    EXPECT_EQ(measure_length(text, Platform::X), expected) << c.at("description").get<std::string>();
    EXPECT_EQ(fits(text, Platform::X), c.at("valid").get<bool>()) << c.at("description").get<std::string>();
  }
}

TEST(Platform, ParseAndNames) {
  EXPECT_EQ(parse_platform("x"), Platform::X);
  EXPECT_EQ(parse_platform("Twitter"), Platform::X);
  EXPECT_EQ(parse_platform("linkedin"), Platform::LinkedIn);
  EXPECT_EQ(parse_platform("bluesky"), Platform::Bluesky);
  EXPECT_EQ(parse_platform("myspace"), Platform::Generic);
  EXPECT_STREQ(to_string(Platform::Mastodon), "mastodon");
  EXPECT_STREQ(to_string(parse_platform("threads")), "threads");
}

TEST(Platform, Limits) {
  EXPECT_EQ(length_rule(Platform::X).limit, 280u);
  EXPECT_EQ(length_rule(Platform::Mastodon).limit, 500u);
  EXPECT_EQ(length_rule(Platform::Bluesky).limit, 300u);
  EXPECT_EQ(length_rule(Platform::LinkedIn).limit, 3000u);
  EXPECT_EQ(length_rule(Platform::Facebook).limit, 63206u);
  EXPECT_EQ(length_rule(Platform::Instagram).limit, 2200u);
  EXPECT_EQ(length_rule(Platform::Threads).limit, 500u);
  EXPECT_EQ(length_rule(Platform::Generic).limit, 0u);
  EXPECT_TRUE(fits(repeat("a", 100000), Platform::Generic));
}

TEST(Platform, XWeights) {
  EXPECT_EQ(measure_length("Opinions are my own.", Platform::X), 20u);
  EXPECT_EQ(measure_length("Ces propos n’engagent que moi.", Platform::X), 30u);  // ’ is in 8208..8223
  EXPECT_EQ(measure_length("日本語", Platform::X), 6u);
  EXPECT_EQ(measure_length("🇨🇭", Platform::X), 2u);             // flag: one emoji sequence
  EXPECT_EQ(measure_length("👍🏽", Platform::X), 2u);       // skin tone modifier
  EXPECT_EQ(measure_length("©", Platform::X), 1u);              // text presentation
  EXPECT_EQ(measure_length("©\xEF\xB8\x8F", Platform::X), 2u);  // emoji presentation
  EXPECT_EQ(measure_length("e\xCC\x81", Platform::X), 1u);      // NFC first: é
  EXPECT_EQ(measure_length("see lumetra.ch/shop?utm_source=x.", Platform::X), 4u + 23u + 1u);
  EXPECT_EQ(measure_length("mail jean@lumetra.ch", Platform::X), 20u);  // an e-mail is no URL
  EXPECT_EQ(measure_length("", Platform::X), 0u);
  EXPECT_TRUE(fits(repeat("a", 280), Platform::X));
  EXPECT_FALSE(fits(repeat("a", 281), Platform::X));
  EXPECT_TRUE(fits(repeat("é", 280), Platform::X));
  EXPECT_FALSE(fits(repeat("é", 141) + repeat("日", 70), Platform::X));
}

TEST(Platform, MastodonCountsUrlsAs23AndMentionsWithoutDomain) {
  EXPECT_EQ(measure_length("Hi https://example.com/a/very/long/path/that/goes/on/and/on", Platform::Mastodon),
            3u + 23u);
  EXPECT_EQ(measure_length("example.com", Platform::Mastodon), 11u);  // no scheme: counted as text
  EXPECT_EQ(measure_length("@alice@mastodon.social hi", Platform::Mastodon), 9u);
  EXPECT_EQ(measure_length("👨‍👩‍👧‍👦", Platform::Mastodon), 1u);
  EXPECT_TRUE(fits(repeat("a", 500), Platform::Mastodon));
  EXPECT_FALSE(fits(repeat("a", 501), Platform::Mastodon));
}

TEST(Platform, BlueskyGraphemesAndBytes) {
  EXPECT_EQ(measure_length("👨‍👩‍👧‍👦🇨🇭é", Platform::Bluesky), 3u);
  EXPECT_TRUE(fits(repeat("👍🏽", 300), Platform::Bluesky));  // 300 graphemes, 2,400 bytes
  EXPECT_FALSE(fits(repeat("a", 301), Platform::Bluesky));
  // 300 graphemes but more than 3,000 bytes: each family emoji is 25 bytes.
  EXPECT_FALSE(fits(repeat("👨‍👩‍👧‍👦", 200), Platform::Bluesky));
}

TEST(Platform, InstagramHashtagLimit) {
  std::string thirty;
  for (int i = 0; i < 30; ++i) thirty += "#tag" + std::to_string(i) + " ";
  EXPECT_EQ(count_hashtags(thirty), 30u);
  EXPECT_TRUE(fits(thirty, Platform::Instagram));
  EXPECT_FALSE(fits(thirty + "#one_more", Platform::Instagram));
  EXPECT_EQ(count_hashtags("C# and F# are languages, issue#12 is not a tag"), 0u);
  EXPECT_FALSE(fits(repeat("a", 2201), Platform::Instagram));
}

TEST(Platform, Utf16PlatformsCountCodeUnits) {
  EXPECT_EQ(measure_length("😷", Platform::LinkedIn), 2u);
  EXPECT_EQ(measure_length("é", Platform::Facebook), 1u);
  EXPECT_TRUE(fits(repeat("a", 3000), Platform::LinkedIn));
  EXPECT_FALSE(fits(repeat("a", 3001), Platform::LinkedIn));
  EXPECT_FALSE(fits(repeat("a", 63207), Platform::Facebook));
}

// From twitter-text conformance/validate.yml, UnicodeDirectionalMarkerCounterTest,
// "Handle invalid characters" (Apache-2.0, see data/NOTICE): weighted length 12, invalid.
TEST(Platform, XRefusesInvalidCharacters) {
  const std::string text = "ABC\u202A\uFFFFABC\uFFFE";
  EXPECT_EQ(measure_length(text, Platform::X), 12u);
  EXPECT_FALSE(fits(text, Platform::X));
  EXPECT_FALSE(fits("hello\uFEFF", Platform::X));
  EXPECT_TRUE(fits("ABC\u202AABC", Platform::X));  // directional marks are allowed
}

// The one table of platforms (host/lib/checks/platforms.json) is what the engine, the
// policy schemas and the extension use: each of them lists exactly its platforms.
namespace {
std::vector<std::string> table_ids() {
  std::vector<std::string> ids;
  for (const auto& row : kPlatformTable) ids.emplace_back(row.id);
  return ids;
}
std::vector<std::string> schema_platforms(const std::string& path) {
  std::ifstream in(path);
  const auto schema = nlohmann::json::parse(in);
  return schema.at("$defs")
      .at("rule")
      .at("properties")
      .at("platforms")
      .at("items")
      .at("enum")
      .get<std::vector<std::string>>();
}
}  // namespace

TEST(PlatformTable, EveryIdAndAliasParsesBackToItsRow) {
  for (const auto& row : kPlatformTable) {
    EXPECT_EQ(parse_platform(row.id), row.platform) << row.id;
    EXPECT_STREQ(to_string(row.platform), std::string(row.id).c_str());
    EXPECT_EQ(&spec(row.platform), &row) << "the table is indexed by Platform";
    for (const auto alias : row.aliases) {
      if (!alias.empty()) {
        EXPECT_EQ(parse_platform(alias), row.platform) << alias;
      }
    }
  }
  EXPECT_EQ(parse_platform("TWITTER"), Platform::X);
  EXPECT_EQ(parse_platform("myspace"), Platform::Generic);
}

TEST(PlatformTable, StrictestFirstAndGenericLast) {
  std::size_t previous = 0;
  for (const auto& row : kPlatformTable) {
    if (row.limit == 0) continue;
    EXPECT_GE(row.limit, previous) << row.id << " is out of order";
    previous = row.limit;
  }
  EXPECT_EQ(kPlatformTable.back().platform, Platform::Generic);
}

TEST(PlatformTable, PolicySchemasListTheTable) {
  EXPECT_EQ(schema_platforms(std::string(OWNVOICE_GENERATED_DIR) + "/policy.schema.json"), table_ids())
      << "the installed schema is generated from the table";
  EXPECT_EQ(schema_platforms(std::string(OWNVOICE_SOURCE_DIR) + "/docs/policy.schema.json"), table_ids())
      << "docs/policy.schema.json: update its platforms enum from host/lib/checks/platforms.json";
}
