// POSIX calls shared by Linux and macOS (see platform.hpp). The OS-specific rest is in
// platform_linux.cpp and platform_macos.cpp.
#include <fcntl.h>
#include <pwd.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "platform/platform.hpp"
#include "platform/posix_internal.hpp"

namespace ownvoice::platform {

std::tm utc_time(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  return tm;
}

std::vector<std::string> arguments(int argc, char** argv) { return {argv, argv + argc}; }

std::optional<std::string> env(const char* name) {
  const char* v = std::getenv(name);
  if (v == nullptr) return std::nullopt;
  return std::string(v);
}

std::string env_or_empty(const char* name) { return env(name).value_or(""); }

std::filesystem::path fs_path(std::string_view utf8) { return std::filesystem::path(std::string(utf8)); }
std::string utf8(const std::filesystem::path& path) { return path.string(); }

void set_stdio_binary() {}

int isolate_stdout() {
  const int out = ::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
  const int null_fd = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
  if (out < 0 || null_fd < 0) return -1;
  ::dup2(null_fd, STDOUT_FILENO);
  ::close(null_fd);
  return out;
}

long long read_fd(int fd, char* buf, std::size_t n) {
  for (;;) {
    const ssize_t got = ::read(fd, buf, n);
    if (got < 0 && errno == EINTR) continue;
    return got;
  }
}

long long write_fd(int fd, const char* buf, std::size_t n) {
  for (;;) {
    const ssize_t put = ::write(fd, buf, n);
    if (put < 0 && errno == EINTR) continue;
    return put;
  }
}

bool is_terminal(int fd) { return ::isatty(fd) == 1; }
bool fd_is_open(int fd) { return fd >= 0 && ::fcntl(fd, F_GETFD) >= 0; }

bool create_private_file(const std::string& path, std::string& error) {
  // Created here with 0600 because SQLite would use 0644; SQLite gives the -wal and -shm
  // files the same mode as the database.
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  ::close(fd);
  return true;
}

bool create_private_dir(const std::string& path, std::string& error) {
  std::error_code ec;
  std::filesystem::create_directories(path, ec);
  if (ec) {
    error = ec.message();
    return false;
  }
  ::chmod(path.c_str(), 0700);
  return true;
}

bool write_private_file(const std::string& path, std::string_view data, std::string& error) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  std::size_t done = 0;
  while (done < data.size()) {
    const long long n = write_fd(fd, data.data() + done, data.size() - done);
    if (n <= 0) {
      error = std::strerror(errno);
      ::close(fd);
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) {
    error = std::strerror(errno);
    return false;
  }
  return true;
}

bool is_private_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && (st.st_mode & 077) == 0;
}

bool is_executable_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & S_IXUSR) != 0;
}

bool is_world_readable(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && (st.st_mode & S_IROTH) != 0;
}

bool is_writable(const std::string& path) { return ::access(path.c_str(), W_OK) == 0; }

std::optional<bool> read_console_line_quietly(std::string_view prompt, const std::function<bool(char)>& push) {
  const int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return std::nullopt;
  termios saved{};
  const bool restore = ::tcgetattr(fd, &saved) == 0;
  if (restore) {
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    quiet.c_lflag |= ECHONL;
    ::tcsetattr(fd, TCSAFLUSH, &quiet);
  }
  (void)!::write(fd, prompt.data(), prompt.size());
  bool ok = true;
  for (;;) {
    char c = 0;
    const long long n = read_fd(fd, &c, 1);
    if (n < 0) ok = false;
    if (n <= 0 || c == '\n') break;
    if (!push(c)) break;
  }
  if (restore) ::tcsetattr(fd, TCSAFLUSH, &saved);
  ::close(fd);
  return ok;
}

std::optional<std::string> ask_console(std::string_view question) {
  const int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return std::nullopt;
  (void)!::write(fd, question.data(), question.size());
  char buf[256] = {};
  const long long n = read_fd(fd, buf, sizeof buf - 1);
  ::close(fd);
  return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
}

bool registry_set_default(const std::string&, const std::string&, std::string& error) {
  error = "there is no registry on this operating system";
  return false;
}
std::optional<std::string> registry_get_default(const std::string&) { return std::nullopt; }
bool registry_delete_key(const std::string&, std::string& error) {
  error = "there is no registry on this operating system";
  return false;
}

std::string home_dir() {
  if (auto h = env("HOME"); h && !h->empty()) return *h;
  if (const passwd* pw = getpwuid(getuid()); pw != nullptr && pw->pw_dir != nullptr) return pw->pw_dir;
  return {};
}

HardeningStatus harden_process() {
  HardeningStatus status;
  // Soft and hard limits 0, so that no child can raise them again.
  const rlimit none{0, 0};
  if (::setrlimit(RLIMIT_CORE, &none) == 0) {
    status.core_dumps_disabled = true;
  } else {
    status.detail = std::string("setrlimit(RLIMIT_CORE) failed: ") + std::strerror(errno);
  }
  std::string why;
  status.non_dumpable = make_non_dumpable(why);
  if (!why.empty()) status.detail += (status.detail.empty() ? "" : "; ") + why;
  return status;
}

// umask 077: every file and folder this process creates afterwards is the user's only.
void restrict_new_files() { ::umask(077); }

}  // namespace ownvoice::platform
