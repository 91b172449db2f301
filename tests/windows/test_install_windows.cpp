// `ownvoice install / uninstall / doctor` on Windows, the real ownvoice.exe against the
// real registry (Wine's here): HKCU for --user, HKLM for --system, for Chrome, Edge,
// Chromium, Brave and Firefox, in an accented user folder.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "win_process.hpp"

namespace ownvoice::wintest {
namespace {

using nlohmann::json;

// Where each browser looks (docs/deployment.md): Brave and Chromium also read Chrome's key.
const std::vector<std::string> kVendors = {"Google\\Chrome", "Microsoft\\Edge", "Chromium",
                                           "BraveSoftware\\Brave-Browser", "Mozilla"};
std::string key(const std::string& hive, const std::string& vendor) {
  return hive + "\\Software\\" + vendor + "\\NativeMessagingHosts\\org.ownvoice.host";
}

class WindowsInstall : public ::testing::Test {
 protected:
  TempDir tmp{"Users\\Hélène Müller\\AppData\\Local"};
  std::string profile = tmp.path() + "\\Users\\Hélène Müller";
  std::string local = profile + "\\AppData\\Local";
  std::string cli = windows_path(OWNVOICE_CLI_BINARY);
  std::string host = windows_path(OWNVOICE_HOST_BINARY);

  void TearDown() override {
    ownvoice({"uninstall", "--user"});
    ownvoice({"uninstall", "--system"});
  }
  ProcessResult ownvoice(std::vector<std::string> args) const {
    args.insert(args.begin(), cli);
    return run(args, {},
               {{"USERPROFILE", profile},
                {"LOCALAPPDATA", local},
                {"APPDATA", profile + "\\AppData\\Roaming"},
                {"ProgramFiles", tmp.path() + "\\Program Files"},
                {"ProgramData", tmp.path() + "\\ProgramData"}});
  }
  // Every browser's key names an existing manifest, and that manifest names our host.
  void expect_registered(const std::string& hive) {
    for (const auto& vendor : kVendors) {
      const RegValue v = reg_query_default(key(hive, vendor));
      ASSERT_TRUE(v.found) << key(hive, vendor);
      ASSERT_TRUE(file_exists(v.value)) << v.value;
      const json manifest = json::parse(read_file(v.value));
      EXPECT_EQ(manifest["name"], "org.ownvoice.host");
      EXPECT_EQ(manifest["path"], host) << v.value;
      EXPECT_EQ(manifest.contains("allowed_extensions"), vendor == "Mozilla");
    }
  }
  void expect_unregistered(const std::string& hive) {
    for (const auto& vendor : kVendors) EXPECT_FALSE(reg_key_exists(key(hive, vendor))) << key(hive, vendor);
  }
  std::string doctor() const {
    const ProcessResult r = ownvoice({"doctor", "--user"});
    std::string text = r.out + r.err;
    std::erase(text, '\r');  // the console's text mode writes CR LF
    return text;
  }
};

TEST_F(WindowsInstall, UserInstallWritesManifestsAndHkcuKeysAndUninstallRemovesExactlyThose) {
  expect_unregistered("HKEY_CURRENT_USER");
  // A key of someone else's host under the same browser must survive our uninstall.
  ASSERT_TRUE(reg_run({"add", "HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts\\com.other.host", "/ve", "/d",
                       "C:\\other.json", "/f"}));
  const ProcessResult install = ownvoice({"install", "--user", "--browsers", "chrome,edge,chromium,brave,firefox"});
  ASSERT_EQ(install.exit_code, 0u) << install.out << install.err;
  expect_registered("HKEY_CURRENT_USER");
  const std::string manifest = reg_query_default(key("HKEY_CURRENT_USER", "Mozilla")).value;
  EXPECT_EQ(manifest.rfind(local + "\\OwnVoice\\", 0), 0u) << manifest;

  const ProcessResult uninstall = ownvoice({"uninstall", "--user"});
  ASSERT_EQ(uninstall.exit_code, 0u) << uninstall.out << uninstall.err;
  expect_unregistered("HKEY_CURRENT_USER");
  EXPECT_FALSE(file_exists(manifest));
  EXPECT_EQ(
      reg_query_default("HKEY_CURRENT_USER\\Software\\Google\\Chrome\\NativeMessagingHosts\\com.other.host").value,
      "C:\\other.json");
  reg_run({"delete", "HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts\\com.other.host", "/f"});
}

TEST_F(WindowsInstall, SystemInstallWritesHklmKeysAndUninstallRemovesThem) {
  const ProcessResult install = ownvoice({"install", "--system", "--browsers", "chrome,edge,chromium,brave,firefox"});
  ASSERT_EQ(install.exit_code, 0u) << install.out << install.err;
  expect_registered("HKEY_LOCAL_MACHINE");
  expect_unregistered("HKEY_CURRENT_USER");
  const ProcessResult uninstall = ownvoice({"uninstall", "--system"});
  ASSERT_EQ(uninstall.exit_code, 0u) << uninstall.out << uninstall.err;
  expect_unregistered("HKEY_LOCAL_MACHINE");
}

TEST_F(WindowsInstall, DoctorFindsAMissingKey) {
  ASSERT_EQ(ownvoice({"install", "--user", "--browsers", "edge"}).exit_code, 0u);
  // Edge's own key, named on the line after the finding.
  const std::string finding =
      "the registry key is missing, so the browser cannot find the host\n"
      "              HKEY_CURRENT_USER\\Software\\Microsoft\\Edge\\NativeMessagingHosts\\org.ownvoice.host";
  EXPECT_EQ(doctor().find(finding), std::string::npos) << doctor();
  ASSERT_TRUE(reg_run({"delete", "HKCU\\Software\\Microsoft\\Edge\\NativeMessagingHosts\\org.ownvoice.host", "/f"}));
  EXPECT_NE(doctor().find(finding), std::string::npos) << doctor();
}

TEST_F(WindowsInstall, DoctorFindsAKeyPointingAtAMissingFile) {
  ASSERT_EQ(ownvoice({"install", "--user", "--browsers", "edge"}).exit_code, 0u);
  ASSERT_TRUE(reg_run({"add", "HKCU\\Software\\Microsoft\\Edge\\NativeMessagingHosts\\org.ownvoice.host", "/ve", "/d",
                       "C:\\nowhere\\org.ownvoice.host.json", "/f"}));
  const std::string report = doctor();
  EXPECT_NE(report.find("points at a manifest that does not exist"), std::string::npos) << report;
}

TEST_F(WindowsInstall, DoctorFindsAWrongExtensionId) {
  ASSERT_EQ(ownvoice({"install", "--user", "--browsers", "edge"}).exit_code, 0u);
  const std::string manifest = reg_query_default(key("HKEY_CURRENT_USER", "Microsoft\\Edge")).value;
  json m = json::parse(read_file(manifest));
  m["allowed_origins"] = json::array({"chrome-extension://abcdefghijklmnopabcdefghijklmnop/"});
  write_file(manifest, m.dump(2));
  const std::string report = doctor();
  EXPECT_NE(report.find("does not allow extension"), std::string::npos) << report;
}

}  // namespace
}  // namespace ownvoice::wintest
