#pragma once
// The extensions allowed to talk to this host, in one place. The browser already
// enforces the manifest's allowed_origins / allowed_extensions; the host checks again
// because a manifest can be edited or installed by someone else (user-level manifests
// shadow system ones). IT adds ids through the system policy's allowed_extension_ids.
#include <array>
#include <string_view>

namespace ownvoice::policy {

// Chromium extension id of the development build: derived from the public `key` pinned
// in extension/dev-public-key.b64. Anyone can put that public key in an unpacked
// extension's manifest and get this id, so the host accepts it only in a test-hooks build
// (host/app/test_hooks.cpp), never in a release build (first 128 bits of SHA-256 of the DER key, hex digits 0-f
// written a-p). tests/protocol/test_allowed_callers.cpp recomputes it from the manifest.
inline constexpr std::string_view kChromiumDevelopmentId = "hgbilnnlaipdipmikldinehbbgmdkebn";

// Ids the extension stores assign to released builds (Chrome Web Store, Edge Add-ons).
// Empty until the first store release.
inline constexpr std::array<std::string_view, 0> kChromiumReleaseIds = {};

// Firefox uses the id from browser_specific_settings.gecko.id for every build.
inline constexpr std::string_view kFirefoxId = "ownvoice@ownvoice.org";

}  // namespace ownvoice::policy
