#pragma once
// Windows registry values as data: rendered to .reg files everywhere (golden tests,
// enterprise templates), written through the Win32 API only on Windows (platform/).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ownvoice::install {

struct RegistryValue {
  enum class Kind { String, Dword };
  std::string key;   // "HKEY_LOCAL_MACHINE\Software\Policies\Google\Chrome"
  std::string name;  // "" is the key's (Default) value, shown as @ in .reg files
  Kind kind = Kind::String;
  std::string text;          // for String
  std::uint32_t number = 0;  // for Dword
};

// A regedit file (version 5.00, CRLF line ends as regedit writes them). Values are
// grouped under their key in first-seen order.
std::string render_reg_file(const std::vector<RegistryValue>& values);
// A regedit file that deletes the given keys ([-KEY]).
std::string render_reg_delete(const std::vector<std::string>& keys);
// Reading and writing the real registry is platform::registry_* (host/lib/platform/).

}  // namespace ownvoice::install
