// The check engine: runs the four checks on one post and assembles the result object
// (docs/result-format.md). Each check lives in its own module; this file only decides
// the verdict and the shape of the answer.
#include "engine/engine.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstdio>

#include "checks/disclaimer.hpp"
#include "checks/disclaimer_recommendation.hpp"
#include "checks/language.hpp"
#include "checks/platform.hpp"
#include "checks/promotional.hpp"
#include "confidential/confidential.hpp"
#include "text/normalize.hpp"

namespace ownvoice::engine {

using nlohmann::json;

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
      : owner(std::move(ep)), effective(*owner), screener(effective.policy) {}
  std::shared_ptr<const policy::EffectivePolicy> owner;
  const policy::EffectivePolicy& effective;
  confidential::Screener screener;
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

Verdict from_severity(policy::Severity s) {
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

// "This post reads as promotional: it quotes a price; it asks readers to book." The
// features that weighed most, never a bare score.
std::string promotional_description(const checks::PromotionalResult& promo, const std::string& language) {
  const std::string why = checks::explanation_text(promo.explanation, language);
  if (language == "fr")
    return why.empty() ? "Ce message ressemble à de la publicité." : "Ce message ressemble à de la publicité : " + why + ".";
  return why.empty() ? "This post reads as promotional." : "This post reads as promotional: " + why + ".";
}

json explanation_json(const checks::PromotionalResult& promo, const std::string& language) {
  json out = json::array();
  for (const auto& c : promo.explanation) {
    const auto& info = checks::feature_infos()[static_cast<size_t>(c.feature)];
    out.push_back({{"feature", info.name}, {"text", language == "fr" ? info.fr : info.en},
                   {"contribution", c.contribution}});
  }
  return out;
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
  const std::string platform_name = checks::to_string(platform);
  const std::string language = (request.language == "en" || request.language == "fr")
                                   ? request.language
                                   : checks::detect_language(request.text, norm, pol.default_language);

  CheckResult result;
  result.check_id = new_check_id();
  json findings = json::array();
  Verdict verdict = Verdict::Ok;

  // Disclaimer first: the employee's own disclaimer must never trip a rule.
  const checks::PostTokens tokens(request.text, norm);  // tokenised once for both checks below
  const auto disclaimer = checks::check_disclaimer(request.text, norm, platform, language, pol, tokens);

  for (const auto& hit : compiled_->screener.screen(request.text, norm, platform_name)) {
    if (disclaimer.present && hit.start >= disclaimer.found_start && hit.end <= disclaimer.found_end) continue;
    findings.push_back({{"check", "confidential"},
                        {"severity", policy::to_string(hit.severity)},
                        {"rule", hit.rule},
                        {"description", hit.description},
                        {"kind", hit.kind},
                        {"excerpt", hit.excerpt},
                        {"start", hit.start},
                        {"end", hit.end}});
    verdict = worse(verdict, from_severity(hit.severity));
  }

  const auto promo = checks::check_promotional(request.text, norm, language, pol, tokens);
  json reasons = json::array();
  for (const auto& r : promo.reasons)
    reasons.push_back({{"signal", r.signal}, {"excerpt", r.excerpt}, {"start", r.start}, {"end", r.end},
                       {"weight", r.weight}});
  if (promo.promotional) {
    json f = {{"check", "promotional"}, {"severity", "warn"}, {"rule", "promotional"},
              {"description", promotional_description(promo, language)},
              {"excerpt", promo.reasons.empty() ? "" : promo.reasons.front().excerpt},
              {"start", promo.reasons.empty() ? 0u : promo.reasons.front().start},
              {"end", promo.reasons.empty() ? 0u : promo.reasons.front().end}};
    findings.push_back(std::move(f));
    verdict = worse(verdict, Verdict::Warn);
  }

  // The employee's own promotional share, from the local log (when it exists).
  json own_share = {{"available", false}};
  if (request.history) {
    const auto& h = *request.history;
    const int shared_after = h.shared + 1;
    const int promo_after = h.promotional + (promo.promotional ? 1 : 0);
    const double before = h.shared > 0 ? static_cast<double>(h.promotional) / h.shared : 0.0;
    const double after = static_cast<double>(promo_after) / shared_after;
    const bool over = promo.promotional && after > pol.promotional_threshold;
    own_share = {{"available", true}, {"window_days", h.window_days}, {"shared", h.shared},
                 {"promotional", h.promotional}, {"share", before}, {"share_after", after},
                 {"threshold", pol.promotional_threshold}, {"over_threshold", over}};
    if (over) {
      findings.push_back(
          {{"check", "promotional"}, {"severity", "warn"}, {"rule", "own_share"},
           {"description", language == "fr"
                               ? "Avec ce message, " + percent(after) + " de vos partages des " +
                                     std::to_string(h.window_days) + " derniers jours seraient promotionnels (seuil " +
                                     percent(pol.promotional_threshold) + ")."
                               : "With this post, " + percent(after) + " of what you shared in the last " +
                                     std::to_string(h.window_days) + " days would be promotional (threshold " +
                                     percent(pol.promotional_threshold) + ")."},
           {"excerpt", ""}, {"start", 0}, {"end", 0}});
      verdict = worse(verdict, Verdict::Warn);
    }
  }

  if (!disclaimer.present) {
    findings.push_back({{"check", "disclaimer"},
                        {"severity", disclaimer.fits ? "info" : "warn"},
                        {"rule", "disclaimer"},
                        {"description", disclaimer.fits
                                            ? (language == "fr" ? "Aucune mention personnelle : OwnVoice propose de l'ajouter."
                                                                : "No personal disclaimer: OwnVoice proposes adding one.")
                                            : (language == "fr" ? "Aucune mention personnelle, et elle ne tient pas dans la limite de la plateforme."
                                                                : "No personal disclaimer, and none fits within the platform's limit.")},
                        {"excerpt", ""}, {"start", 0}, {"end", 0}});
    if (!disclaimer.fits) verdict = worse(verdict, Verdict::Warn);
  }

  std::stable_sort(findings.begin(), findings.end(), [](const json& a, const json& b) {
    return a["start"].get<uint32_t>() < b["start"].get<uint32_t>();
  });

  // Ticked by default only where a disclaimer means something (docs/checks.md "Recommended").
  bool confidential_hit = false;
  for (const auto& f : findings) confidential_hit = confidential_hit || f["check"] == "confidential";
  const auto recommendation = checks::recommend_disclaimer(
      norm, platform, pol, {promo.mentions_company, promo.promotional, confidential_hit});
  json disclaimer_json = {{"present", disclaimer.present}, {"language", disclaimer.language},
                          {"proposed_text", disclaimer.proposed_text}, {"fits", disclaimer.fits},
                          {"form", disclaimer.form}, {"length", disclaimer.length}, {"limit", disclaimer.limit},
                          {"matched", disclaimer.matched}, {"recommended", recommendation.recommended},
                          {"recommended_because", recommendation.because}};
  if (disclaimer.present) disclaimer_json["found"] = {{"start", disclaimer.found_start}, {"end", disclaimer.found_end}};

  const auto rule = checks::length_rule(platform);
  result.verdict = verdict;
  result.promotional = promo.promotional;
  result.json = {
      {"verdict", to_string(verdict)},
      {"check_id", result.check_id},
      {"platform", platform_name},
      {"language", language},
      {"length", {{"value", checks::measure_length(request.text, platform)}, {"limit", rule.limit}, {"unit", rule.unit},
                  {"fits", checks::fits(request.text, platform)}}},
      {"findings", std::move(findings)},
      {"disclaimer", std::move(disclaimer_json)},
      {"promotional", {{"promotional", promo.promotional}, {"score", promo.score}, {"reasons", std::move(reasons)},
                       {"disclosure", promo.disclosure}, {"mentions_company", promo.mentions_company},
                       {"explanation", explanation_json(promo, language)},
                       {"threshold", pol.promotional_threshold}, {"own_share", std::move(own_share)}}},
      // Is the post about work? (names the company or a brand, or reads as promotion.)
      // The extension compares this with the employee's own "keep work out of" list,
      // which never leaves the browser.
      {"work", {{"about_work", promo.mentions_company || promo.promotional},
                {"names_company", promo.mentions_company},
                {"company", pol.company}}},
      {"consent", {{"required", true},
                   {"statement", language == "fr" ? "Je choisis de partager ceci, sur mon propre compte."
                                                  : "I choose to share this, on my own account."}}},
      {"policy", {{"version", pol.version}, {"rejected_layers", compiled_->effective.rejected_json()}}},
  };
  return result;
}

}  // namespace ownvoice::engine
