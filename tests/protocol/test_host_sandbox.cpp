// "Never reports back": the host runs under a seccomp filter that refuses every network
// system call, it makes none during a normal exchange, and stdout carries frames only.
#include <unistd.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "host_fixture.hpp"

namespace ownvoice::testing {
namespace {

using nlohmann::json;

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class Sandbox : public HostTest {
 protected:
  HostCommand hooks_command() {
    HostCommand c = command;
    c.argv[0] = OWNVOICE_HOST_TEST_HOOKS_BINARY;
    return c;
  }

  // strace -f -e trace=network around `c`, writing the trace to `trace_file`.
  static HostCommand under_strace(HostCommand c, const std::filesystem::path& trace_file) {
    std::vector<std::string> argv = {"/usr/bin/strace", "-f", "-qq", "-e", "trace=network", "-o", trace_file.string()};
    argv.insert(argv.end(), c.argv.begin(), c.argv.end());
    c.argv = argv;
    return c;
  }

  static bool strace_usable() {
    return ::access("/usr/bin/strace", X_OK) == 0 &&
           std::system("/usr/bin/strace -qq -o /dev/null /bin/true 2>/dev/null") == 0;
  }

  // A whole session: hello, check, confirm, log.status, ping.
  std::string exchange() const {
    return frame(R"({"id":1,"type":"hello","protocol":1})") +
           frame(R"({"id":2,"type":"check","text":"Projet Edelweiss: on recrute!","platform":"linkedin"})") +
           frame(R"({"id":4,"type":"log.status"})") + frame(R"({"id":5,"type":"ping"})");
  }
};

TEST_F(Sandbox, RunningHostIsInSeccompFilterMode) {
  HostProcess host(command);
  // After the first reply the filter is in place (it is installed before the first read).
  ASSERT_EQ(host.request({{"id", 1}, {"type", "ping"}})["result"], (json{{"pong", true}}));
  const std::string status = read_text("/proc/" + std::to_string(host.pid()) + "/status");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(status, m, std::regex("Seccomp:\\s+(\\d+)"))) << status;
  EXPECT_EQ(m[1], "2") << "2 = SECCOMP_MODE_FILTER";
  std::smatch nnp;
  ASSERT_TRUE(std::regex_search(status, nnp, std::regex("NoNewPrivs:\\s+(\\d+)")));
  EXPECT_EQ(nnp[1], "1");
  EXPECT_NE(diagnostic_log().find("network system calls refused with EACCES"), std::string::npos);
}

TEST_F(Sandbox, NetworkAttemptIsRefusedWithEacces) {
  const HostRun r = run_once(hooks_command(), frame(R"({"id":1,"type":"debug.try_network"})"));
  ASSERT_TRUE(r.exit.exited);
  EXPECT_EQ(r.exit.status, 0);
  ASSERT_EQ(r.frames.size(), 1u);
  EXPECT_EQ(parse(r.frames[0]),
            (json{{"id", 1},
                  {"ok", true},
                  {"type", "debug.try_network"},
                  {"result", {{"socket", {{"ok", false}, {"errno", EACCES}, {"error", std::strerror(EACCES)}}}}}}));
}

TEST_F(Sandbox, StrayPrintsNeverReachTheChannel) {
  const HostRun r =
      run_once(hooks_command(), frame(R"({"id":1,"type":"debug.print_stdout"})") + frame(R"({"id":2,"type":"ping"})"));
  ASSERT_TRUE(r.exit.exited);
  EXPECT_EQ(r.exit.status, 0);
  EXPECT_TRUE(r.rest.empty());
  ASSERT_EQ(r.frames.size(), 2u) << r.out;
  EXPECT_EQ(r.frames[0], R"({"id":1,"ok":true,"result":{"printed":true},"type":"debug.print_stdout"})");
  EXPECT_EQ(r.frames[1], R"({"id":2,"ok":true,"result":{"pong":true},"type":"ping"})");
  EXPECT_EQ(r.out.find("stray"), std::string::npos);
}

TEST_F(Sandbox, NoNetworkSystemCallDuringACheckAndConfirmExchange) {
  if (!strace_usable()) GTEST_SKIP() << "strace is not installed or ptrace is not permitted here";
  const auto trace = home.path() / "strace.txt";
  HostProcess host(under_strace(command, trace));
  EXPECT_EQ(host.request(json::parse(R"({"id":1,"type":"hello","protocol":1})"))["ok"], true);
  const json check = host.request(
      json::parse(R"({"id":2,"type":"check","text":"Projet Edelweiss: on recrute !","platform":"linkedin"})"));
  ASSERT_EQ(check["ok"], true);
  const json confirm = host.request({{"id", 3},
                                     {"type", "confirm"},
                                     {"check_id", check["result"]["check_id"]},
                                     {"decision", "shared"},
                                     {"consent", true}});
  EXPECT_EQ(confirm["ok"], true) << confirm.dump();
  EXPECT_EQ(host.request(json::parse(R"({"id":4,"type":"log.status"})"))["ok"], true);
  const HostExit exit = host.wait();
  ASSERT_TRUE(exit.exited);
  EXPECT_EQ(exit.status, 0);
  const std::string lines = read_text(trace);
  EXPECT_TRUE(lines.empty()) << "network system calls were made:\n" << lines;
}

TEST_F(Sandbox, StraceSeesTheRefusedAttempt) {
  // Proves the previous test's trace would have shown a network call had one happened.
  if (!strace_usable()) GTEST_SKIP() << "strace is not installed or ptrace is not permitted here";
  const auto trace = home.path() / "strace.txt";
  const HostRun r = run_once(under_strace(hooks_command(), trace),
                             frame(R"({"id":1,"type":"ping"})") + frame(R"({"id":2,"type":"debug.try_network"})"));
  ASSERT_TRUE(r.exit.exited);
  EXPECT_EQ(r.exit.status, 0);
  ASSERT_EQ(r.frames.size(), 2u);
  const std::string lines = read_text(trace);
  EXPECT_TRUE(std::regex_search(lines, std::regex("socket\\(AF_INET, SOCK_STREAM.*= -1 EACCES"))) << lines;
  EXPECT_EQ(lines.find("connect("), std::string::npos) << lines;
}

}  // namespace
}  // namespace ownvoice::testing
