#include <gtest/gtest.h>
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <random>
#include <string>
#include <vector>

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

// next_url_candidate replaced one RE2 search per candidate. The expression it stands for
// is kept here as its specification: on every text below, both must find the same
// candidates, scheme, host and end.
namespace {
struct Found {
  size_t begin, host_begin, end;
  bool operator==(const Found&) const = default;
};
std::vector<Found> by_scan(std::string_view s) {
  std::vector<Found> out;
  for (size_t pos = 0; pos < s.size();) {
    const UrlCandidate c = next_url_candidate(s, pos);
    if (!c.found) break;
    out.push_back({c.begin, c.host_begin, c.end});
    pos = std::max(c.end, c.begin + 1);
  }
  return out;
}
std::vector<Found> by_regex(std::string_view s) {
  static const RE2 spec(R"((?i)(https?://)?((?:[\pL\pM\pN_-]+\.)+[\pL\pM\pN_-]+))");
  std::vector<Found> out;
  std::array<re2::StringPiece, 3> g;
  for (size_t pos = 0; pos < s.size() &&
                       spec.Match(re2::StringPiece(s.data(), s.size()), pos, s.size(), RE2::UNANCHORED, g.data(), 3);) {
    const size_t begin = static_cast<size_t>(g[0].data() - s.data());
    const size_t host_begin = static_cast<size_t>(g[2].data() - s.data());
    out.push_back({begin, host_begin, begin + g[0].size()});
    pos = std::max(begin + g[0].size(), begin + 1);
  }
  return out;
}
}  // namespace

TEST(Urls, CandidateScanFindsWhatTheRegularExpressionFinds) {
  const std::vector<std::string> fixed = {"Hi http://test.co and HTTPS://Example.COM/x.",
                                          "a.b.c. d..e f.-g _x._y",
                                          "e.g. version 1.2.3",
                                          "jean.dupont@lumetra.ch",
                                          "xhttps://a.b",
                                          "https://.com http://a.",
                                          "Ünïcödé.café/é ça.va 東京.jp",
                                          "emoji😀.com 😀.😀 a\u0301.b\u0301",
                                          "...a.b...",
                                          ".",
                                          "a.",
                                          ".a",
                                          "https://",
                                          "http://ab.cd.ef.gh",
                                          std::string("bad\xff.utf\xc3.x")};
  for (const auto& s : fixed) EXPECT_EQ(by_scan(s), by_regex(s)) << s;

  // Random texts over an alphabet that stresses the rule: label characters of several
  // scripts, marks, dots, the scheme's pieces, separators, and broken UTF-8.
  const std::vector<std::string> alphabet = {"a",      "Z",  "7", "_",      "-",    ".",    ".",    ".",
                                             " ",      "/",  ":", "@",      "h",    "ttp",  "s://", "é",
                                             "\u0301", "東", "😀", "\u00a0", "\xff", "\xc3", "!"};
  std::mt19937 random(20261207);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const int length = static_cast<int>(random() % 24);
    for (int k = 0; k < length; ++k) s += alphabet[random() % alphabet.size()];
    ASSERT_EQ(by_scan(s), by_regex(s)) << s;
  }
}
