// A crash of the host or the CLI must not leave a core file with a post or a decrypted
// entry in it, and the user's other processes must not read their memory. The network
// sandbox must be reported as it really is.
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <thread>

#include "adversary.hpp"

namespace ownvoice::adversary {
namespace {

std::string limits_of(pid_t pid) { return read_file("/proc/" + std::to_string(pid) + "/limits"); }

bool core_limit_is_zero(const std::string& limits) {
  const auto line = limits.find("Max core file size");
  if (line == std::string::npos) return false;
  std::istringstream fields(limits.substr(line + std::string("Max core file size").size()));
  std::string soft, hard;
  fields >> soft >> hard;
  return soft == "0" && hard == "0";
}

// As an unprivileged user (the same one as the target): can it read /proc/<pid>/environ?
// Refused exactly when the target is not dumpable.
bool readable_by_same_user(pid_t pid, uid_t uid) {
  const pid_t probe = ::fork();
  if (probe == 0) {
    if (::geteuid() == 0 && (::setgid(uid) != 0 || ::setuid(uid) != 0)) ::_exit(2);
    const int fd = ::open(("/proc/" + std::to_string(pid) + "/environ").c_str(), O_RDONLY);
    char c;
    ::_exit(fd >= 0 && ::read(fd, &c, 1) >= 0 ? 0 : 1);
  }
  int status = 0;
  ::waitpid(probe, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// Starts `argv` (stdin kept open, so it waits) as `uid`, in `home`.
pid_t start_waiting(const std::vector<std::string>& argv, const TempHome& home, uid_t uid, int& stdin_fd) {
  int pipe_in[2];
  EXPECT_EQ(::pipe(pipe_in), 0);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(pipe_in[0], 0);
    ::close(pipe_in[1]);
    if (::geteuid() == 0 && (::setgid(uid) != 0 || ::setuid(uid) != 0)) ::_exit(126);
    std::vector<std::string> env_text;
    for (const auto& [k, v] : home.environment()) env_text.push_back(k + "=" + v);
    std::vector<char*> env, args;
    for (auto& e : env_text) env.push_back(e.data());
    env.push_back(nullptr);
    std::vector<std::string> copy = argv;
    for (auto& a : copy) args.push_back(a.data());
    args.push_back(nullptr);
    ::execve(args[0], args.data(), env.data());
    ::_exit(127);
  }
  ::close(pipe_in[0]);
  stdin_fd = pipe_in[1];
  return pid;
}

void check_hardened(const std::vector<std::string>& argv) {
  TempHome home;
  // Run as an unprivileged user when the test runs as root: root may read anything.
  const uid_t uid = ::geteuid() == 0 ? 65534 : ::geteuid();
  std::filesystem::permissions(home.path(), std::filesystem::perms::all);
  int stdin_fd = -1;
  const pid_t pid = start_waiting(argv, home, uid, stdin_fd);
  // Wait until the program has started (its limits file shows the hardening or time runs out).
  for (int i = 0; i < 100 && !core_limit_is_zero(limits_of(pid)); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_TRUE(core_limit_is_zero(limits_of(pid))) << argv[0] << "\n" << limits_of(pid);
  EXPECT_FALSE(readable_by_same_user(pid, uid)) << argv[0] << " is dumpable: its memory is readable";
  ::close(stdin_fd);
  int status = 0;
  ::waitpid(pid, &status, 0);
}

TEST(AdversaryProcess, HostLeavesNoCoreAndIsNotDumpable) {
  check_hardened({OWNVOICE_HOST_BINARY, testing::kDevOrigin});
}

TEST(AdversaryProcess, CliLeavesNoCoreAndIsNotDumpable) {
  // `log decrypt-export` waits for the passphrase on stdin, after the hardening.
  check_hardened({OWNVOICE_CLI_BINARY, "log", "decrypt-export", "/dev/null", "--passphrase-fd", "0"});
}

TEST(AdversaryProcess, ControlAnOrdinaryProcessIsReadable) {
  // Proves the probe above can fail: `cat` waiting on stdin is dumpable and readable.
  TempHome home;
  const uid_t uid = ::geteuid() == 0 ? 65534 : ::geteuid();
  int stdin_fd = -1;
  const pid_t pid = start_waiting({"/bin/cat"}, home, uid, stdin_fd);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_TRUE(readable_by_same_user(pid, uid));
  ::close(stdin_fd);
  int status = 0;
  ::waitpid(pid, &status, 0);
}

TEST(AdversaryProcess, SandboxStatusIsReportedAsItIs) {
  TempHome home;
  HostCommand command = testing::default_command(home);
  const json enforced = exchange(command, {{{"id", 1}, {"type", "hello"}}}).at(0)["result"]["sandbox"];
  EXPECT_EQ(enforced, (json{{"network", "enforced"}, {"mechanism", "seccomp"}, {"reason", ""}}));
  // The same host where the filter cannot load: it must say so, not claim it.
  command.argv.insert(command.argv.begin(), OWNVOICE_SECCOMP_BLOCKER);
  const json blocked = exchange(command, {{{"id", 1}, {"type", "hello"}}}).at(0)["result"]["sandbox"];
  EXPECT_EQ(blocked["network"], "not_enforced") << blocked.dump();
  EXPECT_TRUE(blocked["mechanism"].is_null());
  EXPECT_NE(blocked["reason"].get<std::string>().find("seccomp"), std::string::npos) << blocked.dump();
}

}  // namespace
}  // namespace ownvoice::adversary
