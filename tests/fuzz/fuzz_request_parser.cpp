// libFuzzer: one frame body through the request parser, the typed field accessors and the
// reply serialiser. Properties: only ProtocolError escapes; the reply always fits the cap
// and is valid JSON and UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "protocol/message.hpp"
#include "text/normalize.hpp"

using namespace ownvoice::protocol;
using nlohmann::json;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  constexpr std::size_t kCap = 2048;
  json id;
  json reply;
  try {
    const Request request = parse_request(body, id);
    json result = json::object();
    for (const char* field : {"text", "platform", "lang", "url", "check_id", "decision", "passphrase"}) {
      try {
        if (auto v = request.optional_string(field)) result[field] = *v;
      } catch (const ProtocolError&) {
      }
    }
    try {
      (void)request.optional_bool("consent");
      (void)request.optional_integer("limit");
      (void)request.optional_object("managed_policy");
      (void)request.string_field("type");
    } catch (const ProtocolError&) {
    }
    result["echo"] = request.body;
    reply = make_success(id, "check", std::move(result));
  } catch (const ProtocolError& e) {
    reply = make_error(id, e.code(), e.what());
  }
  const std::string out = serialize_reply(std::move(reply), kCap);
  if (out.size() > kCap) std::abort();
  if (!ownvoice::text::is_valid_utf8(out)) std::abort();
  if (json::parse(out, nullptr, false).is_discarded()) std::abort();
  return 0;
}
