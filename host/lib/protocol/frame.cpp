#include "protocol/frame.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>

#include "platform/platform.hpp"

namespace ownvoice::protocol {
namespace {

constexpr std::size_t kReadChunk = 64u * 1024u;

}  // namespace

std::size_t FdSource::read_some(char* buf, std::size_t n) {
  const long long got = platform::read_fd(fd_, buf, n);
  if (got >= 0) return static_cast<std::size_t>(got);
  throw std::system_error(errno, std::generic_category(), "read");
}

std::size_t MemorySource::read_some(char* buf, std::size_t n) {
  const std::size_t take = std::min(n, bytes_.size());
  if (take > 0) std::memcpy(buf, bytes_.data(), take);
  bytes_.remove_prefix(take);
  return take;
}

const char* to_string(FrameStatus s) {
  switch (s) {
    case FrameStatus::Frame: return "frame";
    case FrameStatus::EndOfInput: return "end_of_input";
    case FrameStatus::TruncatedLength: return "truncated_length";
    case FrameStatus::TruncatedBody: return "truncated_body";
    case FrameStatus::TooLarge: return "too_large";
  }
  return "?";
}

FrameReader::FrameReader(ByteSource& source, std::size_t max_message_bytes)
    : source_(source), max_(max_message_bytes), buffer_(kReadChunk) {}

bool FrameReader::refill() {
  begin_ = 0;
  end_ = source_.read_some(buffer_.data(), buffer_.size());
  return end_ > 0;
}

std::size_t FrameReader::read_exact(char* out, std::size_t n) {
  std::size_t done = 0;
  while (done < n) {
    if (begin_ == end_) {
      // Large bodies go straight into the destination, skipping the copy.
      if (n - done >= buffer_.size()) {
        const std::size_t got = source_.read_some(out + done, n - done);
        if (got == 0) return done;
        done += got;
        continue;
      }
      if (!refill()) return done;
    }
    const std::size_t take = std::min(n - done, end_ - begin_);
    std::memcpy(out + done, buffer_.data() + begin_, take);
    begin_ += take;
    done += take;
  }
  return done;
}

bool FrameReader::skip(std::size_t n) {
  while (n > 0) {
    if (begin_ == end_ && !refill()) return false;
    const std::size_t take = std::min(n, end_ - begin_);
    begin_ += take;
    n -= take;
  }
  return true;
}

FrameEvent FrameReader::next() {
  FrameEvent event;
  char header[4];
  const std::size_t got = read_exact(header, sizeof header);
  if (got == 0) {
    event.status = FrameStatus::EndOfInput;
    return event;
  }
  if (got < sizeof header) {
    event.status = FrameStatus::TruncatedLength;
    return event;
  }
  // Native byte order, as Chromium and Firefox write it.
  std::memcpy(&event.declared_length, header, sizeof header);
  if (event.declared_length > max_) {
    event.status = skip(event.declared_length) ? FrameStatus::TooLarge : FrameStatus::TruncatedBody;
    return event;
  }
  event.body.resize(event.declared_length);
  if (read_exact(event.body.data(), event.body.size()) < event.body.size()) {
    event.body.clear();
    event.status = FrameStatus::TruncatedBody;
    return event;
  }
  event.status = FrameStatus::Frame;
  return event;
}

std::string encode_frame(std::string_view body) {
  const auto length = static_cast<std::uint32_t>(body.size());
  std::string frame(sizeof length + body.size(), '\0');
  std::memcpy(frame.data(), &length, sizeof length);
  if (!body.empty()) std::memcpy(frame.data() + sizeof length, body.data(), body.size());
  return frame;
}

bool write_frame(int fd, std::string_view body) {
  if (body.size() > UINT32_MAX) return false;
  return write_all(fd, encode_frame(body));
}

bool write_all(int fd, std::string_view frame) {
  std::size_t done = 0;
  while (done < frame.size()) {
    const long long put = platform::write_fd(fd, frame.data() + done, frame.size() - done);
    if (put <= 0) return false;
    done += static_cast<std::size_t>(put);
  }
  return true;
}

}  // namespace ownvoice::protocol
