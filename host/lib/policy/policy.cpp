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
using nlohmann::json;

// The document is the caller's to give up: each string moves into the typed policy.
std::string take_string(json& v) { return std::move(v.get_ref<std::string&>()); }

std::string take_string(json& doc, const char* key, std::string fallback) {
  if (auto it = doc.find(key); it != doc.end() && it->is_string()) return take_string(*it);
  return fallback;
}

std::vector<std::string> take_strings(json& doc, const char* key) {
  std::vector<std::string> out;
  if (auto it = doc.find(key); it != doc.end() && it->is_array()) {
    out.reserve(it->size());
    for (auto& v : *it)
      if (v.is_string()) out.push_back(take_string(v));
  }
  return out;
}

std::map<std::string, std::string> take_string_map(json& doc, const char* key) {
  std::map<std::string, std::string> out;
  if (auto it = doc.find(key); it != doc.end() && it->is_object())
    for (auto kv = it->begin(); kv != it->end(); ++kv)
      if (kv.value().is_string()) out[kv.key()] = take_string(kv.value());
  return out;
}

Rule take_rule(json& r) {
  Rule rule;
  rule.id = take_string(r, "id", "");
  rule.description = take_string(r, "description", "");
  const std::string sev = r.value("severity", "warn");
  rule.severity = sev == "block" ? Severity::Block : sev == "info" ? Severity::Info : Severity::Warn;
  rule.terms = take_strings(r, "terms");
  rule.patterns = take_strings(r, "patterns");
  rule.exceptions = take_strings(r, "exceptions");
  rule.platforms = take_strings(r, "platforms");
  if (auto n = r.find("near"); n != r.end() && n->is_array())
    for (auto& c : *n) {
      NearClause clause;
      clause.left = take_strings(c, "left");
      clause.right = take_strings(c, "right");
      clause.within = c.value("within", 6);
      rule.near.push_back(std::move(clause));
    }
  return rule;
}

json near_to_json(const NearClause& c) { return {{"left", c.left}, {"right", c.right}, {"within", c.within}}; }

// A rule as written: its lists only when they hold something (a rule has terms, patterns
// or near clauses, rarely all three).
json rule_to_json(const Rule& r) {
  json j = {{"id", r.id}, {"severity", to_string(r.severity)}};
  if (!r.description.empty()) j["description"] = r.description;
  if (!r.terms.empty()) j["terms"] = r.terms;
  if (!r.patterns.empty()) j["patterns"] = r.patterns;
  if (!r.exceptions.empty()) j["exceptions"] = r.exceptions;
  if (!r.platforms.empty()) j["platforms"] = r.platforms;
  if (!r.near.empty()) {
    json& near = j["near"] = json::array();
    for (const auto& c : r.near) near.push_back(near_to_json(c));
  }
  return j;
}

json site_to_json(const SiteAdapter& s) {
  return {{"id", s.id},
          {"url_match", s.url_match},
          {"composer_selector", s.composer_selector},
          {"submit_selector", s.submit_selector},
          {"platform", s.platform}};
}
}  // namespace

Policy from_json(const json& doc) { return from_json(json(doc)); }

Policy from_json(json&& doc) {
  Policy p;
  p.version = take_string(doc, "version", p.version);
  p.company = take_string(doc, "company", p.company);
  p.brands = take_strings(doc, "brands");
  p.disclaimers = take_string_map(doc, "disclaimers");
  p.short_disclaimers = take_string_map(doc, "short_disclaimers");
  p.default_language = take_string(doc, "default_language", p.default_language);
  p.promotional_threshold = doc.value("promotional_threshold", p.promotional_threshold);
  p.promotional_window_days = doc.value("promotional_window_days", p.promotional_window_days);
  p.allow_user_disclaimer = doc.value("allow_user_disclaimer", p.allow_user_disclaimer);
  p.industry = take_strings(doc, "industry");
  p.propose_disclaimer_always = doc.value("propose_disclaimer", std::string("about_work")) == "always";
  p.allowed_extension_ids = take_strings(doc, "allowed_extension_ids");
  p.max_message_bytes = doc.value("max_message_bytes", p.max_message_bytes);
  p.debug = doc.value("debug", false);
  p.keep_work_out_of = take_strings(doc, "keep_work_out_of");
  if (auto it = doc.find("packs"); it != doc.end() && it->is_array())
    for (auto& v : *it) {
      if (v.is_string())
        p.packs.push_back(take_string(v));
      else if (v.is_object() && v.contains("name"))
        p.packs.push_back(v["name"].get<std::string>());
    }
  if (auto it = doc.find("rules"); it != doc.end() && it->is_array()) {
    p.rules.reserve(it->size());
    for (auto& r : *it) p.rules.push_back(take_rule(r));
  }
  if (auto it = doc.find("sites"); it != doc.end() && it->is_array())
    for (auto& s : *it) {
      SiteAdapter site;
      site.id = take_string(s, "id", "");
      site.url_match = take_string(s, "url_match", "");
      site.composer_selector = take_string(s, "composer_selector", "");
      site.submit_selector = take_string(s, "submit_selector", "");
      site.platform = take_string(s, "platform", "generic");
      p.sites.push_back(std::move(site));
    }
  return p;
}

json to_json(const Policy& p) {
  json rules = json::array();
  for (const auto& r : p.rules) rules.push_back(rule_to_json(r));
  json sites = json::array();
  for (const auto& s : p.sites) sites.push_back(site_to_json(s));
  return {{"version", p.version},
          {"company", p.company},
          {"brands", p.brands},
          {"disclaimers", p.disclaimers},
          {"short_disclaimers", p.short_disclaimers},
          {"default_language", p.default_language},
          {"promotional_threshold", p.promotional_threshold},
          {"promotional_window_days", p.promotional_window_days},
          {"packs", p.packs},
          {"rules", std::move(rules)},
          {"allow_user_disclaimer", p.allow_user_disclaimer},
          {"industry", p.industry},
          {"propose_disclaimer", p.propose_disclaimer_always ? "always" : "about_work"},
          {"allowed_extension_ids", p.allowed_extension_ids},
          {"max_message_bytes", p.max_message_bytes},
          {"sites", std::move(sites)},
          {"debug", p.debug},
          {"keep_work_out_of", p.keep_work_out_of}};
}

}  // namespace ownvoice::policy
