#include "install/manifest.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "install/extension_ids.hpp"
#include "ownvoice/manifest_templates.hpp"

namespace ownvoice::install {

namespace {

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

}  // namespace

AllowedCallers allowed_callers(const std::vector<std::string>& extra) {
  AllowedCallers c;
  c.chromium_ids = builtin_chromium_ids();
  c.firefox_ids.emplace_back(kFirefoxExtensionId);
  for (const auto& id : extra) {
    if (is_chromium_extension_id(id)) {
      add_unique(c.chromium_ids, id);
    } else if (is_firefox_extension_id(id)) {
      add_unique(c.firefox_ids, id);
    }
  }
  return c;
}

std::string render_manifest(Family family, const std::string& host_path, const AllowedCallers& callers) {
  // The template fixes the field order and wording; only the two placeholders change, and
  // they are set through the JSON library so a Windows path's backslashes are escaped.
  auto doc =
      nlohmann::ordered_json::parse(family == Family::Firefox ? kFirefoxManifestTemplate : kChromiumManifestTemplate);
  doc["path"] = host_path;
  if (family == Family::Firefox) {
    doc["allowed_extensions"] = callers.firefox_ids;
  } else {
    doc["allowed_origins"] = chromium_origins(callers.chromium_ids);
  }
  return doc.dump(2) + "\n";
}

ManifestInfo read_manifest(const std::string& text) {
  ManifestInfo info;
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    info.error = e.what();
    return info;
  }
  if (!doc.is_object()) {
    info.error = "not a JSON object";
    return info;
  }
  info.parsed = true;
  auto str = [&doc](const char* key) {
    auto it = doc.find(key);
    return (it != doc.end() && it->is_string()) ? it->get<std::string>() : std::string();
  };
  info.name = str("name");
  info.path = str("path");
  info.type = str("type");
  if (auto it = doc.find("allowed_origins"); it != doc.end() && it->is_array()) {
    info.has_origins = true;
    for (const auto& o : *it) {
      if (!o.is_string()) continue;
      std::string s = o.get<std::string>();
      const std::string prefix = "chrome-extension://";
      if (s.rfind(prefix, 0) == 0) s = s.substr(prefix.size());
      if (!s.empty() && s.back() == '/') s.pop_back();
      info.callers.push_back(s);
    }
  }
  if (auto it = doc.find("allowed_extensions"); it != doc.end() && it->is_array()) {
    info.has_extensions = true;
    for (const auto& o : *it) {
      if (o.is_string()) info.callers.push_back(o.get<std::string>());
    }
  }
  return info;
}

}  // namespace ownvoice::install
