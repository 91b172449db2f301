#pragma once
// Everything that differs between operating systems, behind one interface, with one
// implementation file per OS: platform_linux.cpp, platform_macos.cpp (POSIX calls
// shared through platform_posix.cpp) and platform_windows.cpp. No other file of the
// library includes <windows.h>, <unistd.h>, <termios.h> or <seccomp.h>.
//
// Strings are UTF-8 everywhere inside OwnVoice. On Windows the process environment and
// file names are UTF-16: they are converted at this boundary with the wide-character
// APIs, so that C:\Users\Hélène Müller works whatever the ANSI code page is.
#include <cstddef>
#include <ctime>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ownvoice::platform {

// Broken-down UTC time (gmtime_r / gmtime_s: thread-safe).
std::tm utc_time(std::time_t t);

// The command line as UTF-8 (Windows: from GetCommandLineW, since argv is in the ANSI
// code page and would lose C:\Users\Hélène Müller; elsewhere argv as is).
std::vector<std::string> arguments(int argc, char** argv);

// An environment variable as UTF-8; nullopt when unset (an empty value is returned as "").
std::optional<std::string> env(const char* name);
// env(name) or "" when unset.
std::string env_or_empty(const char* name);

// A UTF-8 file name as a std::filesystem::path, and back. On POSIX these copy bytes; on
// Windows they convert UTF-8 <-> UTF-16 (path(std::string) would use the ANSI code page).
std::filesystem::path fs_path(std::string_view utf8);
std::string utf8(const std::filesystem::path& path);

// File descriptors (the native-messaging pipe).
// Puts stdin and stdout in binary mode (Windows text mode turns 0A into 0D 0A on output
// and stops reading at 1A); nothing to do on POSIX.
void set_stdio_binary();
// A private duplicate of stdout for frames, with stdout itself pointed at the null device
// so that a stray print cannot corrupt the channel. -1 on failure.
int isolate_stdout();
// read(2)/write(2), retried on EINTR: bytes read (0 = end of input), or -1 with errno set.
long long read_fd(int fd, char* buf, std::size_t n);
long long write_fd(int fd, const char* buf, std::size_t n);
bool is_terminal(int fd);
// True when fd is an open descriptor.
bool fd_is_open(int fd);

// Files only the current user can read and write: mode 0600/0700 on POSIX, a protected
// DACL granting the user's SID alone on Windows (not a umask: ACLs are inherited from the
// parent folder otherwise). Creates the file empty when missing, keeps it when present.
bool create_private_file(const std::string& path, std::string& error);
bool create_private_dir(const std::string& path, std::string& error);
// Replaces `path` with `data`, readable by the user only (exports of the decrypted log).
bool write_private_file(const std::string& path, std::string_view data, std::string& error);
// True when only the current user (and, on Windows, SYSTEM/Administrators are NOT
// counted) may read the file: mode has no group/other bits, or the DACL grants no other SID.
bool is_private_file(const std::string& path);
// True when path is a regular file the current user may execute (POSIX x bit; Windows: exists).
bool is_executable_file(const std::string& path);
// True when other users can read path (the machine-wide manifests must be).
bool is_world_readable(const std::string& path);
bool is_writable(const std::string& path);
// $HOME, else the password database's home folder (POSIX); %USERPROFILE% on Windows.
std::string home_dir();
// The running program's own path (to find ownvoice-host beside ownvoice); "" if unknown.
std::string current_executable();

// The console/terminal, not stdin/stdout (they may be redirected). Prompts and reads one
// line with echo off, handing each byte to `push` (so a secret never sits in a
// std::string); `push` returns false to stop (too long). nullopt: there is no console.
// Returns false when reading failed.
std::optional<bool> read_console_line_quietly(std::string_view prompt, const std::function<bool(char)>& push);
// Prompts and reads one line with echo on; nullopt when there is no console.
std::optional<std::string> ask_console(std::string_view question);

// The Windows registry (HKEY_CURRENT_USER\... or HKEY_LOCAL_MACHINE\..., 64-bit view).
// Elsewhere there is no registry: get returns nullopt, set and delete fail with `error`.
// Sets a key's (Default) string value, creating the key.
bool registry_set_default(const std::string& key, const std::string& value, std::string& error);
// The key's (Default) string value, or nullopt when the key or value is missing.
std::optional<std::string> registry_get_default(const std::string& key);
// Deletes a key and its subkeys (only our own org.ownvoice.host keys are ever passed);
// a missing key is not an error.
bool registry_delete_key(const std::string& key, std::string& error);

// Takes the network away from this process for the rest of its life, as far as the OS
// allows: Linux seccomp (every socket call fails with EACCES); Windows process mitigation
// policies and a job object (docs/windows.md says what they cover and what they cannot).
struct Lockdown {
  bool installed = false;
  std::string detail;  // what was installed, or why not
};
Lockdown forbid_network();

// Keeps post text and decrypted log entries out of core dumps and out of other processes
// of the same user that attach a debugger: the host and the CLI call this first thing.
// Linux: RLIMIT_CORE 0 (soft and hard) and PR_SET_DUMPABLE 0; macOS: RLIMIT_CORE 0 (no
// non-dumpable flag; PT_DENY_ATTACH would also break the user's crash reports); Windows:
// no error-reporting dialog or dump for this process (SetErrorMode).
struct HardeningStatus {
  bool core_dumps_disabled = false;  // RLIMIT_CORE soft and hard limits are 0 (or the OS equivalent)
  bool non_dumpable = false;         // other processes cannot ptrace/read our memory (Linux: PR_SET_DUMPABLE 0)
  std::string detail;                // what failed or is not covered, "" when everything held
};
HardeningStatus harden_process();

// New files and folders this process creates are for the user only (umask 077 on POSIX;
// nothing on Windows, where create_private_file/dir set an owner-only ACL). The host
// calls it; the CLI does not (`ownvoice install --system` writes manifests every user
// must read).
void restrict_new_files();

// The host's threads (the policy compile and the checks' warm-up, at start) allocate from
// one heap, so the memory one frees is reused by the other instead of each thread growing
// its own arena: about 0.8 MiB less peak memory with 10,000 terms (docs/benchmarks.md).
// Linux (glibc): mallopt(M_ARENA_MAX, 1); nothing elsewhere. Call before any thread starts.
void use_one_heap();

// This OS's machine-wide and per-user folders for OwnVoice's files, before any override.
std::string default_system_policy_path();
std::string default_user_preferences_path();
std::string default_log_path();   // throws std::runtime_error when it cannot be located
std::string default_state_dir();  // diagnostics (host.log)

}  // namespace ownvoice::platform
