// Policy model helpers: the typed view of a merged policy document.
#include "policy/policy.hpp"

namespace ownvoice::policy {

const char* to_string(Severity s) {
  switch (s) {
    case Severity::Info: return "info";
    case Severity::Warn: return "warn";
    case Severity::Block: return "block";
  }
  return "warn";
}

namespace {
std::vector<std::string> strings(const nlohmann::json& doc, const char* key) {
  std::vector<std::string> out;
  if (auto it = doc.find(key); it != doc.end() && it->is_array())
    for (const auto& v : *it)
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}
std::map<std::string, std::string> string_map(const nlohmann::json& doc, const char* key) {
  std::map<std::string, std::string> out;
  if (auto it = doc.find(key); it != doc.end() && it->is_object())
    for (auto kv = it->begin(); kv != it->end(); ++kv)
      if (kv.value().is_string()) out[kv.key()] = kv.value().get<std::string>();
  return out;
}
}  // namespace

Policy from_json(const nlohmann::json& doc) {
  Policy p;
  p.version = doc.value("version", p.version);
  p.company = doc.value("company", p.company);
  p.brands = strings(doc, "brands");
  p.disclaimers = string_map(doc, "disclaimers");
  p.short_disclaimers = string_map(doc, "short_disclaimers");
  p.default_language = doc.value("default_language", p.default_language);
  p.promotional_threshold = doc.value("promotional_threshold", p.promotional_threshold);
  p.promotional_window_days = doc.value("promotional_window_days", p.promotional_window_days);
  p.allow_user_disclaimer = doc.value("allow_user_disclaimer", p.allow_user_disclaimer);
  p.industry = strings(doc, "industry");
  p.propose_disclaimer_always = doc.value("propose_disclaimer", std::string("about_work")) == "always";
  p.allowed_extension_ids = strings(doc, "allowed_extension_ids");
  p.max_message_bytes = doc.value("max_message_bytes", p.max_message_bytes);
  p.debug = doc.value("debug", false);
  if (auto it = doc.find("packs"); it != doc.end() && it->is_array())
    for (const auto& v : *it) {
      if (v.is_string())
        p.packs.push_back(v.get<std::string>());
      else if (v.is_object() && v.contains("name"))
        p.packs.push_back(v["name"].get<std::string>());
    }
  if (auto it = doc.find("rules"); it != doc.end() && it->is_array())
    for (const auto& r : *it) {
      Rule rule;
      rule.id = r.value("id", "");
      rule.description = r.value("description", "");
      const std::string sev = r.value("severity", "warn");
      rule.severity = sev == "block" ? Severity::Block : sev == "info" ? Severity::Info : Severity::Warn;
      rule.terms = strings(r, "terms");
      rule.patterns = strings(r, "patterns");
      rule.exceptions = strings(r, "exceptions");
      rule.platforms = strings(r, "platforms");
      if (auto n = r.find("near"); n != r.end() && n->is_array())
        for (const auto& c : *n) {
          NearClause clause;
          clause.left = strings(c, "left");
          clause.right = strings(c, "right");
          clause.within = c.value("within", 6);
          rule.near.push_back(std::move(clause));
        }
      p.rules.push_back(std::move(rule));
    }
  if (auto it = doc.find("sites"); it != doc.end() && it->is_array())
    for (const auto& s : *it) {
      SiteAdapter site;
      site.id = s.value("id", "");
      site.url_match = s.value("url_match", "");
      site.composer_selector = s.value("composer_selector", "");
      site.submit_selector = s.value("submit_selector", "");
      site.platform = s.value("platform", "generic");
      p.sites.push_back(std::move(site));
    }
  return p;
}

}  // namespace ownvoice::policy
