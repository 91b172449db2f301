// Measurement of the checks on labelled posts (see evaluation.hpp).
#include "engine/evaluation.hpp"

#include <sodium.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace ownvoice::engine {
namespace {

constexpr std::string_view kSplitSalt = "ownvoice-split-v1:";
constexpr uint64_t kTestPercent = 30;

// Per-post counts, so that a bootstrap resample only adds them up.
struct PostCounts {
  int tp[3] = {0, 0, 0}, fp[3] = {0, 0, 0}, fn[3] = {0, 0, 0}, tn[3] = {0, 0, 0};
  bool labelled[3] = {false, false, false};
};
constexpr const char* kChecks[3] = {"disclaimer", "promotional", "confidential"};

struct Totals {
  double tp = 0, fp = 0, fn = 0, tn = 0;
  [[nodiscard]] double precision() const { return tp + fp == 0 ? 1.0 : tp / (tp + fp); }
  [[nodiscard]] double recall() const { return tp + fn == 0 ? 1.0 : tp / (tp + fn); }
  [[nodiscard]] double f1() const {
    const double p = precision(), r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
  [[nodiscard]] double accuracy() const {
    const double n = tp + fp + fn + tn;
    return n == 0 ? 1.0 : (tp + tn) / n;
  }
};

// splitmix64: a small generator whose sequence is the same on every platform
// (std::uniform_int_distribution is not).
struct SplitMix {
  uint64_t state;
  uint64_t next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  size_t below(size_t n) { return static_cast<size_t>(next() % n); }
};

Interval percentile(std::vector<double> samples, double value) {
  std::sort(samples.begin(), samples.end());
  Interval out;
  out.value = value;
  if (samples.empty()) {
    out.low = out.high = value;
    return out;
  }
  auto at = [&](double q) {
    const auto i = static_cast<size_t>(std::lround(q * static_cast<double>(samples.size() - 1)));
    return samples[std::min(i, samples.size() - 1)];
  };
  out.low = at(0.025);
  out.high = at(0.975);
  return out;
}

}  // namespace

std::optional<LabelledPost> parse_labelled_post(const nlohmann::json& j, size_t line_number) {
  if (!j.is_object() || !j.contains("text") || !j["text"].is_string()) return std::nullopt;
  LabelledPost p;
  p.id = j.contains("id") && j["id"].is_string() ? j["id"].get<std::string>() : "line-" + std::to_string(line_number);
  p.text = j["text"].get<std::string>();
  if (j.contains("platform") && j["platform"].is_string()) p.platform = j["platform"].get<std::string>();
  if (j.contains("expect") && j["expect"].is_object()) {
    const auto& e = j["expect"];
    if (e.contains("disclaimer_present") && e["disclaimer_present"].is_boolean())
      p.disclaimer = e["disclaimer_present"].get<bool>();
    if (e.contains("promotional") && e["promotional"].is_boolean()) p.promotional = e["promotional"].get<bool>();
    if (e.contains("confidential") && e["confidential"].is_array()) {
      std::set<std::string> rules;
      for (const auto& r : e["confidential"])
        if (r.is_string()) rules.insert(r.get<std::string>());
      p.confidential = std::move(rules);
    }
  }
  return p;
}

bool is_test_post(std::string_view id) {
  uint64_t h = 0xCBF29CE484222325ULL;
  auto mix = [&h](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 0x100000001B3ULL;
    }
  };
  mix(kSplitSalt);
  mix(id);
  return h % 100 < kTestPercent;
}

std::string split_hash(std::vector<const LabelledPost*> posts) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  std::sort(posts.begin(), posts.end(), [](const LabelledPost* a, const LabelledPost* b) { return a->id < b->id; });
  crypto_hash_sha256_state st;
  crypto_hash_sha256_init(&st);
  for (const auto* p : posts) {
    const std::string line = p->id + "\t" + p->text + "\n";
    crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(line.data()), line.size());
  }
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&st, out);
  char hex[sizeof out * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, out, sizeof out);
  return hex;
}

const CheckFigures& Evaluation::figures(std::string_view check) const {
  for (const auto& c : checks)
    if (c.check == check) return c;
  throw std::out_of_range("no figures for " + std::string(check));
}

Evaluation evaluate(const Engine& engine, const std::vector<LabelledPost>& posts, uint64_t seed, int resamples) {
  Evaluation ev;
  ev.posts = posts.size();
  std::vector<PostCounts> counts(posts.size());
  for (size_t i = 0; i < posts.size(); ++i) {
    const auto& post = posts[i];
    CheckRequest req;
    req.text = post.text;
    req.platform = post.platform;
    const auto result = engine.check(req);
    PostCounts& c = counts[i];
    auto binary = [&](int k, const std::optional<bool>& expected, bool got) {
      if (!expected) return;
      c.labelled[k] = true;
      const bool e = *expected;
      (e && got ? c.tp : !e && got ? c.fp : e ? c.fn : c.tn)[k]++;
      if (e != got)
        ev.disagreements.push_back(
            {post.id, kChecks[k], "expected " + std::to_string(e) + " got " + std::to_string(got)});
    };
    binary(0, post.disclaimer, result.disclaimer.found.present);
    binary(1, post.promotional, result.is_promotional());
    if (post.confidential) {
      c.labelled[2] = true;
      std::set<std::string> got;
      for (const auto& f : result.findings)
        if (f.check == CheckKind::Confidential) got.insert(f.rule);
      for (const auto& r : *post.confidential) {
        if (got.count(r) > 0) {
          ++c.tp[2];
        } else {
          ++c.fn[2];
          ev.disagreements.push_back({post.id, "confidential", "missed " + r});
        }
      }
      for (const auto& r : got) {
        if (post.confidential->count(r) > 0) continue;
        ++c.fp[2];
        ev.disagreements.push_back({post.id, "confidential", "unexpected " + r});
      }
      if (post.confidential->empty() && got.empty()) ++c.tn[2];
    }
  }

  auto totals = [&](int k, const std::vector<size_t>* sample) {
    Totals t;
    auto add = [&](const PostCounts& c) {
      t.tp += c.tp[k];
      t.fp += c.fp[k];
      t.fn += c.fn[k];
      t.tn += c.tn[k];
    };
    if (sample) {
      for (auto i : *sample) add(counts[i]);
    } else {
      for (const auto& c : counts) add(c);
    }
    return t;
  };
  SplitMix rng{seed};
  std::vector<std::vector<size_t>> samples(static_cast<size_t>(std::max(resamples, 0)));
  for (auto& s : samples) {
    s.resize(posts.size());
    for (auto& i : s) i = posts.empty() ? 0 : rng.below(posts.size());
  }
  for (int k = 0; k < 3; ++k) {
    CheckFigures f;
    f.check = kChecks[k];
    const Totals all = totals(k, nullptr);
    f.tp = static_cast<int>(all.tp);
    f.fp = static_cast<int>(all.fp);
    f.fn = static_cast<int>(all.fn);
    f.tn = static_cast<int>(all.tn);
    for (const auto& c : counts) f.labelled += c.labelled[k] ? 1 : 0;
    std::vector<double> p, r, f1, acc;
    if (!posts.empty()) {
      for (const auto& s : samples) {
        const Totals t = totals(k, &s);
        p.push_back(t.precision());
        r.push_back(t.recall());
        f1.push_back(t.f1());
        acc.push_back(t.accuracy());
      }
    }
    f.precision = percentile(p, all.precision());
    f.recall = percentile(r, all.recall());
    f.f1 = percentile(f1, all.f1());
    f.accuracy = percentile(acc, all.accuracy());
    ev.checks.push_back(f);
  }
  return ev;
}

std::string format_figures(const Evaluation& e) {
  std::string out;
  char buf[320];
  for (const auto& c : e.checks) {
    if (c.labelled == 0) continue;
    std::snprintf(buf, sizeof buf,
                  "%-13s P %.3f [%.3f, %.3f]  R %.3f [%.3f, %.3f]  F1 %.3f [%.3f, %.3f]  accuracy %.3f [%.3f, %.3f]"
                  "  (tp %d, fp %d, fn %d, tn %d; %d posts)\n",
                  c.check.c_str(), c.precision.value, c.precision.low, c.precision.high, c.recall.value, c.recall.low,
                  c.recall.high, c.f1.value, c.f1.low, c.f1.high, c.accuracy.value, c.accuracy.low, c.accuracy.high,
                  c.tp, c.fp, c.fn, c.tn, c.labelled);
    out += buf;
  }
  return out;
}

nlohmann::json figures_json(const Evaluation& e) {
  nlohmann::json out = {{"posts", e.posts}, {"checks", nlohmann::json::object()}};
  auto interval = [](const Interval& i) {
    return nlohmann::json{{"value", i.value}, {"low", i.low}, {"high", i.high}};
  };
  for (const auto& c : e.checks) {
    if (c.labelled == 0) continue;
    out["checks"][c.check] = {{"precision", interval(c.precision)},
                              {"recall", interval(c.recall)},
                              {"f1", interval(c.f1)},
                              {"accuracy", interval(c.accuracy)},
                              {"tp", c.tp},
                              {"fp", c.fp},
                              {"fn", c.fn},
                              {"tn", c.tn},
                              {"posts", c.labelled}};
  }
  return out;
}

}  // namespace ownvoice::engine
