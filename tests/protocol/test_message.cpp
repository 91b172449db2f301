// Request parsing and reply shortening, without a process around them.
#include <gtest/gtest.h>

#include <string>

#include "protocol/frame.hpp"
#include "protocol/message.hpp"
#include "text/normalize.hpp"

namespace ownvoice::protocol {
namespace {

using nlohmann::json;

ErrorCode parse_error(std::string_view body, json* id = nullptr) {
  json got_id;
  try {
    (void)parse_request(body, got_id);
  } catch (const ProtocolError& e) {
    if (id != nullptr) *id = got_id;
    return e.code();
  }
  ADD_FAILURE() << "parsed: " << body;
  return ErrorCode::Internal;
}

TEST(JsonDepth, CountsBracketsOutsideStringsOnly) {
  EXPECT_EQ(json_nesting_depth(R"({"a":[1,{"b":2}]})", 64), 3);
  EXPECT_EQ(json_nesting_depth(R"({"a":"[[[[{{{{"})", 64), 1);
  EXPECT_EQ(json_nesting_depth(R"({"a":"\"[[[["})", 64), 1);
  EXPECT_EQ(json_nesting_depth(R"({"a":"\\"}[[)", 64), 2);
  EXPECT_EQ(json_nesting_depth(std::string(100000, '['), 64), 65);
}

TEST(ParseRequest, ReadsIdTypeAndBody) {
  json id;
  const Request r = parse_request(R"({"id":"a1","type":"check","text":"hi"})", id);
  EXPECT_EQ(r.id, "a1");
  EXPECT_EQ(id, "a1");
  EXPECT_EQ(r.type, "check");
  EXPECT_EQ(r.string_field("text"), "hi");
}

TEST(ParseRequest, ErrorsHaveStableCodes) {
  EXPECT_EQ(parse_error(""), ErrorCode::EmptyMessage);
  EXPECT_EQ(parse_error("{\"type\":\"ping\",\"x\":\"\xff\"}"), ErrorCode::InvalidUtf8);
  EXPECT_EQ(parse_error("{\"type\":"), ErrorCode::InvalidJson);
  EXPECT_EQ(parse_error("[1,2]"), ErrorCode::NotAnObject);
  EXPECT_EQ(parse_error("42"), ErrorCode::NotAnObject);
  EXPECT_EQ(parse_error(R"({"id":1})"), ErrorCode::MissingField);
  EXPECT_EQ(parse_error(R"({"id":1,"type":5})"), ErrorCode::WrongType);
  EXPECT_EQ(parse_error(R"({"id":[1],"type":"ping"})"), ErrorCode::WrongType);
  EXPECT_EQ(parse_error("{\"id\":\"" + std::string(300, 'i') + "\",\"type\":\"ping\"}"), ErrorCode::InvalidValue);
}

TEST(ParseRequest, ErrorsAfterTheIdIsKnownEchoIt) {
  json id;
  EXPECT_EQ(parse_error(R"({"id":7,"type":false})", &id), ErrorCode::WrongType);
  EXPECT_EQ(id, 7);
}

TEST(ParseRequest, DeepNestingIsInvalidJsonNotACrash) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_EQ(parse_error(deep), ErrorCode::InvalidJson);
  std::string at_limit =
      "{\"type\":\"ping\",\"x\":" + std::string(kMaxJsonDepth - 1, '[') + std::string(kMaxJsonDepth - 1, ']') + "}";
  json id;
  EXPECT_NO_THROW((void)parse_request(at_limit, id));
}

TEST(RequestFields, MissingAndWrongTypesNameTheField) {
  json id;
  const Request r = parse_request(R"({"type":"check","text":3,"flag":"yes","n":1.5})", id);
  try {
    (void)r.string_field("platform");
    FAIL();
  } catch (const ProtocolError& e) {
    EXPECT_EQ(e.code(), ErrorCode::MissingField);
    EXPECT_STREQ(e.what(), "missing field 'platform'");
  }
  try {
    (void)r.string_field("text");
    FAIL();
  } catch (const ProtocolError& e) {
    EXPECT_EQ(e.code(), ErrorCode::WrongType);
    EXPECT_STREQ(e.what(), "field 'text' must be a string, not number");
  }
  EXPECT_THROW((void)r.optional_bool("flag"), ProtocolError);
  EXPECT_THROW((void)r.optional_integer("n"), ProtocolError);
  EXPECT_FALSE(r.optional_string("absent").has_value());
}

TEST(SerializeReply, SmallRepliesAreUntouched) {
  const json reply = make_success(1, "ping", {{"pong", true}});
  EXPECT_EQ(serialize_reply(reply, kMaxReplyBytes), R"({"id":1,"ok":true,"result":{"pong":true},"type":"ping"})");
}

TEST(SerializeReply, DropsFindingsFromTheEndAndSaysTruncated) {
  json findings = json::array();
  for (int i = 0; i < 20000; ++i) findings.push_back({{"rule", "r" + std::to_string(i)}, {"excerpt", "some words"}});
  const std::string out =
      serialize_reply(make_success(2, "check", {{"verdict", "block"}, {"findings", findings}}), 100000);
  ASSERT_LE(out.size(), 100000u);
  const json parsed = json::parse(out);
  EXPECT_TRUE(parsed["result"]["truncated"].get<bool>());
  EXPECT_EQ(parsed["result"]["verdict"], "block");
  const auto& kept = parsed["result"]["findings"];
  ASSERT_GT(kept.size(), 1000u);
  ASSERT_LT(kept.size(), 20000u);
  EXPECT_EQ(kept[0]["rule"], "r0");
  EXPECT_EQ(kept.back()["rule"], "r" + std::to_string(kept.size() - 1));
}

TEST(SerializeReply, CutsLongStringsAtACharacterBoundary) {
  std::string text;
  while (text.size() < 300000) text += "é€😀a";
  const std::string out = serialize_reply(make_success(3, "check", {{"proposed_text", text}}), 100000);
  ASSERT_LE(out.size(), 100000u);
  EXPECT_TRUE(text::is_valid_utf8(out));
  const json parsed = json::parse(out);
  EXPECT_TRUE(parsed["result"]["truncated"].get<bool>());
  const std::string kept = parsed["result"]["proposed_text"];
  EXPECT_GT(kept.size(), 50000u);
  EXPECT_EQ(text.compare(0, kept.size(), kept), 0);
}

TEST(SerializeReply, ErrorEnvelopeKeepsItsShape) {
  const json parsed = json::parse(serialize_reply(make_error(nullptr, ErrorCode::MessageTooLarge, "too big"), 1000));
  EXPECT_EQ(parsed, json::parse(R"({"id":null,"ok":false,"error":{"code":"message_too_large","message":"too big"}})"));
}

TEST(ErrorCodes, NamesMatchProtocolMd) {
  // PROTOCOL.md's table, in order: append-only.
  const char* expected[] = {"invalid_json",      "invalid_utf8",        "message_too_large",
                            "empty_message",     "not_an_object",       "unknown_type",
                            "missing_field",     "wrong_type",          "invalid_value",
                            "protocol_mismatch", "forbidden_caller",    "unknown_check_id",
                            "consent_required",  "log_not_initialized", "log_already_initialized",
                            "wrong_passphrase",  "log_io_error",        "log_corrupt",
                            "internal"};
  for (int i = 0; i < 19; ++i) EXPECT_EQ(to_string(static_cast<ErrorCode>(i)), expected[i]);
}

}  // namespace
}  // namespace ownvoice::protocol
