#include "install/enterprise.hpp"

#include <cstdint>
#include <cstdio>
#include <sstream>

#include "install/admx.hpp"
#include "install/browsers.hpp"
#include "install/extension_ids.hpp"
#include "install/registry.hpp"

namespace ownvoice::install {

using ojson = nlohmann::ordered_json;

EnterpriseOptions with_defaults(EnterpriseOptions o) {
  if (o.chrome_id.empty()) {
    o.chrome_id = policy::kChromiumReleaseIds.empty() ? std::string(kUnpublishedIdMarker)
                                                      : std::string(policy::kChromiumReleaseIds.front());
  }
  if (o.chrome_update_url.empty()) o.chrome_update_url = kChromeWebStoreUpdateUrl;
  if (o.edge_id.empty()) o.edge_id = o.chrome_id;
  if (o.edge_update_url.empty()) o.edge_update_url = kEdgeAddonsUpdateUrl;
  if (o.firefox_id.empty()) o.firefox_id = kFirefoxExtensionId;
  if (o.firefox_install_url.empty()) o.firefox_install_url = "REPLACE_WITH_XPI_URL";
  if (!o.managed.is_object()) o.managed = ojson::object();
  return o;
}

ojson managed_settings_from_policy(const ojson& policy) {
  ojson p = policy;
  if (p.is_object()) p.erase("$schema");
  return ojson{{"policy", p}};
}

ojson chromium_policy_json(const std::string& id, const std::string& update_url, const ojson& managed) {
  ojson j;
  j["ExtensionInstallForcelist"] = ojson::array({id + ";" + update_url});
  // Some fleets block every host ("NativeMessagingBlocklist": ["*"]); the allowlist wins.
  j["NativeMessagingAllowlist"] = ojson::array({std::string(kHostName)});
  // true keeps per-user installs (`ownvoice install --user`) working; set false to accept
  // only the machine-wide manifests the package installs (this affects every host).
  j["NativeMessagingUserLevelHosts"] = true;
  j["3rdparty"] = {{"extensions", {{id, managed}}}};
  return j;
}

ojson firefox_policies_json(const EnterpriseOptions& o) {
  ojson policies;
  policies["ExtensionSettings"] = {
      {o.firefox_id, {{"installation_mode", "force_installed"}, {"install_url", o.firefox_install_url}}}};
  policies["3rdparty"] = {{"Extensions", {{o.firefox_id, o.managed}}}};
  return ojson{{"policies", policies}};
}

namespace {

// Registry values for one Chromium browser's policy key (what its ADMX template writes).
void chromium_registry_values(const std::string& policy_key, const std::string& id, const std::string& update_url,
                              const ojson& managed, std::vector<RegistryValue>& out) {
  const std::string base = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\" + policy_key;
  out.push_back({base, "NativeMessagingUserLevelHosts", RegistryValue::Kind::Dword, "", 1});
  out.push_back({base + "\\ExtensionInstallForcelist", "1", RegistryValue::Kind::String, id + ";" + update_url, 0});
  out.push_back({base + "\\NativeMessagingAllowlist", "1", RegistryValue::Kind::String, std::string(kHostName), 0});
  // Managed storage: strings as REG_SZ, booleans and integers as REG_DWORD, objects and
  // arrays as JSON text, which Chrome parses against the extension's schema.
  const std::string ext = base + "\\3rdparty\\extensions\\" + id + "\\policy";
  for (auto it = managed.begin(); it != managed.end(); ++it) {
    const auto& v = it.value();
    if (v.is_string()) {
      out.push_back({ext, it.key(), RegistryValue::Kind::String, v.get<std::string>(), 0});
    } else if (v.is_boolean()) {
      out.push_back({ext, it.key(), RegistryValue::Kind::Dword, "", v.get<bool>() ? 1u : 0u});
    } else if (v.is_number_integer() && v.get<std::int64_t>() >= 0 && v.get<std::int64_t>() <= 0xffffffffLL) {
      out.push_back({ext, it.key(), RegistryValue::Kind::Dword, "", static_cast<std::uint32_t>(v.get<std::int64_t>())});
    } else {
      out.push_back({ext, it.key(), RegistryValue::Kind::String, v.dump(-1, ' ', true), 0});
    }
  }
}

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

void plist_value(const ojson& v, int depth, std::ostringstream& out) {
  const std::string pad(static_cast<std::size_t>(depth) * 2, ' ');
  if (v.is_object()) {
    out << pad << "<dict>\n";
    for (auto it = v.begin(); it != v.end(); ++it) {
      out << pad << "  <key>" << xml_escape(it.key()) << "</key>\n";
      plist_value(it.value(), depth + 1, out);
    }
    out << pad << "</dict>\n";
  } else if (v.is_array()) {
    out << pad << "<array>\n";
    for (const auto& e : v) plist_value(e, depth + 1, out);
    out << pad << "</array>\n";
  } else if (v.is_boolean()) {
    out << pad << (v.get<bool>() ? "<true/>" : "<false/>") << "\n";
  } else if (v.is_number_integer()) {
    out << pad << "<integer>" << v.dump() << "</integer>\n";
  } else if (v.is_number()) {
    out << pad << "<real>" << v.dump() << "</real>\n";
  } else if (v.is_string()) {
    out << pad << "<string>" << xml_escape(v.get<std::string>()) << "</string>\n";
  } else {
    out << pad << "<string></string>\n";
  }
}

// Stable UUIDs (so regenerated profiles replace, not duplicate, installed ones).
std::string stable_uuid(const std::string& name) {
  auto fnv = [](const std::string& s, std::uint64_t h) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ULL;
    }
    return h;
  };
  const std::uint64_t a = fnv(name, 14695981039346656037ULL);
  const std::uint64_t b = fnv(name + "#ownvoice", a);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%08X-%04X-5%03X-%04X-%012llX", static_cast<unsigned>(a >> 32),
                static_cast<unsigned>((a >> 16) & 0xffff), static_cast<unsigned>(a & 0xfff),
                static_cast<unsigned>(0x8000 | ((b >> 48) & 0x3fff)),
                static_cast<unsigned long long>(b & 0xffffffffffffULL));
  return buf;
}

ojson payload(const std::string& type, const std::string& name, ojson content) {
  ojson p;
  p["PayloadType"] = type;
  p["PayloadIdentifier"] = "org.ownvoice.policies." + type;
  p["PayloadUUID"] = stable_uuid(type);
  p["PayloadVersion"] = 1;
  p["PayloadDisplayName"] = name;
  for (auto it = content.begin(); it != content.end(); ++it) p[it.key()] = it.value();
  return p;
}

std::string render_mobileconfig(const EnterpriseOptions& o) {
  ojson chrome = chromium_policy_json(o.chrome_id, o.chrome_update_url, ojson::object());
  chrome.erase("3rdparty");  // macOS reads managed storage from its own preference domain
  ojson edge = chromium_policy_json(o.edge_id, o.edge_update_url, ojson::object());
  edge.erase("3rdparty");
  ojson firefox = firefox_policies_json(o)["policies"];
  firefox["EnterprisePoliciesEnabled"] = true;

  ojson payloads = ojson::array();
  payloads.push_back(payload("com.google.Chrome", "OwnVoice: Google Chrome", chrome));
  payloads.push_back(payload("com.google.Chrome.extensions." + o.chrome_id, "OwnVoice settings (Chrome)", o.managed));
  payloads.push_back(payload("com.microsoft.Edge", "OwnVoice: Microsoft Edge", edge));
  payloads.push_back(payload("com.microsoft.Edge.extensions." + o.edge_id, "OwnVoice settings (Edge)", o.managed));
  payloads.push_back(payload("org.mozilla.firefox", "OwnVoice: Firefox", firefox));

  ojson profile;
  profile["PayloadContent"] = payloads;
  profile["PayloadDisplayName"] = "OwnVoice";
  profile["PayloadDescription"] =
      "Installs the OwnVoice extension, allows its local host org.ownvoice.host and hands it the company's "
      "OwnVoice settings.";
  profile["PayloadIdentifier"] = "org.ownvoice.policies";
  profile["PayloadOrganization"] = o.organization;
  profile["PayloadScope"] = "System";
  profile["PayloadType"] = "Configuration";
  profile["PayloadUUID"] = stable_uuid("org.ownvoice.policies");
  profile["PayloadVersion"] = 1;

  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
      << "<plist version=\"1.0\">\n";
  plist_value(profile, 0, out);
  out << "</plist>\n";
  return out.str();
}

}  // namespace

std::vector<RenderedFile> render_enterprise_templates(const EnterpriseOptions& given) {
  const EnterpriseOptions o = with_defaults(given);
  std::vector<RenderedFile> files;
  std::vector<RegistryValue> reg;
  std::vector<AdmxBrowser> admx;
  for (const auto& s : all_browsers()) {
    if (s.family != Family::Chromium) continue;
    const bool edge = s.id == Browser::Edge;
    const std::string& id = edge ? o.edge_id : o.chrome_id;
    const std::string& url = edge ? o.edge_update_url : o.chrome_update_url;
    const ojson policy = chromium_policy_json(id, url, o.managed);
    if (!s.linux_policy_dirs.empty()) {
      files.push_back({"linux/" + std::string(s.key) + "/ownvoice.json",
                       std::string(s.linux_policy_dirs.front()) + "/ownvoice.json", policy.dump(2) + "\n"});
    }
    if (!s.windows_policy_key.empty()) {
      AdmxBrowser b{std::string(s.key), std::string(s.display), {}};
      chromium_registry_values(std::string(s.windows_policy_key), id, url, o.managed, b.values);
      reg.insert(reg.end(), b.values.begin(), b.values.end());
      admx.push_back(std::move(b));
    }
  }
  files.push_back(
      {"firefox/policies.json",
       "/etc/firefox/policies/policies.json; Windows and macOS: <Firefox folder>/distribution/policies.json",
       firefox_policies_json(o).dump(2) + "\n"});
  files.push_back({"windows/ownvoice-policies.reg", "import with `reg import` or turn into GPO registry preferences",
                   render_reg_file(reg)});
  // The same values as Group Policy templates (a test checks they match the .reg file).
  files.push_back({"windows/admx/ownvoice.admx", "C:\\Windows\\PolicyDefinitions (or the domain's Central Store)",
                   render_admx(admx)});
  files.push_back(
      {"windows/admx/en-US/ownvoice.adml", "C:\\Windows\\PolicyDefinitions\\en-US", render_adml(admx, "en-US")});
  files.push_back(
      {"windows/admx/fr-FR/ownvoice.adml", "C:\\Windows\\PolicyDefinitions\\fr-FR", render_adml(admx, "fr-FR")});
  files.push_back(
      {"macos/ownvoice.mobileconfig", "install with your MDM (or System Settings > Profiles)", render_mobileconfig(o)});
  std::ostringstream index;
  index << "OwnVoice enterprise policy templates (generated by `ownvoice enterprise-templates`).\n"
        << "Each file and where it goes:\n\n";
  for (const auto& f : files) index << "  " << f.relative_path << "\n      -> " << f.destination << "\n";
  index << "\nSee docs/deployment.md, \"Enterprise policies\".\n";
  files.push_back({"README.txt", "", index.str()});
  return files;
}

}  // namespace ownvoice::install
