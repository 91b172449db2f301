#include "win_process.hpp"

#include <windows.h>

#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include "platform/platform.hpp"

namespace ownvoice::wintest {
namespace {

std::wstring widen(std::string_view s) { return platform::fs_path(s).native(); }
std::string narrow(const std::wstring& s) { return platform::utf8(std::filesystem::path(s)); }

// The quoting CommandLineToArgvW and the MSVC runtime undo.
std::wstring quote(const std::wstring& arg) {
  if (!arg.empty() && arg.find_first_of(L" \t\"") == std::wstring::npos) return arg;
  std::wstring out = L"\"";
  std::size_t backslashes = 0;
  for (wchar_t c : arg) {
    if (c == L'\\') {
      ++backslashes;
    } else if (c == L'"') {
      out.append(backslashes * 2 + 1, L'\\');
      backslashes = 0;
    } else {
      out.append(backslashes, L'\\');
      backslashes = 0;
    }
    if (c != L'\\') out.push_back(c);
  }
  out.append(backslashes * 2, L'\\');
  out.push_back(L'"');
  return out;
}

std::wstring environment_block(const std::map<std::string, std::string>& overrides) {
  std::map<std::wstring, std::wstring> vars;  // case-insensitive in Windows; tests use canonical names
  wchar_t* block = GetEnvironmentStringsW();
  for (const wchar_t* p = block; *p != L'\0'; p += wcslen(p) + 1) {
    const std::wstring entry(p);
    const auto eq = entry.find(L'=', 1);
    if (eq == std::wstring::npos) continue;
    vars[entry.substr(0, eq)] = entry.substr(eq + 1);
  }
  FreeEnvironmentStringsW(block);
  for (const auto& [k, v] : overrides) {
    const std::wstring wk = widen(k);
    for (auto it = vars.begin(); it != vars.end();) {
      it = _wcsicmp(it->first.c_str(), wk.c_str()) == 0 ? vars.erase(it) : std::next(it);
    }
    vars[wk] = widen(v);
  }
  std::wstring out;
  for (const auto& [k, v] : vars) out += k + L"=" + v + L'\0';
  out.push_back(L'\0');
  return out;
}

void drain(HANDLE h, std::string& into) {
  char buf[65536];
  DWORD got = 0;
  while (ReadFile(h, buf, sizeof buf, &got, nullptr) && got > 0) into.append(buf, got);
}

}  // namespace

ProcessResult run(const std::vector<std::string>& argv, std::string_view input,
                  const std::map<std::string, std::string>& env, std::chrono::milliseconds timeout) {
  SECURITY_ATTRIBUTES inherit{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
  HANDLE in_r = nullptr, in_w = nullptr, out_r = nullptr, out_w = nullptr, err_r = nullptr, err_w = nullptr;
  if (!CreatePipe(&in_r, &in_w, &inherit, 0) || !CreatePipe(&out_r, &out_w, &inherit, 0) ||
      !CreatePipe(&err_r, &err_w, &inherit, 0)) {
    throw std::runtime_error("CreatePipe failed");
  }
  // Our ends stay in this process.
  SetHandleInformation(in_w, HANDLE_FLAG_INHERIT, 0);
  SetHandleInformation(out_r, HANDLE_FLAG_INHERIT, 0);
  SetHandleInformation(err_r, HANDLE_FLAG_INHERIT, 0);

  std::wstring cmdline;
  for (const auto& a : argv) cmdline += (cmdline.empty() ? L"" : L" ") + quote(widen(a));
  std::wstring envblock = environment_block(env);
  STARTUPINFOW si{};
  si.cb = sizeof si;
  si.dwFlags = STARTF_USESTDHANDLES;
  si.hStdInput = in_r;
  si.hStdOutput = out_w;
  si.hStdError = err_w;
  PROCESS_INFORMATION pi{};
  const std::wstring program = widen(argv.at(0));
  if (!CreateProcessW(program.c_str(), cmdline.data(), nullptr, nullptr, TRUE,
                      CREATE_UNICODE_ENVIRONMENT | CREATE_NO_WINDOW, envblock.data(), nullptr, &si, &pi)) {
    const DWORD code = GetLastError();
    for (HANDLE h : {in_r, in_w, out_r, out_w, err_r, err_w}) CloseHandle(h);
    throw std::runtime_error("CreateProcessW(" + argv.at(0) + ") failed: " + std::to_string(code));
  }
  CloseHandle(in_r);
  CloseHandle(out_w);
  CloseHandle(err_w);
  ProcessResult r;
  std::thread writer([&] {
    std::size_t done = 0;
    while (done < input.size()) {
      DWORD put = 0;
      if (!WriteFile(in_w, input.data() + done, static_cast<DWORD>(input.size() - done), &put, nullptr)) break;
      done += put;
    }
    CloseHandle(in_w);
  });
  std::thread out_reader([&] { drain(out_r, r.out); });
  std::thread err_reader([&] { drain(err_r, r.err); });
  if (WaitForSingleObject(pi.hProcess, static_cast<DWORD>(timeout.count())) == WAIT_TIMEOUT) {
    r.timed_out = true;
    TerminateProcess(pi.hProcess, 124);
    WaitForSingleObject(pi.hProcess, INFINITE);
  }
  writer.join();
  out_reader.join();
  err_reader.join();
  GetExitCodeProcess(pi.hProcess, &r.exit_code);
  for (HANDLE h : {pi.hProcess, pi.hThread, out_r, err_r}) CloseHandle(h);
  return r;
}

std::string windows_path(std::string_view p) {
  if (p.empty() || p.front() != '/') return std::string(p);
  std::string out = "Z:";
  for (char c : p) out.push_back(c == '/' ? '\\' : c);
  return out;
}

TempDir::TempDir(std::string_view name) {
  wchar_t tmp[MAX_PATH + 1];
  GetTempPathW(MAX_PATH + 1, tmp);
  const auto base = std::filesystem::path(tmp) / (L"ownvoice-test-" + std::to_wstring(GetCurrentProcessId()) + L"-" +
                                                  std::to_wstring(GetTickCount64()));
  const auto full = base / platform::fs_path(name);
  std::filesystem::create_directories(full);
  path_ = platform::utf8(base);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(platform::fs_path(path_), ec);
}

std::string frame(std::string_view body) {
  const auto n = static_cast<std::uint32_t>(body.size());
  std::string out(reinterpret_cast<const char*>(&n), 4);
  out.append(body);
  return out;
}

std::vector<std::string> split_frames(std::string_view bytes, std::string* rest) {
  std::vector<std::string> frames;
  while (bytes.size() >= 4) {
    std::uint32_t n = 0;
    std::memcpy(&n, bytes.data(), 4);
    if (bytes.size() - 4 < n) break;
    frames.emplace_back(bytes.substr(4, n));
    bytes.remove_prefix(4 + n);
  }
  if (rest != nullptr) *rest = std::string(bytes);
  return frames;
}

bool file_exists(const std::string& path) {
  std::error_code ec;
  return std::filesystem::exists(platform::fs_path(path), ec);
}

std::string read_file(const std::string& path) {
  HANDLE h = CreateFileW(widen(path).c_str(), GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                         nullptr, OPEN_EXISTING, 0, nullptr);
  if (h == INVALID_HANDLE_VALUE) return {};
  std::string out;
  drain(h, out);
  CloseHandle(h);
  return out;
}

void write_file(const std::string& path, std::string_view content) {
  HANDLE h = CreateFileW(widen(path).c_str(), GENERIC_WRITE, 0, nullptr, CREATE_ALWAYS, 0, nullptr);
  if (h == INVALID_HANDLE_VALUE) throw std::runtime_error("cannot write " + path);
  DWORD put = 0;
  WriteFile(h, content.data(), static_cast<DWORD>(content.size()), &put, nullptr);
  CloseHandle(h);
}

std::string system_tool(const char* exe) {
  wchar_t dir[MAX_PATH];
  GetSystemDirectoryW(dir, MAX_PATH);
  return narrow(dir) + "\\" + exe;
}

RegValue reg_query_default(const std::string& key) {
  // Read with the Win32 API, not through reg.exe: reg.exe prints in the console code page,
  // which cannot show C:\Users\Hélène Müller.
  RegValue v;
  const auto slash = key.find('\\');
  const std::string hive = key.substr(0, slash);
  HKEY root = hive == "HKEY_LOCAL_MACHINE" || hive == "HKLM" ? HKEY_LOCAL_MACHINE : HKEY_CURRENT_USER;
  const std::wstring sub = widen(key.substr(slash + 1));
  DWORD bytes = 0;
  if (RegGetValueW(root, sub.c_str(), nullptr, RRF_RT_REG_SZ, nullptr, nullptr, &bytes) != ERROR_SUCCESS) return v;
  std::wstring buf(bytes / sizeof(wchar_t), L'\0');
  if (RegGetValueW(root, sub.c_str(), nullptr, RRF_RT_REG_SZ, nullptr, buf.data(), &bytes) != ERROR_SUCCESS) return v;
  while (!buf.empty() && buf.back() == L'\0') buf.pop_back();
  v.found = true;
  v.value = narrow(buf);
  return v;
}

bool reg_key_exists(const std::string& key) {
  const auto slash = key.find('\\');
  const std::string hive = key.substr(0, slash);
  HKEY root = hive == "HKEY_LOCAL_MACHINE" || hive == "HKLM" ? HKEY_LOCAL_MACHINE : HKEY_CURRENT_USER;
  HKEY h = nullptr;
  if (RegOpenKeyExW(root, widen(key.substr(slash + 1)).c_str(), 0, KEY_READ | KEY_WOW64_64KEY, &h) != ERROR_SUCCESS) {
    return false;
  }
  RegCloseKey(h);
  return true;
}

bool reg_run(const std::vector<std::string>& args) {
  std::vector<std::string> argv{system_tool("reg.exe")};
  argv.insert(argv.end(), args.begin(), args.end());
  return run(argv).exit_code == 0;
}

}  // namespace ownvoice::wintest
