// The log under hostile conditions, on a real file: a writer killed mid-append, a full disk,
// a read-only data directory. Each time: a clear error, and every committed entry intact.
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <chrono>
#include <cstring>
#include <random>
#include <sstream>
#include <thread>

#include "log/error.hpp"
#include "log_test_util.hpp"

namespace ownvoice::log {
namespace {

using testing::fast_options;
using testing::in_child;
using testing::integrity_check;
using testing::kPass;
using testing::sample_entry;
using testing::TempDir;

std::int64_t head_of(const std::string& db) { return Store::open(db, fast_options()).status().entries; }

int kill_iterations() {
  const char* v = std::getenv("OWNVOICE_KILL_ITERATIONS");
  return v != nullptr ? std::atoi(v) : 300;
}

TEST(LogReliability, SigkillWhileAppendingLosesAtMostTheEntryInFlight) {
  TempDir dir;
  Store::open(dir.db(), fast_options()).init(kPass);
  std::random_device rd;
  const unsigned seed = rd();
  std::mt19937 rng(seed);
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::uniform_int_distribution<int> delay_us(0, 15000);
  const int iterations = kill_iterations();
  std::int64_t committed = 0;  // entries known to be durable
  int in_flight_kept = 0;
  for (int it = 0; it < iterations; ++it) {
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      ::close(fds[0]);
      try {
        auto host = Store::open(dir.db());
        for (int i = 0;; ++i) {
          Entry e = sample_entry(it * 1000 + i);
          e.text_checked = std::string(static_cast<std::size_t>(50 + (i * 37) % 900), 'k');  // vary page use
          std::int64_t seq = host.append(e);
          if (::write(fds[1], &seq, sizeof seq) != sizeof seq) ::_exit(3);
        }
      } catch (...) {
        ::_exit(2);
      }
    }
    ::close(fds[1]);
    std::this_thread::sleep_for(std::chrono::microseconds(delay_us(rng)));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the writer stopped by itself, status " << status;
    std::int64_t seq = 0;
    std::int64_t reported = committed;
    while (::read(fds[0], &seq, sizeof seq) == sizeof seq) reported = std::max(reported, seq);
    ::close(fds[0]);

    std::int64_t after = head_of(dir.db());
    // Every append that returned is there; at most the one being written when the signal
    // arrived may also be there (it committed but could not report).
    ASSERT_GE(after, reported) << "iteration " << it;
    ASSERT_LE(after, reported + 1) << "iteration " << it;
    in_flight_kept += after == reported + 1 ? 1 : 0;
    committed = after;
    if (it % 25 == 24 || it == iterations - 1) {
      ASSERT_EQ(integrity_check(dir.db()), "ok") << "iteration " << it;
      auto r = Store::open(dir.db(), fast_options()).verify(kPass);
      ASSERT_TRUE(r.ok) << "iteration " << it << ": " << r.problem;
      ASSERT_EQ(r.entries, committed);
    }
  }
  std::cout << "[          ] " << iterations << " kills, " << committed << " entries survived, " << in_flight_kept
            << " in-flight entries committed before the kill\n";
  EXPECT_GT(committed, 0) << "the kill points never let an append finish: the test proved nothing";
}

// Disk full, portable version: the writer's maximum file size is capped (RLIMIT_FSIZE) so the
// WAL cannot grow. SIGXFSZ is ignored so write() fails with EFBIG instead of killing it.
TEST(LogReliability, FileSizeLimitGivesIoErrorAndKeepsPreviousEntries) {
  TempDir dir;
  Store::open(dir.db(), fast_options()).init(kPass);
  {
    auto host = Store::open(dir.db());
    for (int i = 0; i < 5; ++i) host.append(sample_entry(i));
  }
  std::string result = in_child([&]() -> std::string {
    ::signal(SIGXFSZ, SIG_IGN);
    std::error_code ec;
    auto size = [&](const std::string& p) {
      auto s = std::filesystem::file_size(p, ec);
      return ec ? std::uintmax_t{0} : s;
    };
    rlim_t limit = static_cast<rlim_t>(std::max(size(dir.db()), size(dir.db() + "-wal")) + 64 * 1024);
    rlimit rl{limit, limit};
    if (::setrlimit(RLIMIT_FSIZE, &rl) != 0) return "setrlimit failed";
    auto host = Store::open(dir.db());
    int ok = 0;
    for (int i = 0; i < 10000; ++i) {
      Entry e = sample_entry(i);
      e.text_checked = std::string(4000, 'f');
      try {
        host.append(e);
        ++ok;
      } catch (const Error& err) {
        if (err.code() != ErrorCode::io_error) return std::string("wrong code ") + to_string(err.code());
        return "full after " + std::to_string(ok);
      }
    }
    return "never full";
  });
  ASSERT_EQ(result.rfind("full after ", 0), 0u) << result;
  int appended = std::stoi(result.substr(11));
  EXPECT_EQ(integrity_check(dir.db()), "ok");
  auto store = Store::open(dir.db(), fast_options());
  auto r = store.verify(kPass);
  EXPECT_TRUE(r.ok) << r.problem;
  EXPECT_EQ(r.entries, 5 + appended);
  // Space back: appending works again and the chain continues.
  store.append(sample_entry(99));
  EXPECT_TRUE(store.verify(kPass).ok);
}

// Runs fn inside a private mount namespace (root only), so test mounts vanish with the child.
template <typename Fn>
std::string in_mount_namespace(Fn&& fn) {
  return in_child([&]() -> std::string {
    if (::unshare(CLONE_NEWNS) != 0) return std::string("skip: unshare(CLONE_NEWNS): ") + std::strerror(errno);
    if (::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
      return std::string("skip: make / private: ") + std::strerror(errno);
    }
    return fn();
  });
}

// Disk full, real version: a 512 KiB tmpfs. Needs CAP_SYS_ADMIN (tests run as root in CI).
TEST(LogReliability, FullFilesystemGivesIoErrorAndKeepsPreviousEntries) {
  TempDir dir;
  std::string result = in_mount_namespace([&]() -> std::string {
    if (::mount("tmpfs", dir.path().c_str(), "tmpfs", 0, "size=512k,mode=0700") != 0) {
      return std::string("skip: mount tmpfs: ") + std::strerror(errno);
    }
    auto store = Store::open(dir.db(), fast_options());
    store.init(kPass);
    auto host = Store::open(dir.db());
    int ok = 0;
    for (int i = 0; i < 100000; ++i) {
      Entry e = sample_entry(i);
      e.text_checked = std::string(3000, 't');
      try {
        host.append(e);
        ++ok;
      } catch (const Error& err) {
        if (err.code() != ErrorCode::io_error) return std::string("wrong code ") + to_string(err.code());
        break;
      }
    }
    if (ok == 0) return "no append succeeded";
    if (ok == 100000) return "never full";
    if (integrity_check(dir.db()) != "ok") return "integrity_check failed";
    auto r = Store::open(dir.db(), fast_options()).verify(kPass);
    if (!r.ok) return "verify failed: " + r.problem;
    if (r.entries != ok) return "entries " + std::to_string(r.entries) + " != " + std::to_string(ok);
    return "ok";
  });
  if (result.rfind("skip:", 0) == 0) GTEST_SKIP() << result;
  EXPECT_EQ(result, "ok");
}

// Read-only data directory. Root ignores permission bits (chmod would prove nothing), so as
// root the directory is bind-mounted read-only in a private mount namespace; as a normal user
// chmod is enough. `chattr +i` on the database alone is not a valid simulation: commits go
// to the -wal file, which stays writable.
TEST(LogReliability, ReadOnlyDataDirectoryGivesIoErrorAndKeepsEntries) {
  TempDir dir;
  {
    auto store = Store::open(dir.db(), fast_options());
    store.init(kPass);
    for (int i = 0; i < 3; ++i) store.append(sample_entry(i));
  }  // last connection closed: the WAL is checkpointed into the database
  auto attempt = [&]() -> std::string {
    auto host = Store::open(dir.db());
    try {
      host.append(sample_entry(9));
      return "append succeeded on a read-only log";
    } catch (const Error& err) {
      if (err.code() != ErrorCode::io_error) return std::string("wrong code ") + to_string(err.code());
    }
    return "ok";
  };
  std::string result;
  if (::geteuid() != 0) {
    result = in_child([&]() -> std::string {
      ::chmod(dir.db().c_str(), 0400);
      ::chmod(dir.path().c_str(), 0500);
      return attempt();
    });
    ::chmod(dir.path().c_str(), 0700);
    ::chmod(dir.db().c_str(), 0600);
  } else {
    result = in_mount_namespace([&]() -> std::string {
      if (::mount(dir.path().c_str(), dir.path().c_str(), nullptr, MS_BIND, nullptr) != 0 ||
          ::mount(nullptr, dir.path().c_str(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr) != 0) {
        return std::string("skip: read-only bind mount: ") + std::strerror(errno);
      }
      return attempt();
    });
  }
  if (result.rfind("skip:", 0) == 0) GTEST_SKIP() << result;
  EXPECT_EQ(result, "ok");
  auto r = Store::open(dir.db(), fast_options()).verify(kPass);
  EXPECT_TRUE(r.ok) << r.problem;
  EXPECT_EQ(r.entries, 3);
}

}  // namespace
}  // namespace ownvoice::log
