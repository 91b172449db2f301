// `ownvoice log ...` end to end through CLI11, on a real log file, with passphrases fed
// through pipes (--passphrase-fd) exactly as a script would.
#include <fcntl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>

#include "cli/cmd_log.hpp"
#include "log/log_time.hpp"
#include "log_test_util.hpp"

namespace ownvoice::cli {
namespace {

using log::testing::TempDir;

std::string day(int days_ago) { return log::timeutil::utc_date_days_ago(days_ago); }

// A pipe preloaded with one line; the read end is what the command gets as --passphrase-fd.
class PassPipe {
 public:
  explicit PassPipe(const std::string& line) {
    int fds[2];
    if (::pipe(fds) != 0) throw std::runtime_error("pipe");
    std::string data = line + "\n";
    if (::write(fds[1], data.data(), data.size()) != static_cast<ssize_t>(data.size()))
      throw std::runtime_error("write");
    ::close(fds[1]);
    fd_ = fds[0];
  }
  ~PassPipe() { ::close(fd_); }
  PassPipe(const PassPipe&) = delete;
  PassPipe& operator=(const PassPipe&) = delete;
  [[nodiscard]] std::string fd() const { return std::to_string(fd_); }

 private:
  int fd_;
};

struct Run {
  int exit_code = -1;
  std::string out;
  std::string err;
};

Run run_cli(const std::string& args) {
  CLI::App app{"test", "ownvoice"};
  int exit_code = 0;
  add_log_commands(app, exit_code);
  ::testing::internal::CaptureStdout();
  ::testing::internal::CaptureStderr();
  Run r;
  try {
    app.parse(args, false);
    r.exit_code = exit_code;
  } catch (const CLI::ParseError& e) {
    r.exit_code = app.exit(e) == 0 ? 0 : 64;
  }
  r.out = ::testing::internal::GetCapturedStdout();
  r.err = ::testing::internal::GetCapturedStderr();
  return r;
}

class LogCli : public ::testing::Test {
 protected:
  void SetUp() override {
    log::KdfParams::use_fast_for_tests();  // what a test-hooks main does for OWNVOICE_TEST_FAST_KDF=1
    ::setenv("OWNVOICE_DATA_DIR", dir_.path().c_str(), 1);
  }
  void TearDown() override { ::unsetenv("OWNVOICE_DATA_DIR"); }
  void init_with_entries() {
    PassPipe p(pass_);
    ASSERT_EQ(run_cli("log init --passphrase-fd " + p.fd()).exit_code, 0);
    auto host = log::Store::open(dir_.db());
    for (int i = 1; i <= 4; ++i) {
      auto e = log::testing::sample_entry(i, i == 3 ? "cancelled" : "shared");
      e.time = day(5 - i) + "T10:00:00Z";  // entry 1 four days ago ... entry 4 yesterday
      host.append(e);
    }
  }
  TempDir dir_;
  std::string pass_ = "copper lantern river sleeps";
};

TEST_F(LogCli, StatusBeforeAndAfterInit) {
  auto before = run_cli("log status --json");
  EXPECT_EQ(before.exit_code, 0);
  EXPECT_FALSE(nlohmann::json::parse(before.out)["initialized"].get<bool>());
  init_with_entries();
  auto after = run_cli("log status --json");
  auto j = nlohmann::json::parse(after.out);
  EXPECT_TRUE(j["initialized"].get<bool>());
  EXPECT_EQ(j["entries"], 4);
  EXPECT_EQ(j["promotional_30d"]["shared"], 3);  // entries 1, 2, 4 shared in the last days
  auto human = run_cli("log status");
  EXPECT_NE(human.err.find("test-only key derivation"), std::string::npos) << human.err;
}

TEST_F(LogCli, InitRefusesShortPassphraseAndSecondInit) {
  PassPipe short_pass("short");
  auto r = run_cli("log init --passphrase-fd " + short_pass.fd());
  EXPECT_EQ(r.exit_code, 64);
  EXPECT_NE(r.err.find("at least"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir_.db()));
  init_with_entries();
  PassPipe again(pass_);
  EXPECT_EQ(run_cli("log init --passphrase-fd " + again.fd()).exit_code, kLogNotSetUp);
}

TEST_F(LogCli, ShowFiltersAndWrongPassphraseHasNoOutput) {
  init_with_entries();
  PassPipe p(pass_);
  auto r = run_cli("log show --json --platform x --decision shared --passphrase-fd " + p.fd());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // sample_entry: odd numbers are "x"; entry 3 is cancelled.
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1);
  EXPECT_EQ(nlohmann::json::parse(r.out.substr(0, r.out.find('\n')))["seq"], 1);

  PassPipe since(pass_);
  auto s = run_cli("log show --since " + day(2) + " --passphrase-fd " + since.fd());
  EXPECT_NE(s.out.find("#3 "), std::string::npos);
  EXPECT_NE(s.out.find("#4 "), std::string::npos);
  EXPECT_EQ(s.out.find("#2 "), std::string::npos);
  EXPECT_NE(s.out.find("2 entries"), std::string::npos);

  PassPipe wrong("not the passphrase");
  auto w = run_cli("log show --passphrase-fd " + wrong.fd());
  EXPECT_EQ(w.exit_code, kLogWrongPassphrase);
  EXPECT_TRUE(w.out.empty());
  EXPECT_NE(w.err.find("wrong passphrase"), std::string::npos);

  PassPipe bad_date(pass_);
  EXPECT_EQ(run_cli("log show --since yesterday --passphrase-fd " + bad_date.fd()).exit_code, 64);
}

TEST_F(LogCli, ExportCsvToPrivateFile) {
  init_with_entries();
  PassPipe p(pass_);
  std::string out = (dir_.path() / "export.csv").string();
  auto r = run_cli("log export --format csv -o " + out + " --passphrase-fd " + p.fd());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  struct stat st {};
  ASSERT_EQ(::stat(out.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  std::string csv = log::testing::read_file(out);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 5);  // header + 4
}

TEST_F(LogCli, VerifyExitsNonZeroOnTampering) {
  init_with_entries();
  PassPipe ok(pass_);
  auto good = run_cli("log verify --passphrase-fd " + ok.fd());
  EXPECT_EQ(good.exit_code, 0) << good.err;
  EXPECT_NE(good.out.find("OK: 4 entries"), std::string::npos) << good.out;
  log::testing::raw_sql(dir_.db(), "DELETE FROM entries WHERE seq = 2");
  PassPipe again(pass_);
  auto bad = run_cli("log verify --json --passphrase-fd " + again.fd());
  EXPECT_EQ(bad.exit_code, 1);
  auto j = nlohmann::json::parse(bad.out);
  EXPECT_FALSE(j["ok"].get<bool>());
  EXPECT_EQ(j["first_bad"], 2);
}

TEST_F(LogCli, EraseNeedsScopeAndConfirmation) {
  init_with_entries();
  PassPipe p1(pass_);
  EXPECT_EQ(run_cli("log erase --passphrase-fd " + p1.fd()).exit_code, 64);
  PassPipe p2(pass_);
  EXPECT_EQ(run_cli("log erase --all --before 2026-01-01 --yes --passphrase-fd " + p2.fd()).exit_code, 64);
  PassPipe p3(pass_);
  auto r = run_cli("log erase --before " + day(2) + " --yes --passphrase-fd " + p3.fd());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Erased 2 entries"), std::string::npos) << r.out;
  PassPipe p4(pass_);
  EXPECT_EQ(run_cli("log verify --passphrase-fd " + p4.fd()).exit_code, 0);
}

TEST_F(LogCli, PasswdFromTwoDescriptors) {
  init_with_entries();
  PassPipe old_pass(pass_);
  PassPipe new_pass("a completely new passphrase");
  auto r = run_cli("log passwd --passphrase-fd " + old_pass.fd() + " --new-passphrase-fd " + new_pass.fd());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  PassPipe stale(pass_);
  EXPECT_EQ(run_cli("log show --passphrase-fd " + stale.fd()).exit_code, kLogWrongPassphrase);
  PassPipe fresh("a completely new passphrase");
  auto show = run_cli("log show --passphrase-fd " + fresh.fd());
  EXPECT_EQ(show.exit_code, 0);
  EXPECT_NE(show.out.find("4 entries"), std::string::npos);
}

TEST_F(LogCli, CommandsBeforeInitSayNotSetUp) {
  PassPipe p(pass_);
  auto r = run_cli("log show --passphrase-fd " + p.fd());
  EXPECT_EQ(r.exit_code, kLogNotSetUp);
  EXPECT_NE(r.err.find("ownvoice log init"), std::string::npos);
}

}  // namespace
}  // namespace ownvoice::cli
