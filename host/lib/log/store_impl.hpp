#pragma once
// The store's private parts, shared by its source files (one job each): store.cpp (open,
// init, append, the share figure), store_read.cpp (read and export), store_verify.cpp
// (the audit), store_erase.cpp (erase and scrub), store_keys.cpp (passphrase change and
// key rotation). Only those files include this header.
//
// Schema (format 1):
//   meta(key, value)          log_id, public_key, kdf_*, wrapped_key, head_seq, head_hash, trust
//   epochs(id, epk)           one ephemeral public key per writer session
//   entries(seq, epoch, ct)   the sealed entries; seq is the chain position
//   share_window(id=1, period, cur_shared, cur_promotional, prev_shared, prev_promotional)
//                             two 30-day totals, the only plaintext derived from entries: no
//                             date, no per-day count (docs/log-crypto.md, "What IT sees").
//                             Format-1 logs written before it had share_days(day, ...): it is
//                             folded into share_window and dropped at the first write.
//
// Invariants (each write is one BEGIN IMMEDIATE transaction, so they hold between transactions):
//   (a) head_seq/head_hash are the seq and chain hash of the newest entry ever appended
//       (erase keeps them, so numbering never restarts);
//   (b) entries present are exactly anchor_seq+1 .. head_seq of the trust record;
//   (c) the employee's secret key and the KEK exist only inside Secret buffers, for the
//       duration of one public call.
#include <spdlog/spdlog.h>
#include <sodium.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <memory>
#include <thread>
#include <unordered_map>

#include "log/crypto.hpp"
#include "log/export_format.hpp"
#include "log/log_time.hpp"
#include "log/sqlite_db.hpp"
#include "log/store.hpp"
#include "platform/platform.hpp"

namespace ownvoice::log {

using crypto::Bytes;
using crypto::Hash;

inline constexpr std::int64_t kFormat = 1;
// Upper bounds on stored KDF parameters: a tampered meta table must not make unlocking
// allocate unbounded memory or spin for hours.
inline constexpr std::uint64_t kMaxOpslimit = 64;
inline constexpr std::size_t kMaxMemlimit = std::size_t{4} << 30;
inline constexpr const char* kReplacedKeyProblem =
    "the log's public key had been replaced by someone else's: entries written since then were readable by them "
    "and cannot be read with your passphrase (the right key is now restored)";

inline std::shared_ptr<spdlog::logger> diag() {
  // The applications register "ownvoice" with a file sink; without it, stay silent (never stdout).
  if (auto logger = spdlog::get("ownvoice")) return logger;
  static auto null_logger = std::make_shared<spdlog::logger>("ownvoice-log-null");
  return null_logger;
}

inline Hash to_hash(std::span<const unsigned char> b) {
  if (b.size() != 32) throw Error(ErrorCode::corrupt, "the log's chain head is malformed");
  Hash h{};
  std::memcpy(h.data(), b.data(), 32);
  return h;
}

inline bool valid_decision(std::string_view d) { return d == "shared" || d == "edited_shared" || d == "cancelled"; }

inline bool matches(const Entry& e, const Filter& f) {
  auto in_range = [&](const std::string& bound, bool lower) {
    if (bound.empty()) return true;
    std::string_view t = e.time;
    if (bound.size() == 10) t = t.substr(0, 10);  // a date bound compares whole UTC days
    return lower ? t >= std::string_view(bound) : t <= std::string_view(bound);
  };
  if (!in_range(f.since, true) || !in_range(f.until, false)) return false;
  if (!f.platform.empty() && e.platform != f.platform) return false;
  if (!f.decision.empty() && e.decision != f.decision) return false;
  if (!f.verdict.empty() && e.verdict != f.verdict) return false;
  if (f.reminders_only && !e.boundary_reminder) return false;
  return true;
}

inline void validate_filter(const Filter& f) {
  if (!f.since.empty() && !timeutil::is_date_or_timestamp(f.since)) {
    throw Error(ErrorCode::invalid_argument, "since must be YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ");
  }
  if (!f.until.empty() && !timeutil::is_date_or_timestamp(f.until)) {
    throw Error(ErrorCode::invalid_argument, "until must be YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ");
  }
  if (!f.decision.empty() && !valid_decision(f.decision)) {
    throw Error(ErrorCode::invalid_argument, "decision must be shared, edited_shared or cancelled");
  }
}

inline void wipe(Bytes& b) {
  if (!b.empty()) sodium_memzero(b.data(), b.size());
}

// Days since 1970-01-01 of a "YYYY-MM-DD..." UTC date (Howard Hinnant's days_from_civil).
inline std::int64_t days_from_civil(std::string_view date) {
  auto num = [&](std::size_t pos, std::size_t len) {
    std::int64_t v = 0;
    for (std::size_t i = pos; i < pos + len && i < date.size(); ++i) v = v * 10 + (date[i] - '0');
    return v;
  };
  std::int64_t y = num(0, 4);
  const std::int64_t m = num(5, 2), d = num(8, 2);
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// The share window's period length: the promotional-share figure looks back 30 days.
inline constexpr std::int64_t kSharePeriodDays = 30;

class Store::Impl {
 public:
  Impl(std::string p, Options o) : path(std::move(p)), options(o) {}

  std::string path;
  Options options;
  std::optional<sql::Database> db;
  Bytes log_id;
  Bytes public_key;
  // The writer epoch of this Store: created at the first append, kept in memory only.
  std::optional<crypto::WriterEpoch> epoch;
  Bytes epoch_public_key;
  std::int64_t epoch_id = 0;

  bool file_exists() const {
    std::error_code ec;
    return std::filesystem::exists(platform::fs_path(path), ec);
  }

  void configure_connection() {
    db->exec(options.durability == Durability::Full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
    // Freed pages are overwritten with zeros, so erased entries do not linger in the file.
    db->exec("PRAGMA secure_delete=ON");
    // VACUUM and sorting never spill ciphertext into temporary files elsewhere on disk.
    db->exec("PRAGMA temp_store=MEMORY");
    // Closing the last connection checkpoints and deletes the WAL. Keeping the WAL instead
    // (SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE) was measured slower for one-message hosts: the next
    // process then rebuilds the WAL index from the whole file (docs/benchmarks.md, "## Log").
    db->exec("PRAGMA journal_size_limit=4194304");
  }

  sql::Database& connection(bool create) {
    if (db) return *db;
    if (!create && !file_exists())
      throw Error(ErrorCode::not_initialized, "the log is not set up: run `ownvoice log init`");
    if (create) create_file();
    db.emplace(path, create, options.busy_timeout_ms);
    configure_connection();
    return *db;
  }

  void create_file() {
    std::error_code ec;
    std::string error;
    const auto dir = platform::fs_path(path).parent_path();
    if (!dir.empty() && !std::filesystem::exists(dir, ec) &&
        !platform::create_private_dir(platform::utf8(dir), error)) {
      throw Error(ErrorCode::io_error, "cannot create the log directory: " + error);
    }
    // Created here, readable by the user only (0600, or an owner-only ACL on Windows),
    // because SQLite would use 0644; SQLite gives the -wal and -shm files the same mode.
    if (!platform::create_private_file(path, error))
      throw Error(ErrorCode::io_error, "cannot create the log file: " + error);
  }

  bool has_meta() {
    auto& d = connection(false);
    auto st = d.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'");
    if (!st.step()) return false;
    auto q = d.prepare("SELECT value FROM meta WHERE key='format'");
    if (!q.step()) return false;
    if (q.column_int(0) != kFormat) throw Error(ErrorCode::corrupt, "the log has an unknown format version");
    return true;
  }

  bool is_initialized() {
    if (!file_exists()) return false;
    return has_meta();
  }

  void require_initialized() {
    if (!is_initialized()) throw Error(ErrorCode::not_initialized, "the log is not set up: run `ownvoice log init`");
  }

  Bytes meta_blob(const char* key) {
    auto st = db->prepare("SELECT value FROM meta WHERE key=?");
    st.bind(1, std::string_view(key));
    if (!st.step()) throw Error(ErrorCode::corrupt, std::string("the log's '") + key + "' record is missing");
    auto b = st.column_blob(0);
    return Bytes(b.begin(), b.end());
  }

  std::int64_t meta_int(const char* key) {
    auto st = db->prepare("SELECT value FROM meta WHERE key=?");
    st.bind(1, std::string_view(key));
    if (!st.step()) throw Error(ErrorCode::corrupt, std::string("the log's '") + key + "' record is missing");
    return st.column_int(0);
  }

  void set_meta(const char* key, std::span<const unsigned char> value) {
    auto st =
        db->prepare("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value");
    st.bind(1, std::string_view(key)).bind_blob(2, value);
    st.run();
  }

  void set_meta(const char* key, std::int64_t value) {
    auto st =
        db->prepare("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value");
    st.bind(1, std::string_view(key)).bind(2, value);
    st.run();
  }

  void load_identity() {
    if (!log_id.empty()) return;
    auto id = meta_blob("log_id");
    auto pk = meta_blob("public_key");
    if (id.size() != crypto::kLogIdBytes || pk.size() != crypto::kPublicKeyBytes) {
      throw Error(ErrorCode::corrupt, "the log's identity records are malformed");
    }
    log_id = std::move(id);
    public_key = std::move(pk);
  }

  KdfParams stored_kdf() {
    auto ops = meta_int("kdf_opslimit");
    auto mem = meta_int("kdf_memlimit");
    if (ops < static_cast<std::int64_t>(crypto_pwhash_OPSLIMIT_MIN) || static_cast<std::uint64_t>(ops) > kMaxOpslimit ||
        mem < static_cast<std::int64_t>(crypto_pwhash_MEMLIMIT_MIN) || static_cast<std::uint64_t>(mem) > kMaxMemlimit) {
      throw Error(ErrorCode::corrupt, "the log's key derivation parameters are out of range");
    }
    return KdfParams{static_cast<std::uint64_t>(ops), static_cast<std::size_t>(mem)};
  }

  // A cost below the real one can only come from a test-hooks build: say so wherever the
  // employee looks, since it makes guessing the passphrase cheap.
  std::optional<std::string> weak_kdf_warning() {
    KdfParams p = stored_kdf();
    if (!p.weaker_than(KdfParams::moderate())) return std::nullopt;
    return "the passphrase is protected by a test-only key derivation cost (" + std::to_string(p.opslimit) +
           " pass(es), " + std::to_string(p.memlimit / 1024) +
           " KiB): run `ownvoice log passwd` with a release build to strengthen it";
  }

  // Passphrase -> the employee's secret key and audit key. Throws wrong_passphrase.
  struct Unlocked {
    Secret unwrapped;
    Bytes public_key;                  // derived from the secret key: the one entries must be sealed to
    bool public_key_replaced = false;  // the stored public key is not ours (entries since are exposed)
  };
  Unlocked unlock(std::string_view passphrase) {
    require_initialized();
    load_identity();
    KdfParams params;
    Bytes salt;
    Bytes wrapped;
    Bytes stored_public_key;
    {
      sql::ReadTransaction rt(*db);
      params = stored_kdf();
      salt = meta_blob("kdf_salt");
      wrapped = meta_blob("wrapped_key");
      stored_public_key = meta_blob("public_key");
    }
    Secret kek = crypto::derive_kek(passphrase, salt, params);
    auto unwrapped = crypto::unwrap(kek, wrapped, crypto::wrap_ad(log_id, salt, params));
    if (!unwrapped) throw Error(ErrorCode::wrong_passphrase, "wrong passphrase: the log key could not be unlocked");
    Unlocked u{std::move(*unwrapped), {}, false};
    u.public_key = crypto::derive_public_key(u.unwrapped);
    u.public_key_replaced = !crypto::matches_public_key(u.unwrapped, stored_public_key);
    if (u.public_key_replaced) diag()->warn("log: the stored public key does not match the employee's key");
    return u;
  }

  void store_wrapped(const Secret& unwrapped, std::string_view passphrase, const KdfParams& params) {
    Bytes salt = crypto::random_bytes(crypto::kSaltBytes);
    Secret kek = crypto::derive_kek(passphrase, salt, params);
    Bytes wrapped = crypto::wrap(kek, unwrapped, crypto::wrap_ad(log_id, salt, params));
    set_meta("kdf_alg", std::int64_t{crypto_pwhash_ALG_ARGON2ID13});
    set_meta("kdf_opslimit", static_cast<std::int64_t>(params.opslimit));
    set_meta("kdf_memlimit", static_cast<std::int64_t>(params.memlimit));
    set_meta("kdf_salt", salt);
    set_meta("wrapped_key", wrapped);
  }

  crypto::TrustRecord read_trust(const Secret& unwrapped) {
    auto blob = meta_blob("trust");
    auto t = crypto::open_trust(unwrapped, log_id, blob);
    if (!t) throw Error(ErrorCode::corrupt, "the log's trust record was altered");
    return *t;
  }

  // Keeps this process's epoch row in place: an erase by another process may have removed it
  // (or its id may have been reused), in which case the epoch is re-registered. The public
  // key is re-read in every append transaction, so a key repaired by the employee (or
  // replaced by someone else) takes effect at once, also in long-running hosts.
  void ensure_epoch_row() {
    auto pk = meta_blob("public_key");
    if (pk.size() != crypto::kPublicKeyBytes) throw Error(ErrorCode::corrupt, "the log's public key is malformed");
    if (!epoch || epoch_public_key != pk) {
      epoch = crypto::new_writer_epoch(pk);
      epoch_public_key = pk;
      epoch_id = 0;
    }
    if (epoch_id != 0) {
      auto st = db->prepare("SELECT 1 FROM epochs WHERE id=? AND epk=?");
      st.bind(1, epoch_id).bind_blob(2, epoch->epk);
      if (st.step()) return;
    }
    auto ins = db->prepare("INSERT INTO epochs(epk) VALUES(?)");
    ins.bind_blob(1, epoch->epk);
    ins.run();
    epoch_id = db->last_insert_rowid();
  }

  // Reader-side epoch keys for one unlocked call, all derived up front into one secure
  // arena. One X25519 per epoch is the dominant cost of an audit when many short-lived hosts
  // wrote the log, so the derivations are spread over the available cores.
  class EpochKeys {
   public:
    EpochKeys(Impl& impl, const Unlocked& unlocked) {
      std::vector<std::pair<std::int64_t, Bytes>> rows;
      auto st = impl.db->prepare("SELECT id, epk FROM epochs");
      while (st.step()) {
        auto epk = st.column_blob(1);
        rows.emplace_back(st.column_int(0), Bytes(epk.begin(), epk.end()));
      }
      arena_ = Secret(std::max<std::size_t>(rows.size(), 1) * 32);
      std::vector<char> ok(rows.size(), 0);
      auto derive = [&](std::size_t first, std::size_t step) {
        for (std::size_t i = first; i < rows.size(); i += step) {
          ok[i] = crypto::reader_epoch_key_into(unlocked.unwrapped, unlocked.public_key, rows[i].second,
                                                arena_.data() + 32 * i)
                      ? 1
                      : 0;
        }
      };
      std::size_t workers = rows.size() < 256 ? 1 : std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
      std::vector<std::thread> threads;
      for (std::size_t t = 1; t < workers; ++t) threads.emplace_back(derive, t, workers);
      derive(0, workers);
      for (auto& th : threads) th.join();
      for (std::size_t i = 0; i < rows.size(); ++i) {
        if (ok[i] != 0) index_.emplace(rows[i].first, i);
      }
    }
    // The epoch's 32-byte key, or nullptr when the epoch is missing or its key malformed.
    [[nodiscard]] const unsigned char* get(std::int64_t id) const {
      auto it = index_.find(id);
      return it == index_.end() ? nullptr : arena_.data() + 32 * it->second;
    }

   private:
    Secret arena_;
    std::unordered_map<std::int64_t, std::size_t> index_;
  };

  struct Opened {
    std::int64_t seq = 0;
    Hash hash{};
    std::optional<Bytes> plaintext;  // nullopt: cannot be authenticated
  };

  // Walks entries in seq order (inside the caller's transaction), decrypting each one.
  template <typename Fn>
  void for_each_entry(const Unlocked& unlocked, Fn&& fn) {
    EpochKeys keys(*this, unlocked);
    auto st = db->prepare("SELECT seq, epoch, ct FROM entries ORDER BY seq");
    while (st.step()) {
      Opened o;
      o.seq = st.column_int(0);
      std::int64_t epoch_no = st.column_int(1);
      auto ct = st.column_blob(2);
      o.hash = crypto::chain_hash(o.seq, epoch_no, ct);
      if (const unsigned char* key = keys.get(epoch_no)) {
        o.plaintext = crypto::open_entry(key, crypto::entry_ad(log_id, epoch_no, o.seq), ct);
      }
      if (!fn(o)) break;
      if (o.plaintext) wipe(*o.plaintext);
    }
  }

  // After a committed erase/passwd: rebuild the file without free pages, then empty the WAL.
  // The change itself is already durable, and secure_delete already zeroed the freed cells,
  // so a failure here (e.g. no room for VACUUM's copy) is a warning, not an error.
  struct ScrubStatus {
    bool vacuum = false;
    bool wal_checkpoint = false;
    std::string problem;
  };
  ScrubStatus scrub(const char* why) {
    ScrubStatus s;
    try {
      db->exec("VACUUM");
      s.vacuum = true;
    } catch (const Error& e) {
      s.problem = std::string("VACUUM failed (") + e.what() + ")";
    }
    try {
      s.wal_checkpoint = checkpoint_wal();
      if (!s.wal_checkpoint) s.problem += std::string(s.problem.empty() ? "" : "; ") + "the WAL checkpoint stayed busy";
    } catch (const Error& e) {
      s.problem += std::string(s.problem.empty() ? "" : "; ") + "the WAL checkpoint failed (" + e.what() + ")";
    }
    if (!s.problem.empty()) diag()->warn("log: {} done, but the file was not scrubbed", why);
    return s;
  }

  bool checkpoint_wal() {
    // TRUNCATE: copy every frame back and cut the -wal file to zero bytes, so no old page
    // image (with an erased entry or an old wrapped key) stays in it.
    // Each attempt waits at most 100 ms for readers (not the connection's busy timeout), so
    // a reader that never lets go costs about 5 s in all, then the failure is reported.
    db->exec("PRAGMA busy_timeout=100");
    bool done = false;
    for (int attempt = 0; attempt < 25 && !done; ++attempt) {
      auto st = db->prepare("PRAGMA wal_checkpoint(TRUNCATE)");
      done = st.step() && st.column_int(0) == 0;
      if (!done) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    db->exec(("PRAGMA busy_timeout=" + std::to_string(options.busy_timeout_ms)).c_str());
    return done;
  }

  // The share window (see the schema note): created on first use; a share_days table left
  // by an earlier version is folded in and dropped, so no per-day count stays in the file.
  // Inside the caller's write transaction.
  void ensure_share_window() {
    db->exec(
        "CREATE TABLE IF NOT EXISTS share_window(id INTEGER PRIMARY KEY CHECK(id=1), period INTEGER NOT NULL,"
        " cur_shared INTEGER NOT NULL, cur_promotional INTEGER NOT NULL, prev_shared INTEGER NOT NULL,"
        " prev_promotional INTEGER NOT NULL)");
    {
      auto st = db->prepare("INSERT OR IGNORE INTO share_window VALUES(1, ?, 0, 0, 0, 0)");
      st.bind(1, today_period());
      st.run();
    }
    struct Day {
      std::string day;
      std::int64_t shared, promotional;
    };
    std::vector<Day> days;
    {
      // Statements finished before DROP TABLE (a pending one would make it fail as locked).
      auto legacy = db->prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='share_days'");
      if (!legacy.step()) return;
    }
    {
      auto rows = db->prepare("SELECT day, shared, promotional FROM share_days");
      while (rows.step()) days.push_back({rows.column_text(0), rows.column_int(1), rows.column_int(2)});
    }
    for (const auto& d : days) add_share(days_from_civil(d.day) / kSharePeriodDays, d.shared, d.promotional);
    db->exec("DROP TABLE share_days");
  }

  static std::int64_t today_period() { return days_from_civil(timeutil::now_rfc3339()) / kSharePeriodDays; }

  struct ShareWindow {
    std::int64_t period = 0, cur_shared = 0, cur_promotional = 0, prev_shared = 0, prev_promotional = 0;
  };
  ShareWindow read_share_window() {
    ShareWindow w;
    auto st = db->prepare(
        "SELECT period, cur_shared, cur_promotional, prev_shared, prev_promotional FROM share_window WHERE id=1");
    if (st.step()) {
      w = {st.column_int(0), st.column_int(1), st.column_int(2), st.column_int(3), st.column_int(4)};
    }
    return w;
  }
  // The window as seen from `period`: rolled forward, periods older than the previous dropped.
  static ShareWindow roll(ShareWindow w, std::int64_t period) {
    if (period == w.period + 1) {
      w = {period, 0, 0, w.cur_shared, w.cur_promotional};
    } else if (period > w.period + 1) {
      w = {period, 0, 0, 0, 0};
    }
    return w;
  }
  void add_share(std::int64_t period, std::int64_t shared, std::int64_t promotional) {
    ShareWindow w = read_share_window();
    if (period > w.period) w = roll(w, period);
    if (period == w.period) {
      w.cur_shared += shared;
      w.cur_promotional += promotional;
    } else if (period == w.period - 1) {
      w.prev_shared += shared;
      w.prev_promotional += promotional;
    }  // older: outside any window the figure uses
    auto st = db->prepare(
        "UPDATE share_window SET period=?, cur_shared=?, cur_promotional=?, prev_shared=?, prev_promotional=? "
        "WHERE id=1");
    st.bind(1, w.period)
        .bind(2, w.cur_shared)
        .bind(3, w.cur_promotional)
        .bind(4, w.prev_shared)
        .bind(5, w.prev_promotional);
    st.run();
  }
};

}  // namespace ownvoice::log
