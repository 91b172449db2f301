// The log's public behaviour: init, append without a secret, reading back with the
// passphrase, filters, promotional share, passphrase change, export, erase, paths.
#include <sys/stat.h>

#include <chrono>
#include <thread>

#include "log/error.hpp"
#include "log/export_format.hpp"
#include "log_test_util.hpp"

namespace ownvoice::log {
namespace {

using testing::fast_options;
using testing::filter_with;
using testing::kPass;
using testing::sample_entry;
using testing::TempDir;

ErrorCode code_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const Error& e) {
    return e.code();
  }
  ADD_FAILURE() << "no ownvoice::log::Error thrown";
  return ErrorCode::invalid_argument;
}

TEST(LogStore, UninitialisedLogLeavesNoFileAndReportsNotInitialised) {
  TempDir dir;
  auto store = Store::open(dir.db(), fast_options());
  EXPECT_FALSE(store.initialized());
  EXPECT_FALSE(store.promotional_history(30).has_value());
  EXPECT_EQ(code_of([&] { store.append(sample_entry(1)); }), ErrorCode::not_initialized);
  EXPECT_EQ(code_of([&] { (void)store.read_all(kPass); }), ErrorCode::not_initialized);
  EXPECT_EQ(code_of([&] { (void)store.verify(kPass); }), ErrorCode::not_initialized);
  EXPECT_FALSE(std::filesystem::exists(dir.db()));
  auto status = store.status();
  EXPECT_FALSE(status.initialized);
  EXPECT_EQ(status.entries, 0);
}

TEST(LogStore, InitCreatesPrivateFileAndRefusesSecondInit) {
  TempDir dir;
  std::string nested = (dir.path() / "a" / "b" / "log.sqlite").string();
  auto store = Store::open(nested, fast_options());
  store.init(kPass);
  EXPECT_TRUE(store.initialized());
  struct stat st {};
  ASSERT_EQ(::stat(nested.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  ASSERT_EQ(::stat((dir.path() / "a" / "b").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  EXPECT_EQ(code_of([&] { store.init(kPass); }), ErrorCode::already_initialized);
  auto other = Store::open(nested, fast_options());
  EXPECT_EQ(code_of([&] { other.init("another passphrase"); }), ErrorCode::already_initialized);
  EXPECT_EQ(code_of([&] { Store::open(dir.db(), fast_options()).init(""); }), ErrorCode::invalid_argument);
}

TEST(LogStore, AppendWithoutSecretThenReadBackWithPassphrase) {
  TempDir dir;
  Store::open(dir.db(), fast_options()).init(kPass);
  // A separate Store, as the host is: it never sees the passphrase.
  auto host = Store::open(dir.db());
  Entry e = sample_entry(7);
  e.text_checked = "Édition spéciale « Edelweiss » 🚀 — line\nbreak";
  e.findings_summary = {{"confidential", 1}, {"rules", {"codenames"}}};
  EXPECT_EQ(host.append(e), 1);
  EXPECT_EQ(host.append(sample_entry(8, "cancelled")), 2);

  auto reader = Store::open(dir.db(), fast_options());
  auto all = reader.read_all(kPass);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].seq, 1);
  EXPECT_EQ(all[0].text_checked, e.text_checked);
  EXPECT_EQ(all[0].text_shared, e.text_shared);
  EXPECT_EQ(all[0].findings_summary, e.findings_summary);
  EXPECT_EQ(all[0].platform, "x");
  EXPECT_EQ(all[0].decision, "shared");
  EXPECT_TRUE(all[0].consent);
  EXPECT_EQ(all[0].policy_version, "lumetra-2026-11");
  EXPECT_EQ(all[0].check_id, "c-7");
  EXPECT_EQ(all[0].time.size(), 20u);  // filled in by append
  EXPECT_EQ(all[1].decision, "cancelled");
  EXPECT_EQ(reader.status().entries, 2);
}

TEST(LogStore, AppendRejectsUnknownDecisionAndBadTime) {
  TempDir dir;
  auto store = Store::open(dir.db(), fast_options());
  store.init(kPass);
  EXPECT_EQ(code_of([&] { store.append(sample_entry(1, "posted")); }), ErrorCode::invalid_argument);
  Entry e = sample_entry(1);
  e.time = "yesterday";
  EXPECT_EQ(code_of([&] { store.append(e); }), ErrorCode::invalid_argument);
  EXPECT_EQ(store.status().entries, 0);
}

TEST(LogStore, WrongPassphraseIsAClearErrorForEveryReadingOperation) {
  TempDir dir;
  auto store = Store::open(dir.db(), fast_options());
  store.init(kPass);
  store.append(sample_entry(1));
  EXPECT_EQ(code_of([&] { (void)store.read_all("wrong"); }), ErrorCode::wrong_passphrase);
  EXPECT_EQ(code_of([&] { (void)store.verify("wrong"); }), ErrorCode::wrong_passphrase);
  EXPECT_EQ(code_of([&] { (void)store.export_as("wrong", "jsonl"); }), ErrorCode::wrong_passphrase);
  EXPECT_EQ(code_of([&] { (void)store.erase("wrong"); }), ErrorCode::wrong_passphrase);
  EXPECT_EQ(code_of([&] { store.change_passphrase("wrong", "new passphrase 123"); }), ErrorCode::wrong_passphrase);
  EXPECT_EQ(store.read_all(kPass).size(), 1u);
}

TEST(LogStore, FiltersByDatePlatformDecisionVerdictAndLimit) {
  TempDir dir;
  auto store = Store::open(dir.db(), fast_options());
  store.init(kPass);
  const char* times[] = {"2026-10-01T10:00:00Z", "2026-10-15T23:59:59Z", "2026-11-01T00:00:00Z",
                         "2026-11-20T12:00:00Z"};
  for (int i = 0; i < 4; ++i) {
    Entry e = sample_entry(i, i == 2 ? "cancelled" : "shared");
    e.time = times[i];
    store.append(e);
  }
  auto seqs = [&](Filter f) {
    std::vector<std::int64_t> out;
    for (auto& e : store.read_all(kPass, f)) out.push_back(e.seq);
    return out;
  };
  EXPECT_EQ(seqs(filter_with([](Filter& f) { f.since = "2026-10-15"; })), (std::vector<std::int64_t>{2, 3, 4}));
  EXPECT_EQ(seqs(filter_with([](Filter& f) { f.until = "2026-10-15"; })), (std::vector<std::int64_t>{1, 2}));
  EXPECT_EQ(seqs(filter_with([](Filter& f) {
              f.since = "2026-10-15T23:59:59Z";
              f.until = "2026-11-01T00:00:00Z";
            })),
            (std::vector<std::int64_t>{2, 3}));
  EXPECT_EQ(seqs(filter_with([](Filter& f) { f.platform = "linkedin"; })), (std::vector<std::int64_t>{1, 3}));
  EXPECT_EQ(seqs(filter_with([](Filter& f) { f.decision = "cancelled"; })), (std::vector<std::int64_t>{3}));
  EXPECT_EQ(seqs(filter_with([](Filter& f) { f.verdict = "warn"; })), (std::vector<std::int64_t>{1, 4}));
  EXPECT_EQ(seqs(filter_with([](Filter& f) { f.limit = 2; })), (std::vector<std::int64_t>{3, 4}));
  EXPECT_EQ(code_of([&] { (void)store.read_all(kPass, filter_with([](Filter& f) { f.since = "last week"; })); }),
            ErrorCode::invalid_argument);
  EXPECT_EQ(code_of([&] { (void)store.read_all(kPass, filter_with([](Filter& f) { f.decision = "posted"; })); }),
            ErrorCode::invalid_argument);
}

TEST(LogStore, PromotionalShareNeedsNoSecretAndCountsOnlySharedPostsInWindow) {
  TempDir dir;
  auto store = Store::open(dir.db(), fast_options());
  store.init(kPass);
  auto host = Store::open(dir.db());
  auto h0 = host.promotional_history(30);
  ASSERT_TRUE(h0.has_value());
  EXPECT_EQ(h0->shared, 0);
  for (int i = 0; i < 10; ++i) {
    Entry e = sample_entry(i, i == 9 ? "cancelled" : (i % 2 == 0 ? "shared" : "edited_shared"));
    e.promotional = i < 4;  // 0..3 promotional
    host.append(e);
  }
  Entry old = sample_entry(100);
  old.time = "2020-01-01T00:00:00Z";
  old.promotional = true;
  host.append(old);
  auto h = host.promotional_history(30);
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->shared, 9);
  EXPECT_EQ(h->promotional, 4);
  EXPECT_EQ(h->window_days, 30);
  // The 2020 post is outside the two 30-day periods kept (no dates are kept in clear).
  auto ancient = host.promotional_history(365 * 20);
  EXPECT_EQ(ancient->shared, 9);
  EXPECT_EQ(ancient->promotional, 4);
}

TEST(LogStore, ChangePassphraseKeepsEntriesReadable) {
  TempDir dir;
  auto store = Store::open(dir.db(), fast_options());
  store.init(kPass);
  store.append(sample_entry(1));
  store.change_passphrase(kPass, "a brand new passphrase");
  EXPECT_EQ(code_of([&] { (void)store.read_all(kPass); }), ErrorCode::wrong_passphrase);
  store.append(sample_entry(2));
  auto all = store.read_all("a brand new passphrase");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_TRUE(store.verify("a brand new passphrase").ok);
}

TEST(LogStore, ExportJsonlAndCsv) {
  TempDir dir;
  auto store = Store::open(dir.db(), fast_options());
  store.init(kPass);
  Entry e = sample_entry(1);
  e.text_checked = "=HYPERLINK(\"http://evil\") says \"hi\"\nsecond line";
  store.append(e);
  store.append(sample_entry(2, "cancelled"));

  std::string jsonl = store.export_as(kPass, "jsonl");
  std::vector<nlohmann::json> lines;
  std::size_t pos = 0;
  while (pos < jsonl.size()) {
    auto nl = jsonl.find('\n', pos);
    ASSERT_NE(nl, std::string::npos);
    lines.push_back(nlohmann::json::parse(jsonl.substr(pos, nl - pos)));
    pos = nl + 1;
  }
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["text_checked"], e.text_checked);
  EXPECT_EQ(lines[1]["decision"], "cancelled");

  std::string csv = store.export_as(kPass, "csv", filter_with([](Filter& f) { f.decision = "shared"; }));
  EXPECT_EQ(csv.rfind("seq,time,platform,url,decision,", 0), 0u);
  // Quotes doubled, the formula neutralised, the newline kept inside the quoted cell.
  EXPECT_NE(csv.find("\"'=HYPERLINK(\"\"http://evil\"\") says \"\"hi\"\"\nsecond line\""), std::string::npos);
  EXPECT_EQ(csv.find("cancelled"), std::string::npos);
  EXPECT_EQ(code_of([&] { (void)store.export_as(kPass, "xml"); }), ErrorCode::invalid_argument);
}

TEST(LogStore, EraseBeforeDateKeepsChainVerifiable) {
  TempDir dir;
  auto store = Store::open(dir.db(), fast_options());
  store.init(kPass);
  const char* times[] = {"2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z",
                         "2026-04-01T00:00:00Z"};
  for (int i = 0; i < 4; ++i) {
    Entry e = sample_entry(i);
    e.time = times[i];
    store.append(e);
  }
  EXPECT_EQ(store.erase(kPass, "2026-03-01"), 2u);
  auto all = store.read_all(kPass);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].seq, 3);
  auto report = store.verify(kPass);
  EXPECT_TRUE(report.ok) << report.problem;
  // Numbering continues after an erase.
  EXPECT_EQ(store.append(sample_entry(9)), 5);
  EXPECT_TRUE(store.verify(kPass).ok);
  // Only the two latest 30-day periods are counted (no dates are kept in clear): the
  // entries of early 2026 are outside them, the one just appended is inside.
  EXPECT_EQ(store.promotional_history(365 * 20)->shared, 1);
  EXPECT_EQ(code_of([&] { (void)store.erase(kPass, "March"); }), ErrorCode::invalid_argument);
}

TEST(LogStore, EraseAllEmptiesLogAndNewEntriesStillChain) {
  TempDir dir;
  auto store = Store::open(dir.db(), fast_options());
  store.init(kPass);
  auto host = Store::open(dir.db());
  for (int i = 0; i < 5; ++i) host.append(sample_entry(i));
  EXPECT_EQ(store.erase(kPass), 5u);
  EXPECT_EQ(store.read_all(kPass).size(), 0u);
  EXPECT_EQ(store.promotional_history(30)->shared, 0);
  EXPECT_TRUE(store.verify(kPass).ok);
  // The host's writer epoch row was removed by the erase; the host must re-register it.
  EXPECT_EQ(host.append(sample_entry(6)), 6);
  auto report = store.verify(kPass);
  EXPECT_TRUE(report.ok) << report.problem;
  EXPECT_EQ(report.entries, 1);
}

// "Securely gone": the erased ciphertext is not in the database, its WAL or anywhere in the
// directory afterwards (secure_delete + VACUUM + wal_checkpoint(TRUNCATE)).
TEST(LogStore, EraseLeavesNoTraceOfErasedCiphertextOnDisk) {
  TempDir dir;
  auto store = Store::open(dir.db(), fast_options());
  store.init(kPass);
  auto host = Store::open(dir.db());
  for (int i = 0; i < 20; ++i) host.append(sample_entry(i));
  auto ciphertext_of = [&](int seq) {
    sqlite3* h = nullptr;
    sqlite3_open(dir.db().c_str(), &h);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(h, "SELECT ct FROM entries WHERE seq = ?", -1, &st, nullptr);
    sqlite3_bind_int(st, 1, seq);
    std::string out;
    if (sqlite3_step(st) == SQLITE_ROW) {
      out.assign(static_cast<const char*>(sqlite3_column_blob(st, 0)),
                 static_cast<std::size_t>(sqlite3_column_bytes(st, 0)));
    }
    sqlite3_finalize(st);
    sqlite3_close(h);
    return out.substr(40, 64);  // 64 bytes of AEAD output: unique to this entry
  };
  std::string first = ciphertext_of(1);
  std::string last = ciphertext_of(20);
  ASSERT_EQ(first.size(), 64u);
  auto on_disk = [&](const std::string& needle) {
    for (const auto& f : std::filesystem::directory_iterator(dir.path())) {
      if (testing::read_file(f.path()).find(needle) != std::string::npos) return true;
    }
    return false;
  };
  ASSERT_TRUE(on_disk(first));  // the probe works
  EXPECT_EQ(store.erase(kPass), 20u);
  EXPECT_FALSE(on_disk(first));
  EXPECT_FALSE(on_disk(last));
  EXPECT_EQ(std::filesystem::file_size(dir.db() + "-wal"), 0u);
}

TEST(LogStore, TwoWritersInterleaveSafely) {
  TempDir dir;
  Store::open(dir.db(), fast_options()).init(kPass);
  constexpr int kPerWriter = 40;
  auto writer = [&](int base) {
    auto s = Store::open(dir.db());
    for (int i = 0; i < kPerWriter; ++i) s.append(sample_entry(base + i));
  };
  // Two processes, as two browsers' hosts would be.
  pid_t a = ::fork();
  if (a == 0) {
    try {
      writer(0);
    } catch (...) {
      ::_exit(1);
    }
    ::_exit(0);
  }
  std::thread b([&] { writer(1000); });
  b.join();
  int status = 0;
  ::waitpid(a, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  auto store = Store::open(dir.db(), fast_options());
  auto report = store.verify(kPass);
  EXPECT_TRUE(report.ok) << report.problem;
  EXPECT_EQ(report.entries, 2 * kPerWriter);
}

TEST(LogStore, DefaultPathHonoursDataDirAndXdg) {
  ::setenv("OWNVOICE_DATA_DIR", "/tmp/ov-data", 1);
  EXPECT_EQ(Store::default_path(), "/tmp/ov-data/log.sqlite");
  ::unsetenv("OWNVOICE_DATA_DIR");
#if defined(__linux__)
  ::setenv("XDG_DATA_HOME", "/tmp/xdg", 1);
  EXPECT_EQ(Store::default_path(), "/tmp/xdg/ownvoice/log.sqlite");
  ::setenv("XDG_DATA_HOME", "relative/ignored", 1);
  ::setenv("HOME", "/home/alice", 1);
  EXPECT_EQ(Store::default_path(), "/home/alice/.local/share/ownvoice/log.sqlite");
  ::unsetenv("XDG_DATA_HOME");
#endif
}

TEST(LogStore, GarbageFileIsReportedCorrupt) {
  TempDir dir;
  {
    std::ofstream out(dir.db(), std::ios::binary);
    out << std::string(8192, 'Z');
  }
  auto store = Store::open(dir.db(), fast_options());
  EXPECT_EQ(code_of([&] { (void)store.initialized(); }), ErrorCode::corrupt);
}

TEST(LogStore, ProtocolCodesAreStable) {
  EXPECT_STREQ(protocol_code(ErrorCode::not_initialized), "log_not_initialized");
  EXPECT_STREQ(protocol_code(ErrorCode::already_initialized), "log_already_initialized");
  EXPECT_STREQ(protocol_code(ErrorCode::wrong_passphrase), "wrong_passphrase");
  EXPECT_STREQ(protocol_code(ErrorCode::io_error), "log_io_error");
  EXPECT_STREQ(protocol_code(ErrorCode::corrupt), "log_corrupt");
  EXPECT_STREQ(protocol_code(ErrorCode::invalid_argument), "invalid_value");
}

// The one test with the real Argon2id cost: the parameters are stored in the log and a
// reader with default options (fast in tests) still unlocks with the stored ones.
TEST(LogStore, RealKdfParametersRoundTrip) {
  TempDir dir;
  Options real;
  real.kdf = KdfParams::moderate();
  auto store = Store::open(dir.db(), real);
  store.init(kPass);
  store.append(sample_entry(1));
  auto reader = Store::open(dir.db(), fast_options());
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(reader.read_all(kPass).size(), 1u);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // MODERATE is 256 MiB and 3 passes: it must cost real time (a guesser pays it per guess).
  EXPECT_GT(seconds, 0.1);
  EXPECT_EQ(code_of([&] { (void)reader.read_all("wrong"); }), ErrorCode::wrong_passphrase);
  EXPECT_TRUE(reader.status().warnings.empty());
  EXPECT_TRUE(reader.verify(kPass).warnings.empty());
}

TEST(LogStore, TestOnlyKdfCostIsAnnouncedWhereverTheEmployeeLooks) {
  // The variable alone does nothing in the library (only a test-hooks main reads it).
  ::setenv("OWNVOICE_TEST_FAST_KDF", "1", 1);
  EXPECT_FALSE(KdfParams::standard().weaker_than(KdfParams::moderate()));
  ::unsetenv("OWNVOICE_TEST_FAST_KDF");

  TempDir dir;
  auto store = Store::open(dir.db(), fast_options());
  store.init(kPass);
  auto status = store.status();
  ASSERT_EQ(status.warnings.size(), 1u);
  EXPECT_NE(status.warnings[0].find("test-only"), std::string::npos);
  auto report = store.verify(kPass);
  EXPECT_TRUE(report.ok);
  EXPECT_EQ(report.warnings.size(), 1u);
  EXPECT_EQ(to_json(status)["warnings"].size(), 1u);
}

TEST(LogStore, BoundaryRemindersAreKeptAndFilterable) {
  TempDir dir;
  Store::open(dir.db(), fast_options()).init(kPass);
  auto host = Store::open(dir.db());
  Entry reminded = sample_entry(1, "cancelled");
  reminded.boundary_reminder = true;
  host.append(reminded);
  host.append(sample_entry(2));
  auto reader = Store::open(dir.db(), fast_options());
  Filter only;
  only.reminders_only = true;
  const auto hits = reader.read_all(kPass, only);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_TRUE(hits[0].boundary_reminder);
  EXPECT_EQ(hits[0].decision, "cancelled");
  EXPECT_EQ(reader.read_all(kPass).size(), 2u);
}

}  // namespace
}  // namespace ownvoice::log
