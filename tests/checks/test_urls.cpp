#include <gtest/gtest.h>

#include <string>

#include "checks/urls.hpp"

using namespace ownvoice::checks;

namespace {
std::vector<std::string> urls_of(std::string_view s, bool scheme = false) {
  std::vector<std::string> out;
  for (const auto& u : find_urls(s, scheme)) out.emplace_back(s.substr(u.begin, u.end - u.begin));
  return out;
}
}  // namespace

TEST(Urls, SchemeAndBareDomains) {
  EXPECT_EQ(urls_of("Hi http://test.co"), std::vector<std::string>{"http://test.co"});
  EXPECT_EQ(urls_of("go to www.example.com/path/to/resource?search=foo&lang=en."),
            std::vector<std::string>{"www.example.com/path/to/resource?search=foo&lang=en"});
  EXPECT_EQ(urls_of("foo.co.jp and t.co"), (std::vector<std::string>{"foo.co.jp", "t.co"}));
  EXPECT_EQ(urls_of("(see https://lumetra.ch/shop)"), std::vector<std::string>{"https://lumetra.ch/shop"});
  EXPECT_EQ(urls_of("https://en.wikipedia.org/wiki/Foo_(bar) ok"),
            std::vector<std::string>{"https://en.wikipedia.org/wiki/Foo_(bar)"});
}

TEST(Urls, NotUrls) {
  EXPECT_TRUE(urls_of("jean.dupont@lumetra.ch").empty());
  EXPECT_TRUE(urls_of("version 1.2.3 and e.g. this").empty());
  EXPECT_TRUE(urls_of("server.lumetra.internal").empty());  // not a public TLD
  EXPECT_TRUE(urls_of("example.com", /*scheme=*/true).empty());
  EXPECT_TRUE(urls_of("#hashtag.com").empty());
}

TEST(Urls, LabelsLongerThan63AreNotUrls) {
  EXPECT_TRUE(urls_of(std::string(64, 'a') + ".com").empty());
  EXPECT_EQ(urls_of(std::string(63, 'a') + ".com").size(), 1u);
}

TEST(Urls, Punycode) {
  // RFC 3492 sample: "bücher" -> "bcher-kva"
  EXPECT_EQ(punycode_length({U'b', U'ü', U'c', U'h', U'e', U'r'}), 9u);
  // "münchen" -> "mnchen-3ya"
  EXPECT_EQ(punycode_length({U'm', U'ü', U'n', U'c', U'h', U'e', U'n'}), 10u);
  EXPECT_EQ(urls_of("https://bücher.de/x").size(), 1u);
}

TEST(Urls, Utf16Offset) {
  EXPECT_EQ(utf16_offset("aé😷b", 1), 1u);
  EXPECT_EQ(utf16_offset("aé😷b", 3), 2u);
  EXPECT_EQ(utf16_offset("aé😷b", 7), 4u);
  EXPECT_EQ(utf16_offset("aé😷b", 8), 5u);
}
