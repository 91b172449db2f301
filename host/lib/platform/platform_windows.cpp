// Windows (see platform.hpp): wide-character environment and file names, binary stdio,
// owner-only DACLs, the console without echo, and what Windows offers instead of seccomp.
#include <windows.h>

#include <aclapi.h>
#include <fcntl.h>
#include <io.h>
#include <sddl.h>
#include <shellapi.h>

#include <cerrno>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <vector>

#include "platform/platform.hpp"

namespace ownvoice::platform {
namespace {

std::wstring widen(std::string_view s) {
  if (s.empty()) return {};
  const int n = MultiByteToWideChar(CP_UTF8, 0, s.data(), static_cast<int>(s.size()), nullptr, 0);
  std::wstring out(static_cast<std::size_t>(n), L'\0');
  MultiByteToWideChar(CP_UTF8, 0, s.data(), static_cast<int>(s.size()), out.data(), n);
  return out;
}

std::string narrow(std::wstring_view s) {
  if (s.empty()) return {};
  const int n = WideCharToMultiByte(CP_UTF8, 0, s.data(), static_cast<int>(s.size()), nullptr, 0, nullptr, nullptr);
  std::string out(static_cast<std::size_t>(n), '\0');
  WideCharToMultiByte(CP_UTF8, 0, s.data(), static_cast<int>(s.size()), out.data(), n, nullptr, nullptr);
  return out;
}

std::string last_error_text(DWORD code) {
  wchar_t* buf = nullptr;
  const DWORD n =
      FormatMessageW(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS,
                     nullptr, code, 0, reinterpret_cast<wchar_t*>(&buf), 0, nullptr);
  std::string text = n > 0 ? narrow(std::wstring_view(buf, n)) : std::string();
  if (buf != nullptr) LocalFree(buf);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
  return text.empty() ? "Windows error " + std::to_string(code) : text + " (" + std::to_string(code) + ")";
}

struct HandleCloser {
  void operator()(HANDLE h) const {
    if (h != nullptr && h != INVALID_HANDLE_VALUE) CloseHandle(h);
  }
};
using Handle = std::unique_ptr<void, HandleCloser>;

// "D:P(A;;FA;;;<user SID>)": a protected DACL (nothing inherited from the folder) with
// one entry, full access for the current user. Administrators can still take ownership:
// that is Windows, and docs/windows.md says so.
std::wstring owner_only_sddl(bool directory) {
  HANDLE raw = nullptr;
  if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &raw)) return {};
  Handle token(raw);
  DWORD bytes = 0;
  GetTokenInformation(raw, TokenUser, nullptr, 0, &bytes);
  std::vector<unsigned char> buf(bytes);
  if (!GetTokenInformation(raw, TokenUser, buf.data(), bytes, &bytes)) return {};
  const auto* user = reinterpret_cast<const TOKEN_USER*>(buf.data());
  wchar_t* sid = nullptr;
  if (!ConvertSidToStringSidW(user->User.Sid, &sid)) return {};
  std::wstring sddl = std::wstring(L"D:P(A;") + (directory ? L"OICI" : L"") + L";FA;;;" + sid + L")";
  LocalFree(sid);
  return sddl;
}

struct SecurityAttributes {
  SECURITY_ATTRIBUTES sa{};
  PSECURITY_DESCRIPTOR sd = nullptr;
  ~SecurityAttributes() {
    if (sd != nullptr) LocalFree(sd);
  }
  bool init(bool directory) {
    const std::wstring sddl = owner_only_sddl(directory);
    if (sddl.empty() ||
        !ConvertStringSecurityDescriptorToSecurityDescriptorW(sddl.c_str(), SDDL_REVISION_1, &sd, nullptr)) {
      return false;
    }
    sa.nLength = sizeof sa;
    sa.lpSecurityDescriptor = sd;
    sa.bInheritHandle = FALSE;
    return true;
  }
};

// Applies the owner-only DACL to an existing file or folder (created before, or by SQLite).
bool protect_existing(const std::wstring& path, bool directory, std::string& error) {
  SecurityAttributes attrs;
  if (!attrs.init(directory)) {
    error = "cannot build the owner-only ACL: " + last_error_text(GetLastError());
    return false;
  }
  BOOL present = FALSE, defaulted = FALSE;
  PACL dacl = nullptr;
  GetSecurityDescriptorDacl(attrs.sd, &present, &dacl, &defaulted);
  const DWORD rc = SetNamedSecurityInfoW(const_cast<wchar_t*>(path.c_str()), SE_FILE_OBJECT,
                                         DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION, nullptr,
                                         nullptr, dacl, nullptr);
  if (rc != ERROR_SUCCESS) {
    error = "cannot restrict " + narrow(path) + " to its owner: " + last_error_text(rc);
    return false;
  }
  return true;
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

std::string known_folder_env(const char* name, const char* fallback) {
  auto v = env(name);
  return v && !v->empty() ? *v : std::string(fallback);
}

}  // namespace

std::tm utc_time(std::time_t t) {
  std::tm tm{};
  gmtime_s(&tm, &t);
  return tm;
}

std::vector<std::string> arguments(int argc, char** argv) {
  int count = 0;
  wchar_t** wide = CommandLineToArgvW(GetCommandLineW(), &count);
  if (wide == nullptr || count != argc) {
    if (wide != nullptr) LocalFree(wide);
    return {argv, argv + argc};
  }
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) out.push_back(narrow(wide[i]));
  LocalFree(wide);
  return out;
}

std::optional<std::string> env(const char* name) {
  const wchar_t* v = _wgetenv(widen(name).c_str());
  if (v == nullptr) return std::nullopt;
  return narrow(v);
}

std::string env_or_empty(const char* name) { return env(name).value_or(""); }

std::filesystem::path fs_path(std::string_view utf8_text) { return std::filesystem::path(widen(utf8_text)); }
std::string utf8(const std::filesystem::path& path) { return narrow(path.native()); }

void set_stdio_binary() {
  // Text mode would turn 0x0A in a length into 0D 0A, and stop reading at 0x1A.
  _setmode(_fileno(stdin), _O_BINARY);
  _setmode(_fileno(stdout), _O_BINARY);
}

int isolate_stdout() {
  const int out = _dup(_fileno(stdout));
  const int null_fd = _wopen(L"NUL", _O_WRONLY | _O_BINARY);
  if (out < 0 || null_fd < 0) return -1;
  _setmode(out, _O_BINARY);
  _dup2(null_fd, _fileno(stdout));
  _close(null_fd);
  return out;
}

long long read_fd(int fd, char* buf, std::size_t n) {
  const unsigned chunk = static_cast<unsigned>(std::min<std::size_t>(n, 1u << 30));
  for (;;) {
    const int got = _read(fd, buf, chunk);
    if (got < 0 && errno == EINTR) continue;
    // A pipe whose writer has gone reads as EPIPE in msvcrt: that is the end of input.
    if (got < 0 && errno == EPIPE) return 0;
    return got;
  }
}

long long write_fd(int fd, const char* buf, std::size_t n) {
  const unsigned chunk = static_cast<unsigned>(std::min<std::size_t>(n, 1u << 30));
  for (;;) {
    const int put = _write(fd, buf, chunk);
    if (put < 0 && errno == EINTR) continue;
    return put;
  }
}

bool is_terminal(int fd) { return _isatty(fd) != 0; }
bool fd_is_open(int fd) { return fd >= 0 && _get_osfhandle(fd) != -1; }

bool create_private_file(const std::string& path, std::string& error) {
  const std::wstring wide = widen(path);
  SecurityAttributes attrs;
  if (!attrs.init(false)) {
    error = "cannot build the owner-only ACL: " + last_error_text(GetLastError());
    return false;
  }
  // CREATE_NEW applies the DACL; an existing file keeps its own (protected when created).
  Handle h(CreateFileW(wide.c_str(), GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, &attrs.sa,
                       CREATE_NEW, FILE_ATTRIBUTE_NORMAL, nullptr));
  if (h.get() == INVALID_HANDLE_VALUE) {
    const DWORD code = GetLastError();
    if (code == ERROR_FILE_EXISTS) return true;
    error = last_error_text(code);
    return false;
  }
  return true;
}

bool create_private_dir(const std::string& path, std::string& error) {
  std::error_code ec;
  const auto p = fs_path(path);
  if (std::filesystem::is_directory(p, ec)) return true;
  if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path(), ec);
  SecurityAttributes attrs;
  if (!attrs.init(true)) {
    error = "cannot build the owner-only ACL: " + last_error_text(GetLastError());
    return false;
  }
  if (!CreateDirectoryW(p.c_str(), &attrs.sa) && GetLastError() != ERROR_ALREADY_EXISTS) {
    error = last_error_text(GetLastError());
    return false;
  }
  return true;
}

bool write_private_file(const std::string& path, std::string_view data, std::string& error) {
  const std::wstring wide = widen(path);
  SecurityAttributes attrs;
  if (!attrs.init(false)) {
    error = "cannot build the owner-only ACL: " + last_error_text(GetLastError());
    return false;
  }
  Handle h(CreateFileW(wide.c_str(), GENERIC_WRITE, 0, &attrs.sa, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, nullptr));
  if (h.get() == INVALID_HANDLE_VALUE) {
    error = last_error_text(GetLastError());
    return false;
  }
  // CREATE_ALWAYS on an existing file keeps its DACL: set ours explicitly.
  if (!protect_existing(wide, false, error)) return false;
  std::size_t done = 0;
  while (done < data.size()) {
    DWORD put = 0;
    const DWORD chunk = static_cast<DWORD>(std::min<std::size_t>(data.size() - done, 1u << 30));
    if (!WriteFile(h.get(), data.data() + done, chunk, &put, nullptr)) {
      error = last_error_text(GetLastError());
      return false;
    }
    done += put;
  }
  return true;
}

bool is_private_file(const std::string& path) {
  PACL dacl = nullptr;
  PSECURITY_DESCRIPTOR sd = nullptr;
  const std::wstring wide = widen(path);
  if (GetNamedSecurityInfoW(wide.c_str(), SE_FILE_OBJECT, DACL_SECURITY_INFORMATION, nullptr, nullptr, &dacl, nullptr,
                            &sd) != ERROR_SUCCESS) {
    return false;
  }
  std::unique_ptr<void, decltype(&LocalFree)> holder(sd, &LocalFree);
  if (dacl == nullptr) return false;  // a NULL DACL grants everyone everything
  const std::wstring sddl = owner_only_sddl(false);
  const std::wstring user_sid = sddl.substr(sddl.rfind(L';') + 1, sddl.size() - sddl.rfind(L';') - 2);
  for (DWORD i = 0; i < dacl->AceCount; ++i) {
    void* ace = nullptr;
    if (!GetAce(dacl, i, &ace)) return false;
    const auto* header = static_cast<const ACE_HEADER*>(ace);
    if (header->AceType != ACCESS_ALLOWED_ACE_TYPE) continue;
    const auto* allowed = static_cast<const ACCESS_ALLOWED_ACE*>(ace);
    wchar_t* sid = nullptr;
    if (!ConvertSidToStringSidW(const_cast<DWORD*>(&allowed->SidStart), &sid)) return false;
    const bool mine = user_sid == sid;
    LocalFree(sid);
    if (!mine) return false;
  }
  return true;
}

bool is_executable_file(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(fs_path(path), ec);
}

bool is_world_readable(const std::string& path) {
  // Machine-wide files under Program Files inherit Users:read; the check is that it exists.
  std::error_code ec;
  return std::filesystem::exists(fs_path(path), ec);
}

bool is_writable(const std::string& path) { return _waccess(widen(path).c_str(), 2) == 0; }

std::optional<bool> read_console_line_quietly(std::string_view prompt, const std::function<bool(char)>& push) {
  // CONIN$/CONOUT$: the console itself, whatever stdin and stdout are redirected to.
  Handle in(CreateFileW(L"CONIN$", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr,
                        OPEN_EXISTING, 0, nullptr));
  Handle out(CreateFileW(L"CONOUT$", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr,
                         OPEN_EXISTING, 0, nullptr));
  DWORD saved = 0;
  if (in.get() == INVALID_HANDLE_VALUE || !GetConsoleMode(in.get(), &saved)) return std::nullopt;
  SetConsoleMode(in.get(),
                 (saved | ENABLE_LINE_INPUT | ENABLE_PROCESSED_INPUT) & ~static_cast<DWORD>(ENABLE_ECHO_INPUT));
  const std::wstring wprompt = widen(prompt);
  DWORD put = 0;
  if (out.get() != INVALID_HANDLE_VALUE)
    WriteConsoleW(out.get(), wprompt.data(), static_cast<DWORD>(wprompt.size()), &put, nullptr);
  bool ok = true;
  bool more = true;
  while (more) {
    wchar_t w[2] = {};
    DWORD got = 0;
    if (!ReadConsoleW(in.get(), w, 1, &got, nullptr)) {
      ok = false;
      break;
    }
    if (got == 0 || w[0] == L'\n') break;
    if (w[0] == L'\r') continue;
    if (IS_HIGH_SURROGATE(w[0]) && ReadConsoleW(in.get(), w + 1, 1, &got, nullptr) && got == 1) {
      for (char c : narrow(std::wstring_view(w, 2))) more = more && push(c);
    } else {
      for (char c : narrow(std::wstring_view(w, 1))) more = more && push(c);
    }
  }
  SetConsoleMode(in.get(), saved);
  if (out.get() != INVALID_HANDLE_VALUE) WriteConsoleW(out.get(), L"\r\n", 2, &put, nullptr);
  return ok;
}

std::optional<std::string> ask_console(std::string_view question) {
  Handle in(CreateFileW(L"CONIN$", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr,
                        OPEN_EXISTING, 0, nullptr));
  Handle out(CreateFileW(L"CONOUT$", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr,
                         OPEN_EXISTING, 0, nullptr));
  DWORD mode = 0;
  if (in.get() == INVALID_HANDLE_VALUE || !GetConsoleMode(in.get(), &mode)) return std::nullopt;
  const std::wstring wq = widen(question);
  DWORD n = 0;
  if (out.get() != INVALID_HANDLE_VALUE)
    WriteConsoleW(out.get(), wq.data(), static_cast<DWORD>(wq.size()), &n, nullptr);
  wchar_t buf[256] = {};
  if (!ReadConsoleW(in.get(), buf, 255, &n, nullptr)) return std::string();
  return narrow(std::wstring_view(buf, n));
}

bool registry_set_default(const std::string& key, const std::string& value, std::string& error) {
  HKEY root = nullptr;
  std::wstring subkey;
  if (!split_key(key, root, subkey)) {
    error = "unsupported registry hive in " + key;
    return false;
  }
  const std::wstring wide = widen(value);
  // Release builds are 64-bit, so HKLM writes land in the 64-bit view browsers read first.
  const LSTATUS status = RegSetKeyValueW(root, subkey.c_str(), nullptr, REG_SZ, wide.c_str(),
                                         static_cast<DWORD>((wide.size() + 1) * sizeof(wchar_t)));
  if (status != ERROR_SUCCESS) {
    error = last_error_text(static_cast<DWORD>(status));
    return false;
  }
  return true;
}

std::optional<std::string> registry_get_default(const std::string& key) {
  HKEY root = nullptr;
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
  HKEY root = nullptr;
  std::wstring subkey;
  if (!split_key(key, root, subkey)) {
    error = "unsupported registry hive in " + key;
    return false;
  }
  const LSTATUS status = RegDeleteTreeW(root, subkey.c_str());
  if (status != ERROR_SUCCESS && status != ERROR_FILE_NOT_FOUND) {
    error = last_error_text(static_cast<DWORD>(status));
    return false;
  }
  if (status == ERROR_SUCCESS) RegDeleteKeyW(root, subkey.c_str());
  return true;
}

Lockdown forbid_network() {
  // Windows has no system-call filter an unprivileged process can apply to itself, and
  // no policy that forbids loading ws2_32.dll. What it does offer is applied here; the
  // proof that the host has no network code is tests/windows's PE import check.
  std::string applied, refused;
  auto note = [&](bool ok, const char* what) {
    std::string& list = ok ? applied : refused;
    list += (list.empty() ? "" : ", ") + std::string(what);
  };

  // No new executable code: shellcode or a downloaded DLL cannot be mapped executable.
  PROCESS_MITIGATION_DYNAMIC_CODE_POLICY dynamic{};
  dynamic.ProhibitDynamicCode = 1;
  note(SetProcessMitigationPolicy(ProcessDynamicCodePolicy, &dynamic, sizeof dynamic) != 0, "no dynamic code");
  // No DLLs from network shares or low-integrity folders.
  PROCESS_MITIGATION_IMAGE_LOAD_POLICY images{};
  images.NoRemoteImages = 1;
  images.NoLowMandatoryLabelImages = 1;
  images.PreferSystem32Images = 1;
  note(SetProcessMitigationPolicy(ProcessImageLoadPolicy, &images, sizeof images) != 0, "no remote images");
  // No AppInit DLLs, Winsock LSPs or legacy hooks loaded into the host.
  PROCESS_MITIGATION_EXTENSION_POINT_DISABLE_POLICY extensions{};
  extensions.DisableExtensionPoints = 1;
  note(SetProcessMitigationPolicy(ProcessExtensionPointDisablePolicy, &extensions, sizeof extensions) != 0,
       "no extension points");
  // No child process (no curl.exe, no powershell): a job with one active process.
  bool job_ok = false;
  if (HANDLE job = CreateJobObjectW(nullptr, nullptr); job != nullptr) {
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits{};
    limits.BasicLimitInformation.LimitFlags =
        JOB_OBJECT_LIMIT_ACTIVE_PROCESS | JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION;
    limits.BasicLimitInformation.ActiveProcessLimit = 1;
    job_ok = SetInformationJobObject(job, JobObjectExtendedLimitInformation, &limits, sizeof limits) &&
             AssignProcessToJobObject(job, GetCurrentProcess());
    // The handle stays open for the life of the process: closing it would end the limits.
  }
  note(job_ok, "no child processes");
  std::string detail = "Windows mitigations: " + (applied.empty() ? std::string("none") : applied);
  if (!refused.empty()) detail += "; not applied: " + refused;
  // None of these is a network filter (Windows has no per-process one without the
  // firewall, which IT administers): report the network as not enforced by the OS, with
  // what was applied. The executables import no networking DLL (tests/windows).
  return {false, detail + "; Windows offers no per-process network filter"};
}

std::string home_dir() { return env_or_empty("USERPROFILE"); }

std::string current_executable() {
  std::wstring buf(32768, L'\0');
  const DWORD n = GetModuleFileNameW(nullptr, buf.data(), static_cast<DWORD>(buf.size()));
  return n == 0 ? std::string() : narrow(std::wstring_view(buf.data(), n));
}

std::string default_system_policy_path() {
  return known_folder_env("ProgramData", "C:\\ProgramData") + "\\OwnVoice\\policy.json";
}

std::string default_user_preferences_path() {
  return known_folder_env("APPDATA", ".") + "\\OwnVoice\\preferences.json";
}

std::string default_log_path() {
  if (auto dir = env("LOCALAPPDATA"); dir && !dir->empty()) return *dir + "\\OwnVoice\\log.sqlite";
  throw std::runtime_error("LOCALAPPDATA is not set: cannot locate the log");
}

std::string default_state_dir() {
  if (auto dir = env("LOCALAPPDATA"); dir && !dir->empty()) return *dir + "\\OwnVoice";
  return ".";
}

// WER LocalDumps configured machine-wide by an administrator can still write dumps, which
// docs/privacy.md lists as a limit.
HardeningStatus harden_process() {
  HardeningStatus status;
  ::SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX);
  status.core_dumps_disabled = true;
  status.detail = "Windows Error Reporting LocalDumps set by an administrator are not prevented";
  return status;
}

// Nothing to do: the files that must be private get an owner-only ACL where they are
// created (create_private_file, create_private_dir).
void restrict_new_files() {}

// Windows: the process heap is already one heap.
void use_one_heap() {}

}  // namespace ownvoice::platform
