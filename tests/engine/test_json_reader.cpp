// engine::read_json must read exactly what nlohmann::json::parse(text, nullptr, false)
// reads: the same value with the same number types, or "not JSON" for the same texts.
// Random flat objects (the fast path) with every escape, then the same texts broken at
// random (cut, a byte changed), then values the fast path hands over (nested, fractions).
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "engine/json_reader.hpp"
#include "json_typed.hpp"

using nlohmann::json;
using ownvoice::engine::read_json;
using ownvoice::test::typed;

namespace {

std::string random_json_string(std::mt19937& rng) {
  static const std::vector<std::string> pieces = {"a",
                                                  "Z",
                                                  " ",
                                                  "é",
                                                  "🚀",
                                                  "\\\"",
                                                  "\\\\",
                                                  "\\/",
                                                  "\\b",
                                                  "\\f",
                                                  "\\n",
                                                  "\\r",
                                                  "\\t",
                                                  "\\u0041",
                                                  "\\u00e9",
                                                  "\\u20AC",
                                                  "\\ud83d\\ude80",
                                                  "\\uD83D",
                                                  "\\uDE80",
                                                  "\\u12",
                                                  "\\x",
                                                  "\x01",
                                                  "\x7f",
                                                  "'",
                                                  "{",
                                                  "}",
                                                  "[",
                                                  ","};
  std::string s = "\"";
  for (size_t i = rng() % 10; i > 0; --i) s += pieces[rng() % pieces.size()];
  return s + "\"";
}

std::string random_scalar(std::mt19937& rng) {
  static const std::vector<std::string> literals = {"true",
                                                    "false",
                                                    "null",
                                                    "0",
                                                    "-0",
                                                    "7",
                                                    "-12",
                                                    "123456789012345678",
                                                    "1234567890123456789",
                                                    "99999999999999999999",
                                                    "01",
                                                    "1.5",
                                                    "-2e3",
                                                    "1E2",
                                                    "-",
                                                    "tru",
                                                    "nul",
                                                    "[1,2]",
                                                    "{\"a\":1}",
                                                    "[]",
                                                    "{}"};
  if (rng() % 2 == 0) return random_json_string(rng);
  return literals[rng() % literals.size()];
}

std::string random_object(std::mt19937& rng) {
  static const std::vector<std::string> spaces = {"", " ", "\n", "\t", "\r\n  "};
  const auto space = [&] { return spaces[rng() % spaces.size()]; };
  std::string s = space() + "{";
  const size_t members = rng() % 5;
  for (size_t m = 0; m < members; ++m) {
    if (m > 0) s += ",";
    s += space() + (rng() % 4 == 0 ? random_json_string(rng) : "\"k" + std::to_string(rng() % 3) + "\"") + space() +
         ":" + space() + random_scalar(rng) + space();
  }
  return s + "}" + space();
}

}  // namespace

TEST(JsonReader, ReadsWhatNlohmannReadsForFlatObjectsAndBrokenOnes) {
  std::mt19937 rng(7122026);
  size_t valid = 0;
  size_t invalid = 0;
  for (int i = 0; i < 30000; ++i) {
    std::string text = random_object(rng);
    if (i % 3 == 1 && !text.empty()) text.resize(rng() % text.size());  // cut short
    if (i % 3 == 2 && !text.empty()) text[rng() % text.size()] = "\"\\{}:,0a \x02\xff"[rng() % 12];
    const json expected = json::parse(text, nullptr, false);
    (expected.is_discarded() ? invalid : valid) += 1;
    ASSERT_EQ(typed(read_json(text)), typed(expected)) << text;
  }
  EXPECT_GT(valid, 5000u);  // both sides of the line were exercised
  EXPECT_GT(invalid, 5000u);
}

TEST(JsonReader, WhatTheFastPathHandsOverIsStillRead) {
  for (const char* text : {"[1, 2]", "\"just a string\"", "{\"a\": {\"b\": [1, 2.5]}}", "{\"n\": 1e400}",
                           "{\"id\": 18446744073709551615}", "{\"id\": -9223372036854775808}", " 42 ", ""}) {
    EXPECT_EQ(typed(read_json(text)), typed(json::parse(text, nullptr, false))) << text;
  }
  const auto check = read_json(R"({"id": 7, "type": "check", "text": "Caf\u00e9 \ud83d\ude80 \"ok\"\n", "x": null})");
  EXPECT_EQ(check["text"], "Café 🚀 \"ok\"\n");
  EXPECT_TRUE(check["id"].is_number_unsigned());
}
