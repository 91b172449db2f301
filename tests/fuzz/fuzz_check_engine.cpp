// libFuzzer: the check engine with the example policy on arbitrary UTF-8 posts (the host
// refuses invalid UTF-8 before the engine sees it). Properties: no crash; every span lies
// inside the text in UTF-16 code units; the result serialises.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "engine/engine.hpp"
#include "engine/result_json.hpp"
#include "policy/loader.hpp"
#include "text/normalize.hpp"

using namespace ownvoice;

namespace {

const engine::Engine& example_engine() {
  static const engine::Engine engine = [] {
    policy::LoadOptions options;
    options.system_path = std::string(OWNVOICE_SOURCE_DIR) + "/examples/policy.example.json";
    options.load_user = false;
    return engine::Engine(policy::load_layers(options));
  }();
  return engine;
}

std::size_t utf16_length(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    i += text::decode_utf8(s, i, cp);
    n += cp >= 0x10000 ? 2 : 1;
  }
  return n;
}

constexpr const char* kPlatforms[] = {"x",       "linkedin", "facebook",    "instagram", "mastodon",
                                      "bluesky", "threads",  "pinterest",   "tumblr",    "quora",
                                      "reddit",  "generic",  "unknown-site"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 2, size - 2);
  if (!text::is_valid_utf8(text)) return 0;
  engine::CheckRequest request;
  request.platform = kPlatforms[data[0] % (sizeof kPlatforms / sizeof *kPlatforms)];
  request.language = data[1] % 3 == 0 ? "" : (data[1] % 3 == 1 ? "en" : "fr");
  if (data[1] & 0x80) request.history = engine::PromotionalHistory{data[1] & 0x0f, data[1] & 0x03, 30};
  request.text = std::string(text);
  const engine::CheckResult result = example_engine().check(request);
  const std::size_t length = utf16_length(text);
  const nlohmann::json json = engine::to_json(result);
  for (const auto& finding : json.value("findings", nlohmann::json::array())) {
    const auto start = finding.value("start", 0);
    const auto end = finding.value("end", 0);
    if (start < 0 || end < start || static_cast<std::size_t>(end) > length) std::abort();
  }
  (void)json.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
  return 0;
}
