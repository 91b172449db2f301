// A check result as the JSON of docs/result-format.md (see result_json.hpp).
#include "engine/result_json.hpp"

#include "checks/promotional_features.hpp"

namespace ownvoice::engine {

using nlohmann::json;

namespace {

json disclaimer_json(const DisclaimerOutcome& d) {
  const auto& f = d.found;
  json out = json::object();  // member by member: see to_json(Finding)
  out["present"] = f.present;
  out["language"] = f.language;
  out["proposed_text"] = f.proposed_text;
  out["fits"] = f.fits;
  out["form"] = f.form;
  out["length"] = f.length;
  out["limit"] = f.limit;
  out["matched"] = f.matched;
  out["recommended"] = d.recommendation.recommended;
  out["recommended_because"] = d.recommendation.because;
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
  for (const auto& r : m.reasons) {  // member by member, as in to_json(Finding)
    json& reason = reasons.emplace_back(json::object());
    reason["signal"] = r.signal;
    reason["excerpt"] = r.excerpt;
    reason["start"] = r.start;
    reason["end"] = r.end;
    reason["weight"] = r.weight;
  }
  json explanation = json::array();
  for (const auto& c : m.explanation) {
    const auto& info = checks::feature_infos()[static_cast<size_t>(c.feature)];
    json& item = explanation.emplace_back(json::object());
    item["feature"] = info.name;
    item["text"] = language == "fr" ? info.fr : info.en;
    item["contribution"] = c.contribution;
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

// Built member by member: nlohmann's initializer-list form first builds each pair as a
// two-element array and copies it, which cost more than the finding's check (a post with
// many findings pays it for each one).
json to_json(const Finding& f) {
  json out = json::object();
  out["check"] = to_string(f.check);
  out["severity"] = policy::to_string(f.severity);
  out["rule"] = f.rule;
  out["description"] = f.description;
  out["excerpt"] = f.excerpt;
  out["start"] = f.start;
  out["end"] = f.end;
  if (f.check == CheckKind::Confidential) out["kind"] = f.kind;
  return out;
}

json to_json(const CheckResult& r) {
  json findings = json::array();
  for (const auto& f : r.findings) findings.push_back(to_json(f));
  json out = json::object();
  out["verdict"] = to_string(r.verdict);
  out["check_id"] = r.check_id;
  out["platform"] = r.platform;
  out["language"] = r.language;
  out["length"] = {
      {"value", r.length.value}, {"limit", r.length.limit}, {"unit", r.length.unit}, {"fits", r.length.fits}};
  out["findings"] = std::move(findings);
  out["disclaimer"] = disclaimer_json(r.disclaimer);
  out["promotional"] = promotional_json(r.promotional, r.language);
  out["work"] = {
      {"about_work", r.work.about_work}, {"names_company", r.work.names_company}, {"company", r.work.company}};
  out["consent"] = {{"required", r.consent_required}, {"statement", r.consent_statement}};
  out["policy"] = {{"version", r.policy_version}, {"rejected_layers", rejected_json(r.rejected_layers)}};
  return out;
}

}  // namespace ownvoice::engine
