// Install and uninstall into a temporary $HOME and machine root: every file where the
// browser reads it, with the right content and permissions, and nothing left afterwards.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "install/installer.hpp"
#include "install/manifest.hpp"
#include "install/receipt.hpp"
#include "policy/allowed_callers.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

namespace ownvoice::install {
namespace {

using testing::file_mode;
using testing::make_fake_executable;
using testing::read_text;
using testing::snapshot;
using testing::TempTree;
using testing::write_text;

int count(const Report& r, const std::string& what) {
  return static_cast<int>(
      std::count_if(r.actions.begin(), r.actions.end(), [&](const Action& a) { return a.what == what; }));
}

class Roundtrip : public ::testing::Test {
 protected:
  void SetUp() override {
    env = tree.linux_env();
    host = tree / "opt/ownvoice/bin/ownvoice-host";
    make_fake_executable(host);
    // Chrome and Firefox are "installed" for this user; Chromium is not.
    fs::create_directories(env.xdg_config_home + "/google-chrome");
    fs::create_directories(env.home + "/.mozilla");
  }
  InstallOptions user_options() const {
    InstallOptions o;
    o.scope = Scope::User;
    o.host_path = host;
    return o;
  }
  TempTree tree;
  Environment env;
  std::string host;
};

TEST_F(Roundtrip, UserInstallWritesDetectedBrowsersAndUninstallRemovesEverything) {
  const auto before_home = snapshot(env.home);
  const Report r = install(user_options(), env);
  ASSERT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.front());

  const std::string chrome = env.xdg_config_home + "/google-chrome/NativeMessagingHosts/org.ownvoice.host.json";
  const std::string firefox = env.home + "/.mozilla/native-messaging-hosts/org.ownvoice.host.json";
  EXPECT_EQ(read_text(chrome), render_manifest(Family::Chromium, host, allowed_callers({})));
  EXPECT_EQ(read_text(firefox), render_manifest(Family::Firefox, host, allowed_callers({})));
  EXPECT_EQ(file_mode(chrome), 0644u);
  EXPECT_EQ(file_mode(firefox), 0644u);
  EXPECT_EQ(file_mode(fs::path(chrome).parent_path().string()), 0755u);
  EXPECT_FALSE(fs::exists(env.xdg_config_home + "/chromium")) << "Chromium is not installed: nothing to write";
  EXPECT_EQ(count(r, "write"), 2);

  const auto m = read_manifest(read_text(chrome));
  EXPECT_EQ(m.path, host);
  EXPECT_NE(std::find(m.callers.begin(), m.callers.end(), std::string(policy::kChromiumDevelopmentId)),
            m.callers.end());

  std::string error;
  const auto receipt = load_receipt(env, Scope::User, error);
  ASSERT_TRUE(receipt.has_value()) << error;
  EXPECT_EQ(receipt->files.size(), 2u);
  EXPECT_EQ(receipt->host_path, host);

  const Report u = uninstall(Scope::User, false, env);
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(snapshot(env.home), before_home) << "uninstall must leave the home folder exactly as it found it";
}

TEST_F(Roundtrip, RerunIsIdempotentAndAMovedHostIsRewritten) {
  ASSERT_TRUE(install(user_options(), env).ok());
  const auto after_first = snapshot(env.home);
  const Report again = install(user_options(), env);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(count(again, "unchanged"), 2);
  EXPECT_EQ(count(again, "write") + count(again, "update"), 0);
  EXPECT_EQ(snapshot(env.home), after_first);

  const std::string moved = tree / "elsewhere/ownvoice-host";
  make_fake_executable(moved);
  InstallOptions o = user_options();
  o.host_path = moved;
  const Report r = install(o, env);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(count(r, "update"), 2);
  EXPECT_EQ(read_manifest(read_text(env.home + "/.mozilla/native-messaging-hosts/org.ownvoice.host.json")).path, moved);
  ASSERT_TRUE(uninstall(Scope::User, false, env).ok());
  EXPECT_FALSE(fs::exists(env.home + "/.mozilla/native-messaging-hosts"));
}

TEST_F(Roundtrip, NeverTouchesAnotherProductsManifest) {
  const std::string other = env.xdg_config_home + "/google-chrome/NativeMessagingHosts/com.example.other.json";
  write_text(other, "{\"name\": \"com.example.other\"}\n");
  const auto before = snapshot(env.home);
  ASSERT_TRUE(install(user_options(), env).ok());
  EXPECT_EQ(read_text(other), "{\"name\": \"com.example.other\"}\n");
  ASSERT_TRUE(uninstall(Scope::User, false, env).ok());
  EXPECT_EQ(snapshot(env.home), before) << "the other product's folder and file stay";
}

TEST_F(Roundtrip, ReplacedFileThatIsNoLongerOursIsKept) {
  ASSERT_TRUE(install(user_options(), env).ok());
  const std::string chrome = env.xdg_config_home + "/google-chrome/NativeMessagingHosts/org.ownvoice.host.json";
  write_text(chrome, "{\"name\": \"com.example.squatter\"}\n");
  const Report u = uninstall(Scope::User, false, env);
  EXPECT_TRUE(fs::exists(chrome));
  EXPECT_EQ(count(u, "keep"), 1);
}

TEST_F(Roundtrip, DryRunChangesNothing) {
  const auto before = snapshot(tree.path());
  InstallOptions o = user_options();
  o.dry_run = true;
  const Report r = install(o, env);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(count(r, "write"), 2);
  EXPECT_EQ(snapshot(tree.path()), before);
}

TEST_F(Roundtrip, NoBrowserFoundIsAnErrorThatNamesTheFlag) {
  fs::remove_all(env.xdg_config_home);
  fs::remove_all(env.home + "/.mozilla");
  const Report r = install(user_options(), env);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.errors.front().find("--browsers"), std::string::npos);
}

TEST_F(Roundtrip, ExplicitBrowsersAreWrittenEvenWhenNotDetected) {
  InstallOptions o = user_options();
  o.browsers = {Browser::Brave, Browser::Vivaldi};
  ASSERT_TRUE(install(o, env).ok());
  EXPECT_TRUE(
      fs::exists(env.xdg_config_home + "/BraveSoftware/Brave-Browser/NativeMessagingHosts/org.ownvoice.host.json"));
  EXPECT_TRUE(fs::exists(env.xdg_config_home + "/vivaldi/NativeMessagingHosts/org.ownvoice.host.json"));
  EXPECT_FALSE(fs::exists(env.xdg_config_home + "/google-chrome/NativeMessagingHosts"));
  ASSERT_TRUE(uninstall(Scope::User, false, env).ok());
  EXPECT_FALSE(fs::exists(env.xdg_config_home + "/BraveSoftware")) << "folders OwnVoice created go too";
}

TEST_F(Roundtrip, SystemInstallWritesEveryBrowserUnderTheRootAndRemovesThemAll) {
  fs::create_directories(env.root + "/usr/lib64");  // a Fedora-like machine: Firefox reads lib64 too
  InstallOptions o;
  o.scope = Scope::System;
  o.host_path = "/usr/bin/ownvoice-host";
  make_fake_executable(env.root + "/usr/bin/ownvoice-host");
  const auto with_host = snapshot(env.root);
  const Report r = install(o, env);
  ASSERT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.front());
  for (const char* p : {"/etc/opt/chrome/native-messaging-hosts", "/etc/chromium/native-messaging-hosts",
                        "/etc/opt/edge/native-messaging-hosts", "/etc/opt/brave/native-messaging-hosts",
                        "/etc/opt/vivaldi/native-messaging-hosts", "/usr/lib/mozilla/native-messaging-hosts",
                        "/usr/lib64/mozilla/native-messaging-hosts"}) {
    const std::string file = env.root + p + "/org.ownvoice.host.json";
    ASSERT_TRUE(fs::exists(file)) << file;
    EXPECT_EQ(file_mode(file), 0644u) << file;
    EXPECT_EQ(read_manifest(read_text(file)).path, "/usr/bin/ownvoice-host");
  }
  EXPECT_TRUE(fs::exists(env.root + "/var/lib/ownvoice/install-receipt.json"));
  EXPECT_FALSE(fs::exists(env.home + "/.local/share/ownvoice")) << "a system install keeps no per-user state";
  ASSERT_TRUE(uninstall(Scope::System, false, env).ok());
  EXPECT_EQ(snapshot(env.root), with_host);
}

TEST_F(Roundtrip, Lib64IsSkippedWhereItDoesNotExist) {
  InstallOptions o;
  o.scope = Scope::System;
  o.host_path = "/usr/bin/ownvoice-host";
  o.browsers = {Browser::Firefox};
  ASSERT_TRUE(install(o, env).ok());
  EXPECT_TRUE(fs::exists(env.root + "/usr/lib/mozilla/native-messaging-hosts/org.ownvoice.host.json"));
  EXPECT_FALSE(fs::exists(env.root + "/usr/lib64"));
}

TEST_F(Roundtrip, SystemExtensionIdGoesIntoTheManifestAndTheSystemPolicyAndComesOutAgain) {
  const std::string policy = env.root + "/etc/ownvoice/policy.json";
  write_text(policy, "{\n  \"company\": \"Lumetra\",\n  \"allowed_extension_ids\": [\"kept@example.org\"]\n}\n");
  const auto before = snapshot(env.root);
  InstallOptions o;
  o.scope = Scope::System;
  o.host_path = "/usr/bin/ownvoice-host";
  o.browsers = {Browser::Chrome, Browser::Firefox};
  o.extension_ids = {"abcdefghijklmnopabcdefghijklmnop", "tester@example.org"};
  ASSERT_TRUE(install(o, env).ok());

  const auto chrome =
      read_manifest(read_text(env.root + "/etc/opt/chrome/native-messaging-hosts/org.ownvoice.host.json"));
  EXPECT_NE(std::find(chrome.callers.begin(), chrome.callers.end(), "abcdefghijklmnopabcdefghijklmnop"),
            chrome.callers.end());
  const auto ff = read_manifest(read_text(env.root + "/usr/lib/mozilla/native-messaging-hosts/org.ownvoice.host.json"));
  EXPECT_NE(std::find(ff.callers.begin(), ff.callers.end(), "tester@example.org"), ff.callers.end());
  const auto doc = nlohmann::json::parse(read_text(policy));
  EXPECT_EQ(doc["company"], "Lumetra");
  EXPECT_EQ(doc["allowed_extension_ids"],
            nlohmann::json({"kept@example.org", "abcdefghijklmnopabcdefghijklmnop", "tester@example.org"}));

  // A later run without --extension-id keeps the ids (package upgrades re-run install).
  InstallOptions rerun = o;
  rerun.extension_ids.clear();
  ASSERT_TRUE(install(rerun, env).ok());
  const auto again =
      read_manifest(read_text(env.root + "/etc/opt/chrome/native-messaging-hosts/org.ownvoice.host.json"));
  EXPECT_NE(std::find(again.callers.begin(), again.callers.end(), "abcdefghijklmnopabcdefghijklmnop"),
            again.callers.end());

  ASSERT_TRUE(uninstall(Scope::System, false, env).ok());
  EXPECT_EQ(nlohmann::json::parse(read_text(policy)),
            nlohmann::json::parse("{\"company\": \"Lumetra\", \"allowed_extension_ids\": [\"kept@example.org\"]}"));
  EXPECT_FALSE(fs::exists(env.root + "/etc/opt/chrome/native-messaging-hosts"));
  EXPECT_FALSE(fs::exists(env.root + "/var/lib/ownvoice"));
}

TEST_F(Roundtrip, UserExtensionIdIsAllowedByTheBrowserAndExplainsTheHostSide) {
  InstallOptions o = user_options();
  o.extension_ids = {"abcdefghijklmnopabcdefghijklmnop"};
  const Report r = install(o, env);
  ASSERT_TRUE(r.ok());
  const auto m =
      read_manifest(read_text(env.xdg_config_home + "/google-chrome/NativeMessagingHosts/org.ownvoice.host.json"));
  EXPECT_NE(std::find(m.callers.begin(), m.callers.end(), "abcdefghijklmnopabcdefghijklmnop"), m.callers.end());
  const bool explained = std::any_of(r.warnings.begin(), r.warnings.end(), [](const std::string& w) {
    return w.find("allowed_extension_ids") != std::string::npos && w.find("--system") != std::string::npos;
  });
  EXPECT_TRUE(explained);
  EXPECT_FALSE(fs::exists(env.xdg_config_home + "/ownvoice/preferences.json"))
      << "the employee's preferences may not hold allowed_extension_ids (the policy loader rejects it)";
}

TEST_F(Roundtrip, RejectsMalformedIdsAndRelativeHostPaths) {
  InstallOptions o = user_options();
  o.extension_ids = {"not-an-id"};
  EXPECT_FALSE(install(o, env).ok());
  o = user_options();
  o.host_path = "bin/ownvoice-host";
  EXPECT_FALSE(install(o, env).ok());
}

TEST_F(Roundtrip, UninstallWithoutReceiptRemovesOnlyOurManifests) {
  InstallOptions o = user_options();
  o.write_receipt = false;
  ASSERT_TRUE(install(o, env).ok());
  const std::string other = env.home + "/.mozilla/native-messaging-hosts/com.example.other.json";
  write_text(other, "{\"name\": \"com.example.other\"}\n");
  const Report u = uninstall(Scope::User, false, env);
  ASSERT_TRUE(u.ok());
  EXPECT_FALSE(fs::exists(env.home + "/.mozilla/native-messaging-hosts/org.ownvoice.host.json"));
  EXPECT_FALSE(fs::exists(env.xdg_config_home + "/google-chrome/NativeMessagingHosts/org.ownvoice.host.json"));
  EXPECT_TRUE(fs::exists(other));
}

TEST_F(Roundtrip, SandboxedBrowsersAreReportedNotWrittenFor) {
  fs::create_directories(env.home + "/.var/app/org.chromium.Chromium/config");
  fs::create_directories(env.root + "/snap/chromium");
  const Report r = install(user_options(), env);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(fs::exists(env.home + "/.var/app/org.chromium.Chromium/config/chromium/NativeMessagingHosts"));
  const auto mentions = [&r](const char* what) {
    return std::any_of(r.warnings.begin(), r.warnings.end(),
                       [what](const std::string& w) { return w.find(what) != std::string::npos; });
  };
  EXPECT_TRUE(mentions("flatpak-spawn"));
  EXPECT_TRUE(mentions("Snap Chromium cannot start a host"));
}

}  // namespace
}  // namespace ownvoice::install
