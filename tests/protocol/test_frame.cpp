// The frame reader over byte buffers: every way a stream can end or lie about lengths.
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "protocol/frame.hpp"

namespace ownvoice::protocol {
namespace {

std::string header(std::uint32_t length) {
  std::string h(4, '\0');
  std::memcpy(h.data(), &length, 4);
  return h;
}

// Hands out one byte per read, like a pipe under pressure.
class TrickleSource final : public ByteSource {
 public:
  explicit TrickleSource(std::string bytes) : bytes_(std::move(bytes)) {}
  std::size_t read_some(char* buf, std::size_t n) override {
    if (pos_ == bytes_.size() || n == 0) return 0;
    *buf = bytes_[pos_++];
    return 1;
  }

 private:
  std::string bytes_;
  std::size_t pos_ = 0;
};

TEST(FrameReader, ReadsOneFrameThenEndOfInput) {
  const std::string input = encode_frame(R"({"type":"ping"})");
  MemorySource source(input);
  FrameReader reader(source, 1024);
  const FrameEvent first = reader.next();
  EXPECT_EQ(first.status, FrameStatus::Frame);
  EXPECT_EQ(first.body, R"({"type":"ping"})");
  EXPECT_EQ(reader.next().status, FrameStatus::EndOfInput);
}

TEST(FrameReader, HeaderIsNativeByteOrder) {
  const std::string frame = encode_frame("abc");
  std::uint32_t length = 0;
  std::memcpy(&length, frame.data(), 4);
  EXPECT_EQ(length, 3u);
  EXPECT_EQ(frame.substr(4), "abc");
}

TEST(FrameReader, PipelinedFramesComeOutInOrder) {
  std::string input;
  for (int i = 0; i < 500; ++i) input += encode_frame("{\"id\":" + std::to_string(i) + "}");
  MemorySource source(input);
  FrameReader reader(source, 1024);
  for (int i = 0; i < 500; ++i) {
    const FrameEvent event = reader.next();
    ASSERT_EQ(event.status, FrameStatus::Frame);
    EXPECT_EQ(event.body, "{\"id\":" + std::to_string(i) + "}");
  }
  EXPECT_EQ(reader.next().status, FrameStatus::EndOfInput);
}

TEST(FrameReader, ZeroLengthFrameIsAnEmptyFrame) {
  const std::string input = header(0) + encode_frame("{}");
  MemorySource source(input);
  FrameReader reader(source, 1024);
  const FrameEvent empty = reader.next();
  EXPECT_EQ(empty.status, FrameStatus::Frame);
  EXPECT_TRUE(empty.body.empty());
  EXPECT_EQ(reader.next().body, "{}");
}

TEST(FrameReader, EofInsideTheLengthIsTruncatedLength) {
  for (std::size_t cut = 1; cut < 4; ++cut) {
    const std::string input = header(10).substr(0, cut);
    MemorySource source(input);
    FrameReader reader(source, 1024);
    EXPECT_EQ(reader.next().status, FrameStatus::TruncatedLength) << cut;
  }
}

TEST(FrameReader, EofInsideTheBodyIsTruncatedBody) {
  const std::string input = header(10) + "12345";
  MemorySource source(input);
  FrameReader reader(source, 1024);
  const FrameEvent event = reader.next();
  EXPECT_EQ(event.status, FrameStatus::TruncatedBody);
  EXPECT_EQ(event.declared_length, 10u);
  EXPECT_TRUE(event.body.empty());
}

TEST(FrameReader, OversizedBodyIsSkippedAndTheStreamStaysInSync) {
  const std::string input = header(5000) + std::string(5000, 'x') + encode_frame("{\"after\":1}");
  MemorySource source(input);
  FrameReader reader(source, 100);
  const FrameEvent big = reader.next();
  EXPECT_EQ(big.status, FrameStatus::TooLarge);
  EXPECT_EQ(big.declared_length, 5000u);
  const FrameEvent next = reader.next();
  EXPECT_EQ(next.status, FrameStatus::Frame);
  EXPECT_EQ(next.body, "{\"after\":1}");
}

TEST(FrameReader, OversizedBodyCutShortIsTruncatedBody) {
  const std::string input = header(5000) + std::string(10, 'x');
  MemorySource source(input);
  FrameReader reader(source, 100);
  EXPECT_EQ(reader.next().status, FrameStatus::TruncatedBody);
}

TEST(FrameReader, LengthExactlyAtTheMaximumIsAccepted) {
  const std::string input = encode_frame(std::string(100, 'a'));
  MemorySource source(input);
  FrameReader reader(source, 100);
  EXPECT_EQ(reader.next().status, FrameStatus::Frame);
}

TEST(FrameReader, ByteAtATimeSourceGivesTheSameFrames) {
  std::string input = encode_frame("first") + encode_frame(std::string(200000, 'b')) + encode_frame("third");
  TrickleSource source(input);
  FrameReader reader(source, 1u << 20);
  EXPECT_EQ(reader.next().body, "first");
  EXPECT_EQ(reader.next().body.size(), 200000u);
  EXPECT_EQ(reader.next().body, "third");
  EXPECT_EQ(reader.next().status, FrameStatus::EndOfInput);
}

TEST(FrameReader, LargeBodyReadsStraightThrough) {
  const std::string body(3u * 1024u * 1024u, 'z');
  const std::string input = encode_frame(body);
  MemorySource source(input);
  FrameReader reader(source, kDefaultMaxMessageBytes);
  EXPECT_EQ(reader.next().body, body);
}

}  // namespace
}  // namespace ownvoice::protocol
