#pragma once
// The one browser x OS table: where each supported browser reads native-messaging host
// manifests, per user and machine-wide, on Linux, macOS and Windows, plus what is needed
// to detect it (executables, Flatpak and Snap builds) and where its enterprise policy
// lives. Installer, doctor, packaging and docs all read this table; nothing else lists
// browser paths.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "install/platform.hpp"

namespace ownvoice::install {

enum class Browser { Chrome, Chromium, Edge, Brave, Vivaldi, Firefox };
// Chromium-family manifests list `allowed_origins`; Firefox lists `allowed_extensions`.
enum class Family { Chromium, Firefox };

struct BrowserSpec {
  Browser id;
  std::string_view key;      // "chrome": used on the command line and in receipts
  std::string_view display;  // "Google Chrome"
  Family family;

  // Linux. Per-user folder relative to $XDG_CONFIG_HOME (Chromium family) or $HOME (Firefox).
  std::string_view linux_user_dir;
  std::vector<std::string_view> linux_system_dirs;  // the first is always written
  std::vector<std::string_view> linux_policy_dirs;  // managed policy folders (*.json) or files
  std::vector<std::string_view> linux_executables;
  std::string_view flatpak_app_id;
  std::string_view flatpak_user_dir;  // relative to ~/.var/app/<app-id>/
  std::string_view snap_name;
  std::string_view snap_note;  // what a Snap build of this browser can reach

  // macOS. Per-user folder relative to ~/Library/Application Support; machine-wide absolute.
  std::string_view macos_user_dir;
  std::string_view macos_system_dir;
  std::string_view macos_app;  // bundle name under /Applications

  // Windows: registry vendor paths under Software\ whose NativeMessagingHosts\<host> key
  // points at the manifest. Several Chromium forks read Google Chrome's key (see docs).
  std::vector<std::string_view> windows_registry_vendors;
  std::string_view windows_policy_key;  // under HKLM\Software\Policies\ (empty: none)

  std::string_view note;  // how sure we are of the less documented locations
};

std::span<const BrowserSpec> all_browsers();
const BrowserSpec& spec(Browser b);
std::optional<Browser> parse_browser(std::string_view key);

// Parses "chrome,firefox" or "all". Unknown names are returned in `unknown`.
std::vector<Browser> parse_browser_list(std::string_view list, std::vector<std::string>& unknown);

// One place a manifest is written (file) and, on Windows, the registry keys whose
// (Default) value names that file.
struct ManifestLocation {
  Browser browser;
  Scope scope;
  std::string manifest_path;               // logical path (as the browser sees it)
  std::vector<std::string> registry_keys;  // Windows only: "HKEY_CURRENT_USER\Software\...\org.ownvoice.host"
  bool optional = false;                   // written only when its parent folder exists (/usr/lib64)
};

std::vector<ManifestLocation> manifest_locations(Browser b, Scope scope, const Environment& env);

// Markdown table of every location for every browser, OS and scope (docs and README).
std::string location_table_markdown();

}  // namespace ownvoice::install
