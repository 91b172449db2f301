#include "install/registry.hpp"

#include <cstdio>

namespace ownvoice::install {

namespace {

std::string escape_reg_string(const std::string& s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (char c : s) {
    if (c == '\\' || c == '"') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

}  // namespace

std::string render_reg_file(const std::vector<RegistryValue>& values) {
  std::vector<std::string> keys;
  for (const auto& v : values) {
    bool seen = false;
    for (const auto& k : keys) seen = seen || k == v.key;
    if (!seen) keys.push_back(v.key);
  }
  std::string out = "Windows Registry Editor Version 5.00\r\n";
  for (const auto& key : keys) {
    out += "\r\n[" + key + "]\r\n";
    for (const auto& v : values) {
      if (v.key != key) continue;
      out += v.name.empty() ? std::string("@") : "\"" + escape_reg_string(v.name) + "\"";
      out += "=";
      if (v.kind == RegistryValue::Kind::Dword) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "dword:%08x", static_cast<unsigned>(v.number));
        out += buf;
      } else {
        out += "\"" + escape_reg_string(v.text) + "\"";
      }
      out += "\r\n";
    }
  }
  return out;
}

std::string render_reg_delete(const std::vector<std::string>& keys) {
  std::string out = "Windows Registry Editor Version 5.00\r\n";
  for (const auto& key : keys) out += "\r\n[-" + key + "]\r\n";
  return out;
}

}  // namespace ownvoice::install
