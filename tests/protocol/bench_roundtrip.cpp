// Round trip of a check over the real pipe vs the same check in process.
// Usage: ownvoice-host-bench [--policy FILE] [--iterations N] [--chars N] [--cold N]
//                            [--write-session FILE]   (hello + 20 checks as frames, for /usr/bin/time -v)
//                            [--host BINARY]   (another build's ownvoice-host, for a before/after)
// Prints medians and 90th percentiles in microseconds (docs/benchmarks.md "## Host").
// --cold N also starts the host N times and times spawn -> first hello reply, and
// spawn -> first check reply (the engine is compiled at the first check).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "engine/engine.hpp"
#include "engine/result_json.hpp"
#include "host_process.hpp"
#include "policy/loader.hpp"

using namespace ownvoice;
using Clock = std::chrono::steady_clock;

namespace {

// A 3,000-character bilingual post with a few of the example policy's terms in it.
std::string make_post(std::size_t chars) {
  const char* words[] = {"Notre",
                         "équipe",
                         "a",
                         "présenté",
                         "le",
                         "nouveau",
                         "tableau",
                         "de",
                         "bord",
                         "aux",
                         "clients",
                         "cette",
                         "semaine.",
                         "Great",
                         "feedback",
                         "from",
                         "the",
                         "community,",
                         "merci",
                         "à",
                         "tous",
                         "!",
                         "Orion",
                         "constellation",
                         "photos",
                         "ce",
                         "week-end",
                         "#photo",
                         "https://example.org/blog",
                         "résultats",
                         "publiés"};
  std::string post;
  std::size_t i = 0;
  while (post.size() < chars) {
    post += words[i % (sizeof words / sizeof *words)];
    post += ' ';
    i = i * 7 + 3;
  }
  post.resize(chars);
  return post;
}

struct Stats {
  double median;
  double p90;
};

Stats stats(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return {v[v.size() / 2], v[v.size() * 9 / 10]};
}

double micros_since(Clock::time_point t) { return std::chrono::duration<double, std::micro>(Clock::now() - t).count(); }

}  // namespace

int main(int argc, char** argv) {
  std::string policy_path = std::string(OWNVOICE_SOURCE_DIR) + "/examples/policy.example.json";
  int iterations = 2000;
  std::size_t chars = 3000;
  int cold = 0;
  std::string session_file;
  std::string host_binary = OWNVOICE_HOST_BINARY;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--policy") policy_path = argv[i + 1];
    if (flag == "--iterations") iterations = std::atoi(argv[i + 1]);
    if (flag == "--chars") chars = static_cast<std::size_t>(std::atoll(argv[i + 1]));
    if (flag == "--cold") cold = std::atoi(argv[i + 1]);
    if (flag == "--write-session") session_file = argv[i + 1];
    if (flag == "--host") host_binary = argv[i + 1];
  }
  const std::string post = make_post(chars);
  const std::string request_json =
      nlohmann::json{{"id", 1}, {"type", "check"}, {"text", post}, {"platform", "linkedin"}}.dump();

  if (!session_file.empty()) {
    std::FILE* f = std::fopen(session_file.c_str(), "wb");
    if (f == nullptr) return 1;
    std::string bytes = testing::frame(R"({"id":0,"type":"hello","protocol":1})");
    for (int i = 0; i < 20; ++i) bytes += testing::frame(request_json);
    std::fwrite(bytes.data(), 1, bytes.size(), f);
    std::fclose(f);
    return 0;
  }

  if (cold > 0) {
    testing::TempHome home;
    testing::HostCommand command = testing::default_command(home, host_binary);
    command.env["OWNVOICE_SYSTEM_POLICY"] = policy_path;
    std::vector<double> hello;
    std::vector<double> first_check;
    const std::string hello_frame = testing::frame(R"({"id":0,"type":"hello","protocol":1})");
    for (int i = 0; i < cold; ++i) {
      const auto t = Clock::now();
      testing::HostProcess host(command);
      host.send(hello_frame);
      if (!host.read_frame()) return 1;
      hello.push_back(micros_since(t));
      host.send(testing::frame(request_json));
      if (!host.read_frame()) return 1;
      first_check.push_back(micros_since(t));
      host.wait();
    }
    const Stats h = stats(hello);
    const Stats c = stats(first_check);
    std::printf("cold start, spawn -> hello reply   median %8.1f us  p90 %8.1f us  (%d runs, %s)\n", h.median, h.p90,
                cold, policy_path.c_str());
    std::printf("cold start, spawn -> first check   median %8.1f us  p90 %8.1f us\n", c.median, c.p90);
  }

  // In process: the engine alone, plus the JSON work the host adds (parse the request,
  // serialise the result), so the difference is the pipe and the process boundary.
  policy::LoadOptions options;
  options.system_path = policy_path;
  options.load_user = false;
  const engine::Engine engine(policy::load_layers(options));
  engine::CheckRequest request;
  request.text = post;
  request.platform = "linkedin";
  std::vector<double> engine_only;
  std::vector<double> in_process;
  for (int i = 0; i < iterations + 50; ++i) {
    auto t = Clock::now();
    const auto result = engine.check(request);
    const double e = micros_since(t);
    t = Clock::now();
    const auto parsed = nlohmann::json::parse(request_json);
    engine::CheckRequest r2;
    r2.text = parsed["text"];
    r2.platform = parsed["platform"];
    const auto result2 = engine.check(r2);
    const std::string out = engine::to_json(result2).dump();
    const double full = micros_since(t);
    if (i >= 50) {
      engine_only.push_back(e);
      in_process.push_back(full);
    }
  }

  testing::TempHome home;
  testing::HostCommand command = testing::default_command(home, host_binary);
  command.env["OWNVOICE_SYSTEM_POLICY"] = policy_path;
  testing::HostProcess host(command);
  std::vector<double> pipe;
  const std::string frame = testing::frame(request_json);
  for (int i = 0; i < iterations + 50; ++i) {
    const auto t = Clock::now();
    host.send(frame);
    const auto reply = host.read_frame();
    const double us = micros_since(t);
    if (!reply) {
      std::fprintf(stderr, "no reply from the host\n");
      return 1;
    }
    if (i >= 50) pipe.push_back(us);
  }
  host.wait();

  const Stats e = stats(engine_only);
  const Stats p = stats(in_process);
  const Stats w = stats(pipe);
  std::printf("post: %zu characters, %d iterations, policy %s\n", post.size(), iterations, policy_path.c_str());
  std::printf("engine.check in process           median %8.1f us  p90 %8.1f us\n", e.median, e.p90);
  std::printf("in process incl. JSON in/out      median %8.1f us  p90 %8.1f us\n", p.median, p.p90);
  std::printf("over the pipe (real ownvoice-host) median %8.1f us  p90 %8.1f us\n", w.median, w.p90);
  std::printf("pipe - engine.check               median %8.1f us\n", w.median - e.median);
  std::printf("pipe - in process incl. JSON      median %8.1f us\n", w.median - p.median);
  return 0;
}
