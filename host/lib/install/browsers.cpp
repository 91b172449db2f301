#include "install/browsers.hpp"

#include <algorithm>
#include <array>
#include <sstream>
#include <stdexcept>

#include "install/extension_ids.hpp"

namespace ownvoice::install {

namespace {

// Sources: developer.chrome.com "Native messaging" (Chrome, Chromium paths), Microsoft
// Edge "Native messaging" docs, MDN "Native manifests" (Firefox), and issues quoted in
// docs/deployment.md for Brave and Vivaldi (keepassxc-browser #48, keepassxc #5111).
const std::array<BrowserSpec, 6>& table() {
  static const std::array<BrowserSpec, 6> rows{{
      {Browser::Chrome,
       "chrome",
       "Google Chrome",
       Family::Chromium,
       "google-chrome/NativeMessagingHosts",
       {"/etc/opt/chrome/native-messaging-hosts"},
       {"/etc/opt/chrome/policies/managed"},
       {"google-chrome", "google-chrome-stable", "google-chrome-beta"},
       "com.google.Chrome",
       "config/google-chrome/NativeMessagingHosts",
       "",
       "",
       "Google/Chrome/NativeMessagingHosts",
       "/Library/Google/Chrome/NativeMessagingHosts",
       "Google Chrome.app",
       {"Google\\Chrome"},
       "Google\\Chrome",
       "documented by Google"},
      {Browser::Chromium,
       "chromium",
       "Chromium",
       Family::Chromium,
       "chromium/NativeMessagingHosts",
       {"/etc/chromium/native-messaging-hosts"},
       {"/etc/chromium/policies/managed"},
       {"chromium", "chromium-browser"},
       "org.chromium.Chromium",
       "config/chromium/NativeMessagingHosts",
       "chromium",
       "Snap Chromium cannot start a host outside its confinement; install Chromium from your "
       "distribution's packages, Flatpak with flatpak-spawn, or use Google Chrome",
       "Chromium/NativeMessagingHosts",
       "/Library/Application Support/Chromium/NativeMessagingHosts",
       "Chromium.app",
       {"Chromium", "Google\\Chrome"},
       "Chromium",
       "documented by Google; on Windows Chromium builds also read Google Chrome's key (keepassxc #5111)"},
      {Browser::Edge,
       "edge",
       "Microsoft Edge",
       Family::Chromium,
       "microsoft-edge/NativeMessagingHosts",
       {"/etc/opt/edge/native-messaging-hosts"},
       {"/etc/opt/edge/policies/managed"},
       {"microsoft-edge", "microsoft-edge-stable", "microsoft-edge-beta"},
       "com.microsoft.Edge",
       "config/microsoft-edge/NativeMessagingHosts",
       "",
       "",
       "Microsoft Edge/NativeMessagingHosts",
       "/Library/Microsoft/Edge/NativeMessagingHosts",
       "Microsoft Edge.app",
       {"Microsoft\\Edge"},
       "Microsoft\\Edge",
       "documented by Microsoft"},
      {Browser::Brave,
       "brave",
       "Brave",
       Family::Chromium,
       "BraveSoftware/Brave-Browser/NativeMessagingHosts",
       {"/etc/opt/brave/native-messaging-hosts"},
       {"/etc/brave/policies/managed"},
       {"brave-browser", "brave", "brave-browser-stable"},
       "com.brave.Browser",
       "config/BraveSoftware/Brave-Browser/NativeMessagingHosts",
       "brave",
       "Snap Brave cannot start a host outside its confinement (brave-browser #17537); use the .deb/.rpm build",
       "BraveSoftware/Brave-Browser/NativeMessagingHosts",
       "/Library/BraveSoftware/Brave-Browser/NativeMessagingHosts",
       "Brave Browser.app",
       {"BraveSoftware\\Brave-Browser", "Google\\Chrome"},
       "BraveSoftware\\Brave",
       "per-user paths reported by users; machine-wide paths follow Brave's Chromium branding (unverified)"},
      {Browser::Vivaldi,
       "vivaldi",
       "Vivaldi",
       Family::Chromium,
       "vivaldi/NativeMessagingHosts",
       {"/etc/opt/vivaldi/native-messaging-hosts"},
       {"/etc/opt/vivaldi/policies/managed"},
       {"vivaldi", "vivaldi-stable", "vivaldi-snapshot"},
       "com.vivaldi.Vivaldi",
       "config/vivaldi/NativeMessagingHosts",
       "",
       "",
       "Vivaldi/NativeMessagingHosts",
       "/Library/Application Support/Vivaldi/NativeMessagingHosts",
       "Vivaldi.app",
       {"Google\\Chrome"},
       "",
       "per-user paths reported by users; on Windows Vivaldi reads Google Chrome's key (keepassxc-browser #48)"},
      {Browser::Firefox,
       "firefox",
       "Mozilla Firefox",
       Family::Firefox,
       ".mozilla/native-messaging-hosts",
       {"/usr/lib/mozilla/native-messaging-hosts", "/usr/lib64/mozilla/native-messaging-hosts"},
       {"/etc/firefox/policies/policies.json", "/etc/firefox-esr/policies/policies.json",
        "/usr/lib/firefox/distribution/policies.json", "/usr/lib/firefox-esr/distribution/policies.json"},
       {"firefox", "firefox-esr"},
       "org.mozilla.firefox",
       ".mozilla/native-messaging-hosts",
       "firefox",
       "Snap Firefox starts hosts through the WebExtensions portal and reads ~/.mozilla/native-messaging-hosts "
       "(needs xdg-desktop-portal 1.16+)",
       "Mozilla/NativeMessagingHosts",
       "/Library/Application Support/Mozilla/NativeMessagingHosts",
       "Firefox.app",
       {"Mozilla"},
       "Mozilla\\Firefox",
       "documented by Mozilla (MDN)"},
  }};
  return rows;
}

std::string manifest_file_name() { return std::string(kHostName) + ".json"; }

// Windows keeps the manifest in our own folder; every Chromium-family browser can share
// one file because the content is identical, so one registry value never has two meanings.
std::string windows_manifest_name(Family f) {
  return std::string(kHostName) + (f == Family::Firefox ? ".firefox.json" : ".chromium.json");
}

}  // namespace

std::span<const BrowserSpec> all_browsers() { return {table().data(), table().size()}; }

const BrowserSpec& spec(Browser b) {
  for (const auto& row : table()) {
    if (row.id == b) return row;
  }
  throw std::logic_error("browser missing from the table");
}

std::optional<Browser> parse_browser(std::string_view key) {
  for (const auto& row : table()) {
    if (row.key == key) return row.id;
  }
  if (key == "google-chrome") return Browser::Chrome;
  if (key == "msedge" || key == "microsoft-edge") return Browser::Edge;
  if (key == "firefox-esr") return Browser::Firefox;
  return std::nullopt;
}

std::vector<Browser> parse_browser_list(std::string_view list, std::vector<std::string>& unknown) {
  std::vector<Browser> out;
  auto add = [&out](Browser b) {
    if (std::find(out.begin(), out.end(), b) == out.end()) out.push_back(b);
  };
  std::size_t pos = 0;
  while (pos <= list.size()) {
    std::size_t comma = list.find(',', pos);
    if (comma == std::string_view::npos) comma = list.size();
    std::string_view item = list.substr(pos, comma - pos);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item == "all") {
      for (const auto& row : table()) add(row.id);
    } else if (!item.empty()) {
      if (auto b = parse_browser(item)) {
        add(*b);
      } else {
        unknown.emplace_back(item);
      }
    }
    pos = comma + 1;
  }
  return out;
}

std::vector<ManifestLocation> manifest_locations(Browser b, Scope scope, const Environment& env) {
  const BrowserSpec& s = spec(b);
  std::vector<ManifestLocation> out;
  switch (env.os) {
    case Os::Linux:
      if (scope == Scope::User) {
        const std::string& base = s.family == Family::Firefox ? env.home : env.xdg_config_home;
        out.push_back({b, scope, env.join(env.join(base, s.linux_user_dir), manifest_file_name()), {}, false});
      } else {
        bool first = true;
        for (auto dir : s.linux_system_dirs) {
          out.push_back({b, scope, env.join(dir, manifest_file_name()), {}, !first});
          first = false;
        }
      }
      break;
    case Os::MacOS: {
      const std::string dir = scope == Scope::User
                                  ? env.join(env.join(env.home, "Library/Application Support"), s.macos_user_dir)
                                  : std::string(s.macos_system_dir);
      out.push_back({b, scope, env.join(dir, manifest_file_name()), {}, false});
      break;
    }
    case Os::Windows: {
      const std::string dir = scope == Scope::User ? env.join(env.local_app_data, "OwnVoice\\NativeMessagingHosts")
                                                   : env.join(env.program_files, "OwnVoice\\NativeMessagingHosts");
      ManifestLocation loc{b, scope, env.join(dir, windows_manifest_name(s.family)), {}, false};
      const std::string hive = scope == Scope::User ? "HKEY_CURRENT_USER" : "HKEY_LOCAL_MACHINE";
      for (auto vendor : s.windows_registry_vendors) {
        loc.registry_keys.push_back(hive + "\\Software\\" + std::string(vendor) + "\\NativeMessagingHosts\\" +
                                    std::string(kHostName));
      }
      out.push_back(std::move(loc));
      break;
    }
  }
  return out;
}

std::string location_table_markdown() {
  std::ostringstream md;
  md << "| browser | Linux, per user | Linux, machine-wide | macOS, per user | macOS, machine-wide | "
        "Windows (HKCU per user, HKLM machine-wide; (Default) = manifest path) |\n"
     << "|---|---|---|---|---|---|\n";
  for (const auto& s : table()) {
    const std::string linux_user =
        std::string(s.family == Family::Firefox ? "~/" : "~/.config/") + std::string(s.linux_user_dir);
    std::string linux_system;
    for (auto dir : s.linux_system_dirs) {
      if (!linux_system.empty()) linux_system += "<br>";
      linux_system += "`" + std::string(dir) + "`";
    }
    std::string windows;
    for (auto vendor : s.windows_registry_vendors) {
      if (!windows.empty()) windows += "<br>";
      windows += "`Software\\" + std::string(vendor) + "\\NativeMessagingHosts\\" + std::string(kHostName) + "`";
    }
    md << "| " << s.display << " | `" << linux_user << "` | " << linux_system << " | `~/Library/Application Support/"
       << s.macos_user_dir << "` | `" << s.macos_system_dir << "` | " << windows << " |\n";
  }
  return md.str();
}

}  // namespace ownvoice::install
