// The check engine: runs the four checks on one post and fills the typed result
// (check_result.hpp). Each check lives in its own module; this file only decides the
// findings and the verdict. The JSON is written by result_json.cpp, the sentences come
// from messages.cpp.
#include "engine/engine.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstdio>

#include "checks/disclaimer.hpp"
#include "checks/disclaimer_recommendation.hpp"
#include "checks/language.hpp"
#include "checks/platform.hpp"
#include "checks/promotional.hpp"
#include "checks/confidential.hpp"
#include "engine/messages.hpp"
#include "text/normalize.hpp"

namespace ownvoice::engine {

const char* to_string(CheckKind c) {
  switch (c) {
    case CheckKind::Confidential: return "confidential";
    case CheckKind::Promotional: return "promotional";
    case CheckKind::Disclaimer: return "disclaimer";
  }
  return "confidential";
}

const char* to_string(Verdict v) {
  switch (v) {
    case Verdict::Ok: return "ok";
    case Verdict::Warn: return "warn";
    case Verdict::Block: return "block";
  }
  return "ok";
}

class CompiledPolicy {
 public:
  explicit CompiledPolicy(std::shared_ptr<const policy::EffectivePolicy> ep)
      : owner(std::move(ep)), effective(*owner), screener(effective.policy, lexicons) {
    checks::add_promotional_lexicons(effective.policy, lexicons);
    checks::add_disclaimer_lexicons(effective.policy, lexicons);
    lexicons.build();
  }
  std::shared_ptr<const policy::EffectivePolicy> owner;
  const policy::EffectivePolicy& effective;
  // One automaton for the confidential terms, the promotional lexicon, the brands and the
  // policy's disclaimer wordings:
  // each post is scanned once (checks/lexicons.hpp). Declared before the screener, which
  // adds its terms to it.
  checks::Lexicons lexicons;
  checks::Screener screener;
};

namespace {

// A check id the employee's later confirmation must present: random, so that a page
// cannot guess or replay one.
std::string new_check_id() {
  static const bool ready = sodium_init() >= 0;
  (void)ready;
  unsigned char bytes[12];
  randombytes_buf(bytes, sizeof bytes);
  char hex[sizeof bytes * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return std::string("c-") + hex;
}

Verdict worse(Verdict a, Verdict b) { return static_cast<int>(a) >= static_cast<int>(b) ? a : b; }

// An info finding (a disclaimer to propose) leaves the post ok.
Verdict verdict_of(policy::Severity s) {
  switch (s) {
    case policy::Severity::Block: return Verdict::Block;
    case policy::Severity::Warn: return Verdict::Warn;
    case policy::Severity::Info: return Verdict::Ok;
  }
  return Verdict::Ok;
}

std::string percent(double share) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", share * 100.0);
  return buf;
}

}  // namespace

Engine::Engine(policy::EffectivePolicy effective)
    : Engine(std::make_shared<const policy::EffectivePolicy>(std::move(effective))) {}
Engine::Engine(std::shared_ptr<const policy::EffectivePolicy> effective)
    : compiled_(std::make_unique<CompiledPolicy>(std::move(effective))) {}
Engine::~Engine() = default;
Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;

const policy::EffectivePolicy& Engine::effective() const { return compiled_->effective; }

CheckResult Engine::check(const CheckRequest& request) const {
  const auto& pol = compiled_->effective.policy;
  const auto norm = text::normalize(request.text);
  const auto platform = checks::parse_platform(request.platform);

  CheckResult result;
  result.check_id = new_check_id();
  result.platform = checks::to_string(platform);
  result.language = (request.language == "en" || request.language == "fr")
                        ? request.language
                        : checks::detect_language(request.text, norm, pol.default_language);
  const Messages& say = messages_for(result.language);
  auto& findings = result.findings;

  // Disclaimer first: the employee's own disclaimer must never trip a rule.
  const checks::PostTokens tokens(request.text, norm);       // tokenised once for both checks below
  const auto lexicon_hits = compiled_->lexicons.scan(norm);  // one automaton pass for every lexicon
  auto& disclaimer = result.disclaimer.found;
  disclaimer = checks::check_disclaimer(request.text, norm, platform, result.language, pol, tokens, lexicon_hits);

  bool confidential_hit = false;
  for (auto& hit : compiled_->screener.screen(request.text, norm, result.platform,
                                              lexicon_hits.of(checks::Lexicon::Confidential))) {
    if (disclaimer.present && hit.start >= disclaimer.found_start && hit.end <= disclaimer.found_end) continue;
    confidential_hit = true;
    findings.push_back({CheckKind::Confidential, hit.severity, std::move(hit.rule), std::move(hit.description),
                        std::move(hit.kind), std::move(hit.excerpt), hit.start, hit.end});
  }

  auto& promo = result.promotional;
  promo.model = checks::check_promotional(request.text, norm, result.language, pol, tokens, lexicon_hits);
  promo.threshold = pol.promotional_threshold;
  if (promo.model.promotional) {
    const std::string why = checks::explanation_text(promo.model.explanation, result.language);
    const auto* first = promo.model.reasons.empty() ? nullptr : &promo.model.reasons.front();
    findings.push_back({CheckKind::Promotional, policy::Severity::Warn, "promotional",
                        why.empty() ? std::string(say.promotional) : fill(say.promotional_because, {{"why", why}}), "",
                        first ? first->excerpt : "", first ? first->start : 0u, first ? first->end : 0u});
  }

  // The employee's own promotional share, from the local log (when it exists).
  if (request.history) {
    const auto& h = *request.history;
    auto& own = promo.own_share;
    own.available = true;
    own.window_days = h.window_days;
    own.shared = h.shared;
    own.promotional = h.promotional;
    own.share = h.shared > 0 ? static_cast<double>(h.promotional) / h.shared : 0.0;
    own.share_after = static_cast<double>(h.promotional + (promo.model.promotional ? 1 : 0)) / (h.shared + 1);
    own.threshold = pol.promotional_threshold;
    own.over_threshold = promo.model.promotional && own.share_after > pol.promotional_threshold;
    if (own.over_threshold)
      findings.push_back({CheckKind::Promotional, policy::Severity::Warn, "own_share",
                          fill(say.own_share, {{"after", percent(own.share_after)},
                                               {"days", std::to_string(h.window_days)},
                                               {"threshold", percent(pol.promotional_threshold)}}),
                          "", "", 0, 0});
  }

  if (!disclaimer.present)
    findings.push_back({CheckKind::Disclaimer, disclaimer.fits ? policy::Severity::Info : policy::Severity::Warn,
                        "disclaimer", std::string(disclaimer.fits ? say.disclaimer_proposed : say.disclaimer_no_fit),
                        "", "", 0, 0});

  std::stable_sort(findings.begin(), findings.end(),
                   [](const Finding& a, const Finding& b) { return a.start < b.start; });
  for (const auto& f : findings) result.verdict = worse(result.verdict, verdict_of(f.severity));

  // Ticked by default only where a disclaimer means something (docs/checks.md "Recommended").
  result.disclaimer.recommendation = checks::recommend_disclaimer(
      norm, platform, pol, {promo.model.mentions_company, promo.model.promotional, confidential_hit});

  const auto rule = checks::length_rule(platform);
  const auto measured = checks::measure(request.text, platform);
  result.length = {measured.length, rule.limit, rule.unit, measured.fits};
  // Is the post about work? (names the company or a brand, or reads as promotion.)
  result.work = {promo.model.mentions_company || promo.model.promotional, promo.model.mentions_company, pol.company};
  result.consent_statement = say.consent_statement;
  result.policy_version = pol.version;
  for (const auto& layer : compiled_->effective.layers)
    if (!layer.ok) result.rejected_layers.push_back({policy::to_string(layer.kind), layer.path, layer.error});
  return result;
}

}  // namespace ownvoice::engine
