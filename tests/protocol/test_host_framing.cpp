// Framing against the real host: lengths that lie, streams that stop, many frames at once.
#include <cstring>
#include <string>

#include "host_fixture.hpp"

namespace ownvoice::testing {
namespace {

using nlohmann::json;

std::string header(std::uint32_t length) {
  std::string h(4, '\0');
  std::memcpy(h.data(), &length, 4);
  return h;
}

const std::string kPing = R"({"id":"p","type":"ping"})";
const std::string kPong = R"({"id":"p","ok":true,"result":{"pong":true},"type":"ping"})";

class Framing : public HostTest {};

TEST_F(Framing, EofBeforeAnyFrameExitsZeroSilently) {
  const HostRun r = run("");
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(diagnostic_log().find("stdin closed"), std::string::npos) << "an exit per post is not logged";
}

TEST_F(Framing, ZeroLengthFrameIsAnEmptyMessageError) {
  const HostRun r = run(header(0) + frame(kPing));
  ASSERT_EQ(r.frames.size(), 2u);
  EXPECT_EQ(parse(r.frames[0]), error_reply(nullptr, "empty_message", "the message is empty"));
  EXPECT_EQ(r.frames[1], kPong);
}

TEST_F(Framing, TruncatedLengthExitsZeroWithNothingOnStdout) {
  const HostRun r = run(header(20).substr(0, 3));
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(diagnostic_log().find("stdin ended in the middle of a frame (truncated_length)"), std::string::npos)
      << diagnostic_log();
}

TEST_F(Framing, TruncatedBodyExitsZeroWithNothingOnStdout) {
  const HostRun r = run(header(100) + R"({"id":1,"type":"pi)");
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(diagnostic_log().find("stdin ended in the middle of a frame (truncated_body)"), std::string::npos)
      << diagnostic_log();
}

TEST_F(Framing, EofInTheMiddleOfTheSecondFrameAnswersTheFirstOnly) {
  const HostRun r = run(frame(kPing) + header(50) + "{\"id\":");
  ASSERT_EQ(r.frames.size(), 1u);
  EXPECT_EQ(r.frames[0], kPong);
}

TEST_F(Framing, OverTheDefaultMaximumIsRefusedSkippedAndServingContinues) {
  const std::size_t too_big = 4u * 1024u * 1024u + 1u;
  const HostRun r = run(header(static_cast<std::uint32_t>(too_big)) + std::string(too_big, 'x') + frame(kPing));
  ASSERT_EQ(r.frames.size(), 2u);
  EXPECT_EQ(parse(r.frames[0]),
            error_reply(nullptr, "message_too_large", "the message is 4194305 bytes; the limit is 4194304"));
  EXPECT_EQ(r.frames[1], kPong);
}

TEST_F(Framing, MaximumFromTheCommandLine) {
  command.argv.push_back("--max-message-bytes=100");
  std::string at_limit = R"({"id":"p","type":"ping","pad":")";
  at_limit += std::string(100 - at_limit.size() - 2, 'a') + "\"}";
  ASSERT_EQ(at_limit.size(), 100u);
  const HostRun r = run(frame(at_limit) + frame(at_limit + " ") + frame(kPing));
  ASSERT_EQ(r.frames.size(), 3u);
  EXPECT_EQ(r.frames[0], kPong);
  EXPECT_EQ(parse(r.frames[1]),
            error_reply(nullptr, "message_too_large", "the message is 101 bytes; the limit is 100"));
  EXPECT_EQ(r.frames[2], kPong);
}

TEST_F(Framing, MaximumFromThePolicy) {
  json policy = json::parse(std::ifstream(std::string(OWNVOICE_SOURCE_DIR) + "/examples/policy.example.json"));
  policy.erase("$schema");
  policy["max_message_bytes"] = 2048;
  const auto path = home.path() / "policy.json";
  std::ofstream(path) << policy.dump();
  command.env["OWNVOICE_SYSTEM_POLICY"] = path.string();
  const HostRun r = run(frame(json{{"id", 1}, {"type", "ping"}, {"pad", std::string(3000, 'a')}}) + frame(kPing));
  ASSERT_EQ(r.frames.size(), 2u);
  EXPECT_EQ(parse(r.frames[0])["error"]["code"], "message_too_large");
  EXPECT_EQ(r.frames[1], kPong);
}

TEST_F(Framing, ManyRequestsPipelinedInOneWriteAreAnsweredInOrder) {
  std::string input;
  for (int i = 0; i < 300; ++i) {
    input += frame(json{
        {"id", i}, {"type", i % 3 == 0 ? "check" : "ping"}, {"text", "Orion " + std::to_string(i)}, {"platform", "x"}});
  }
  const HostRun r = run(input);
  ASSERT_EQ(r.frames.size(), 300u);
  for (int i = 0; i < 300; ++i) {
    const json reply = parse(r.frames[static_cast<std::size_t>(i)]);
    EXPECT_EQ(reply["id"], i);
    EXPECT_EQ(reply["ok"], true);
    EXPECT_EQ(reply["type"], i % 3 == 0 ? "check" : "ping");
  }
}

TEST_F(Framing, SlowWriterByteByByteIsTheSameStream) {
  HostProcess host(command);
  const std::string input = frame(kPing);
  for (char c : input) host.send(std::string(1, c));
  const auto reply = host.read_frame();
  ASSERT_TRUE(reply.has_value());
  EXPECT_EQ(*reply, kPong);
  const HostExit exit = host.wait();
  EXPECT_TRUE(exit.exited);
  EXPECT_EQ(exit.status, 0);
}

TEST_F(Framing, BrowserClosingStdoutEndsTheHostCleanly) {
  HostProcess host(command);
  host.send(frame(kPing));
  ASSERT_TRUE(host.read_frame().has_value());
  // The browser goes away: the host notices on its next read and exits 0.
  const HostExit exit = host.wait();
  EXPECT_TRUE(exit.exited);
  EXPECT_EQ(exit.status, 0);
}

}  // namespace
}  // namespace ownvoice::testing
