#pragma once
// Requests and replies (PROTOCOL.md "Envelopes"): turning one frame body into a request
// without trusting it (UTF-8 first, then a bracket-depth pre-scan, then JSON), typed
// access to parameters that answers with the stable error codes, and the envelopes.
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "protocol/error_codes.hpp"

namespace ownvoice::protocol {

// JSON nested deeper than this is refused before the parser sees it (a 100,000-deep
// array must not cost stack or time).
inline constexpr int kMaxJsonDepth = 64;
// An id is echoed in every reply; a longer one would let a request inflate its error.
inline constexpr std::size_t kMaxIdBytes = 256;

// A request that can be answered only with an error. `message` is English for people
// and never contains post text.
class ProtocolError : public std::runtime_error {
 public:
  ProtocolError(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  [[nodiscard]] ErrorCode code() const { return code_; }

 private:
  ErrorCode code_;
};

struct Request {
  nlohmann::json id;  // string or number, echoed in the reply
  std::string type;
  nlohmann::json body;  // the whole request object

  // Parameter access: a missing required field is missing_field, a field of another
  // JSON type is wrong_type (both name the field). Optional ones return nullopt when
  // absent or null.
  [[nodiscard]] const std::string& string_field(const char* name) const;
  [[nodiscard]] std::optional<std::string> optional_string(const char* name) const;
  [[nodiscard]] std::optional<bool> optional_bool(const char* name) const;
  [[nodiscard]] std::optional<long long> optional_integer(const char* name) const;
  [[nodiscard]] const nlohmann::json* optional_object(const char* name) const;
};

// Largest bracket nesting outside strings; stops counting past `limit` (returns limit+1).
int json_nesting_depth(std::string_view bytes, int limit);

// Parses one frame body. On failure throws ProtocolError; `id_out` receives the
// request's id whenever it could be read, so the error reply can echo it.
Request parse_request(std::string_view body, nlohmann::json& id_out);

nlohmann::json make_success(const nlohmann::json& id, std::string_view type, nlohmann::json result);
nlohmann::json make_error(const nlohmann::json& id, ErrorCode code, std::string_view message);

// Serialises a reply within max_bytes. A success whose result is too large is shortened
// (array elements dropped from the end, then long strings cut at a character boundary)
// and marked "truncated": true; the frame itself is never cut.
std::string serialize_reply(nlohmann::json reply, std::size_t max_bytes);

// dump() that never throws (invalid UTF-8 from anywhere becomes U+FFFD).
std::string dump_json(const nlohmann::json& value);

}  // namespace ownvoice::protocol
