#include "host_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <random>
#include <stdexcept>
#include <system_error>

namespace ownvoice::testing {
namespace {

[[noreturn]] void fail(const char* what) { throw std::system_error(errno, std::generic_category(), what); }

struct Spawned {
  pid_t pid;
  int in;
  int out;
};

Spawned spawn(const HostCommand& command) {
  // A host that exits before reading its input (a refused caller, a bad command line) must
  // give the writer EPIPE, which the callers handle, not a SIGPIPE that kills the test.
  static const bool sigpipe_ignored = (::signal(SIGPIPE, SIG_IGN), true);
  (void)sigpipe_ignored;
  int in[2];
  int out[2];
  if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0) fail("pipe2");
  std::vector<std::string> env_strings;
  for (const auto& [k, v] : command.env) env_strings.push_back(k + "=" + v);
  std::vector<char*> envp;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::vector<std::string> args = command.argv;
  std::vector<char*> argv;
  for (auto& s : args) argv.push_back(s.data());
  argv.push_back(nullptr);

  const pid_t pid = ::fork();
  if (pid < 0) fail("fork");
  if (pid == 0) {
    ::signal(SIGPIPE, SIG_DFL);  // the host starts as a browser starts it, not with ours ignored
    ::dup2(in[0], STDIN_FILENO);
    ::dup2(out[1], STDOUT_FILENO);
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  return {pid, in[1], out[0]};
}

HostExit wait_for(pid_t pid, std::chrono::milliseconds timeout) {
  HostExit result;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    int status = 0;
    const pid_t got = ::waitpid(pid, &status, WNOHANG);
    if (got == pid) {
      if (WIFEXITED(status)) {
        result.exited = true;
        result.status = WEXITSTATUS(status);
      } else if (WIFSIGNALED(status)) {
        result.signal = WTERMSIG(status);
      }
      return result;
    }
    if (got < 0 && errno != EINTR) fail("waitpid");
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      result.timed_out = true;
      result.signal = SIGKILL;
      return result;
    }
    ::usleep(1000);
  }
}

}  // namespace

std::string frame(std::string_view body) {
  const auto length = static_cast<std::uint32_t>(body.size());
  std::string out(4, '\0');
  std::memcpy(out.data(), &length, 4);
  out.append(body);
  return out;
}

std::string frame(const nlohmann::json& message) { return frame(std::string_view(message.dump())); }

std::vector<std::string> split_frames(std::string_view out, std::string* rest) {
  std::vector<std::string> frames;
  while (out.size() >= 4) {
    std::uint32_t length = 0;
    std::memcpy(&length, out.data(), 4);
    if (out.size() - 4 < length) break;
    frames.emplace_back(out.substr(4, length));
    out.remove_prefix(4 + static_cast<std::size_t>(length));
  }
  if (rest != nullptr) *rest = std::string(out);
  return frames;
}

TempHome::TempHome() {
  std::random_device rd;
  path_ = std::filesystem::temp_directory_path() /
          ("ownvoice-protocol-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
  std::filesystem::create_directories(path_);
}

TempHome::~TempHome() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::map<std::string, std::string> TempHome::environment() const {
  const std::string p = path_.string();
  std::map<std::string, std::string> env{
      {"HOME", p},
      {"XDG_CONFIG_HOME", p + "/config"},
      {"XDG_DATA_HOME", p + "/data"},
      {"XDG_STATE_HOME", p + "/state"},
      {"OWNVOICE_STATE_DIR", p + "/state/ownvoice"},
      {"OWNVOICE_DATA_DIR", p + "/data/ownvoice"},
      {"OWNVOICE_TEST_FAST_KDF", "1"},
      {"PATH", "/usr/bin:/bin"},
  };
  // Sanitizer builds need their options passed through.
  for (const char* name : {"ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"}) {
    if (const char* v = std::getenv(name)) env[name] = v;
  }
  return env;
}

HostCommand default_command(const TempHome& home, const std::string& binary) {
  HostCommand command;
  command.argv = {binary, kDevOrigin};
  command.env = home.environment();
  command.env["OWNVOICE_SYSTEM_POLICY"] = std::string(OWNVOICE_SOURCE_DIR) + "/examples/policy.example.json";
  return command;
}

HostRun run_once(const HostCommand& command, std::string_view input, std::chrono::milliseconds timeout) {
  const Spawned child = spawn(command);
  HostRun run;
  int in = child.in;
  std::size_t written = 0;
  if (input.empty()) {
    ::close(in);
    in = -1;
  } else {
    ::fcntl(in, F_SETFL, O_NONBLOCK);
  }
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  bool out_open = true;
  char buf[65536];
  while (out_open) {
    pollfd fds[2] = {{child.out, POLLIN, 0}, {in, POLLOUT, 0}};
    const int n = ::poll(fds, in >= 0 ? 2 : 1, 100);
    if (n < 0 && errno != EINTR) fail("poll");
    if (std::chrono::steady_clock::now() > deadline) break;
    if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
      const ssize_t got = ::read(child.out, buf, sizeof buf);
      if (got > 0) {
        run.out.append(buf, static_cast<std::size_t>(got));
      } else if (got == 0 || errno != EINTR) {
        out_open = false;
      }
    }
    if (in >= 0 && (fds[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
      const ssize_t put = ::write(in, input.data() + written, input.size() - written);
      if (put > 0) written += static_cast<std::size_t>(put);
      // EPIPE: the host stopped reading (it refused the caller); nothing more to send.
      if (written == input.size() || (put < 0 && errno == EPIPE)) {
        ::close(in);
        in = -1;
      }
    }
  }
  if (in >= 0) ::close(in);
  ::close(child.out);
  run.exit = wait_for(child.pid, std::chrono::milliseconds(out_open ? 0 : 30000));
  run.frames = split_frames(run.out, &run.rest);
  return run;
}

HostProcess::HostProcess(const HostCommand& command) {
  const Spawned child = spawn(command);
  pid_ = child.pid;
  in_ = child.in;
  out_ = child.out;
}

HostProcess::~HostProcess() {
  close_stdin();
  if (out_ >= 0) ::close(out_);
  if (!exit_ && pid_ > 0) {
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
}

void HostProcess::send(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t put = ::write(in_, bytes.data(), bytes.size());
    if (put < 0) {
      if (errno == EINTR) continue;
      fail("write to host");
    }
    bytes.remove_prefix(static_cast<std::size_t>(put));
  }
}

bool HostProcess::read_exact(char* out, std::size_t n, std::chrono::steady_clock::time_point deadline) {
  std::size_t done = 0;
  while (done < n) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd fd{out_, POLLIN, 0};
    if (::poll(&fd, 1, static_cast<int>(left.count())) <= 0) continue;
    const ssize_t got = ::read(out_, out + done, n - done);
    if (got == 0) return false;
    if (got < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<std::size_t>(got);
  }
  return true;
}

std::optional<std::string> HostProcess::read_frame(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  char header[4];
  if (!read_exact(header, 4, deadline)) return std::nullopt;
  std::uint32_t length = 0;
  std::memcpy(&length, header, 4);
  std::string body(length, '\0');
  if (!read_exact(body.data(), length, deadline)) return std::nullopt;
  return body;
}

nlohmann::json HostProcess::request(const nlohmann::json& message) {
  send(frame(message));
  const auto body = read_frame();
  if (!body) throw std::runtime_error("the host sent no reply");
  return nlohmann::json::parse(*body);
}

void HostProcess::close_stdin() {
  if (in_ >= 0) {
    ::close(in_);
    in_ = -1;
  }
}

HostExit HostProcess::wait(std::chrono::milliseconds timeout) {
  close_stdin();
  if (!exit_) exit_ = wait_for(pid_, timeout);
  return *exit_;
}

}  // namespace ownvoice::testing
