// Enterprise policy templates: what each browser needs to force-install the extension,
// allow the host and receive OwnVoice's settings, checked against the extension's managed
// storage schema and the host's policy validator.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>
#include <sstream>
#include <tuple>

#include "install/enterprise.hpp"
#include "install/extension_ids.hpp"
#include "install/files.hpp"
#include "policy/loader.hpp"
#include "test_support.hpp"

namespace ownvoice::install {
namespace {

using json = nlohmann::json;

// The subset of JSON Schema that Chrome accepts for managed storage
// (developer.chrome.com/docs/extensions/reference/manifest/storage): type, properties,
// additionalProperties, patternProperties, items, enum, minimum, maximum, required, $ref/id.
class ChromeSchema {
 public:
  explicit ChromeSchema(json root) : root_(std::move(root)) { collect_ids(root_); }

  // "" when valid, else "<where>: <what>".
  std::string validate(const json& value) const { return check(root_, value, "(root)"); }

 private:
  void collect_ids(const json& s) {
    if (s.is_object()) {
      if (auto it = s.find("id"); it != s.end() && it->is_string()) ids_[it->get<std::string>()] = s;
      for (const auto& [k, v] : s.items()) collect_ids(v);
    } else if (s.is_array()) {
      for (const auto& v : s) collect_ids(v);
    }
  }

  static bool has_type(const json& v, const std::string& t) {
    if (t == "object") return v.is_object();
    if (t == "array") return v.is_array();
    if (t == "string") return v.is_string();
    if (t == "boolean") return v.is_boolean();
    if (t == "integer")
      return v.is_number_integer() ||
             (v.is_number_float() && v.get<double>() == static_cast<double>(static_cast<long long>(v.get<double>())));
    if (t == "number") return v.is_number();
    if (t == "any") return true;
    return false;
  }

  std::string check(const json& schema, const json& v, const std::string& where) const {
    const json* s = &schema;
    if (auto ref = schema.find("$ref"); ref != schema.end()) {
      auto it = ids_.find(ref->get<std::string>());
      if (it == ids_.end()) return where + ": unknown $ref " + ref->get<std::string>();
      s = &it->second;
    }
    if (auto t = s->find("type"); t != s->end() && !has_type(v, t->get<std::string>())) {
      return where + ": expected " + t->get<std::string>() + ", got " + v.type_name();
    }
    if (auto e = s->find("enum"); e != s->end() && std::find(e->begin(), e->end(), v) == e->end()) {
      return where + ": not one of " + e->dump();
    }
    if (v.is_number()) {
      if (auto m = s->find("minimum"); m != s->end() && v.get<double>() < m->get<double>())
        return where + ": below minimum";
      if (auto m = s->find("maximum"); m != s->end() && v.get<double>() > m->get<double>())
        return where + ": above maximum";
    }
    if (v.is_array()) {
      if (auto items = s->find("items"); items != s->end()) {
        for (std::size_t i = 0; i < v.size(); ++i) {
          if (auto err = check(*items, v[i], where + "[" + std::to_string(i) + "]"); !err.empty()) return err;
        }
      }
    }
    if (v.is_object()) {
      if (auto req = s->find("required"); req != s->end() && req->is_array()) {
        for (const auto& k : *req) {
          if (!v.contains(k.get<std::string>())) return where + ": missing " + k.get<std::string>();
        }
      }
      const json props = s->value("properties", json::object());
      const json patterns = s->value("patternProperties", json::object());
      for (const auto& [key, child] : v.items()) {
        const std::string at = where + "." + key;
        if (props.contains(key)) {
          if (auto err = check(props[key], child, at); !err.empty()) return err;
          continue;
        }
        bool matched = false;
        for (const auto& [pattern, ps] : patterns.items()) {
          if (std::regex_search(key, std::regex(pattern))) {
            matched = true;
            if (auto err = check(ps, child, at); !err.empty()) return err;
          }
        }
        if (matched) continue;
        if (auto ap = s->find("additionalProperties"); ap != s->end()) {
          if (ap->is_boolean() && !ap->get<bool>()) return at + ": not allowed by the schema";
          if (ap->is_object()) {
            if (auto err = check(*ap, child, at); !err.empty()) return err;
          }
        } else if (!props.empty() || !patterns.empty()) {
          // Chrome drops unknown properties with a warning; treat as an error here so a
          // typo in our templates cannot slip through.
          return at + ": not in the schema";
        }
      }
    }
    return "";
  }

  json root_;
  std::map<std::string, json> ids_;
};

nlohmann::ordered_json example_policy() {
  return nlohmann::ordered_json::parse(
      read_file(std::string(OWNVOICE_SOURCE_DIR) + "/examples/policy.example.json").value());
}

TEST(Enterprise, ManagedSettingsMatchTheExtensionsManagedSchema) {
  const std::string path = std::string(OWNVOICE_SOURCE_DIR) + "/extension/managed_schema.json";
  const auto text = read_file(path);
  ASSERT_TRUE(text.has_value()) << path << " is missing: the extension's managed storage schema is needed to "
                                << "check what the enterprise templates hand to the extension";
  const ChromeSchema schema(json::parse(*text));
  const auto managed = managed_settings_from_policy(example_policy());
  EXPECT_EQ(schema.validate(json::parse(managed.dump())), "");
  // And as each browser receives it, inside the policy documents.
  const auto chrome =
      chromium_policy_json("abcdefghijklmnopabcdefghijklmnop", std::string(kChromeWebStoreUpdateUrl), managed);
  EXPECT_EQ(schema.validate(json::parse(chrome["3rdparty"]["extensions"]["abcdefghijklmnopabcdefghijklmnop"].dump())),
            "");
  EnterpriseOptions o;
  o.managed = managed;
  const auto ff = firefox_policies_json(with_defaults(o));
  EXPECT_EQ(schema.validate(json::parse(ff["policies"]["3rdparty"]["Extensions"]["ownvoice@ownvoice.org"].dump())), "");
}

TEST(Enterprise, ValidatorRejectsWrongShapes) {
  // The validator itself must be able to fail, or the test above proves nothing.
  const ChromeSchema schema(json::parse(R"({"type": "object", "properties": {
      "policy": {"type": "object"}, "allowed_sites": {"type": "array", "items": {"type": "string"}}}})"));
  EXPECT_EQ(schema.validate(json::parse(R"({"policy": {}, "allowed_sites": ["x.com"]})")), "");
  EXPECT_NE(schema.validate(json::parse(R"({"policy": "text"})")), "");
  EXPECT_NE(schema.validate(json::parse(R"({"allowed_sites": [1]})")), "");
  EXPECT_NE(schema.validate(json::parse(R"({"polcy": {}})")), "");
}

TEST(Enterprise, TheManagedPolicyIsAValidManagedLayer) {
  const auto managed = managed_settings_from_policy(example_policy());
  ASSERT_TRUE(managed.contains("policy"));
  EXPECT_FALSE(managed["policy"].contains("$schema"));
  EXPECT_EQ(policy::validate_document(json::parse(managed["policy"].dump()), policy::LayerKind::Managed), "");
}

TEST(Enterprise, ChromiumPolicyForceInstallsAndAllowsTheHost) {
  const auto j = chromium_policy_json("abcdefghijklmnopabcdefghijklmnop", "https://example.org/crx", {{"policy", {}}});
  EXPECT_EQ(j["ExtensionInstallForcelist"][0], "abcdefghijklmnopabcdefghijklmnop;https://example.org/crx");
  EXPECT_EQ(j["NativeMessagingAllowlist"][0], "org.ownvoice.host");
  EXPECT_TRUE(j["3rdparty"]["extensions"].contains("abcdefghijklmnopabcdefghijklmnop"));
}

TEST(Enterprise, EveryChromiumBrowserWithAPolicyFolderGetsAFile) {
  EnterpriseOptions o;
  o.chrome_id = "abcdefghijklmnopabcdefghijklmnop";
  const auto files = render_enterprise_templates(o);
  for (const char* dest :
       {"/etc/opt/chrome/policies/managed/ownvoice.json", "/etc/chromium/policies/managed/ownvoice.json",
        "/etc/opt/edge/policies/managed/ownvoice.json", "/etc/brave/policies/managed/ownvoice.json"}) {
    EXPECT_TRUE(std::any_of(files.begin(), files.end(), [dest](const RenderedFile& f) {
      return f.destination == dest;
    })) << dest;
  }
  for (const auto& f : files) {
    if (f.relative_path.size() > 5 && f.relative_path.substr(f.relative_path.size() - 5) == ".json") {
      EXPECT_TRUE(json::accept(f.content)) << f.relative_path;
    }
  }
}

TEST(Enterprise, UnpublishedStoreIdIsAVisibleMarker) {
  const auto o = with_defaults(EnterpriseOptions{});
  if (policy::kChromiumReleaseIds.empty()) {
    EXPECT_EQ(o.chrome_id, kUnpublishedIdMarker);
  } else {
    EXPECT_TRUE(is_chromium_extension_id(o.chrome_id));
  }
}

TEST(Enterprise, ShippedDefaultPolicyIsValid) {
  std::string error;
  const auto doc = policy::read_policy_file(std::string(OWNVOICE_SOURCE_DIR) + "/installer/linux/policy.json", error);
  ASSERT_TRUE(doc.has_value()) << error;
  EXPECT_EQ(policy::validate_document(*doc, policy::LayerKind::System), "");
}

}  // namespace
}  // namespace ownvoice::install

namespace ownvoice::install {
namespace {

// (key relative to HKLM, value name, "dword:N" or "sz:TEXT") as each format states it.
using RegEntry = std::tuple<std::string, std::string, std::string>;

std::string content_of(const std::vector<RenderedFile>& files, const std::string& relative_path) {
  for (const auto& f : files)
    if (f.relative_path == relative_path) return f.content;
  ADD_FAILURE() << relative_path << " was not rendered";
  return {};
}

std::set<RegEntry> entries_of_reg(const std::string& reg) {
  std::set<RegEntry> out;
  std::string key;
  std::istringstream in(reg);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.size() > 2 && line.front() == '[') {
      key = line.substr(1, line.size() - 2);
      const std::string hklm = "HKEY_LOCAL_MACHINE\\";
      if (key.rfind(hklm, 0) == 0) key = key.substr(hklm.size());
      continue;
    }
    if (line.empty() || line.front() != '"') continue;
    // "name"=dword:0000000a   or   "name"="escaped text"
    std::size_t i = 1;
    std::string name;
    for (; line[i] != '"'; ++i) name.push_back(line[i] == '\\' ? line[++i] : line[i]);
    const std::string value = line.substr(i + 2);
    if (value.rfind("dword:", 0) == 0) {
      out.insert({key, name, "dword:" + std::to_string(std::stoul(value.substr(6), nullptr, 16))});
    } else {
      std::string text;
      for (std::size_t j = 1; j + 1 < value.size(); ++j) text.push_back(value[j] == '\\' ? value[++j] : value[j]);
      out.insert({key, name, "sz:" + text});
    }
  }
  return out;
}

std::string xml_unescape(std::string s) {
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}}) {
    for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
      s.replace(pos, from.size(), to);
  }
  return s;
}

std::set<RegEntry> entries_of_admx(const std::string& admx) {
  std::set<RegEntry> out;
  static const std::regex item(
      R"re(<item key="([^"]*)" valueName="([^"]*)">\s*<value>(?:<decimal value="(\d+)" />|<string>([^<]*)</string>)</value>)re");
  for (auto it = std::sregex_iterator(admx.begin(), admx.end(), item); it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    out.insert(
        {xml_unescape(m[1]), xml_unescape(m[2]), m[3].matched ? "dword:" + m[3].str() : "sz:" + xml_unescape(m[4])});
  }
  return out;
}

// Ids set, and managed settings whose text needs escaping in both formats.
EnterpriseOptions admx_options() {
  EnterpriseOptions o;
  o.chrome_id = "abcdefghijklmnopabcdefghijklmnop";
  o.edge_id = "ponmlkjihgfedcbaponmlkjihgfedcba";
  o.managed = nlohmann::ordered_json{{"policy", {{"company", "Dupont & Fils <\"SA\">"}, {"rules", json::array()}}},
                                     {"log_enabled", true}};
  return o;
}

TEST(EnterpriseAdmx, SetsExactlyTheValuesOfTheRegFile) {
  const auto files = render_enterprise_templates(admx_options());
  const auto reg = entries_of_reg(content_of(files, "windows/ownvoice-policies.reg"));
  const auto admx = entries_of_admx(content_of(files, "windows/admx/ownvoice.admx"));
  ASSERT_GE(reg.size(), 12u);  // 4 Chromium browsers x (user-level hosts, force-install, allowlist, settings)
  EXPECT_EQ(admx, reg);
  // Chrome and Edge, each with the force-install, the allowlist and the managed settings.
  for (const std::string base : {"SOFTWARE\\Policies\\Google\\Chrome", "SOFTWARE\\Policies\\Microsoft\\Edge"}) {
    EXPECT_EQ(admx.count({base + "\\NativeMessagingAllowlist", "1", "sz:org.ownvoice.host"}), 1u) << base;
    EXPECT_TRUE(std::any_of(admx.begin(), admx.end(), [&](const RegEntry& e) {
      return std::get<0>(e) == base + "\\ExtensionInstallForcelist" && std::get<1>(e) == "1";
    })) << base;
  }
}

TEST(EnterpriseAdmx, EveryPolicyHasItsTextInEnglishAndFrench) {
  const auto files = render_enterprise_templates(admx_options());
  const std::string admx = content_of(files, "windows/admx/ownvoice.admx");
  static const std::regex ref(R"(\$\(string\.([A-Za-z0-9_]+)\))");
  for (const char* lang : {"en-US", "fr-FR"}) {
    const std::string adml = content_of(files, std::string("windows/admx/") + lang + "/ownvoice.adml");
    for (auto it = std::sregex_iterator(admx.begin(), admx.end(), ref); it != std::sregex_iterator(); ++it) {
      EXPECT_NE(adml.find("<string id=\"" + (*it)[1].str() + "\">"), std::string::npos) << lang << ": " << (*it)[1];
    }
  }
  EXPECT_NE(content_of(files, "windows/admx/fr-FR/ownvoice.adml").find("Installer l'extension OwnVoice d'office"),
            std::string::npos);
}

}  // namespace
}  // namespace ownvoice::install
