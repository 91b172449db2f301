// The commands as the `ownvoice` program registers them: argument parsing, exit
// statuses and output, over the real library and a temporary tree.
#include <gtest/gtest.h>

#include <filesystem>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/cmd_doctor.hpp"
#include "cli/cmd_install.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

namespace ownvoice::install {
namespace {

using testing::make_fake_executable;
using testing::ScopedEnv;
using testing::TempTree;

class Cli : public ::testing::Test {
 protected:
  int run(std::vector<std::string> args) {
    CLI::App app("ownvoice");
    app.require_subcommand(1);
    int code = -1;
    cli::add_install_commands(app, code);
    cli::add_doctor_command(app, code);
    std::vector<const char*> argv{"ownvoice"};
    for (const auto& a : args) argv.push_back(a.c_str());
    ::testing::internal::CaptureStdout();
    ::testing::internal::CaptureStderr();
    try {
      app.parse(static_cast<int>(argv.size()), argv.data());
    } catch (const CLI::ParseError& e) {
      code = app.exit(e);
    }
    out = ::testing::internal::GetCapturedStdout();
    err = ::testing::internal::GetCapturedStderr();
    return code;
  }
  void SetUp() override {
    make_fake_executable(host);
    fs::create_directories(tree / "home/.config/google-chrome");
  }

  TempTree tree;
  std::string host = tree / "opt/bin/ownvoice-host";
  std::string root = tree / "root";
  std::string out;
  std::string err;
  ScopedEnv home{"HOME", tree / "home"};
  ScopedEnv xdg_config{"XDG_CONFIG_HOME", tree / "home/.config"};
  ScopedEnv xdg_data{"XDG_DATA_HOME", tree / "home/.local/share"};
  ScopedEnv data{"OWNVOICE_DATA_DIR", tree / "home/.local/share/ownvoice"};
  ScopedEnv prefs{"OWNVOICE_USER_PREFERENCES", tree / "home/.config/ownvoice/preferences.json"};
  ScopedEnv system_policy{"OWNVOICE_SYSTEM_POLICY", "/etc/ownvoice/policy.json"};
  ScopedEnv path{"PATH", "/usr/bin:/bin"};
};

TEST_F(Cli, InstallDoctorUninstall) {
  ASSERT_EQ(run({"install", "--user", "--host-path", host, "--root", root}), 0) << err;
  EXPECT_NE(out.find("write"), std::string::npos);
  EXPECT_TRUE(fs::exists(tree / "home/.config/google-chrome/NativeMessagingHosts/org.ownvoice.host.json"));

  ASSERT_EQ(run({"doctor", "--root", root, "--json"}), 0) << out;
  const auto report = nlohmann::json::parse(out);
  EXPECT_EQ(report["ok"], true);

  ASSERT_EQ(run({"uninstall", "--root", root}), 0) << err;
  EXPECT_FALSE(fs::exists(tree / "home/.config/google-chrome/NativeMessagingHosts"));

  EXPECT_EQ(run({"doctor", "--root", root}), 1) << "Chrome is installed but has no manifest any more";
  EXPECT_NE(out.find("PROBLEM"), std::string::npos);
  EXPECT_NE(out.find("fix: ownvoice install --user --browsers chrome"), std::string::npos);
}

TEST_F(Cli, DryRunJsonListsThePlanForAnotherOs) {
  ASSERT_EQ(run({"install", "--os", "windows", "--dry-run", "--json", "--browsers", "all"}), 0) << err;
  const auto report = nlohmann::json::parse(out);
  bool chrome_key = false;
  for (const auto& a : report["actions"]) {
    if (a["action"] == "registry" &&
        a["path"] == "HKEY_CURRENT_USER\\Software\\Google\\Chrome\\NativeMessagingHosts\\org.ownvoice.host") {
      chrome_key = true;
    }
  }
  EXPECT_TRUE(chrome_key) << out;
  EXPECT_NE(run({"install", "--os", "windows", "--browsers", "all"}), 0) << "writing for another OS is refused";
}

TEST_F(Cli, UsageErrors) {
  EXPECT_EQ(run({"install", "--browsers", "netscape", "--root", root}), 64);
  EXPECT_NE(err.find("netscape"), std::string::npos);
  EXPECT_NE(run({"install", "--user", "--system"}), 0);
  EXPECT_NE(run({"install", "--extension-id", "nope", "--host-path", host, "--root", root}), 0);
}

TEST_F(Cli, EnterpriseTemplatesFromAPolicyFile) {
  const std::string dir = tree / "templates";
  ASSERT_EQ(run({"enterprise-templates", "--out", dir, "--policy",
                 std::string(OWNVOICE_SOURCE_DIR) + "/examples/policy.example.json", "--chrome-id",
                 "abcdefghijklmnopabcdefghijklmnop"}),
            0)
      << err;
  const auto chrome = nlohmann::json::parse(testing::read_text(dir + "/linux/chrome/ownvoice.json"));
  EXPECT_EQ(chrome["3rdparty"]["extensions"]["abcdefghijklmnopabcdefghijklmnop"]["policy"]["company"], "Lumetra");
  EXPECT_TRUE(fs::exists(dir + "/windows/ownvoice-policies.reg"));
  EXPECT_TRUE(fs::exists(dir + "/macos/ownvoice.mobileconfig"));
  EXPECT_TRUE(fs::exists(dir + "/firefox/policies.json"));
  EXPECT_EQ(run({"enterprise-templates", "--out", dir, "--policy", tree / "missing.json"}), 66);
}

}  // namespace
}  // namespace ownvoice::install
