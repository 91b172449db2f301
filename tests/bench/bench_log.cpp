// Figures for docs/benchmarks.md "## Log": durable append latency, audit (decrypt + verify)
// of 100,000 entries, and the Argon2id cost. Real SQLite file in $TMPDIR, real libsodium.
//   build-*/tests/bench/bench_log --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>
#include <sodium.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "log/store.hpp"

namespace {

using ownvoice::log::Durability;
using ownvoice::log::Entry;
using ownvoice::log::KdfParams;
using ownvoice::log::Options;
using ownvoice::log::Store;

constexpr const char* kPass = "bench passphrase for the log";

class TempLog {
 public:
  explicit TempLog(const char* tag) {
    std::string tmpl =
        (std::filesystem::temp_directory_path() / (std::string("ownvoice-bench-") + tag + "-XXXXXX")).string();
    if (::mkdtemp(tmpl.data()) == nullptr) std::abort();
    dir_ = tmpl;
  }
  ~TempLog() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  TempLog(const TempLog&) = delete;
  TempLog& operator=(const TempLog&) = delete;
  [[nodiscard]] std::string db() const { return (dir_ / "log.sqlite").string(); }

 private:
  std::filesystem::path dir_;
};

Options options(Durability d) {
  Options o;
  o.kdf = KdfParams::fast_for_tests();  // the KDF is measured on its own below
  o.durability = d;
  return o;
}

// A realistic entry: a LinkedIn-length post checked and shared with the disclaimer.
Entry typical_entry(int n) {
  Entry e;
  e.platform = "linkedin";
  e.url = "https://www.linkedin.com/feed/";
  e.decision = "shared";
  e.text_checked = "Proud of the team: we shipped the new release this week after months of work. " +
                   std::string(200, 'x') + " #" + std::to_string(n);
  e.text_shared = e.text_checked + "\n\nOpinions are my own";
  e.findings_summary = nlohmann::json::array({{{"check", "disclaimer"}, {"severity", "warn"}}});
  e.consent = true;
  e.policy_version = "lumetra-2026-11";
  e.verdict = "warn";
  e.promotional = (n % 5 == 0);
  e.check_id = "c-" + std::to_string(n);
  return e;
}

void append_latency(benchmark::State& state, Durability d) {
  TempLog tmp("append");
  Store::open(tmp.db(), options(d)).init(kPass);
  auto host = Store::open(tmp.db(), options(d));
  int n = 0;
  host.append(typical_entry(n++));  // the writer epoch is set up once per host process
  for (auto _ : state) host.append(typical_entry(n++));
  state.SetItemsProcessed(state.iterations());
}

void BM_LogAppendDurableFull(benchmark::State& state) { append_latency(state, Durability::Full); }
void BM_LogAppendWalNormal(benchmark::State& state) { append_latency(state, Durability::Normal); }
BENCHMARK(BM_LogAppendDurableFull)->Unit(benchmark::kMicrosecond)->MinTime(2.0);
BENCHMARK(BM_LogAppendWalNormal)->Unit(benchmark::kMicrosecond)->MinTime(2.0);

// A host started for one message (sendNativeMessage): open + new epoch + append each time.
void BM_LogAppendFreshHostFull(benchmark::State& state) {
  TempLog tmp("fresh");
  Store::open(tmp.db(), options(Durability::Full)).init(kPass);
  int n = 0;
  for (auto _ : state) Store::open(tmp.db(), options(Durability::Full)).append(typical_entry(n++));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_LogAppendFreshHostFull)->Unit(benchmark::kMicrosecond)->MinTime(2.0);

// Audit = verify() (decrypt every entry, check the chain) over 100,000 entries written by
// writers that each appended `per_epoch` entries (one X25519 per epoch on the reader side).
void BM_LogAudit(benchmark::State& state) {
  const int total = static_cast<int>(state.range(0));
  const int per_epoch = static_cast<int>(state.range(1));
  TempLog tmp("audit");
  Store::open(tmp.db(), options(Durability::Normal)).init(kPass);
  {
    std::unique_ptr<Store> writer;
    for (int i = 0; i < total; ++i) {
      if (i % per_epoch == 0) writer = std::make_unique<Store>(Store::open(tmp.db(), options(Durability::Normal)));
      writer->append(typical_entry(i));
    }
  }
  auto auditor = Store::open(tmp.db(), options(Durability::Normal));
  for (auto _ : state) {
    auto report = auditor.verify(kPass);
    if (!report.ok || report.entries != total) state.SkipWithError("verify failed");
  }
  state.counters["entries"] = total;
  state.counters["epochs"] = total / per_epoch;
}
BENCHMARK(BM_LogAudit)
    ->Args({100000, 100000})
    ->Args({100000, 100})
    ->Args({5000, 1})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->MeasureProcessCPUTime()
    ->UseRealTime();

// Decrypting everything for `ownvoice log show` (JSON parse included).
void BM_LogReadAll100k(benchmark::State& state) {
  TempLog tmp("read");
  Store::open(tmp.db(), options(Durability::Normal)).init(kPass);
  {
    auto writer = Store::open(tmp.db(), options(Durability::Normal));
    for (int i = 0; i < 100000; ++i) writer.append(typical_entry(i));
  }
  auto reader = Store::open(tmp.db(), options(Durability::Normal));
  for (auto _ : state) benchmark::DoNotOptimize(reader.read_all(kPass).size());
}
BENCHMARK(BM_LogReadAll100k)->Unit(benchmark::kMillisecond)->Iterations(3);

// The chosen Argon2id cost (crypto_pwhash MODERATE: 3 passes over 256 MiB).
void BM_LogKeyDerivationModerate(benchmark::State& state) {
  if (sodium_init() < 0) state.SkipWithError("sodium_init");
  const auto params = KdfParams::moderate();
  unsigned char salt[crypto_pwhash_SALTBYTES] = {1};
  unsigned char key[32];
  for (auto _ : state) {
    if (crypto_pwhash(key, sizeof key, kPass, std::char_traits<char>::length(kPass), salt, params.opslimit,
                      params.memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0) {
      state.SkipWithError("out of memory");
    }
  }
  state.counters["MiB"] = static_cast<double>(params.memlimit >> 20);
  state.counters["passes"] = static_cast<double>(params.opslimit);
}
BENCHMARK(BM_LogKeyDerivationModerate)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace

BENCHMARK_MAIN();
