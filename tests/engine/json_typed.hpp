#pragma once
// A JSON value as text with its number types spelt out, for comparing OwnVoice's JSON
// reading with nlohmann's: nlohmann's == finds 5u equal to 5, and an unsigned id must stay
// unsigned. Shared by tests/engine/test_json_reader.cpp and tests/fuzz/fuzz_json_text.cpp.
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

namespace ownvoice::test {

inline std::string typed(const nlohmann::json& v) {
  if (v.is_discarded()) return "<not JSON>";
  std::string out = v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  const std::function<void(const nlohmann::json&)> types = [&](const nlohmann::json& x) {
    out += static_cast<char>('0' + static_cast<int>(x.type()));
    if (x.is_structured())
      for (const auto& item : x) types(item);
  };
  types(v);
  return out;
}

}  // namespace ownvoice::test
