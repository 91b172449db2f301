// Callers outside the allowlist get one forbidden_caller reply and the host exits 3.
#include <string>

#include "host_fixture.hpp"

namespace ownvoice::testing {
namespace {

using nlohmann::json;

const char* kOtherId = "abcdefghijklmnopabcdefghijklmnop";

class Caller : public HostTest {
 protected:
  void expect_forbidden(const HostRun& r) {
    ASSERT_EQ(r.frames.size(), 1u);
    EXPECT_EQ(parse(r.frames[0]),
              error_reply(41, "forbidden_caller", "this extension is not allowed to use the OwnVoice host"));
  }
  const std::string hello = frame(R"({"id":41,"type":"hello"})") + frame(R"({"id":42,"type":"ping"})");
};

TEST_F(Caller, WrongChromiumOriginIsRefused) {
  command.argv = {OWNVOICE_HOST_BINARY, std::string("chrome-extension://") + kOtherId + "/"};
  expect_forbidden(run(hello, 3));
  EXPECT_NE(diagnostic_log().find("refusing caller chromium"), std::string::npos);
}

TEST_F(Caller, NoOriginIsRefused) {
  command.argv = {OWNVOICE_HOST_BINARY};
  expect_forbidden(run(hello, 3));
}

TEST_F(Caller, MalformedOriginIsRefused) {
  command.argv = {OWNVOICE_HOST_BINARY, "chrome-extension://hgbilnnlaipdipmikldinehbbgmdkebn.evil/"};
  expect_forbidden(run(hello, 3));
}

TEST_F(Caller, WindowsParentWindowArgumentIsAccepted) {
  command.argv.push_back("--parent-window=0");
  const HostRun r = run(hello);
  ASSERT_EQ(r.frames.size(), 2u);
  EXPECT_EQ(parse(r.frames[0])["ok"], true);
}

TEST_F(Caller, FirefoxWithOurIdIsServed) {
  command.argv = {OWNVOICE_HOST_BINARY, "/usr/lib/mozilla/native-messaging-hosts/org.ownvoice.host.json",
                  "ownvoice@ownvoice.org"};
  const HostRun r = run(hello);
  ASSERT_EQ(r.frames.size(), 2u);
  EXPECT_EQ(parse(r.frames[1])["result"], (json{{"pong", true}}));
}

TEST_F(Caller, FirefoxWithAnotherIdIsRefused) {
  command.argv = {OWNVOICE_HOST_BINARY, "/tmp/org.ownvoice.host.json", "someone@example.org"};
  expect_forbidden(run(hello, 3));
}

TEST_F(Caller, SystemPolicyCanAllowAnotherExtension) {
  json policy = json::parse(std::ifstream(std::string(OWNVOICE_SOURCE_DIR) + "/examples/policy.example.json"));
  policy.erase("$schema");
  policy["allowed_extension_ids"] = {kOtherId};
  const auto path = home.path() / "policy.json";
  std::ofstream(path) << policy.dump();
  command.env["OWNVOICE_SYSTEM_POLICY"] = path.string();
  command.argv = {OWNVOICE_HOST_BINARY, std::string("chrome-extension://") + kOtherId + "/"};
  const HostRun r = run(hello);
  ASSERT_EQ(r.frames.size(), 2u);
  EXPECT_EQ(parse(r.frames[0])["ok"], true);
}

TEST_F(Caller, EmployeePreferencesCannotAllowAnotherExtension) {
  const auto prefs = home.path() / "config" / "ownvoice";
  std::filesystem::create_directories(prefs);
  std::ofstream(prefs / "preferences.json") << json{{"allowed_extension_ids", {kOtherId}}}.dump();
  command.argv = {OWNVOICE_HOST_BINARY, std::string("chrome-extension://") + kOtherId + "/"};
  expect_forbidden(run(hello, 3));
}

TEST_F(Caller, RefusedCallerWithUnreadableRequestGetsANullId) {
  command.argv = {OWNVOICE_HOST_BINARY, std::string("chrome-extension://") + kOtherId + "/"};
  const HostRun r = run(frame("not json"), 3);
  ASSERT_EQ(r.frames.size(), 1u);
  EXPECT_EQ(parse(r.frames[0]),
            error_reply(nullptr, "forbidden_caller", "this extension is not allowed to use the OwnVoice host"));
}

TEST_F(Caller, BadCommandLineExitsTwoWithoutOutput) {
  command.argv.push_back("--max-message-bytes=many");
  const HostRun r = run(frame(R"({"id":1,"type":"ping"})"), 2);
  EXPECT_TRUE(r.out.empty());
}

}  // namespace
}  // namespace ownvoice::testing
