#pragma once
// Who may start the host. The ids themselves live in one place,
// host/lib/policy/allowed_callers.hpp, which the host's own allowlist uses too; this
// header adds what installing needs (origins, store update URLs, id syntax).
#include <string>
#include <string_view>
#include <vector>

#include "policy/allowed_callers.hpp"

namespace ownvoice::install {

inline constexpr std::string_view kHostName = "org.ownvoice.host";
inline constexpr std::string_view kFirefoxExtensionId = policy::kFirefoxId;

// Where browsers fetch a force-installed extension from (ExtensionInstallForcelist).
inline constexpr std::string_view kChromeWebStoreUpdateUrl = "https://clients2.google.com/service/update2/crx";
inline constexpr std::string_view kEdgeAddonsUpdateUrl = "https://edge.microsoft.com/extensionwebstorebase/v1/crx";
// Until a store listing exists, enterprise templates carry this marker in its place.
inline constexpr std::string_view kUnpublishedIdMarker = "REPLACE_WITH_STORE_EXTENSION_ID";

// True for a well-formed Chromium extension id (32 characters a-p).
bool is_chromium_extension_id(std::string_view id);
// True for a Firefox add-on id: "name@domain" or a {GUID}.
bool is_firefox_extension_id(std::string_view id);

// The built-in Chromium ids, without duplicates: the release ids, and the development id
// only in a test-hooks build. The development id comes from a public key committed in this
// repository, so any unpacked extension can claim it: a release `ownvoice install` never
// writes it into a manifest (the release host refuses it too), and IT or the employee adds
// other ids explicitly (`--extension-id`, allowed_extension_ids).
std::vector<std::string> builtin_chromium_ids();
// Called by the test-hooks mains (host/app/test_hooks.cpp) and the install tests' set-up.
void include_development_id_for_tests();
// "chrome-extension://<id>/" for each id.
std::vector<std::string> chromium_origins(const std::vector<std::string>& ids);

}  // namespace ownvoice::install
