// Compact JSON text, the same bytes as nlohmann::json::dump() (tests/engine/test_json_writer.cpp
// compares both on results and on random values).
#include "engine/json_writer.hpp"

#include <array>

#include "text/normalize.hpp"

namespace ownvoice::engine {
namespace {

using nlohmann::json;

// nlohmann's escapes with ensure_ascii off: the two-character forms, \u00XX (lower case)
// for the other control characters, every other byte as it is (DEL included).
void append_escaped(std::string& out, const std::string& s) {
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s, run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        static constexpr std::array<char, 16> kHex = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                      '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
      }
    }
  }
  out.append(s, run, s.size() - run);
}

bool append_string(std::string& out, const std::string& s) {
  if (!text::is_valid_utf8(s)) return false;
  out += '"';
  append_escaped(out, s);
  out += '"';
  return true;
}

// False when a string is not valid UTF-8: the caller then lets nlohmann write the value.
bool append_value(std::string& out, const json& v) {
  switch (v.type()) {
    case json::value_t::object: {
      out += '{';
      bool first = true;
      for (auto it = v.begin(); it != v.end(); ++it) {
        if (!first) out += ',';
        first = false;
        if (!append_string(out, it.key())) return false;
        out += ':';
        if (!append_value(out, it.value())) return false;
      }
      out += '}';
      return true;
    }
    case json::value_t::array: {
      out += '[';
      bool first = true;
      for (const auto& item : v) {
        if (!first) out += ',';
        first = false;
        if (!append_value(out, item)) return false;
      }
      out += ']';
      return true;
    }
    case json::value_t::string: return append_string(out, v.get_ref<const std::string&>());
    case json::value_t::boolean: out += v.get<bool>() ? "true" : "false"; return true;
    case json::value_t::null: out += "null"; return true;
    case json::value_t::number_integer: out += std::to_string(v.get<json::number_integer_t>()); return true;
    case json::value_t::number_unsigned: out += std::to_string(v.get<json::number_unsigned_t>()); return true;
    default: out += v.dump(); return true;  // floats (nlohmann's shortest form), binary, discarded
  }
}

}  // namespace

std::string write_json(const json& value, json::error_handler_t invalid_utf8) {
  std::string out;
  if (append_value(out, value)) return out;
  return value.dump(-1, ' ', false, invalid_utf8);
}

}  // namespace ownvoice::engine
