#pragma once
// Windows registry values as data: rendered to .reg files everywhere (golden tests,
// enterprise templates), written through the Win32 API only on Windows.
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
  std::string text;  // for String
  std::uint32_t number = 0;  // for Dword
};

// A regedit file (version 5.00, CRLF line ends as regedit writes them). Values are
// grouped under their key in first-seen order.
std::string render_reg_file(const std::vector<RegistryValue>& values);
// A regedit file that deletes the given keys ([-KEY]).
std::string render_reg_delete(const std::vector<std::string>& keys);

#if defined(_WIN32)
// Sets a key's (Default) string value, creating the key. False with `error` on failure.
bool registry_set_default(const std::string& key, const std::string& value, std::string& error);
// The key's (Default) string value, or nullopt when the key or value is missing.
std::optional<std::string> registry_get_default(const std::string& key);
// Deletes a key (only our own org.ownvoice.host keys are ever passed).
bool registry_delete_key(const std::string& key, std::string& error);
#endif

}  // namespace ownvoice::install
