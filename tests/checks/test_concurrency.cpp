// The engine is compiled once and check() runs from many threads: the checks' shared
// lexicons (function-local statics) and RE2 objects must give every thread the same answers.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "checks/disclaimer.hpp"
#include "checks/language.hpp"
#include "checks/promotional.hpp"

using namespace ownvoice::checks;
using ownvoice::text::normalize;

namespace {

const std::vector<std::string>& posts() {
  static const std::vector<std::string> p = {
      "LumiDesk 3 is here! Try it free: https://lumetra.ch/shop?utm_source=x. Opinions are my own.",
      "Profitez de -20 % sur Photon Suite jusqu'à dimanche ! Commandez sur lumetra.ch/boutique",
      "I got promoted at Lumetra! Best team ever. #ViewsMyOwn",
      "Le prix du pétrole a encore grimpé : 95 $ le baril. Ces propos n'engagent que moi.",
      "Sign up for the charity run on Sunday!",
  };
  return p;
}

std::string fingerprint(const std::string& text, const ownvoice::policy::Policy& policy) {
  const auto norm = normalize(text);
  const auto lang = detect_language(text, norm, "en");
  const auto d = check_disclaimer(text, norm, Platform::X, lang, policy);
  const auto p = check_promotional(text, norm, lang, policy);
  std::string out = lang + "|" + (d.present ? "D" : "-") + d.form + d.proposed_text + "|" + std::to_string(p.score);
  for (const auto& r : p.reasons) out += r.signal + std::to_string(r.start) + "-" + std::to_string(r.end);
  return out;
}

}  // namespace

TEST(Concurrency, SameAnswersFromManyThreads) {
  ownvoice::policy::Policy policy;
  policy.company = "Lumetra";
  policy.brands = {"LumiDesk", "Photon Suite"};
  policy.disclaimers = {{"en", "Opinions are my own."}, {"fr", "Ces propos n'engagent que moi."}};
  std::vector<std::string> expected;
  for (const auto& p : posts()) expected.push_back(fingerprint(p, policy));

  constexpr int kThreads = 4;
  std::vector<int> mismatches(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 50; ++round)
        for (size_t i = 0; i < posts().size(); ++i)
          if (fingerprint(posts()[i], policy) != expected[i]) ++mismatches[static_cast<size_t>(t)];
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(mismatches[static_cast<size_t>(t)], 0) << "thread " << t;
}
