// The check engine's figures (docs/benchmarks.md "## Engine"):
//   BM_Check/<terms>     one full check of a 3,000-character post, 200 patterns + N terms
//   BM_Screen/<terms>    the confidential screen alone on the same post
//   BM_Compile/<terms>   building the automaton and the RE2 set for a policy
//   BM_Batch*            throughput over ~30 MB of posts (the data compare_rg.sh gives ripgrep)
// `bench_engine --write-fixtures DIR` writes terms.txt and posts.txt for ripgrep.
#include <benchmark/benchmark.h>

#include <cstring>
#include <fstream>
#include <iostream>

#include "checks/confidential.hpp"
#include "engine/engine.hpp"
#include "policy/loader.hpp"
#include "workload.hpp"

using namespace ownvoice;

namespace {

policy::EffectivePolicy effective(size_t terms, size_t patterns) {
  policy::EffectivePolicy ep;
  ep.policy = policy::from_json(bench::make_policy(terms, patterns));
  return ep;
}

constexpr size_t kBatchPosts = 10000;  // x ~3,000 characters = ~30 MB

const std::vector<std::string>& batch_posts() {
  static const std::vector<std::string> posts = [] {
    const auto terms = bench::make_terms(10000);
    std::vector<std::string> out;
    out.reserve(kBatchPosts);
    for (uint32_t i = 0; i < kBatchPosts; ++i)
      out.push_back(bench::make_post(3000, i % 4 == 0 ? terms : std::vector<std::string>{}, i));
    return out;
  }();
  return posts;
}

void BM_Check(benchmark::State& state) {
  const auto n = static_cast<size_t>(state.range(0));
  const engine::Engine engine(effective(n, 200));
  engine::CheckRequest req;
  req.text = bench::make_post(3000, bench::make_terms(n), 7);
  req.platform = "linkedin";
  for (auto _ : state) benchmark::DoNotOptimize(engine.check(req));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * req.text.size()));
}
BENCHMARK(BM_Check)->Arg(10)->Arg(1000)->Arg(10000)->Unit(benchmark::kMicrosecond);

void BM_Screen(benchmark::State& state) {
  const auto n = static_cast<size_t>(state.range(0));
  const checks::Screener screener(effective(n, 200).policy);
  const auto post = bench::make_post(3000, bench::make_terms(n), 7);
  for (auto _ : state) benchmark::DoNotOptimize(screener.screen(post, text::normalize(post), "linkedin"));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * post.size()));
}
BENCHMARK(BM_Screen)->Arg(10)->Arg(1000)->Arg(10000)->Unit(benchmark::kMicrosecond);

void BM_Compile(benchmark::State& state) {
  const auto ep = effective(static_cast<size_t>(state.range(0)), 200);
  size_t bytes = 0;
  for (auto _ : state) {
    const checks::Screener s(ep.policy);
    bytes = s.stats().automaton_bytes;
    benchmark::DoNotOptimize(bytes);
  }
  state.counters["automaton_KiB"] = static_cast<double>(bytes) / 1024.0;
}
BENCHMARK(BM_Compile)->Arg(10000)->Unit(benchmark::kMillisecond);

// Terms only, like `rg -i -F -w -f terms.txt`, but with OwnVoice's normalisation.
void BM_BatchTermsOnly(benchmark::State& state) {
  const checks::Screener screener(effective(10000, 0).policy);
  const auto& posts = batch_posts();
  size_t bytes = 0, hits = 0;
  for (const auto& p : posts) bytes += p.size();
  for (auto _ : state) {
    hits = 0;
    for (const auto& p : posts) hits += screener.screen(p, text::normalize(p), "linkedin").size();
    benchmark::DoNotOptimize(hits);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["posts_with_hits"] = static_cast<double>(hits);
}
BENCHMARK(BM_BatchTermsOnly)->Unit(benchmark::kMillisecond)->Iterations(3);

// Every check (disclaimer, promotional, 10,000 terms + 200 patterns) on every post.
void BM_BatchFullCheck(benchmark::State& state) {
  const engine::Engine engine(effective(10000, 200));
  const auto& posts = batch_posts();
  size_t bytes = 0;
  for (const auto& p : posts) bytes += p.size();
  engine::CheckRequest req;
  req.platform = "linkedin";
  for (auto _ : state) {
    for (const auto& p : posts) {
      req.text = p;
      benchmark::DoNotOptimize(engine.check(req));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_BatchFullCheck)->Unit(benchmark::kMillisecond)->Iterations(2);

int write_fixtures(const std::string& dir) {
  std::ofstream terms(dir + "/terms.txt");
  for (const auto& t : bench::make_terms(10000)) terms << t << "\n";
  std::ofstream posts(dir + "/posts.txt");
  size_t bytes = 0;
  for (const auto& p : batch_posts()) {
    posts << p << "\n";
    bytes += p.size() + 1;
  }
  std::ofstream(dir + "/policy.json") << bench::make_policy(10000, 200).dump(1);
  std::cout << "wrote " << dir << "/terms.txt, posts.txt (" << bytes << " bytes), policy.json\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::strcmp(argv[1], "--write-fixtures") == 0) return write_fixtures(argv[2]);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
