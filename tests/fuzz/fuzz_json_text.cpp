// libFuzzer: OwnVoice's own JSON reading and writing against nlohmann's, on any bytes.
// Properties: engine::read_json reads the same value (number types included) as
// nlohmann::json::parse, or refuses the same texts; engine::write_json writes what dump()
// writes, and throws where it throws (invalid UTF-8 in a string).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <string>
#include <string_view>

#include "engine/json_reader.hpp"
#include "../engine/json_typed.hpp"
#include "engine/json_writer.hpp"

using nlohmann::json;
using ownvoice::test::typed;

namespace {

std::string written(const std::function<std::string()>& write) {
  try {
    return write();
  } catch (const json::type_error& e) {
    return "type_error " + std::to_string(e.id);
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const json expected = json::parse(text, nullptr, false);
  const json got = ownvoice::engine::read_json(text);
  if (typed(got) != typed(expected)) std::abort();
  // A string holding the raw bytes: write_json must agree with dump() on invalid UTF-8 too.
  const json raw = {{"raw", std::string(text)}, {"parsed", expected.is_discarded() ? json() : expected}};
  for (auto handler : {json::error_handler_t::strict, json::error_handler_t::replace}) {
    if (written([&] { return ownvoice::engine::write_json(raw, handler); }) !=
        written([&] { return raw.dump(-1, ' ', false, handler); }))
      std::abort();
  }
  return 0;
}
