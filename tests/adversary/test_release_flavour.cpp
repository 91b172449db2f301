// A release build must not contain the test-only switches (an administrator could set
// OWNVOICE_TEST_FAST_KDF machine-wide to make the log's passphrase cheap to guess) nor
// accept the development extension id (anyone can give an unpacked extension that id).
#include "adversary.hpp"

namespace ownvoice::adversary {
namespace {

constexpr const char* kDevId = "hgbilnnlaipdipmikldinehbbgmdkebn";

bool contains(const std::string& binary_path, const std::string& needle) {
  return read_file(binary_path).find(needle) != std::string::npos;
}

TEST(AdversaryRelease, ReleaseBinariesHaveNoTestHooks) {
  for (const char* binary : {OWNVOICE_RELEASE_HOST_BINARY, OWNVOICE_RELEASE_CLI_BINARY}) {
    ASSERT_FALSE(read_file(binary).empty()) << binary;
    for (const char* hook : {"OWNVOICE_TEST_", "debug.try_network", "debug.print_stdout", "OWNVOICE_DEBUG"}) {
      EXPECT_FALSE(contains(binary, hook)) << binary << " contains " << hook;
    }
  }
  EXPECT_FALSE(contains(OWNVOICE_RELEASE_HOST_BINARY, kDevId)) << "the release host knows the development id";
}

TEST(AdversaryRelease, ControlTheTestBuildHasThem) {
  // Proves the search above can fail: the test-hooks host has the same strings.
  EXPECT_TRUE(contains(OWNVOICE_HOST_BINARY, "OWNVOICE_TEST_FAST_KDF"));
  EXPECT_TRUE(contains(OWNVOICE_HOST_BINARY, kDevId));
}

TEST(AdversaryRelease, ReleaseHostRefusesTheDevelopmentId) {
  TempHome home;
  const HostCommand command = testing::default_command(home, OWNVOICE_RELEASE_HOST_BINARY);
  const testing::HostRun run = testing::run_once(command, testing::frame(R"({"id":1,"type":"hello"})"));
  ASSERT_EQ(run.frames.size(), 1u);
  EXPECT_EQ(json::parse(run.frames[0])["error"]["code"], "forbidden_caller");
  EXPECT_EQ(run.exit.status, 3);
}

TEST(AdversaryRelease, ReleaseHostAcceptsAnIdItAddsExplicitly) {
  TempHome home;
  HostCommand command = testing::default_command(home, OWNVOICE_RELEASE_HOST_BINARY);
  write_file(home.path() / "policy.json", std::string(R"({"allowed_extension_ids":[")") + kDevId + R"("]})");
  command.env["OWNVOICE_SYSTEM_POLICY"] = (home.path() / "policy.json").string();
  const testing::HostRun run = testing::run_once(command, testing::frame(R"({"id":1,"type":"ping"})"));
  ASSERT_EQ(run.frames.size(), 1u);
  EXPECT_EQ(json::parse(run.frames[0])["result"]["pong"], true);
}

// The manifests a release `ownvoice install` writes must not let the development id start
// the host either (issue #15): the browser would start it for any unpacked extension with
// the public key. The test-hooks CLI, the control, still writes it.
std::string chromium_manifest_written_by(const char* cli) {
  TempHome home;
  const testing::HostRun run = run_program(home, {cli, "install", "--user", "--browsers", "chromium"}, "");
  EXPECT_EQ(run.exit.status, 0) << run.out;
  return read_file(home.path() / "config" / "chromium" / "NativeMessagingHosts" / "org.ownvoice.host.json");
}

TEST(AdversaryRelease, ReleaseInstallWritesNoDevelopmentIdIntoManifests) {
  const std::string release = chromium_manifest_written_by(OWNVOICE_RELEASE_CLI_BINARY);
  ASSERT_NE(release.find("org.ownvoice.host"), std::string::npos) << release;
  EXPECT_EQ(release.find(kDevId), std::string::npos) << release;
  const std::string control = chromium_manifest_written_by(OWNVOICE_CLI_BINARY);
  EXPECT_NE(control.find(kDevId), std::string::npos) << control;
}

}  // namespace
}  // namespace ownvoice::adversary
