// IT reads every file and keeps old copies (backups, volume snapshots). What it finds must
// not tell it what, or on which days, the employee shared; old key material must not open
// new entries; a replaced log key must be visible to the employee.
#include <sqlite3.h>
#include <sodium.h>
#include <sys/stat.h>

#include <regex>

#include "adversary.hpp"
#include "log/store.hpp"

namespace ownvoice::adversary {
namespace {

constexpr const char* kPass = "correct horse battery";
constexpr const char* kNewPass = "a different long passphrase";

unsigned mode_of(const std::filesystem::path& p) {
  struct stat st {};
  EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
  return st.st_mode & 0777u;
}

// Logs `n` shared posts (every other one promotional) through the real host.
void share_posts(const HostCommand& command, int n) {
  testing::HostProcess host(command);
  for (int i = 0; i < n; ++i) {
    const json check =
        host.request({{"id", i},
                      {"type", "check"},
                      {"platform", "x"},
                      {"text", i % 2 ? "Buy LumiDesk now, -20% today only! Order here" : "A quiet day."}});
    const json confirm = host.request({{"id", i},
                                       {"type", "confirm"},
                                       {"check_id", check["result"]["check_id"]},
                                       {"decision", "shared"},
                                       {"consent", true}});
    ASSERT_EQ(confirm["result"]["logged"], true) << confirm.dump();
  }
  host.close_stdin();
  (void)host.wait();
}

// Every table, every row, every column, as text (blobs as raw bytes): what `sqlite3 .dump` shows IT.
std::string dump_database(const std::filesystem::path& db_path, std::vector<std::string>* tables = nullptr) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  std::vector<std::string> names;
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type='table'", -1, &st, nullptr);
  while (sqlite3_step(st) == SQLITE_ROW) names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
  sqlite3_finalize(st);
  std::string out;
  for (const auto& name : names) {
    out += "TABLE " + name + "\n";
    sqlite3_prepare_v2(db, ("SELECT * FROM \"" + name + "\"").c_str(), -1, &st, nullptr);
    while (sqlite3_step(st) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(st); ++c) {
        const void* bytes = sqlite3_column_blob(st, c);
        out += std::string(sqlite3_column_name(st, c)) + "=" +
               std::string(static_cast<const char*>(bytes ? bytes : ""),
                           static_cast<std::size_t>(sqlite3_column_bytes(st, c))) +
               "|";
      }
      out += "\n";
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  if (tables != nullptr) *tables = names;
  return out;
}

TEST(AdversaryFiles, FoldersAndFilesAreForTheUserOnlyWhateverTheUmask) {
  ::umask(022);  // the usual default: would give 0755 folders and 0644 files
  TempHome home;
  const HostCommand command = testing::default_command(home);
  const auto replies = exchange(command, {{{"id", 1}, {"type", "log.init"}, {"passphrase", kPass}},
                                          {{"id", 2}, {"type", "check"}, {"text", "hello"}, {"platform", "x"}}});
  ASSERT_EQ(replies.size(), 2u);
  EXPECT_EQ(mode_of(state_dir(home)), 0700u);
  EXPECT_EQ(mode_of(state_dir(home) / "host.log"), 0600u);
  EXPECT_EQ(mode_of(state_dir(home) / "host.start"), 0600u);
  EXPECT_EQ(mode_of(data_dir(home)), 0700u);
  EXPECT_EQ(mode_of(data_dir(home) / "log.sqlite"), 0600u);
  // A folder left wider by an older version (or by IT) is tightened at the next start.
  std::filesystem::permissions(state_dir(home), std::filesystem::perms::all);
  std::filesystem::permissions(state_dir(home) / "host.log", std::filesystem::perms::all);
  (void)exchange(command, {{{"id", 3}, {"type", "ping"}}});
  EXPECT_EQ(mode_of(state_dir(home)), 0700u);
  EXPECT_EQ(mode_of(state_dir(home) / "host.log"), 0600u);
}

TEST(AdversaryFiles, TheLogHoldsNoDateAndNoPerDayCountInClear) {
  TempHome home;
  const HostCommand command = testing::default_command(home);
  ASSERT_EQ(exchange(command, {{{"id", 1}, {"type", "log.init"}, {"passphrase", kPass}}}).at(0)["ok"], true);
  share_posts(command, 6);
  std::vector<std::string> tables;
  const std::string dump = dump_database(data_dir(home) / "log.sqlite", &tables);
  static const std::regex date(R"(\d{4}-\d{2}-\d{2})");
  EXPECT_FALSE(std::regex_search(dump, date)) << "a date in clear in the log";
  for (const auto& t : tables) EXPECT_EQ(t.find("day"), std::string::npos) << "table " << t;
  // The 30% figure still works from what is left: 6 shared, 3 promotional.
  const json next = exchange(command, {{{"id", 9}, {"type", "check"}, {"text", "hi"}, {"platform", "x"}}}).at(0);
  EXPECT_EQ(next["result"]["promotional"]["own_share"]["shared"], 6) << next["result"]["promotional"].dump();
}

TEST(AdversaryFiles, AnOldLogFromBeforeTheFixLosesItsPerDayTable) {
  TempHome home;
  const HostCommand command = testing::default_command(home);
  ASSERT_EQ(exchange(command, {{{"id", 1}, {"type", "log.init"}, {"passphrase", kPass}}}).at(0)["ok"], true);
  // What an earlier version wrote: one clear row per day.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((data_dir(home) / "log.sqlite").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "DROP TABLE share_window; CREATE TABLE share_days(day TEXT PRIMARY KEY, shared INTEGER, "
                         "promotional INTEGER); INSERT INTO share_days VALUES('2020-01-02', 3, 1);",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  share_posts(command, 1);
  static const std::regex date(R"(\d{4}-\d{2}-\d{2})");
  EXPECT_FALSE(std::regex_search(dump_database(data_dir(home) / "log.sqlite"), date));
}

TEST(AdversaryFiles, ShortPassphrasesAreRefusedByTheLibraryAndTheProtocol) {
  TempHome home;
  const auto replies =
      exchange(testing::default_command(home), {{{"id", 1}, {"type", "log.init"}, {"passphrase", "x"}}});
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0]["error"]["code"], "passphrase_too_short");
  auto store = log::Store::open((home.path() / "direct.sqlite").string(), {log::KdfParams::fast_for_tests()});
  try {
    store.init("123456789");
    FAIL() << "a 9-character passphrase was accepted";
  } catch (const log::Error& e) {
    EXPECT_EQ(e.code(), log::ErrorCode::passphrase_too_short);
  }
  store.init("1234567890");
  try {
    store.change_passphrase("1234567890", "short");
    FAIL() << "change_passphrase accepted a short passphrase";
  } catch (const log::Error& e) {
    EXPECT_EQ(e.code(), log::ErrorCode::passphrase_too_short);
  }
}

TEST(AdversaryFiles, EraseReportsTheScrubAndFailsLoudlyWhenItCannotScrub) {
  TempHome home;
  const HostCommand command = testing::default_command(home);
  ASSERT_EQ(exchange(command, {{{"id", 1}, {"type", "log.init"}, {"passphrase", kPass}}}).at(0)["ok"], true);
  share_posts(command, 2);
  const json erased = exchange(command, {{{"id", 2}, {"type", "log.erase"}, {"passphrase", kPass}}}).at(0);
  EXPECT_EQ(erased["result"], (json{{"erased", 2}, {"scrubbed", {{"vacuum", true}, {"wal_checkpoint", true}}}}));

  // A reader that keeps the WAL busy (IT's backup agent, say): the checkpoint cannot run.
  share_posts(command, 1);
  sqlite3* reader = nullptr;
  ASSERT_EQ(sqlite3_open((data_dir(home) / "log.sqlite").c_str(), &reader), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(reader, "BEGIN; SELECT COUNT(*) FROM entries;", nullptr, nullptr, nullptr), SQLITE_OK);
  const json failed = exchange(command, {{{"id", 3}, {"type", "log.erase"}, {"passphrase", kPass}}}).at(0);
  sqlite3_exec(reader, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_close(reader);
  EXPECT_EQ(failed["ok"], false) << failed.dump();
  EXPECT_EQ(failed["error"]["code"], "log_scrub_failed");
}

std::string fingerprint_of_stored_key(const std::filesystem::path& db_path) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key='public_key'", -1, &st, nullptr);
  std::string hex;
  if (sqlite3_step(st) == SQLITE_ROW) {
    unsigned char digest[32];
    crypto_hash_sha256(digest, static_cast<const unsigned char*>(sqlite3_column_blob(st, 0)),
                       static_cast<unsigned long long>(sqlite3_column_bytes(st, 0)));
    char out[65];
    sodium_bin2hex(out, sizeof out, digest, sizeof digest);
    hex = out;
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return hex;
}

TEST(AdversaryFiles, AReplacedLogKeyShowsInHelloAndInTheCli) {
  TempHome home;
  const HostCommand command = testing::default_command(home);
  ASSERT_EQ(exchange(command, {{{"id", 1}, {"type", "log.init"}, {"passphrase", kPass}}}).at(0)["ok"], true);
  share_posts(command, 2);
  const json before = exchange(command, {{{"id", 1}, {"type", "hello"}}}).at(0)["result"]["log"];
  const std::filesystem::path db = data_dir(home) / "log.sqlite";
  EXPECT_EQ(before["key_fingerprint"], fingerprint_of_stored_key(db));
  EXPECT_EQ(before["last_seq"], 2);
  const testing::HostRun status = run_program(home, {OWNVOICE_CLI_BINARY, "log", "status"}, "");
  EXPECT_NE(status.out.find("Key fingerprint: " + before["key_fingerprint"].get<std::string>()), std::string::npos)
      << status.out;
  EXPECT_NE(status.out.find("Last entry number: 2"), std::string::npos) << status.out;

  // IT swaps in its own public key, so that later entries are sealed to IT.
  unsigned char pk[32], sk[32];
  crypto_box_keypair(pk, sk);
  sqlite3* w = nullptr;
  sqlite3_open(db.c_str(), &w);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(w, "UPDATE meta SET value=? WHERE key='public_key'", -1, &st, nullptr);
  sqlite3_bind_blob(st, 1, pk, 32, SQLITE_STATIC);
  ASSERT_EQ(sqlite3_step(st), SQLITE_DONE);
  sqlite3_finalize(st);
  sqlite3_close(w);
  const json after = exchange(command, {{{"id", 1}, {"type", "hello"}}}).at(0)["result"]["log"];
  EXPECT_NE(after["key_fingerprint"], before["key_fingerprint"]) << "the extension could not notice the swap";

  // IT re-creates the log under its own passphrase: last_seq goes back to 0.
  std::filesystem::remove_all(data_dir(home));
  ASSERT_EQ(exchange(command, {{{"id", 1}, {"type", "log.init"}, {"passphrase", "IT's own passphrase"}}}).at(0)["ok"],
            true);
  const json recreated = exchange(command, {{{"id", 1}, {"type", "hello"}}}).at(0)["result"]["log"];
  EXPECT_NE(recreated["key_fingerprint"], before["key_fingerprint"]);
  EXPECT_EQ(recreated["last_seq"], 0);
}

TEST(AdversaryFiles, RotatedKeysLeaveAnOldBackupAndTheOldPassphraseUseless) {
  TempHome home;
  const HostCommand command = testing::default_command(home);
  ASSERT_EQ(exchange(command, {{{"id", 1}, {"type", "log.init"}, {"passphrase", kPass}}}).at(0)["ok"], true);
  share_posts(command, 3);
  const std::filesystem::path db = data_dir(home) / "log.sqlite";
  // IT's backup of the log, taken before the rotation (with the employee's old passphrase
  // learnt later, say from a keylogger that has since been removed).
  const std::filesystem::path backup = home.path() / "backup.sqlite";
  std::filesystem::copy_file(db, backup);
  std::string old_wrapped;
  {
    sqlite3* b = nullptr;
    sqlite3_open_v2(backup.c_str(), &b, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(b, "SELECT value FROM meta WHERE key='wrapped_key'", -1, &st, nullptr);
    ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
    old_wrapped.assign(static_cast<const char*>(sqlite3_column_blob(st, 0)),
                       static_cast<std::size_t>(sqlite3_column_bytes(st, 0)));
    sqlite3_finalize(st);
    sqlite3_close(b);
  }

  const testing::HostRun rotated = run_program(
      home, {OWNVOICE_CLI_BINARY, "log", "passwd", "--rotate", "--passphrase-fd", "0", "--new-passphrase-fd", "0"},
      std::string(kPass) + "\n" + kNewPass + "\n");
  ASSERT_EQ(rotated.exit.status, 0);
  share_posts(command, 1);  // an entry written after the rotation

  auto store = log::Store::open(db.string());
  const auto entries = store.read_all(kNewPass);
  EXPECT_EQ(entries.size(), 4u);
  EXPECT_TRUE(store.verify(kNewPass).ok);
  EXPECT_THROW((void)store.read_all(kPass), log::Error);

  // The old wrapped key is nowhere in the file or its WAL any more.
  const std::string bytes = read_file(db) + read_file(db.string() + "-wal");
  EXPECT_EQ(bytes.find(old_wrapped), std::string::npos) << "the old wrapped key survived the rotation";

  // The old key material from the backup, put back into today's log, opens no entry.
  sqlite3* w = nullptr;
  sqlite3_open(db.c_str(), &w);
  ASSERT_EQ(sqlite3_exec(w,
                         ("ATTACH '" + backup.string() +
                          "' AS old; "
                          "UPDATE main.meta SET value=(SELECT o.value FROM old.meta AS o WHERE o.key=main.meta.key) "
                          "WHERE key IN ('wrapped_key','kdf_salt','kdf_opslimit','kdf_memlimit','public_key');")
                             .c_str(),
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(w);
  auto franken = log::Store::open(db.string());
  log::Filter skip;
  skip.skip_damaged = true;
  EXPECT_EQ(franken.read_all(kPass, skip).size(), 0u) << "the old key still opens entries after the rotation";
}

}  // namespace
}  // namespace ownvoice::adversary
