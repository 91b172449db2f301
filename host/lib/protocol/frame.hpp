#pragma once
// Native-messaging framing (PROTOCOL.md "Framing"): a 32-bit length in native byte order,
// then that many bytes of UTF-8 JSON. The reader works over any ByteSource so the same
// code runs on fd 0 in the host and on a byte buffer in the fuzzer and the unit tests.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ownvoice::protocol {

inline constexpr std::size_t kDefaultMaxMessageBytes = 4u * 1024u * 1024u;
// Browsers refuse host messages over 1 MB; we stay under with a margin for the envelope.
inline constexpr std::size_t kMaxReplyBytes = 1000u * 1000u;

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to n bytes into buf; returns 0 only at end of input. Throws
  // std::system_error on a read error.
  virtual std::size_t read_some(char* buf, std::size_t n) = 0;
};

// read(2) on a file descriptor, retried on EINTR.
class FdSource final : public ByteSource {
 public:
  explicit FdSource(int fd) : fd_(fd) {}
  std::size_t read_some(char* buf, std::size_t n) override;

 private:
  int fd_;
};

class MemorySource final : public ByteSource {
 public:
  explicit MemorySource(std::string_view bytes) : bytes_(bytes) {}
  std::size_t read_some(char* buf, std::size_t n) override;

 private:
  std::string_view bytes_;
};

enum class FrameStatus {
  Frame,            // body holds one message (possibly empty: a zero-length frame)
  EndOfInput,       // clean EOF between frames
  TruncatedLength,  // EOF inside the 4 length bytes
  TruncatedBody,    // EOF inside a body (or inside a skipped oversized body)
  TooLarge,         // declared length over the maximum; the body was read and discarded
};
const char* to_string(FrameStatus s);

struct FrameEvent {
  FrameStatus status = FrameStatus::EndOfInput;
  std::uint32_t declared_length = 0;
  std::string body;
};

// Reads frames one after another. Buffers reads, so many frames pipelined in one
// write cost one read(2).
class FrameReader {
 public:
  FrameReader(ByteSource& source, std::size_t max_message_bytes);
  FrameEvent next();
  void set_max_message_bytes(std::size_t max) { max_ = max; }

 private:
  // Copies up to n bytes into out; returns how many (fewer only at EOF).
  std::size_t read_exact(char* out, std::size_t n);
  // Discards n bytes; returns false on EOF before the end.
  bool skip(std::size_t n);
  bool refill();

  ByteSource& source_;
  std::size_t max_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
};

// The 4-byte header followed by body, as one buffer.
std::string encode_frame(std::string_view body);

// Writes all bytes with write(2), retried on EINTR and partial writes.
bool write_all(int fd, std::string_view bytes);

// Writes one whole frame with write(2), retried on EINTR and partial writes. Returns
// false when the reader went away (EPIPE) or on another write error.
bool write_frame(int fd, std::string_view body);

}  // namespace ownvoice::protocol
