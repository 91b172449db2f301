// libFuzzer: the frame reader and the request parser behind it, on arbitrary stdin bytes.
// Properties: never crashes, never returns a frame over the maximum, a zero-length frame
// is empty_message, and every frame re-encodes to the bytes it came from.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "protocol/frame.hpp"
#include "protocol/message.hpp"

using namespace ownvoice::protocol;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  constexpr std::size_t kMax = 4096;  // small, so oversized frames are common
  MemorySource source(input);
  FrameReader reader(source, kMax);
  std::size_t consumed = 0;
  for (;;) {
    FrameEvent event = reader.next();
    if (event.status == FrameStatus::EndOfInput || event.status == FrameStatus::TruncatedLength ||
        event.status == FrameStatus::TruncatedBody) {
      break;
    }
    if (event.status == FrameStatus::TooLarge) {
      if (event.declared_length <= kMax) std::abort();
      consumed += 4 + event.declared_length;
      continue;
    }
    if (event.body.size() != event.declared_length || event.body.size() > kMax) std::abort();
    if (encode_frame(event.body) != input.substr(consumed, 4 + event.body.size())) std::abort();
    consumed += 4 + event.body.size();
    nlohmann::json id;
    try {
      (void)parse_request(event.body, id);
    } catch (const ProtocolError& e) {
      if (event.body.empty() && e.code() != ErrorCode::EmptyMessage) std::abort();
    }
  }
  return 0;
}
