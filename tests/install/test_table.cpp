// The browser x OS table: the locations each browser reads, the id table shared with the
// host's allowlist, and the docs generated from the table.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "install/browsers.hpp"
#include "install/extension_ids.hpp"
#include "install/files.hpp"
#include "policy/allowed_callers.hpp"
#include "test_support.hpp"

namespace ownvoice::install {
namespace {

Environment env_for(Os os) {
  Environment e = Environment::from_process(os, "");
  if (os == Os::Linux) {
    e.home = "/home/u";
    e.xdg_config_home = "/home/u/.config";
    e.xdg_data_home = "/home/u/.local/share";
  } else if (os == Os::MacOS) {
    e.home = "/Users/u";
  }
  return e;
}

std::string only_path(Browser b, Scope s, Os os) {
  const auto locs = manifest_locations(b, s, env_for(os));
  return locs.empty() ? std::string() : locs.front().manifest_path;
}

TEST(BrowserTable, LinuxPerUserFoldersAreWhereEachBrowserLooks) {
  EXPECT_EQ(only_path(Browser::Chrome, Scope::User, Os::Linux),
            "/home/u/.config/google-chrome/NativeMessagingHosts/org.ownvoice.host.json");
  EXPECT_EQ(only_path(Browser::Chromium, Scope::User, Os::Linux),
            "/home/u/.config/chromium/NativeMessagingHosts/org.ownvoice.host.json");
  EXPECT_EQ(only_path(Browser::Edge, Scope::User, Os::Linux),
            "/home/u/.config/microsoft-edge/NativeMessagingHosts/org.ownvoice.host.json");
  EXPECT_EQ(only_path(Browser::Brave, Scope::User, Os::Linux),
            "/home/u/.config/BraveSoftware/Brave-Browser/NativeMessagingHosts/org.ownvoice.host.json");
  EXPECT_EQ(only_path(Browser::Vivaldi, Scope::User, Os::Linux),
            "/home/u/.config/vivaldi/NativeMessagingHosts/org.ownvoice.host.json");
  EXPECT_EQ(only_path(Browser::Firefox, Scope::User, Os::Linux),
            "/home/u/.mozilla/native-messaging-hosts/org.ownvoice.host.json");
}

TEST(BrowserTable, LinuxMachineWideFolders) {
  EXPECT_EQ(only_path(Browser::Chrome, Scope::System, Os::Linux),
            "/etc/opt/chrome/native-messaging-hosts/org.ownvoice.host.json");
  EXPECT_EQ(only_path(Browser::Chromium, Scope::System, Os::Linux),
            "/etc/chromium/native-messaging-hosts/org.ownvoice.host.json");
  EXPECT_EQ(only_path(Browser::Edge, Scope::System, Os::Linux),
            "/etc/opt/edge/native-messaging-hosts/org.ownvoice.host.json");
  const auto ff = manifest_locations(Browser::Firefox, Scope::System, env_for(Os::Linux));
  ASSERT_EQ(ff.size(), 2u);
  EXPECT_EQ(ff[0].manifest_path, "/usr/lib/mozilla/native-messaging-hosts/org.ownvoice.host.json");
  EXPECT_FALSE(ff[0].optional);
  EXPECT_EQ(ff[1].manifest_path, "/usr/lib64/mozilla/native-messaging-hosts/org.ownvoice.host.json");
  EXPECT_TRUE(ff[1].optional);
}

TEST(BrowserTable, MacOsFolders) {
  EXPECT_EQ(only_path(Browser::Chrome, Scope::User, Os::MacOS),
            "/Users/u/Library/Application Support/Google/Chrome/NativeMessagingHosts/org.ownvoice.host.json");
  EXPECT_EQ(only_path(Browser::Chrome, Scope::System, Os::MacOS),
            "/Library/Google/Chrome/NativeMessagingHosts/org.ownvoice.host.json");
  EXPECT_EQ(only_path(Browser::Firefox, Scope::System, Os::MacOS),
            "/Library/Application Support/Mozilla/NativeMessagingHosts/org.ownvoice.host.json");
}

TEST(BrowserTable, WindowsRegistersUnderEachVendorKeyAndSharesOneFilePerFamily) {
  const auto env = env_for(Os::Windows);
  const auto chrome = manifest_locations(Browser::Chrome, Scope::User, env).front();
  EXPECT_EQ(
      chrome.registry_keys,
      std::vector<std::string>{"HKEY_CURRENT_USER\\Software\\Google\\Chrome\\NativeMessagingHosts\\org.ownvoice.host"});
  const auto vivaldi = manifest_locations(Browser::Vivaldi, Scope::User, env).front();
  EXPECT_EQ(vivaldi.manifest_path, chrome.manifest_path) << "Vivaldi reads Chrome's key, so it must share the file";
  const auto edge = manifest_locations(Browser::Edge, Scope::System, env).front();
  EXPECT_EQ(edge.registry_keys.front(),
            "HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Edge\\NativeMessagingHosts\\org.ownvoice.host");
  const auto ff = manifest_locations(Browser::Firefox, Scope::User, env).front();
  EXPECT_EQ(ff.registry_keys.front(), "HKEY_CURRENT_USER\\Software\\Mozilla\\NativeMessagingHosts\\org.ownvoice.host");
  EXPECT_NE(ff.manifest_path, chrome.manifest_path);
  EXPECT_EQ(ff.manifest_path.rfind("C:\\Users\\user\\AppData\\Local\\OwnVoice\\", 0), 0u) << ff.manifest_path;
}

TEST(BrowserTable, EveryBrowserHasALocationOnEveryOsAndScope) {
  for (Os os : {Os::Linux, Os::MacOS, Os::Windows}) {
    std::set<std::string> seen_non_windows;
    for (const auto& s : all_browsers()) {
      for (Scope scope : {Scope::User, Scope::System}) {
        const auto locs = manifest_locations(s.id, scope, env_for(os));
        ASSERT_FALSE(locs.empty()) << s.key << " " << to_string(os) << " " << to_string(scope);
        for (const auto& l : locs) {
          EXPECT_NE(l.manifest_path.find("org.ownvoice.host"), std::string::npos);
          if (os == Os::Windows) {
            EXPECT_FALSE(l.registry_keys.empty()) << s.key;
          } else {
            // Off Windows every browser has folders of its own.
            EXPECT_TRUE(seen_non_windows.insert(l.manifest_path).second) << l.manifest_path;
          }
        }
      }
    }
  }
}

TEST(BrowserTable, ParsesBrowserLists) {
  std::vector<std::string> unknown;
  EXPECT_EQ(parse_browser_list("chrome, firefox,chrome", unknown),
            (std::vector<Browser>{Browser::Chrome, Browser::Firefox}));
  EXPECT_TRUE(unknown.empty());
  EXPECT_EQ(parse_browser_list("all", unknown).size(), all_browsers().size());
  parse_browser_list("chrome,netscape", unknown);
  EXPECT_EQ(unknown, std::vector<std::string>{"netscape"});
}

TEST(ExtensionIds, AreTheHostAllowlistsIds) {
  const auto ids = builtin_chromium_ids();
  EXPECT_NE(std::find(ids.begin(), ids.end(), std::string(policy::kChromiumDevelopmentId)), ids.end());
  for (auto id : policy::kChromiumReleaseIds) {
    EXPECT_NE(std::find(ids.begin(), ids.end(), std::string(id)), ids.end());
  }
  EXPECT_EQ(kFirefoxExtensionId, policy::kFirefoxId);
}

TEST(ExtensionIds, DevelopmentIdMatchesTheExtensionFolder) {
  auto text = read_file(std::string(OWNVOICE_SOURCE_DIR) + "/extension/DEV_EXTENSION_ID");
  ASSERT_TRUE(text.has_value()) << "extension/DEV_EXTENSION_ID is missing";
  while (!text->empty() && (text->back() == '\n' || text->back() == ' ')) text->pop_back();
  EXPECT_EQ(*text, policy::kChromiumDevelopmentId);
  EXPECT_TRUE(is_chromium_extension_id(*text));
}

TEST(ExtensionIds, RecognisesIdSyntax) {
  EXPECT_TRUE(is_chromium_extension_id("abcdefghijklmnopabcdefghijklmnop"));
  EXPECT_FALSE(is_chromium_extension_id("abcdefghijklmnopabcdefghijklmnoq"));  // q is not a-p
  EXPECT_FALSE(is_chromium_extension_id("abcdefghijklmnop"));
  EXPECT_TRUE(is_firefox_extension_id("ownvoice@ownvoice.org"));
  EXPECT_TRUE(is_firefox_extension_id("{01234567-89ab-cdef-0123-456789abcdef}"));
  EXPECT_FALSE(is_firefox_extension_id("no spaces@x.org"));
  EXPECT_FALSE(is_firefox_extension_id("plainword"));
}

TEST(Docs, DeploymentGuideCarriesTheGeneratedLocationTable) {
  const auto doc = read_file(std::string(OWNVOICE_SOURCE_DIR) + "/docs/deployment.md");
  ASSERT_TRUE(doc.has_value());
  EXPECT_NE(doc->find(location_table_markdown()), std::string::npos)
      << "docs/deployment.md's location table is out of date; paste this:\n"
      << location_table_markdown();
}

}  // namespace
}  // namespace ownvoice::install
