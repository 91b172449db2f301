// Golden files for everything rendered: each browser's manifest on each OS, every
// location, the Windows registration, and the enterprise policy templates. A change in
// any of them must be reviewed as a diff of tests/install/golden/.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "install/browsers.hpp"
#include "install/enterprise.hpp"
#include "install/files.hpp"
#include "install/installer.hpp"
#include "install/manifest.hpp"
#include "install/registry.hpp"
#include "test_support.hpp"

namespace ownvoice::install {
namespace {

using testing::expect_golden;

Environment stock_env(Os os) {
  Environment e = Environment::from_process(os, "");
  if (os == Os::Linux) {
    e.home = "/home/user";
    e.xdg_config_home = "/home/user/.config";
    e.xdg_data_home = "/home/user/.local/share";
  }
  e.home = os == Os::MacOS ? "/Users/user" : e.home;
  return e;
}

std::string host_path_for(Os os) {
  switch (os) {
    case Os::Linux: return "/usr/bin/ownvoice-host";
    case Os::MacOS: return "/usr/local/bin/ownvoice-host";
    case Os::Windows: return "C:\\Program Files\\OwnVoice\\bin\\ownvoice-host.exe";
  }
  return {};
}

TEST(Golden, ManifestPerBrowserAndOs) {
  for (Os os : {Os::Linux, Os::MacOS, Os::Windows}) {
    for (const auto& s : all_browsers()) {
      const std::string text = render_manifest(s.family, host_path_for(os), allowed_callers({}));
      expect_golden(std::string(to_string(os)) + "/" + std::string(s.key) + ".json", text);
      // The rendering must also read back as what it claims to be.
      const ManifestInfo m = read_manifest(text);
      EXPECT_TRUE(m.parsed);
      EXPECT_EQ(m.path, host_path_for(os));
      EXPECT_EQ(m.name, "org.ownvoice.host");
    }
  }
}

TEST(Golden, LocationsPerOsAndScope) {
  for (Os os : {Os::Linux, Os::MacOS, Os::Windows}) {
    std::ostringstream out;
    for (Scope scope : {Scope::User, Scope::System}) {
      out << "# " << to_string(scope) << "\n";
      for (const auto& s : all_browsers()) {
        for (const auto& l : manifest_locations(s.id, scope, stock_env(os))) {
          out << s.key << "\t" << l.manifest_path << (l.optional ? "\t(when the folder above exists)" : "") << "\n";
          for (const auto& k : l.registry_keys) out << s.key << "\t" << k << "\t(Default)\n";
        }
      }
    }
    expect_golden(std::string(to_string(os)) + "/locations.txt", out.str());
  }
}

TEST(Golden, WindowsRegistrationFiles) {
  const auto env = stock_env(Os::Windows);
  expect_golden("windows/register-user.reg", render_host_registration(Scope::User, env));
  expect_golden("windows/register-system.reg", render_host_registration(Scope::System, env));
}

TEST(RegFile, NonAsciiTextIsWrittenAsUtf16SoRegeditKeepsIt) {
  const std::string reg =
      render_reg_file({{"HKEY_CURRENT_USER\\Software\\X", "d", RegistryValue::Kind::String, "\xc3\xa9t\xc3\xa9", 0},
                       {"HKEY_CURRENT_USER\\Software\\X", "", RegistryValue::Kind::String, "C:\\a \"b\"", 0},
                       {"HKEY_CURRENT_USER\\Software\\X", "n", RegistryValue::Kind::Dword, "", 255}});
  EXPECT_NE(reg.find("\"d\"=hex(1):e9,00,74,00,e9,00,00,00\r\n"), std::string::npos) << reg;
  EXPECT_NE(reg.find("@=\"C:\\\\a \\\"b\\\"\"\r\n"), std::string::npos) << reg;
  EXPECT_NE(reg.find("\"n\"=dword:000000ff\r\n"), std::string::npos) << reg;
  EXPECT_TRUE(std::all_of(reg.begin(), reg.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
}

TEST(Golden, ExtraIdsLandInTheRightFamily) {
  const auto callers = allowed_callers({"abcdefghijklmnopabcdefghijklmnop", "tester@example.org"});
  const auto chromium = read_manifest(render_manifest(Family::Chromium, "/x/ownvoice-host", callers));
  const auto firefox = read_manifest(render_manifest(Family::Firefox, "/x/ownvoice-host", callers));
  EXPECT_NE(std::find(chromium.callers.begin(), chromium.callers.end(), "abcdefghijklmnopabcdefghijklmnop"),
            chromium.callers.end());
  EXPECT_EQ(std::find(chromium.callers.begin(), chromium.callers.end(), "tester@example.org"), chromium.callers.end());
  EXPECT_NE(std::find(firefox.callers.begin(), firefox.callers.end(), "tester@example.org"), firefox.callers.end());
  EXPECT_TRUE(chromium.has_origins && !chromium.has_extensions);
  EXPECT_TRUE(firefox.has_extensions && !firefox.has_origins);
}

EnterpriseOptions golden_enterprise_options() {
  EnterpriseOptions o;
  o.chrome_id = "abcdefghijklmnopabcdefghijklmnop";
  o.edge_id = "ponmlkjihgfedcbaponmlkjihgfedcba";
  o.firefox_install_url = "https://downloads.example.org/ownvoice.xpi";
  o.organization = "Lumetra";
  const auto policy = read_file(std::string(OWNVOICE_SOURCE_DIR) + "/examples/policy.example.json");
  o.managed = managed_settings_from_policy(nlohmann::ordered_json::parse(policy.value()));
  return o;
}

TEST(Golden, EnterpriseTemplates) {
  const auto files = render_enterprise_templates(golden_enterprise_options());
  ASSERT_GE(files.size(), 7u);
  for (const auto& f : files) expect_golden("enterprise/" + f.relative_path, f.content);
}

}  // namespace
}  // namespace ownvoice::install
