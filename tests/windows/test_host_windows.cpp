// The real ownvoice-host.exe over real pipes (CreateProcessW), under Wine here: binary
// stdio, Chrome's and Firefox's arguments, and a user folder with accented letters.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "win_process.hpp"

namespace ownvoice::wintest {
namespace {

using nlohmann::json;

constexpr const char* kDevOrigin = "chrome-extension://hgbilnnlaipdipmikldinehbbgmdkebn/";

class WindowsHost : public ::testing::Test {
 protected:
  // C:\Users\Hélène Müller, rebuilt under %TEMP% (Wine's C:\Users is not ours to fill).
  TempDir tmp{"Users\\Hélène Müller\\AppData\\Local"};
  std::string profile = tmp.path() + "\\Users\\Hélène Müller";
  std::string local = profile + "\\AppData\\Local";
  std::string host = windows_path(OWNVOICE_HOST_BINARY);

  [[nodiscard]] std::map<std::string, std::string> env() const {
    return {{"USERPROFILE", profile},
            {"LOCALAPPDATA", local},
            {"APPDATA", profile + "\\AppData\\Roaming"},
            {"OWNVOICE_SYSTEM_POLICY", windows_path(OWNVOICE_SOURCE_DIR "/examples/policy.example.json")}};
  }
  ProcessResult chrome(const std::string& input) const {
    return run({host, kDevOrigin, "--parent-window=4242"}, input, env());
  }

  // Asserts a clean exit and whole frames only on stdout.
  static std::vector<json> replies(const ProcessResult& r, unsigned long exit_code = 0) {
    EXPECT_FALSE(r.timed_out);
    EXPECT_EQ(r.exit_code, exit_code) << r.err;
    std::string rest;
    std::vector<json> out;
    for (const auto& body : split_frames(r.out, &rest)) out.push_back(json::parse(body));
    EXPECT_TRUE(rest.empty()) << "stdout has " << rest.size() << " bytes that are not a whole frame";
    return out;
  }
  static std::string ping(const std::string& id) { return json{{"id", id}, {"type", "ping"}}.dump(); }
};

// Lengths whose 4-byte prefix holds 0A, 0D or 1A: text mode would turn 0A into 0D 0A on
// the way out, and stop reading at 1A on the way in.
TEST_F(WindowsHost, FramesWithNewlineAndCtrlZInTheirLengthRoundTripBothWays) {
  // Requests of exactly 10, 13, 26, 266 and 3338 bytes.
  std::string input;
  std::vector<json> expected_ids;
  input += frame(R"({"id":100})");     // 10 bytes: no type, an error reply
  input += frame(R"({"id":100000})");  // 13 bytes
  ASSERT_EQ(frame(R"({"id":100})").size(), 14u);
  // Ids are at most 256 bytes (PROTOCOL.md): longer requests are padded with JSON
  // whitespace, which the host must skip.
  for (std::size_t length : {26u, 266u, 3338u}) {
    std::string id = std::to_string(length);
    id.insert(0, 1, 'r');  // not "r" + ...: GCC 12's -Wrestrict false positive (PR 105329)
    std::string body = ping(id);
    body.insert(body.size() - 1, std::string(length - body.size(), ' '));
    ASSERT_EQ(body.size(), length);
    input += frame(body);
    expected_ids.emplace_back(id);
  }
  // Replies of exactly 266 (01 0A), 269 (01 0D) and 282 (01 1A) bytes: the ping reply is a
  // fixed frame around the id, measured first.
  const std::vector<json> calibration = replies(chrome(frame(ping("x"))));
  ASSERT_EQ(calibration.size(), 1u);
  const std::size_t overhead = calibration[0].dump().size() - 1;
  std::vector<std::size_t> reply_lengths{266, 269, 282};
  for (std::size_t length : reply_lengths) {
    const std::string id(length - overhead, 'a');
    input += frame(ping(id));
    expected_ids.emplace_back(id);
  }
  const ProcessResult r = chrome(input);
  // The raw bytes, not only the parsed frames: each reply's length prefix is intact.
  std::string rest;
  const auto bodies = split_frames(r.out, &rest);
  ASSERT_EQ(bodies.size(), 2 + expected_ids.size()) << r.err;
  EXPECT_TRUE(rest.empty());
  EXPECT_EQ(json::parse(bodies[0])["id"], 100);
  EXPECT_EQ(json::parse(bodies[0])["ok"], false);
  EXPECT_EQ(json::parse(bodies[1])["id"], 100000);
  for (std::size_t i = 0; i < expected_ids.size(); ++i) {
    const json reply = json::parse(bodies[2 + i]);
    EXPECT_EQ(reply["id"], expected_ids[i]);
    EXPECT_EQ(reply["result"], (json{{"pong", true}}));
  }
  for (std::size_t i = 0; i < reply_lengths.size(); ++i) {
    EXPECT_EQ(bodies[2 + 3 + i].size(), reply_lengths[i]);
  }
  EXPECT_EQ(r.exit_code, 0u);
}

TEST_F(WindowsHost, ChromeOriginAndParentWindowAreAccepted) {
  const auto out = replies(chrome(frame(R"({"id":1,"type":"hello"})")));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0]["ok"], true);
}

TEST_F(WindowsHost, FirefoxManifestPathAndAddonIdAreAccepted) {
  // Firefox passes the manifest's path (here in the accented user folder) and the add-on id.
  const std::string manifest = local + "\\OwnVoice\\NativeMessagingHosts\\org.ownvoice.host.firefox.json";
  const auto out = replies(run({host, manifest, "ownvoice@ownvoice.org"}, frame(ping("f")), env()));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0]["result"], (json{{"pong", true}}));
}

TEST_F(WindowsHost, WrongChromeExtensionIsRefused) {
  const auto out = replies(
      run({host, "chrome-extension://abcdefghijklmnopabcdefghijklmnop/", "--parent-window=7"}, frame(ping("w")), env()),
      3);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0]["error"]["code"], "forbidden_caller");
}

TEST_F(WindowsHost, WrongFirefoxAddonIsRefused) {
  const auto out = replies(run({host, local + "\\x.json", "someone@example.org"}, frame(ping("w")), env()), 3);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0]["error"]["code"], "forbidden_caller");
}

TEST_F(WindowsHost, DiagnosticLogGoesToLocalAppDataOfAnAccentedUserFolder) {
  replies(chrome(frame(ping("d"))));
  const std::string log = local + "\\OwnVoice\\host.log";
  ASSERT_TRUE(file_exists(log)) << log;
  const std::string text = read_file(log);
  EXPECT_NE(text.find("Windows mitigations"), std::string::npos) << text;
  // Nothing was written under a mangled (ANSI code page) name beside it.
  EXPECT_FALSE(file_exists(tmp.path() + "\\Users\\H?l?ne M?ller"));
}

TEST_F(WindowsHost, ACheckGoesThroughTheHost) {
  const auto out = replies(chrome(frame(
      R"({"id":2,"type":"check","platform":"x","lang":"en","text":"Our Q3 roadmap leaks: Projet Edelweiss ships in May!"})")));
  ASSERT_EQ(out.size(), 1u);
  ASSERT_EQ(out[0]["ok"], true) << out[0].dump();
  EXPECT_EQ(out[0]["result"]["verdict"], "block") << out[0].dump();
}

}  // namespace
}  // namespace ownvoice::wintest
