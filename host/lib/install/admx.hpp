#pragma once
// Group Policy administrative templates (ADMX + ADML in English and French) for IT: the
// same registry values as the generated .reg file (Chrome's and Edge's force-install,
// NativeMessagingAllowlist, user-level hosts, OwnVoice's managed settings), one policy
// per registry key, so a GPO writes exactly what `reg import` would.
#include <string>
#include <vector>

#include "install/registry.hpp"

namespace ownvoice::install {

struct AdmxBrowser {
  std::string id;                     // "chrome": policy and category names
  std::string display_name;           // "Google Chrome"
  std::vector<RegistryValue> values;  // all under HKEY_LOCAL_MACHINE\SOFTWARE\Policies\...
};

std::string render_admx(const std::vector<AdmxBrowser>& browsers);
// lang: "en-US" or "fr-FR".
std::string render_adml(const std::vector<AdmxBrowser>& browsers, const std::string& lang);

}  // namespace ownvoice::install
