// Win32 registry access for the installer. Compiled only on Windows (see CMakeLists.txt).
#include "install/registry.hpp"

#include <windows.h>

namespace ownvoice::install {

namespace {

std::wstring widen(const std::string& s) {
  if (s.empty()) return {};
  const int n = MultiByteToWideChar(CP_UTF8, 0, s.data(), static_cast<int>(s.size()), nullptr, 0);
  std::wstring out(static_cast<std::size_t>(n), L'\0');
  MultiByteToWideChar(CP_UTF8, 0, s.data(), static_cast<int>(s.size()), out.data(), n);
  return out;
}

std::string narrow(const std::wstring& s) {
  if (s.empty()) return {};
  const int n = WideCharToMultiByte(CP_UTF8, 0, s.data(), static_cast<int>(s.size()), nullptr, 0, nullptr, nullptr);
  std::string out(static_cast<std::size_t>(n), '\0');
  WideCharToMultiByte(CP_UTF8, 0, s.data(), static_cast<int>(s.size()), out.data(), n, nullptr, nullptr);
  return out;
}

// Splits "HKEY_CURRENT_USER\Software\..." into the root handle and the subkey.
bool split_key(const std::string& key, HKEY& root, std::wstring& subkey) {
  const auto slash = key.find('\\');
  const std::string hive = key.substr(0, slash);
  if (hive == "HKEY_CURRENT_USER" || hive == "HKCU") {
    root = HKEY_CURRENT_USER;
  } else if (hive == "HKEY_LOCAL_MACHINE" || hive == "HKLM") {
    root = HKEY_LOCAL_MACHINE;
  } else {
    return false;
  }
  subkey = slash == std::string::npos ? std::wstring() : widen(key.substr(slash + 1));
  return true;
}

std::string error_text(LSTATUS status) { return "Windows error " + std::to_string(static_cast<long>(status)); }

}  // namespace

bool registry_set_default(const std::string& key, const std::string& value, std::string& error) {
  HKEY root{};
  std::wstring subkey;
  if (!split_key(key, root, subkey)) {
    error = "unsupported registry hive in " + key;
    return false;
  }
  const std::wstring wide = widen(value);
  // Release builds are 64-bit, so HKLM writes land in the 64-bit view browsers read first.
  const LSTATUS status =
      RegSetKeyValueW(root, subkey.c_str(), nullptr, REG_SZ, wide.c_str(),
                      static_cast<DWORD>((wide.size() + 1) * sizeof(wchar_t)));
  if (status != ERROR_SUCCESS) {
    error = error_text(status);
    return false;
  }
  return true;
}

std::optional<std::string> registry_get_default(const std::string& key) {
  HKEY root{};
  std::wstring subkey;
  if (!split_key(key, root, subkey)) return std::nullopt;
  DWORD bytes = 0;
  if (RegGetValueW(root, subkey.c_str(), nullptr, RRF_RT_REG_SZ, nullptr, nullptr, &bytes) != ERROR_SUCCESS) {
    return std::nullopt;
  }
  std::wstring buf(bytes / sizeof(wchar_t), L'\0');
  if (RegGetValueW(root, subkey.c_str(), nullptr, RRF_RT_REG_SZ, nullptr, buf.data(), &bytes) != ERROR_SUCCESS) {
    return std::nullopt;
  }
  while (!buf.empty() && buf.back() == L'\0') buf.pop_back();
  return narrow(buf);
}

bool registry_delete_key(const std::string& key, std::string& error) {
  HKEY root{};
  std::wstring subkey;
  if (!split_key(key, root, subkey)) {
    error = "unsupported registry hive in " + key;
    return false;
  }
  const LSTATUS status = RegDeleteTreeW(root, subkey.c_str());
  if (status != ERROR_SUCCESS && status != ERROR_FILE_NOT_FOUND) {
    error = error_text(status);
    return false;
  }
  if (status == ERROR_SUCCESS) RegDeleteKeyW(root, subkey.c_str());
  return true;
}

}  // namespace ownvoice::install
