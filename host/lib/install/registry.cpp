#include "install/registry.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

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

bool is_ascii(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// UTF-8 -> UTF-16LE bytes (invalid sequences become U+FFFD), with the terminating NUL.
std::vector<unsigned char> utf16le(const std::string& s) {
  std::vector<unsigned char> out;
  auto unit = [&out](unsigned u) {
    out.push_back(static_cast<unsigned char>(u & 0xff));
    out.push_back(static_cast<unsigned char>(u >> 8));
  };
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    unsigned cp = 0xfffd;
    std::size_t len = 1;
    if (b < 0x80) {
      cp = b;
    } else if ((b >> 5) == 0x6 && i + 1 < s.size()) {
      cp = ((b & 0x1fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3fu);
      len = 2;
    } else if ((b >> 4) == 0xe && i + 2 < s.size()) {
      cp = ((b & 0x0fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3fu) << 6) |
           (static_cast<unsigned char>(s[i + 2]) & 0x3fu);
      len = 3;
    } else if ((b >> 3) == 0x1e && i + 3 < s.size()) {
      cp = ((b & 0x07u) << 18) | ((static_cast<unsigned char>(s[i + 1]) & 0x3fu) << 12) |
           ((static_cast<unsigned char>(s[i + 2]) & 0x3fu) << 6) | (static_cast<unsigned char>(s[i + 3]) & 0x3fu);
      len = 4;
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      unit(0xd800 | (cp >> 10));
      unit(0xdc00 | (cp & 0x3ff));
    } else {
      unit(cp);
    }
    i += len;
  }
  unit(0);
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
      } else if (is_ascii(v.text)) {
        out += "\"" + escape_reg_string(v.text) + "\"";
      } else {
        // regedit reads a UTF-8 file as the ANSI code page; hex(1) (REG_SZ as UTF-16LE
        // bytes) keeps accented text intact and the file plain ASCII.
        out += "hex(1):";
        const auto bytes = utf16le(v.text);
        for (std::size_t i = 0; i < bytes.size(); ++i) {
          char buf[4];
          std::snprintf(buf, sizeof buf, "%02x", static_cast<unsigned>(bytes[i]));
          if (i != 0) out += ",";
          out += buf;
        }
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
