#include "protocol/message.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "engine/json_reader.hpp"
#include "engine/json_writer.hpp"
#include "text/normalize.hpp"

namespace ownvoice::protocol {
namespace {

using nlohmann::json;

const char* json_type_name(const json& v) { return v.type_name(); }

std::string wrong_type_message(const char* name, const char* expected, const json& got) {
  return std::string("field '") + name + "' must be " + expected + ", not " + json_type_name(got);
}

const json* find_field(const json& body, const char* name) {
  const auto it = body.find(name);
  if (it == body.end() || it->is_null()) return nullptr;
  return &*it;
}

// Cuts s to at most max bytes without splitting a UTF-8 sequence.
void cut_utf8(std::string& s, std::size_t max) {
  if (s.size() <= max) return;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0u) == 0x80u) --end;
  s.resize(end);
}

// All arrays in the result, largest serialised first: the ones worth shortening.
void collect_arrays(json& node, std::vector<json*>& out) {
  if (node.is_array()) {
    out.push_back(&node);
    for (auto& child : node) collect_arrays(child, out);
  } else if (node.is_object()) {
    for (auto& [key, child] : node.items()) collect_arrays(child, out);
  }
}

void collect_strings(json& node, std::vector<std::string*>& out) {
  if (node.is_string()) {
    out.push_back(node.get_ptr<std::string*>());
  } else if (node.is_array() || node.is_object()) {
    for (auto& child : node) collect_strings(child, out);
  }
}

}  // namespace

const std::string& Request::string_field(const char* name) const {
  const json* v = find_field(body, name);
  if (v == nullptr) throw ProtocolError(ErrorCode::MissingField, std::string("missing field '") + name + "'");
  if (!v->is_string()) throw ProtocolError(ErrorCode::WrongType, wrong_type_message(name, "a string", *v));
  return v->get_ref<const std::string&>();
}

std::optional<std::string> Request::optional_string(const char* name) const {
  const json* v = find_field(body, name);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) throw ProtocolError(ErrorCode::WrongType, wrong_type_message(name, "a string", *v));
  return v->get<std::string>();
}

std::optional<bool> Request::optional_bool(const char* name) const {
  const json* v = find_field(body, name);
  if (v == nullptr) return std::nullopt;
  if (!v->is_boolean()) throw ProtocolError(ErrorCode::WrongType, wrong_type_message(name, "a boolean", *v));
  return v->get<bool>();
}

std::optional<long long> Request::optional_integer(const char* name) const {
  const json* v = find_field(body, name);
  if (v == nullptr) return std::nullopt;
  if (v->is_number_integer()) return v->get<long long>();
  if (v->is_number_unsigned()) {
    const auto u = v->get<unsigned long long>();
    if (u <= static_cast<unsigned long long>(INT64_MAX)) return static_cast<long long>(u);
    throw ProtocolError(ErrorCode::InvalidValue, std::string("field '") + name + "' is out of range");
  }
  throw ProtocolError(ErrorCode::WrongType, wrong_type_message(name, "an integer", *v));
}

const json* Request::optional_object(const char* name) const {
  const json* v = find_field(body, name);
  if (v == nullptr) return nullptr;
  if (!v->is_object()) throw ProtocolError(ErrorCode::WrongType, wrong_type_message(name, "an object", *v));
  return v;
}

int json_nesting_depth(std::string_view bytes, int limit) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  bool escaped = false;
  for (const char c : bytes) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    switch (c) {
      case '"': in_string = true; break;
      case '[':
      case '{':
        if (++depth > deepest) {
          deepest = depth;
          if (deepest > limit) return limit + 1;
        }
        break;
      case ']':
      case '}':
        if (depth > 0) --depth;
        break;
      default: break;
    }
  }
  return deepest;
}

Request parse_request(std::string_view body, json& id_out) {
  id_out = nullptr;
  if (body.empty()) throw ProtocolError(ErrorCode::EmptyMessage, "the message is empty");
  if (!text::is_valid_utf8(body)) throw ProtocolError(ErrorCode::InvalidUtf8, "the message is not valid UTF-8");
  if (json_nesting_depth(body, kMaxJsonDepth) > kMaxJsonDepth) {
    throw ProtocolError(ErrorCode::InvalidJson,
                        "the message is nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
  }
  json doc = engine::read_json(body);  // nlohmann's reading, faster for a flat request
  if (doc.is_discarded()) throw ProtocolError(ErrorCode::InvalidJson, "the message is not valid JSON");
  if (!doc.is_object()) throw ProtocolError(ErrorCode::NotAnObject, "the message is not a JSON object");

  Request request;
  if (const auto it = doc.find("id"); it != doc.end()) {
    if (it->is_string() && it->get_ref<const std::string&>().size() > kMaxIdBytes) {
      throw ProtocolError(ErrorCode::InvalidValue,
                          "field 'id' is longer than " + std::to_string(kMaxIdBytes) + " bytes");
    }
    if (it->is_string() || it->is_number()) {
      id_out = *it;
    } else if (!it->is_null()) {
      throw ProtocolError(ErrorCode::WrongType, wrong_type_message("id", "a string or a number", *it));
    }
  }
  request.id = id_out;
  const auto type = doc.find("type");
  if (type == doc.end() || type->is_null()) throw ProtocolError(ErrorCode::MissingField, "missing field 'type'");
  if (!type->is_string()) throw ProtocolError(ErrorCode::WrongType, wrong_type_message("type", "a string", *type));
  request.type = type->get<std::string>();
  request.body = std::move(doc);
  return request;
}

json make_success(const json& id, std::string_view type, json result) {
  return json{{"id", id}, {"ok", true}, {"type", type}, {"result", std::move(result)}};
}

json make_error(const json& id, ErrorCode code, std::string_view message) {
  return json{{"id", id}, {"ok", false}, {"error", {{"code", to_string(code)}, {"message", message}}}};
}

std::string dump_json(const json& value) { return engine::write_json(value, json::error_handler_t::replace); }

std::string serialize_reply(json reply, std::size_t max_bytes) {
  std::string out = dump_json(reply);
  if (out.size() <= max_bytes) return out;

  const auto result = reply.find("result");
  if (result == reply.end() || !result->is_object()) {
    // Error envelopes are small by construction; keep only the code if not.
    json small = reply;
    if (small.contains("error")) small["error"]["message"] = "";
    return dump_json(small);
  }
  (*result)["truncated"] = true;

  // 1. Drop elements from the end of the arrays, largest array first. An array
  //    serialises as "[" + elements joined by "," + "]", so one pass over the element
  //    sizes tells how many fit: linear, even for 100,000 findings.
  std::vector<json*> arrays;
  collect_arrays(*result, arrays);
  std::stable_sort(arrays.begin(), arrays.end(), [](const json* a, const json* b) { return a->size() > b->size(); });
  for (json* array : arrays) {
    if (dump_json(reply).size() <= max_bytes) return dump_json(reply);
    json full = json::array();
    full.swap(*array);
    const std::size_t base = dump_json(reply).size();  // with this array empty
    std::size_t used = base;
    std::size_t keep = 0;
    for (const auto& element : full) {
      const std::size_t cost = dump_json(element).size() + (keep > 0 ? 1 : 0);
      if (used + cost > max_bytes) break;
      used += cost;
      ++keep;
    }
    full.erase(full.begin() + static_cast<std::ptrdiff_t>(keep), full.end());
    array->swap(full);
  }

  // 2. Cut long strings, longest first, to what still fits.
  out = dump_json(reply);
  if (out.size() <= max_bytes) return out;
  std::vector<std::string*> strings;
  collect_strings(*result, strings);
  std::stable_sort(strings.begin(), strings.end(),
                   [](const std::string* a, const std::string* b) { return a->size() > b->size(); });
  for (std::string* s : strings) {
    const std::size_t over = out.size() - max_bytes;
    // Escaping can make a string's serialised form up to 6x its size; cut generously.
    cut_utf8(*s, s->size() > over + 64 ? s->size() - over - 64 : 0);
    out = dump_json(reply);
    if (out.size() <= max_bytes) return out;
  }

  // 3. Still too large (pathological keys): say so rather than cut the frame.
  *result = json{{"truncated", true}};
  return dump_json(reply);
}

}  // namespace ownvoice::protocol
