// Policy layers: read, validate, merge, and remember where each value came from.
// A broken layer never stops the checks: it is reported and the others apply.
#include "policy/loader.hpp"

#include "ownvoice/platform_table.hpp"
#include "platform/platform.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace ownvoice::policy {
namespace {

using nlohmann::json;

bool is_platform(std::string_view id) {
  for (const auto& row : checks::kPlatformTable)
    if (row.id == id) return true;
  return false;
}
const std::set<std::string> kPacks = {"personal_data", "secrets"};
// Fields only the employee may set (the employer can neither set nor read them).
const std::set<std::string> kEmployeeOnly = {"debug", "keep_work_out_of"};
// Fields the employee's preferences may hold.
const std::set<std::string> kEmployeeAllowed = {
    "$schema", "disclaimers", "short_disclaimers", "default_language", "debug", "keep_work_out_of", "sites"};
const std::set<std::string> kKnownTop = {"$schema",
                                         "version",
                                         "company",
                                         "brands",
                                         "disclaimers",
                                         "short_disclaimers",
                                         "default_language",
                                         "promotional_threshold",
                                         "promotional_window_days",
                                         "packs",
                                         "rules",
                                         "allow_user_disclaimer",
                                         "allowed_extension_ids",
                                         "max_message_bytes",
                                         "sites",
                                         "debug",
                                         "keep_work_out_of",
                                         "industry",
                                         "propose_disclaimer"};
const std::set<std::string> kKnownRule = {"id",       "description", "severity",  "terms",
                                          "patterns", "exceptions",  "platforms", "near"};

std::string quote(const json& v) {
  std::string s = v.dump();
  return s.size() > 60 ? s.substr(0, 57) + "..." : s;
}

struct Checker {
  Validation& v;
  void error(const std::string& field, const std::string& what) { v.errors.push_back(field + ": " + what); }

  bool string_field(const json& obj, const std::string& key, const std::string& path, bool required = false) {
    auto it = obj.find(key);
    if (it == obj.end()) {
      if (required) error(path + key, "is required");
      return !required;
    }
    if (!it->is_string()) {
      error(path + key, "must be a string, got " + quote(*it));
      return false;
    }
    return true;
  }
  bool string_array(const json& obj, const std::string& key, const std::string& path, bool non_empty = false) {
    auto it = obj.find(key);
    if (it == obj.end()) return true;
    if (!it->is_array()) {
      error(path + key, "must be an array of strings, got " + quote(*it));
      return false;
    }
    if (non_empty && it->empty()) error(path + key, "must not be empty");
    for (size_t i = 0; i < it->size(); ++i) {
      const auto& e = (*it)[i];
      if (!e.is_string())
        error(path + key + "[" + std::to_string(i) + "]", "must be a string, got " + quote(e));
      else if (e.get<std::string>().find_first_not_of(" \t\r\n") == std::string::npos)
        error(path + key + "[" + std::to_string(i) + "]", "must not be blank");
    }
    return true;
  }
  void language_map(const json& obj, const std::string& key) {
    auto it = obj.find(key);
    if (it == obj.end()) return;
    if (!it->is_object()) {
      error(key, "must be an object like {\"en\": \"...\", \"fr\": \"...\"}");
      return;
    }
    static const std::regex lang("^[a-z]{2}$");
    for (auto kv = it->begin(); kv != it->end(); ++kv) {
      if (!std::regex_match(kv.key(), lang)) error(key + "." + kv.key(), "must be a two-letter language code");
      if (!kv.value().is_string() || kv.value().get<std::string>().empty())
        error(key + "." + kv.key(), "must be a non-empty string");
    }
  }
  void number(const json& obj, const std::string& key, double lo, double hi, bool integer) {
    auto it = obj.find(key);
    if (it == obj.end()) return;
    if (!it->is_number() || (integer && !it->is_number_integer())) {
      error(key, std::string("must be ") + (integer ? "an integer" : "a number") + ", got " + quote(*it));
      return;
    }
    const double d = it->get<double>();
    if (d < lo || d > hi) {
      std::ostringstream os;
      os << "must be between " << lo << " and " << hi << ", got " << quote(*it);
      error(key, os.str());
    }
  }
  void boolean(const json& obj, const std::string& key) {
    auto it = obj.find(key);
    if (it != obj.end() && !it->is_boolean()) error(key, "must be true or false, got " + quote(*it));
  }

  void rule(const json& r, size_t index, std::set<std::string>& ids) {
    const std::string path = "rules[" + std::to_string(index) + "].";
    if (!r.is_object()) {
      error("rules[" + std::to_string(index) + "]", "must be an object");
      return;
    }
    static const std::regex id_re("^[A-Za-z0-9._:-]{1,64}$");
    if (string_field(r, "id", path, true)) {
      const auto id = r["id"].get<std::string>();
      if (!std::regex_match(id, id_re)) error(path + "id", "must be 1-64 letters, digits, '.', '_', ':' or '-'");
      if (!ids.insert(id).second) error(path + "id", "\"" + id + "\" is used by another rule");
    }
    string_field(r, "description", path);
    if (auto it = r.find("severity"); it != r.end()) {
      if (!it->is_string() || (*it != "block" && *it != "warn"))
        error(path + "severity", "must be \"block\" or \"warn\", got " + quote(*it));
    }
    string_array(r, "terms", path);
    string_array(r, "exceptions", path);
    if (string_array(r, "platforms", path) && r.contains("platforms"))
      for (const auto& p : r["platforms"])
        if (p.is_string() && !is_platform(p.get<std::string>()))
          error(path + "platforms", "unknown platform " + quote(p));
    if (string_array(r, "patterns", path) && r.contains("patterns")) {
      RE2::Options opt;
      opt.set_case_sensitive(false);
      opt.set_log_errors(false);
      const auto& pats = r["patterns"];
      for (size_t i = 0; i < pats.size(); ++i) {
        if (!pats[i].is_string()) continue;
        RE2 re(pats[i].get<std::string>(), opt);
        if (!re.ok()) error(path + "patterns[" + std::to_string(i) + "]", "invalid RE2 pattern: " + re.error());
      }
    }
    if (auto it = r.find("near"); it != r.end()) {
      if (!it->is_array()) {
        error(path + "near", "must be an array of {\"left\": [...], \"right\": [...], \"within\": N}");
      } else {
        for (size_t i = 0; i < it->size(); ++i) {
          const auto& c = (*it)[i];
          const std::string cp = path + "near[" + std::to_string(i) + "].";
          if (!c.is_object()) {
            error(cp.substr(0, cp.size() - 1), "must be an object");
            continue;
          }
          if (!c.contains("left")) error(cp + "left", "is required");
          if (!c.contains("right")) error(cp + "right", "is required");
          string_array(c, "left", cp, true);
          string_array(c, "right", cp, true);
          if (auto w = c.find("within"); w != c.end() && (!w->is_number_integer() || *w < 1 || *w > 100))
            error(cp + "within", "must be an integer between 1 and 100, got " + quote(*w));
        }
      }
    }
    const bool has_terms = r.contains("terms") && r["terms"].is_array() && !r["terms"].empty();
    const bool has_patterns = r.contains("patterns") && r["patterns"].is_array() && !r["patterns"].empty();
    const bool has_near = r.contains("near") && r["near"].is_array() && !r["near"].empty();
    if (!has_terms && !has_patterns && !has_near)
      error(path.substr(0, path.size() - 1), "has no terms, patterns or near clause: it would match nothing");
    for (auto kv = r.begin(); kv != r.end(); ++kv)
      if (!kKnownRule.count(kv.key())) v.warnings.push_back(path + kv.key() + ": unknown field (ignored)");
  }
};

std::string layer_name(LayerKind k) { return to_string(k); }

// Takes the layer's document: its values move into the merged policy (a rule of 10,000
// terms is not copied at every host start).
void merge_layer(json& eff, std::map<std::string, std::string>& sources, json&& doc, LayerKind kind,
                 LayerStatus& status) {
  const std::string src = layer_name(kind);
  for (auto kv = doc.begin(); kv != doc.end(); ++kv) {
    const std::string& key = kv.key();
    if (key == "$schema" || !kKnownTop.count(key)) continue;
    if (kind == LayerKind::User && (key == "disclaimers" || key == "short_disclaimers") &&
        !eff.value("allow_user_disclaimer", true)) {
      status.ignored.push_back(key + " (the policy does not allow the employee to change the disclaimer)");
      continue;
    }
    if (key == "disclaimers" || key == "short_disclaimers") {
      for (auto d = kv.value().begin(); d != kv.value().end(); ++d) {
        eff[key][d.key()] = std::move(d.value());
        sources[key + "." + d.key()] = src;
      }
    } else if (key == "rules") {
      for (auto& r : kv.value()) {
        const std::string id = r["id"].get<std::string>();
        std::vector<json*> same_id;  // every earlier rule of this id is replaced
        for (auto& existing : eff["rules"])
          if (existing["id"] == id) same_id.push_back(&existing);
        for (size_t i = 0; i + 1 < same_id.size(); ++i) *same_id[i] = r;
        if (!same_id.empty())
          *same_id.back() = std::move(r);
        else
          eff["rules"].push_back(std::move(r));
        sources["rules." + id] = src;
      }
    } else if (key == "allowed_extension_ids") {
      // Every layer can only add callers; none can remove the release ids.
      for (const auto& id : kv.value())
        if (std::find(eff[key].begin(), eff[key].end(), id) == eff[key].end()) eff[key].push_back(id);
      sources[key] = src;
    } else {
      eff[key] = std::move(kv.value());
      sources[key] = src;
    }
  }
}

// Present on disk, readable or not: a policy file that exists but cannot be read (a
// folder, no permission) is a rejected layer the employee and IT are told about, never an
// absent one. (Opening it to find out would differ by OS: Linux opens a folder, Windows
// does not.)
bool file_exists(const std::string& path) {
  std::error_code ec;
  return std::filesystem::exists(platform::fs_path(path), ec);
}

}  // namespace

const char* to_string(LayerKind k) {
  switch (k) {
    case LayerKind::Builtin: return "builtin";
    case LayerKind::System: return "system";
    case LayerKind::Managed: return "managed";
    case LayerKind::User: return "user";
  }
  return "builtin";
}

Validation validate(const json& doc, LayerKind kind) {
  Validation v;
  Checker c{v};
  if (!doc.is_object()) {
    v.errors.push_back("(top level): a policy must be a JSON object");
    return v;
  }
  for (auto kv = doc.begin(); kv != doc.end(); ++kv) {
    const std::string& key = kv.key();
    if (kind == LayerKind::User && !kEmployeeAllowed.count(key)) {
      if (kKnownTop.count(key))
        c.error(key, "cannot be set in the employee's preferences (only the employer's policy sets it)");
      else
        v.warnings.push_back(key + ": unknown field (ignored)");
    } else if (kind != LayerKind::User && kEmployeeOnly.count(key)) {
      c.error(key, "belongs to the employee's own preferences; the employer's policy cannot set it");
    } else if (!kKnownTop.count(key)) {
      v.warnings.push_back(key + ": unknown field (ignored; newer OwnVoice versions may use it)");
    }
  }
  c.string_field(doc, "version", "");
  c.string_field(doc, "company", "");
  c.string_array(doc, "brands", "");
  c.language_map(doc, "disclaimers");
  c.language_map(doc, "short_disclaimers");
  if (auto it = doc.find("default_language"); it != doc.end() && (!it->is_string() || (*it != "en" && *it != "fr")))
    c.error("default_language", "must be \"en\" or \"fr\", got " + quote(*it));
  c.number(doc, "promotional_threshold", 0.0, 1.0, false);
  c.number(doc, "promotional_window_days", 1, 365, true);
  c.number(doc, "max_message_bytes", 1024, 64.0 * 1024 * 1024, true);
  c.boolean(doc, "allow_user_disclaimer");
  c.string_array(doc, "industry", "");
  if (auto it = doc.find("propose_disclaimer");
      it != doc.end() && (!it->is_string() || (*it != "about_work" && *it != "always")))
    c.error("propose_disclaimer", "must be \"about_work\" or \"always\", got " + quote(*it));
  c.boolean(doc, "debug");
  c.string_array(doc, "allowed_extension_ids", "");
  c.string_array(doc, "keep_work_out_of", "");
  if (c.string_array(doc, "packs", "") && doc.contains("packs"))
    for (const auto& p : doc["packs"])
      if (p.is_string() && !kPacks.count(p.get<std::string>()))
        c.error("packs", "unknown rule pack " + quote(p) + " (known: personal_data, secrets)");
  if (auto it = doc.find("rules"); it != doc.end()) {
    if (!it->is_array()) {
      c.error("rules", "must be an array of rules");
    } else {
      std::set<std::string> ids;
      for (size_t i = 0; i < it->size(); ++i) c.rule((*it)[i], i, ids);
    }
  }
  if (auto it = doc.find("sites"); it != doc.end()) {
    if (!it->is_array()) {
      c.error("sites", "must be an array");
    } else {
      for (size_t i = 0; i < it->size(); ++i) {
        const auto& s = (*it)[i];
        const std::string path = "sites[" + std::to_string(i) + "].";
        if (!s.is_object()) {
          c.error("sites[" + std::to_string(i) + "]", "must be an object");
          continue;
        }
        c.string_field(s, "id", path, true);
        c.string_field(s, "url_match", path, true);
        c.string_field(s, "composer_selector", path, true);
        c.string_field(s, "submit_selector", path, true);
      }
    }
  }
  return v;
}

std::string validate_document(const json& doc, LayerKind kind) {
  const auto v = validate(doc, kind);
  return v.errors.empty() ? std::string() : v.errors.front();
}

namespace {

// Largest bracket nesting outside strings; stops counting past `limit`. Run before the
// recursive JSON parser so a 100,000-deep file cannot exhaust the stack.
int nesting_depth(std::string_view text, int limit) {
  int depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (const char c : text) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"')
      in_string = true;
    else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
      if (deepest > limit) return deepest;
    } else if (c == ']' || c == '}')
      --depth;
  }
  return deepest;
}

}  // namespace

std::optional<json> parse_policy_text(std::string_view text, const std::string& name, std::string& error) {
  if (text.size() > kMaxPolicyBytes) {
    error = name + ": the policy file is " + std::to_string(text.size()) + " bytes; the limit is " +
            std::to_string(kMaxPolicyBytes);
    return std::nullopt;
  }
  if (nesting_depth(text, kMaxPolicyDepth) > kMaxPolicyDepth) {
    error = name + ": the policy is nested deeper than " + std::to_string(kMaxPolicyDepth) + " levels";
    return std::nullopt;
  }
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    // Turn the byte offset into line:column so IT can find the mistake.
    size_t line = 1, col = 1;
    const size_t stop = std::min<size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
    for (size_t i = 0; i < stop; ++i) {
      if (text[i] == '\n') {
        ++line;
        col = 1;
      } else {
        ++col;
      }
    }
    std::string what = e.what();
    if (auto p = what.find("syntax error"); p != std::string::npos) what = what.substr(p);
    error = name + ":" + std::to_string(line) + ":" + std::to_string(col) + ": invalid JSON: " + what;
    return std::nullopt;
  } catch (const json::exception& e) {
    // A number beyond a double (1e999) is out_of_range, not parse_error (found by
    // tests/fuzz/fuzz_policy_parser); the layer is rejected like any other bad JSON.
    error = name + ": invalid JSON: " + e.what();
    return std::nullopt;
  }
}

std::optional<json> read_policy_file(const std::string& path, std::string& error) {
  std::ifstream in(platform::fs_path(path), std::ios::binary);
  if (!in) {
    error = path + ": cannot be read";
    return std::nullopt;
  }
  // Read in blocks, at most one byte past the limit: a huge file is refused without
  // loading it, and a usual one costs no 4 MiB buffer (the host reads it at every start).
  std::string text;
  char block[64 * 1024];
  while (text.size() <= kMaxPolicyBytes && in.read(block, sizeof block).gcount() > 0) {
    const auto got = static_cast<std::size_t>(in.gcount());
    text.append(block, std::min(got, kMaxPolicyBytes + 1 - text.size()));
  }
  if (text.size() > kMaxPolicyBytes) {
    error = path + ": the policy file is larger than " + std::to_string(kMaxPolicyBytes) + " bytes (the limit)";
    return std::nullopt;
  }
  return parse_policy_text(text, path, error);
}

std::string default_system_policy_path() {
  if (auto env = platform::env_or_empty("OWNVOICE_SYSTEM_POLICY"); !env.empty()) return env;
  return platform::default_system_policy_path();  // /etc, /Library or %ProgramData%
}

std::string default_user_preferences_path() {
  if (auto env = platform::env_or_empty("OWNVOICE_USER_PREFERENCES"); !env.empty()) return env;
  return platform::default_user_preferences_path();  // XDG, ~/Library or %APPDATA%
}

std::vector<LayerStatus> EffectivePolicy::rejected() const {
  std::vector<LayerStatus> out;
  for (const auto& l : layers)
    if (!l.ok) out.push_back(l);
  return out;
}

json EffectivePolicy::rejected_json() const {
  json out = json::array();
  for (const auto& l : layers)
    if (!l.ok)
      out.push_back(
          {{"source", to_string(l.kind)}, {"path", l.path.empty() ? json(nullptr) : json(l.path)}, {"error", l.error}});
  return out;
}

EffectivePolicy load_layers(const LoadOptions& options) {
  EffectivePolicy ep;
  json eff = builtin_document();
  for (auto kv = eff.begin(); kv != eff.end(); ++kv) ep.sources[kv.key()] = "builtin";
  for (auto kv = eff["disclaimers"].begin(); kv != eff["disclaimers"].end(); ++kv)
    ep.sources["disclaimers." + kv.key()] = "builtin";
  ep.layers.push_back(LayerStatus{LayerKind::Builtin, "", true, true, "", {}, {}});

  auto apply = [&](LayerKind kind, const std::string& name, std::optional<json> doc, std::string parse_error) {
    LayerStatus st{kind, name, true, true, "", {}, {}};
    if (!doc) {
      st.ok = false;
      st.error = std::move(parse_error);
    } else {
      auto v = validate(*doc, kind);
      st.warnings = v.warnings;
      if (!v.errors.empty()) {
        st.ok = false;
        const std::string where = name.empty() ? std::string(to_string(kind)) + " policy" : name;
        st.error = where + ": " + v.errors.front();
        for (size_t i = 1; i < v.errors.size() && i < 5; ++i) st.error += "; " + v.errors[i];
        if (v.errors.size() > 5) st.error += "; and " + std::to_string(v.errors.size() - 5) + " more";
      } else {
        merge_layer(eff, ep.sources, std::move(*doc), kind, st);
      }
    }
    ep.layers.push_back(std::move(st));
  };

  auto apply_file = [&](LayerKind kind, const std::string& path) {
    if (!file_exists(path)) {
      ep.layers.push_back(LayerStatus{kind, path, true, false, "", {}, {}});
      return;
    }
    std::string err;
    auto doc = read_policy_file(path, err);
    apply(kind, path, std::move(doc), err);
  };

  apply_file(LayerKind::System, options.system_path.value_or(default_system_policy_path()));
  if (options.managed && !options.managed->is_null())
    apply(LayerKind::Managed, "", options.managed, "");
  else
    ep.layers.push_back(LayerStatus{LayerKind::Managed, "", true, false, "", {}, {}});
  if (options.load_user)
    apply_file(LayerKind::User, options.user_path.value_or(default_user_preferences_path()));
  else
    ep.layers.push_back(LayerStatus{LayerKind::User, "", true, false, "", {}, {}});

  ep.policy = from_json(std::move(eff));
  return ep;
}

}  // namespace ownvoice::policy

namespace ownvoice::policy {
nlohmann::json describe(const EffectivePolicy& ep) {
  nlohmann::json layers = nlohmann::json::array();
  for (const auto& l : ep.layers) {
    nlohmann::json j = {{"source", to_string(l.kind)},
                        {"path", l.path.empty() ? nlohmann::json(nullptr) : nlohmann::json(l.path)},
                        {"status", !l.present ? "absent"
                                   : l.ok     ? "ok"
                                              : "rejected"}};
    if (!l.error.empty()) j["error"] = l.error;
    if (!l.warnings.empty()) j["warnings"] = l.warnings;
    if (!l.ignored.empty()) j["ignored"] = l.ignored;
    layers.push_back(std::move(j));
  }
  return {{"effective", to_json(ep.policy)}, {"sources", ep.sources}, {"layers", std::move(layers)}};
}
}  // namespace ownvoice::policy
