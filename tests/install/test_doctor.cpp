// `ownvoice doctor` against set-ups broken on purpose: each must be reported as a
// problem, with a fix, and a healthy set-up must pass.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "install/doctor.hpp"
#include "install/installer.hpp"
#include "install/manifest.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

namespace ownvoice::install {
namespace {

using testing::make_fake_executable;
using testing::ScopedEnv;
using testing::TempTree;
using testing::write_text;

class Doctor : public ::testing::Test {
 protected:
  void SetUp() override {
    env = tree.linux_env();
    host = tree / "opt/ownvoice/bin/ownvoice-host";
    make_fake_executable(host);
    fs::create_directories(env.xdg_config_home + "/google-chrome");
    chrome_manifest = env.xdg_config_home + "/google-chrome/NativeMessagingHosts/org.ownvoice.host.json";
  }
  void install_chrome() {
    InstallOptions o;
    o.host_path = host;
    ASSERT_TRUE(install(o, env).ok());
  }
  DoctorReport run() const { return run_doctor(DoctorOptions{}, env); }

  // The first problem whose message contains `text`, or nullptr.
  static const Finding* problem_with(const DoctorReport& r, const std::string& text) {
    for (const auto& f : r.findings) {
      if (f.severity == Severity::Problem && f.message.find(text) != std::string::npos) return &f;
    }
    return nullptr;
  }

  static bool has_problem(const DoctorReport& r, const std::string& text) { return problem_with(r, text) != nullptr; }

  TempTree tree;
  Environment env;
  std::string host;
  std::string chrome_manifest;
  // Keep the real machine's policy, preferences and log out of the checks.
  ScopedEnv data{"OWNVOICE_DATA_DIR", tree / "home/.local/share/ownvoice"};
  ScopedEnv prefs{"OWNVOICE_USER_PREFERENCES", tree / "home/.config/ownvoice/preferences.json"};
  ScopedEnv xdg_config{"XDG_CONFIG_HOME", tree / "home/.config"};
  ScopedEnv system_policy{"OWNVOICE_SYSTEM_POLICY", "/etc/ownvoice/policy.json"};
};

TEST_F(Doctor, HealthyInstallHasNoProblems) {
  install_chrome();
  const auto r = run();
  EXPECT_TRUE(r.ok()) << r.to_text();
  const bool manifest_ok = std::any_of(r.findings.begin(), r.findings.end(), [](const Finding& f) {
    return f.severity == Severity::Ok && f.area == "manifest" && f.browser == "chrome";
  });
  EXPECT_TRUE(manifest_ok) << r.to_text();
}

TEST_F(Doctor, InstalledBrowserWithoutManifest) {
  const auto r = run();
  const Finding* f = problem_with(r, "no OwnVoice host manifest");
  ASSERT_NE(f, nullptr) << r.to_text();
  EXPECT_EQ(f->browser, "chrome");
  EXPECT_EQ(f->fix, "ownvoice install --user --browsers chrome");
  EXPECT_FALSE(r.ok());
}

TEST_F(Doctor, ManifestDeletedAfterInstall) {
  install_chrome();
  fs::remove(chrome_manifest);
  const auto r = run();
  const Finding* f = problem_with(r, "is gone");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->path, chrome_manifest);
}

TEST_F(Doctor, ManifestPointsAtAMissingHost) {
  install_chrome();
  fs::remove(host);  // moved or uninstalled behind our back
  const auto r = run();
  const Finding* f = problem_with(r, "does not exist");
  ASSERT_NE(f, nullptr) << r.to_text();
  EXPECT_NE(f->fix.find("--host-path"), std::string::npos);
}

TEST_F(Doctor, ManifestPointsAtANonExecutableFile) {
  install_chrome();
  write_text(host, "not a program", 0644);
  ASSERT_TRUE(has_problem(run(), "not executable"));
}

TEST_F(Doctor, ManifestLacksOurExtensionId) {
  install_chrome();
  AllowedCallers other;
  other.chromium_ids = {"abcdefghijklmnopabcdefghijklmnop"};
  write_text(chrome_manifest, render_manifest(Family::Chromium, host, other));
  const auto r = run();
  const Finding* f = problem_with(r, "does not allow extension");
  ASSERT_NE(f, nullptr) << r.to_text();
  EXPECT_NE(f->fix.find("--extension-id"), std::string::npos);
}

TEST_F(Doctor, ExtraIdFromTheReceiptMustBeListed) {
  InstallOptions o;
  o.host_path = host;
  o.extension_ids = {"abcdefghijklmnopabcdefghijklmnop"};
  ASSERT_TRUE(install(o, env).ok());
  EXPECT_TRUE(run().ok());
  write_text(chrome_manifest, render_manifest(Family::Chromium, host, allowed_callers({})));
  ASSERT_TRUE(has_problem(run(), "abcdefghijklmnopabcdefghijklmnop"));
}

TEST_F(Doctor, ManifestIsNotJson) {
  install_chrome();
  write_text(chrome_manifest, "{ \"name\": \"org.ownvoice.host\", ");
  ASSERT_TRUE(has_problem(run(), "not valid JSON"));
}

TEST_F(Doctor, FirefoxManifestInAChromeFolder) {
  install_chrome();
  write_text(chrome_manifest, render_manifest(Family::Firefox, host, allowed_callers({})));
  ASSERT_TRUE(has_problem(run(), "allowed_origins"));
}

TEST_F(Doctor, PolicyBlocksNativeHosts) {
  install_chrome();
  write_text(env.root + "/etc/opt/chrome/policies/managed/lockdown.json", R"({"NativeMessagingBlocklist": ["*"]})");
  const auto r = run();
  const Finding* f = problem_with(r, "blocks native messaging hosts");
  ASSERT_NE(f, nullptr) << r.to_text();
  EXPECT_EQ(f->path, "/etc/opt/chrome/policies/managed/lockdown.json");
  EXPECT_NE(f->fix.find("NativeMessagingAllowlist"), std::string::npos);

  // The fix: IT allowlists the host (here in a second file, as the templates do).
  write_text(env.root + "/etc/opt/chrome/policies/managed/ownvoice.json",
             R"({"NativeMessagingAllowlist": ["org.ownvoice.host"]})");
  EXPECT_FALSE(has_problem(run(), "blocks native messaging hosts"));
}

TEST_F(Doctor, PolicyBlocksOurHostByName) {
  install_chrome();
  write_text(env.root + "/etc/opt/chrome/policies/managed/b.json",
             R"({"NativeMessagingBlocklist": ["org.ownvoice.host"]})");
  ASSERT_TRUE(has_problem(run(), "blocks native messaging hosts"));
}

TEST_F(Doctor, UserLevelHostsDisabledWhileOnlyAUserManifestExists) {
  install_chrome();
  write_text(env.root + "/etc/opt/chrome/policies/managed/x.json", R"({"NativeMessagingUserLevelHosts": false})");
  const auto r = run();
  const Finding* f = problem_with(r, "NativeMessagingUserLevelHosts");
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->fix.find("--system"), std::string::npos);
}

TEST_F(Doctor, UnparseableCompanyPolicy) {
  install_chrome();
  write_text(env.root + "/etc/ownvoice/policy.json", "{\"company\": \"Lumetra\",,}");
  const auto r = run();
  const Finding* f = problem_with(r, "company policy is rejected");
  ASSERT_NE(f, nullptr) << r.to_text();
  EXPECT_EQ(f->area, "policy");
}

TEST_F(Doctor, InvalidCompanyPolicyField) {
  install_chrome();
  write_text(env.root + "/etc/ownvoice/policy.json", R"({"default_language": "de"})");
  const auto r = run();
  ASSERT_NE(problem_with(r, "default_language"), nullptr) << r.to_text();
}

TEST_F(Doctor, UnreadableCompanyPolicy) {
  install_chrome();
  fs::create_directories(env.root + "/etc/ownvoice/policy.json");  // readable by nobody as a file, even root
  ASSERT_TRUE(has_problem(run(), "company policy is rejected"));
}

TEST_F(Doctor, ValidCompanyPolicyIsOk) {
  install_chrome();
  write_text(env.root + "/etc/ownvoice/policy.json",
             testing::read_text(std::string(OWNVOICE_SOURCE_DIR) + "/examples/policy.example.json"));
  EXPECT_TRUE(run().ok()) << run().to_text();
}

TEST_F(Doctor, JsonOutputCarriesEveryFinding) {
  const auto j = run().to_json();
  EXPECT_EQ(j["ok"], false);
  EXPECT_GE(j["problems"].get<int>(), 1);
  ASSERT_TRUE(j["findings"].is_array());
  const bool has_fix = std::any_of(j["findings"].begin(), j["findings"].end(), [](const auto& f) {
    return f["severity"] == "problem" && !f["fix"].template get<std::string>().empty();
  });
  EXPECT_TRUE(has_fix);
}

TEST_F(Doctor, SandboxedBrowserIsExplained) {
  fs::create_directories(env.home + "/.var/app/com.google.Chrome");
  install_chrome();
  const auto r = run();
  const bool warned = std::any_of(r.findings.begin(), r.findings.end(), [](const Finding& f) {
    return f.severity == Severity::Warning && f.message.find("flatpak-spawn") != std::string::npos;
  });
  EXPECT_TRUE(warned) << r.to_text();
}

}  // namespace
}  // namespace ownvoice::install
