// engine::write_json must write exactly nlohmann's dump(): on the results of every corpus
// post (what the host and `ownvoice check --jsonl` write), and on random values whose
// strings hold every kind of byte a post can (control characters, quotes, DEL, accents,
// emoji) and some it must not (invalid UTF-8, where nlohmann's own handling decides).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "engine/engine.hpp"
#include "engine/json_writer.hpp"
#include "engine/result_json.hpp"
#include "policy/loader.hpp"

using namespace ownvoice;
using nlohmann::json;

namespace {

// nlohmann's text, or the exception's id when it refuses (invalid UTF-8, strict).
std::string reference(const json& v, json::error_handler_t handler) {
  try {
    return v.dump(-1, ' ', false, handler);
  } catch (const json::type_error& e) {
    return "type_error " + std::to_string(e.id);
  }
}

std::string written(const json& v, json::error_handler_t handler) {
  try {
    return engine::write_json(v, handler);
  } catch (const json::type_error& e) {
    return "type_error " + std::to_string(e.id);
  }
}

std::string random_string(std::mt19937& rng) {
  static const std::vector<std::string> pieces = {"a",
                                                  "Z",
                                                  " ",
                                                  "0",
                                                  "\"",
                                                  "\\",
                                                  "/",
                                                  "\n",
                                                  "\r",
                                                  "\t",
                                                  "\b",
                                                  "\f",
                                                  std::string(1, '\0'),
                                                  "\x01",
                                                  "\x1f",
                                                  "\x7f",
                                                  "é",
                                                  "É",
                                                  "ß",
                                                  "€",
                                                  "🚀",
                                                  "\u00a0",
                                                  "\u2028",
                                                  "\xff",
                                                  "\x80",
                                                  "\xe2\x82",
                                                  "\xc3",
                                                  "\xed\xa0\x80",
                                                  "\xc0\xaf",
                                                  "\xf4\x90\x80\x80"};
  std::string s;
  const size_t n = rng() % 12;
  for (size_t i = 0; i < n; ++i) s += pieces[rng() % pieces.size()];
  return s;
}

json random_value(std::mt19937& rng, int depth) {
  switch (rng() % (depth > 3 ? 6 : 8)) {
    case 0: return random_string(rng);
    case 1: return static_cast<json::number_integer_t>(static_cast<int64_t>(rng()) - (1ll << 31));
    case 2: return static_cast<json::number_unsigned_t>(rng()) << 20;
    case 3: {
      static const double kFloats[] = {0.3, 0.1 + 0.2, -0.0, 1e-7, 1e300, 2.5, -1.0 / 3.0, 1e21, 100.0};
      return kFloats[rng() % std::size(kFloats)];
    }
    case 4: return rng() % 2 == 0;
    case 5: return nullptr;
    case 6: {
      json a = json::array();
      for (size_t i = rng() % 4; i > 0; --i) a.push_back(random_value(rng, depth + 1));
      return a;
    }
    default: {
      json o = json::object();
      for (size_t i = rng() % 4; i > 0; --i) o[random_string(rng)] = random_value(rng, depth + 1);
      return o;
    }
  }
}

}  // namespace

TEST(JsonWriter, WritesWhatNlohmannWritesForRandomValues) {
  std::mt19937 rng(20261207);
  size_t refused = 0;
  for (int i = 0; i < 20000; ++i) {
    const json v = random_value(rng, 0);
    for (auto handler : {json::error_handler_t::strict, json::error_handler_t::replace}) {
      const auto expected = reference(v, handler);
      refused += expected.rfind("type_error", 0) == 0 ? 1 : 0;
      ASSERT_EQ(written(v, handler), expected) << "value " << i;
    }
  }
  EXPECT_GT(refused, 1000u);  // invalid UTF-8 was exercised, not only clean strings
}

TEST(JsonWriter, WritesWhatNlohmannWritesForEveryCorpusResult) {
  policy::LoadOptions options;
  options.system_path = OWNVOICE_SOURCE_DIR "/examples/policy.example.json";
  options.load_user = false;
  const engine::Engine engine(policy::load_layers(options));
  size_t posts = 0;
  for (const auto& file : std::filesystem::directory_iterator(OWNVOICE_SOURCE_DIR "/tests/corpus/posts")) {
    std::ifstream in(file.path());
    for (std::string line; std::getline(in, line);) {
      if (line.empty()) continue;
      const auto post = json::parse(line);
      for (const char* platform : {"x", "linkedin", "mastodon"}) {
        engine::CheckRequest request;
        request.text = post["text"].get<std::string>();
        request.platform = platform;
        const json result = engine::to_json(engine.check(request));
        ASSERT_EQ(engine::write_json(result), result.dump()) << post["id"];
      }
      ++posts;
    }
  }
  EXPECT_GT(posts, 1000u);
}
