// A check result as the JSON of docs/result-format.md (see result_json.hpp).
#include "engine/result_json.hpp"

#include "checks/promotional_features.hpp"

namespace ownvoice::engine {

using nlohmann::json;

namespace {

json disclaimer_json(const DisclaimerOutcome& d) {
  const auto& f = d.found;
  json out = {{"present", f.present},
              {"language", f.language},
              {"proposed_text", f.proposed_text},
              {"fits", f.fits},
              {"form", f.form},
              {"length", f.length},
              {"limit", f.limit},
              {"matched", f.matched},
              {"recommended", d.recommendation.recommended},
              {"recommended_because", d.recommendation.because}};
  if (f.present) out["found"] = {{"start", f.found_start}, {"end", f.found_end}};
  return out;
}

json own_share_json(const OwnShare& s) {
  if (!s.available) return {{"available", false}};
  return {{"available", true},        {"window_days", s.window_days},
          {"shared", s.shared},       {"promotional", s.promotional},
          {"share", s.share},         {"share_after", s.share_after},
          {"threshold", s.threshold}, {"over_threshold", s.over_threshold}};
}

json promotional_json(const PromotionalOutcome& p, const std::string& language) {
  const auto& m = p.model;
  json reasons = json::array();
  for (const auto& r : m.reasons)
    reasons.push_back(
        {{"signal", r.signal}, {"excerpt", r.excerpt}, {"start", r.start}, {"end", r.end}, {"weight", r.weight}});
  json explanation = json::array();
  for (const auto& c : m.explanation) {
    const auto& info = checks::feature_infos()[static_cast<size_t>(c.feature)];
    explanation.push_back(
        {{"feature", info.name}, {"text", language == "fr" ? info.fr : info.en}, {"contribution", c.contribution}});
  }
  return {{"promotional", m.promotional},
          {"score", m.score},
          {"reasons", std::move(reasons)},
          {"disclosure", m.disclosure},
          {"mentions_company", m.mentions_company},
          {"explanation", std::move(explanation)},
          {"threshold", p.threshold},
          {"own_share", own_share_json(p.own_share)}};
}

json rejected_json(const std::vector<RejectedLayer>& layers) {
  json out = json::array();
  for (const auto& l : layers)
    out.push_back({{"source", l.source}, {"path", l.path.empty() ? json(nullptr) : json(l.path)}, {"error", l.error}});
  return out;
}

}  // namespace

json to_json(const Finding& f) {
  json out = {{"check", to_string(f.check)},
              {"severity", policy::to_string(f.severity)},
              {"rule", f.rule},
              {"description", f.description},
              {"excerpt", f.excerpt},
              {"start", f.start},
              {"end", f.end}};
  if (f.check == CheckKind::Confidential) out["kind"] = f.kind;
  return out;
}

json to_json(const CheckResult& r) {
  json findings = json::array();
  for (const auto& f : r.findings) findings.push_back(to_json(f));
  return {
      {"verdict", to_string(r.verdict)},
      {"check_id", r.check_id},
      {"platform", r.platform},
      {"language", r.language},
      {"length",
       {{"value", r.length.value}, {"limit", r.length.limit}, {"unit", r.length.unit}, {"fits", r.length.fits}}},
      {"findings", std::move(findings)},
      {"disclaimer", disclaimer_json(r.disclaimer)},
      {"promotional", promotional_json(r.promotional, r.language)},
      {"work",
       {{"about_work", r.work.about_work}, {"names_company", r.work.names_company}, {"company", r.work.company}}},
      {"consent", {{"required", r.consent_required}, {"statement", r.consent_statement}}},
      {"policy", {{"version", r.policy_version}, {"rejected_layers", rejected_json(r.rejected_layers)}}},
  };
}

}  // namespace ownvoice::engine
