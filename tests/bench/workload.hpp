#pragma once
// Deterministic synthetic workloads for the benchmarks: codename-like terms, RE2
// patterns, and French/English posts in which a few terms appear. The same generator
// writes the files that ripgrep reads in compare_rg.sh, so both tools see the same data.
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ownvoice::bench {

inline const std::vector<std::string>& syllables() {
  static const std::vector<std::string> s = {
      "ka",  "lu",  "mer", "tra", "zo", "vel", "nor", "dix", "qua", "ré",  "sil", "bé",  "tor", "fan", "gri",  "ost",
      "pla", "ven", "cor", "dal", "ix", "mon", "sa",  "té",  "ul",  "wen", "yor", "zan", "èl",  "bru", "chan", "ptor"};
  return s;
}

// Made-up codenames: 2-4 syllables, a third of them two-word phrases.
inline std::vector<std::string> make_terms(size_t n, uint32_t seed = 42) {
  std::mt19937 rng(seed);
  const auto& syl = syllables();
  std::uniform_int_distribution<size_t> pick(0, syl.size() - 1), count(2, 4), kind(0, 2);
  std::vector<std::string> out;
  out.reserve(n);
  while (out.size() < n) {
    auto word = [&] {
      std::string w;
      for (size_t i = 0, k = count(rng); i < k; ++i) w += syl[pick(rng)];
      return w;
    };
    std::string t = word();
    if (kind(rng) == 0)
      t = "projet " + t;
    else if (kind(rng) == 1)
      t += " " + word();
    out.push_back(t);
  }
  return out;
}

inline std::vector<std::string> make_patterns(size_t n) {
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) {
    switch (i % 4) {
      case 0: out.push_back("\\bt" + std::to_string(i) + "-[0-9]{3,6}\\b"); break;
      case 1: out.push_back("\\bhost" + std::to_string(i) + "\\.lumetra\\.internal\\b"); break;
      case 2: out.push_back("\\bproj" + std::to_string(i) + "[a-z]{2}\\b"); break;
      default: out.push_back("\\bdoc-" + std::to_string(i) + "-v[0-9]+\\b"); break;
    }
  }
  return out;
}

inline nlohmann::json make_policy(size_t terms, size_t patterns) {
  const auto t = make_terms(terms);
  const auto p = make_patterns(patterns);
  nlohmann::json rules = nlohmann::json::array();
  // Terms spread over 10 rules, patterns over 10 more, as a large real policy would.
  for (size_t r = 0; r < 10 && terms > 0; ++r) {
    nlohmann::json list = nlohmann::json::array();
    for (size_t i = r; i < t.size(); i += 10) list.push_back(t[i]);
    if (!list.empty()) rules.push_back({{"id", "terms-" + std::to_string(r)}, {"severity", "block"}, {"terms", list}});
  }
  for (size_t r = 0; r < 10 && patterns > 0; ++r) {
    nlohmann::json list = nlohmann::json::array();
    for (size_t i = r; i < p.size(); i += 10) list.push_back(p[i]);
    if (!list.empty())
      rules.push_back({{"id", "patterns-" + std::to_string(r)}, {"severity", "warn"}, {"patterns", list}});
  }
  return {{"version", "bench"}, {"company", "Lumetra"}, {"brands", {"Lumetra", "LumiDesk"}}, {"rules", rules}};
}

// A post of about `chars` characters of French and English prose with one term in it.
inline std::string make_post(size_t chars, const std::vector<std::string>& terms, uint32_t seed) {
  static const std::vector<std::string> words = {"the",         "team",
                                                 "shipped",     "a",
                                                 "new",         "release",
                                                 "today",       "and",
                                                 "we",          "are",
                                                 "proud",       "of",
                                                 "what",        "our",
                                                 "customers",   "build",
                                                 "with",        "it",
                                                 "l'équipe",    "a",
                                                 "livré",       "une",
                                                 "nouvelle",    "version",
                                                 "aujourd'hui", "et",
                                                 "nous",        "sommes",
                                                 "fiers",       "de",
                                                 "nos",         "clients",
                                                 "qui",         "construisent",
                                                 "avec",        "élan",
                                                 "réunion",     "projet",
                                                 "stratégie",   "données",
                                                 "merci",       "à",
                                                 "tous",        "great",
                                                 "work",        "#teamwork",
                                                 "learning",    "growth",
                                                 "innovation",  "café",
                                                 "Zürich",      "Genève",
                                                 "Montréal",    "naïve",
                                                 "œuvre",       "Q4",
                                                 "planning",    "https://example.com/blog/post",
                                                 "🚀",           "—",
                                                 "«",           "»"};
  std::mt19937 rng(seed);
  std::uniform_int_distribution<size_t> pick(0, words.size() - 1);
  std::string post;
  size_t inserted_at = chars / 2;
  bool inserted = terms.empty();
  while (post.size() < chars) {
    if (!inserted && post.size() >= inserted_at) {
      std::uniform_int_distribution<size_t> tp(0, terms.size() - 1);
      post += terms[tp(rng)] + " ";
      inserted = true;
    }
    post += words[pick(rng)];
    post += (pick(rng) % 17 == 0) ? ". " : " ";
  }
  return post;
}

}  // namespace ownvoice::bench
