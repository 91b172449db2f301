#pragma once
// The policy model: what the employer's IT configures (docs/policy.md,
// docs/policy.schema.json). Field names are a public contract: keep them.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ownvoice::policy {

enum class Severity { Info, Warn, Block };
const char* to_string(Severity s);

// Two term lists within `within` words of each other ("results" near "Q3").
struct NearClause {
  std::vector<std::string> left;
  std::vector<std::string> right;
  int within = 6;
};

struct Rule {
  std::string id;
  std::string description;
  Severity severity = Severity::Warn;
  std::vector<std::string> terms;       // literal phrases; trailing '*' = word prefix
  std::vector<std::string> patterns;    // RE2, run case-insensitively on normalised text
  std::vector<std::string> exceptions;  // allowed phrases: a hit inside one is dropped
  std::vector<std::string> platforms;   // empty = every platform
  std::vector<NearClause> near;
};

// A site that IT or the employee points the extension's generic adapter at.
struct SiteAdapter {
  std::string id;
  std::string url_match;
  std::string composer_selector;
  std::string submit_selector;
  std::string platform = "generic";
};

struct Policy {
  std::string version = "builtin";
  std::string company;
  std::vector<std::string> brands;
  std::map<std::string, std::string> disclaimers;        // language -> long form
  std::map<std::string, std::string> short_disclaimers;  // language -> short form
  std::string default_language = "en";
  double promotional_threshold = 0.30;
  int promotional_window_days = 30;
  std::vector<Rule> rules;
  std::vector<std::string> packs;  // built-in rule packs switched on: personal_data, secrets
  bool allow_user_disclaimer = true;
  std::vector<std::string> industry;               // words of the company's trade: a post using them is about work
  bool propose_disclaimer_always = false;          // "propose_disclaimer": "always" (default "about_work")
  std::vector<std::string> allowed_extension_ids;  // callers added to the host allowlist
  std::size_t max_message_bytes = 4u * 1024u * 1024u;
  std::vector<SiteAdapter> sites;
  bool debug = false;                         // employee-only: diagnostics may then contain post text
  std::vector<std::string> keep_work_out_of;  // employee-only: accounts or platforms kept free of work posts
};

// Builds the typed model from a merged, validated policy document. The rvalue form moves
// the document's strings (a rule of 10,000 terms is not copied at every host start).
Policy from_json(const nlohmann::json& doc);
Policy from_json(nlohmann::json&& doc);
// The merged policy as the transparency view shows it (`ownvoice policy show`, the host's
// `policy` request): every field with its effective value, defaults included. The engine
// keeps only the typed policy; this JSON is written when someone asks to see it.
nlohmann::json to_json(const Policy& policy);
// The JSON the built-in layer starts from (disclaimers in English and French...).
const nlohmann::json& builtin_document();

}  // namespace ownvoice::policy
