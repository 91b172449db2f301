#pragma once
// Enterprise policy templates for IT: force-install the extension, allow the host, and
// hand OwnVoice's settings to the extension's managed storage (chrome.storage.managed,
// schema extension/managed_schema.json), for every browser family and OS:
//   Linux    managed policy JSON per Chromium browser, Firefox policies.json
//   Windows  one .reg file (the registry values Chrome's and Edge's ADMX templates set)
//   macOS    one configuration profile (.mobileconfig)
// Generated from the browser table, never edited by hand.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ownvoice::install {

struct EnterpriseOptions {
  std::string chrome_id;          // Chrome Web Store id (Chrome, Chromium, Brave, Vivaldi)
  std::string chrome_update_url;  // default: Chrome Web Store
  std::string edge_id;            // Edge Add-ons id (default: chrome_id, installed from the same CRX)
  std::string edge_update_url;    // default: Edge Add-ons
  std::string firefox_id;         // default: ownvoice@ownvoice.org
  std::string firefox_install_url;
  nlohmann::ordered_json managed;  // the extension's managed storage (an object)
  std::string organization = "OwnVoice";
};

// Defaults for unset fields (published ids, or a visible REPLACE_WITH_... marker).
EnterpriseOptions with_defaults(EnterpriseOptions o);

// The managed-storage object that carries a policy file: {"policy": <policy without $schema>}.
nlohmann::ordered_json managed_settings_from_policy(const nlohmann::ordered_json& policy);

struct RenderedFile {
  std::string relative_path;  // "linux/chrome/ownvoice.json"
  std::string destination;    // where IT puts it ("/etc/opt/chrome/policies/managed/ownvoice.json")
  std::string content;
};

std::vector<RenderedFile> render_enterprise_templates(const EnterpriseOptions& options);

// Pieces, exposed for tests and for doctor's wording.
nlohmann::ordered_json chromium_policy_json(const std::string& id, const std::string& update_url,
                                            const nlohmann::ordered_json& managed);
nlohmann::ordered_json firefox_policies_json(const EnterpriseOptions& o);

}  // namespace ownvoice::install
