// Runs every post of posts.jsonl through the real engine (example policy, no user layer)
// and compares with the labels: disclaimer present, promotional, and the confidential
// rule ids expected to fire. Prints precision and recall per check, and every
// disagreement, then fails when a figure is below 0.95.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/engine.hpp"
#include "policy/loader.hpp"

namespace {

using nlohmann::json;
using namespace ownvoice;

constexpr double kMinimum = 0.95;

struct Counts {
  int tp = 0, fp = 0, fn = 0, tn = 0;
  [[nodiscard]] double precision() const { return tp + fp == 0 ? 1.0 : static_cast<double>(tp) / (tp + fp); }
  [[nodiscard]] double recall() const { return tp + fn == 0 ? 1.0 : static_cast<double>(tp) / (tp + fn); }
  void add(bool expected, bool got) {
    if (expected && got) ++tp;
    else if (!expected && got) ++fp;
    else if (expected && !got) ++fn;
    else ++tn;
  }
};

std::vector<json> load_posts() {
  std::ifstream in(std::string(OWNVOICE_SOURCE_DIR) + "/tests/corpus/posts.jsonl");
  std::vector<json> posts;
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) posts.push_back(json::parse(line));
  return posts;
}

engine::Engine example_engine() {
  policy::LoadOptions options;
  options.system_path = std::string(OWNVOICE_SOURCE_DIR) + "/examples/policy.example.json";
  options.load_user = false;
  auto effective = policy::load_layers(options);
  EXPECT_TRUE(effective.rejected().empty()) << effective.rejected_json().dump();
  EXPECT_EQ(effective.policy.company, "Lumetra");
  return engine::Engine(std::move(effective));
}

std::string brief(const std::string& text) { return text.size() > 90 ? text.substr(0, 90) + "..." : text; }

}  // namespace

TEST(Corpus, PrecisionAndRecallPerCheck) {
  const auto posts = load_posts();
  ASSERT_GE(posts.size(), 150u);
  const auto engine = example_engine();

  Counts disclaimer, promotional, confidential;
  int language_right = 0;
  for (size_t i = 0; i < posts.size(); ++i) {
    const auto& post = posts[i];
    engine::CheckRequest request;
    request.text = post.at("text").get<std::string>();
    request.platform = post.at("platform").get<std::string>();
    const json result = engine.check(request).json;
    const auto& expect = post.at("expect");
    const std::string where = "post " + std::to_string(i + 1) + " [" + brief(request.text) + "]";

    const bool d_expected = expect.at("disclaimer_present").get<bool>();
    const bool d_got = result.at("disclaimer").at("present").get<bool>();
    disclaimer.add(d_expected, d_got);
    if (d_expected != d_got) std::printf("disclaimer   %s: expected %d got %d\n", where.c_str(), d_expected, d_got);

    const bool p_expected = expect.at("promotional").get<bool>();
    const bool p_got = result.at("promotional").at("promotional").get<bool>();
    promotional.add(p_expected, p_got);
    if (p_expected != p_got) {
      std::string reasons;
      for (const auto& r : result.at("promotional").at("reasons"))
        reasons += r.at("signal").get<std::string>() + "(" + r.at("excerpt").get<std::string>() + ") ";
      std::printf("promotional  %s: expected %d got %d, score %.2f: %s\n", where.c_str(), p_expected, p_got,
                  result.at("promotional").at("score").get<double>(), reasons.c_str());
    }

    std::set<std::string> expected_rules;
    for (const auto& r : expect.at("confidential")) expected_rules.insert(r.get<std::string>());
    std::set<std::string> got_rules;
    for (const auto& f : result.at("findings"))
      if (f.at("check") == "confidential") got_rules.insert(f.at("rule").get<std::string>());
    for (const auto& r : expected_rules) {
      confidential.add(true, got_rules.count(r) > 0);
      if (got_rules.count(r) == 0) std::printf("confidential %s: missed %s\n", where.c_str(), r.c_str());
    }
    for (const auto& r : got_rules) {
      if (expected_rules.count(r) > 0) continue;
      confidential.add(false, true);
      std::printf("confidential %s: unexpected %s\n", where.c_str(), r.c_str());
    }
    if (expected_rules.empty() && got_rules.empty()) ++confidential.tn;

    if (result.at("language") == post.at("lang")) {
      ++language_right;
    } else {
      std::printf("language     %s: expected %s got %s\n", where.c_str(), post.at("lang").get<std::string>().c_str(),
                  result.at("language").get<std::string>().c_str());
    }
  }

  const double language_accuracy = static_cast<double>(language_right) / static_cast<double>(posts.size());
  auto report = [](const char* name, const Counts& c) {
    std::printf("%-13s precision %.3f  recall %.3f  (tp %d, fp %d, fn %d, tn %d)\n", name, c.precision(), c.recall(),
                c.tp, c.fp, c.fn, c.tn);
  };
  std::printf("corpus: %zu posts\n", posts.size());
  report("disclaimer", disclaimer);
  report("promotional", promotional);
  report("confidential", confidential);
  std::printf("language      accuracy %.3f (%d of %zu)\n", language_accuracy, language_right, posts.size());

  EXPECT_GE(disclaimer.precision(), kMinimum);
  EXPECT_GE(disclaimer.recall(), kMinimum);
  EXPECT_GE(promotional.precision(), kMinimum);
  EXPECT_GE(promotional.recall(), kMinimum);
  EXPECT_GE(confidential.precision(), kMinimum);
  EXPECT_GE(confidential.recall(), kMinimum);
  EXPECT_GE(language_accuracy, kMinimum);
}

TEST(Corpus, LabelsAreWellFormed) {
  const std::set<std::string> rules = {"codenames",    "deals",         "quarterly-results",  "internal-hosts",
                                       "tickets",      "internal-only", "pack:personal_data", "pack:secrets"};
  const std::set<std::string> platforms = {"x", "linkedin", "facebook", "instagram", "mastodon", "bluesky", "threads"};
  int fr = 0, en = 0, disclaimers = 0, promos = 0, confidential = 0;
  for (const auto& post : load_posts()) {
    ASSERT_TRUE(post.at("text").is_string());
    EXPECT_TRUE(platforms.count(post.at("platform").get<std::string>())) << post.dump();
    const auto lang = post.at("lang").get<std::string>();
    EXPECT_TRUE(lang == "fr" || lang == "en") << post.dump();
    (lang == "fr" ? fr : en)++;
    disclaimers += post.at("expect").at("disclaimer_present").get<bool>() ? 1 : 0;
    promos += post.at("expect").at("promotional").get<bool>() ? 1 : 0;
    for (const auto& r : post.at("expect").at("confidential")) EXPECT_TRUE(rules.count(r.get<std::string>())) << r;
    confidential += post.at("expect").at("confidential").empty() ? 0 : 1;
  }
  // Both languages and every check have enough positives for the figures to mean something.
  EXPECT_GE(fr, 50);
  EXPECT_GE(en, 50);
  EXPECT_GE(disclaimers, 30);
  EXPECT_GE(promos, 30);
  EXPECT_GE(confidential, 30);
}
