// The log store: schema, transactions and the chain rules. The cryptography is in crypto.cpp.
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
#include "log/store.hpp"

#include <spdlog/spdlog.h>

#include "platform/platform.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <algorithm>
#include <chrono>
#include <thread>
#include <unordered_map>
#include <atomic>
#include <memory>
#include <sodium.h>

#include "log/crypto.hpp"
#include "log/export_format.hpp"
#include "log/log_time.hpp"
#include "log/sqlite_db.hpp"

namespace ownvoice::log {
namespace {

using crypto::Bytes;
using crypto::Hash;

constexpr std::int64_t kFormat = 1;
// Upper bounds on stored KDF parameters: a tampered meta table must not make unlocking
// allocate unbounded memory or spin for hours.
constexpr std::uint64_t kMaxOpslimit = 64;
constexpr std::size_t kMaxMemlimit = std::size_t{4} << 30;
constexpr const char* kReplacedKeyProblem =
    "the log's public key had been replaced by someone else's: entries written since then were readable by them "
    "and cannot be read with your passphrase (the right key is now restored)";

std::shared_ptr<spdlog::logger> diag() {
  // The applications register "ownvoice" with a file sink; without it, stay silent (never stdout).
  if (auto logger = spdlog::get("ownvoice")) return logger;
  static auto null_logger = std::make_shared<spdlog::logger>("ownvoice-log-null");
  return null_logger;
}

Hash to_hash(std::span<const unsigned char> b) {
  if (b.size() != 32) throw Error(ErrorCode::corrupt, "the log's chain head is malformed");
  Hash h{};
  std::memcpy(h.data(), b.data(), 32);
  return h;
}

bool valid_decision(std::string_view d) { return d == "shared" || d == "edited_shared" || d == "cancelled"; }

bool matches(const Entry& e, const Filter& f) {
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

void validate_filter(const Filter& f) {
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

void wipe(Bytes& b) {
  if (!b.empty()) sodium_memzero(b.data(), b.size());
}

}  // namespace

KdfParams KdfParams::moderate() {
  return KdfParams{crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
}

KdfParams KdfParams::fast_for_tests() {
  return KdfParams{crypto_pwhash_OPSLIMIT_MIN, std::size_t{64} * 1024};
}

namespace {
// Set only by a test-hooks main (OWNVOICE_TEST_HOOKS); see KdfParams::use_fast_for_tests.
std::atomic<bool> g_fast_kdf_for_tests{false};

// Days since 1970-01-01 of a "YYYY-MM-DD..." UTC date (Howard Hinnant's days_from_civil).
std::int64_t days_from_civil(std::string_view date) {
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
constexpr std::int64_t kSharePeriodDays = 30;

}  // namespace

void KdfParams::use_fast_for_tests() { g_fast_kdf_for_tests = true; }

KdfParams KdfParams::standard() {
  if (g_fast_kdf_for_tests) return fast_for_tests();
  return moderate();
}

void require_passphrase_length(std::string_view passphrase) {
  std::size_t chars = 0;
  for (const char c : passphrase) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++chars;  // count UTF-8 lead bytes
  }
  if (chars < kMinPassphraseChars) {
    throw Error(ErrorCode::passphrase_too_short,
                "the passphrase must have at least " + std::to_string(kMinPassphraseChars) + " characters");
  }
}

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
    if (!create && !file_exists()) throw Error(ErrorCode::not_initialized, "the log is not set up: run `ownvoice log init`");
    if (create) create_file();
    db.emplace(path, create, options.busy_timeout_ms);
    configure_connection();
    return *db;
  }

  void create_file() {
    std::error_code ec;
    std::string error;
    const auto dir = platform::fs_path(path).parent_path();
    if (!dir.empty() && !std::filesystem::exists(dir, ec) && !platform::create_private_dir(platform::utf8(dir), error)) {
      throw Error(ErrorCode::io_error, "cannot create the log directory: " + error);
    }
    // Created here, readable by the user only (0600, or an owner-only ACL on Windows),
    // because SQLite would use 0644; SQLite gives the -wal and -shm files the same mode.
    if (!platform::create_private_file(path, error)) throw Error(ErrorCode::io_error, "cannot create the log file: " + error);
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
    auto st = db->prepare("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value");
    st.bind(1, std::string_view(key)).bind_blob(2, value);
    st.run();
  }

  void set_meta(const char* key, std::int64_t value) {
    auto st = db->prepare("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value");
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
    Bytes public_key;             // derived from the secret key: the one entries must be sealed to
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
    struct Day { std::string day; std::int64_t shared, promotional; };
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

  static std::int64_t today_period() {
    return days_from_civil(timeutil::now_rfc3339()) / kSharePeriodDays;
  }

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
    st.bind(1, w.period).bind(2, w.cur_shared).bind(3, w.cur_promotional).bind(4, w.prev_shared)
        .bind(5, w.prev_promotional);
    st.run();
  }
};

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::open(std::string path, Options options) {
  crypto::ensure_sodium();
  return Store(std::make_unique<Impl>(std::move(path), options));
}

const std::string& Store::path() const { return impl_->path; }

bool Store::initialized() { return impl_->is_initialized(); }

Status Store::status() {
  Status s;
  s.path = impl_->path;
  s.initialized = impl_->is_initialized();
  if (s.initialized) {
    auto st = impl_->db->prepare("SELECT COUNT(*) FROM entries");
    if (st.step()) s.entries = st.column_int(0);
    if (auto w = impl_->weak_kdf_warning()) s.warnings.push_back(*w);
    const Bytes pk = impl_->meta_blob("public_key");
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, pk.data(), pk.size());
    s.key_fingerprint = crypto::to_hex(std::span<const unsigned char>(digest, sizeof digest));
    s.last_seq = impl_->meta_int("head_seq");
  }
  return s;
}

void Store::init(std::string_view passphrase) {
  if (passphrase.empty()) throw Error(ErrorCode::invalid_argument, "the passphrase must not be empty");
  if (impl_->is_initialized()) throw Error(ErrorCode::already_initialized, "the log is already set up");
  require_passphrase_length(passphrase);
  KdfParams params = impl_->options.kdf.value_or(KdfParams::standard());

  auto& db = impl_->connection(true);
  db.exec("PRAGMA journal_mode=WAL");
  sql::Transaction tx(db);
  db.exec(
      "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value NOT NULL) WITHOUT ROWID;"
      "CREATE TABLE IF NOT EXISTS epochs(id INTEGER PRIMARY KEY, epk BLOB NOT NULL);"
      "CREATE TABLE IF NOT EXISTS entries(seq INTEGER PRIMARY KEY, epoch INTEGER NOT NULL, ct BLOB NOT NULL);");
  impl_->ensure_share_window();
  {
    auto st = db.prepare("SELECT COUNT(*) FROM meta");
    if (st.step() && st.column_int(0) != 0) throw Error(ErrorCode::already_initialized, "the log is already set up");
  }
  auto keys = crypto::generate_keys();
  impl_->log_id = crypto::random_bytes(crypto::kLogIdBytes);
  impl_->public_key = keys.public_key;
  Hash genesis = crypto::genesis_hash(impl_->log_id);
  impl_->set_meta("format", kFormat);
  impl_->set_meta("log_id", impl_->log_id);
  impl_->set_meta("public_key", impl_->public_key);
  impl_->store_wrapped(keys.unwrapped, passphrase, params);
  impl_->set_meta("head_seq", std::int64_t{0});
  impl_->set_meta("head_hash", genesis);
  impl_->set_meta("trust", crypto::seal_trust(keys.unwrapped, impl_->log_id, {0, genesis, 0, genesis}));
  tx.commit();
  diag()->info("log: initialised");
}

std::int64_t Store::append(const Entry& input) {
  if (!valid_decision(input.decision)) {
    throw Error(ErrorCode::invalid_argument, "decision must be shared, edited_shared or cancelled");
  }
  if (!input.time.empty() && !timeutil::is_timestamp(input.time)) {
    throw Error(ErrorCode::invalid_argument, "time must be YYYY-MM-DDTHH:MM:SSZ");
  }
  auto& impl = *impl_;
  impl.require_initialized();
  impl.load_identity();

  Entry entry = input;
  if (entry.time.empty()) entry.time = timeutil::now_rfc3339();
  std::string json = to_json(entry).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);

  sql::Transaction tx(*impl.db);
  impl.ensure_epoch_row();
  std::int64_t seq = impl.meta_int("head_seq") + 1;
  Hash prev = to_hash(impl.meta_blob("head_hash"));
  Bytes plaintext = crypto::frame_plaintext(seq, prev, json);
  sodium_memzero(json.data(), json.size());
  Bytes ct = crypto::seal_entry(impl.epoch->key, crypto::entry_ad(impl.log_id, impl.epoch_id, seq), plaintext);
  wipe(plaintext);
  {
    auto st = impl.db->prepare("INSERT INTO entries(seq, epoch, ct) VALUES(?, ?, ?)");
    st.bind(1, seq).bind(2, impl.epoch_id).bind_blob(3, ct);
    st.run();
  }
  impl.set_meta("head_seq", seq);
  impl.set_meta("head_hash", crypto::chain_hash(seq, impl.epoch_id, ct));
  if (entry.decision != "cancelled") {
    impl.ensure_share_window();
    impl.add_share(days_from_civil(entry.time) / kSharePeriodDays, 1, entry.promotional ? 1 : 0);
  }
  tx.commit();
  diag()->debug("log: appended entry {}", seq);
  return seq;
}

std::optional<PromotionalHistory> Store::promotional_history(int window_days) {
  if (window_days < 1) throw Error(ErrorCode::invalid_argument, "window_days must be at least 1");
  if (!impl_->is_initialized()) return std::nullopt;
  PromotionalHistory h;
  h.window_days = window_days;
  auto table = impl_->db->prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='share_window'");
  if (!table.step()) {
    // A log from before share_window: fold its per-day table in now (a write).
    sql::Transaction tx(*impl_->db);
    impl_->ensure_share_window();
    tx.commit();
  }
  const std::int64_t today = days_from_civil(timeutil::now_rfc3339());
  const auto w = Impl::roll(impl_->read_share_window(), today / kSharePeriodDays);
  if (w.period != today / kSharePeriodDays) return h;  // a window from the future: a clock moved back
  // The current period is counted whole; the previous one in proportion to how much of it
  // the window still covers (a sliding-window estimate: exact for posts of this period).
  const std::int64_t days_into = today % kSharePeriodDays + 1;
  double shared = static_cast<double>(w.cur_shared);
  double promotional = static_cast<double>(w.cur_promotional);
  if (window_days > days_into) {
    const double part = std::min(1.0, static_cast<double>(window_days - days_into) / kSharePeriodDays);
    shared += part * static_cast<double>(w.prev_shared);
    promotional += part * static_cast<double>(w.prev_promotional);
  }
  h.shared = static_cast<int>(shared + 0.5);
  h.promotional = static_cast<int>(promotional + 0.5);
  return h;
}

std::vector<Entry> Store::read_all(std::string_view passphrase, const Filter& filter) {
  validate_filter(filter);
  auto& impl = *impl_;
  auto unlocked = impl.unlock(passphrase);
  std::vector<Entry> out;
  sql::ReadTransaction rt(*impl.db);
  impl.for_each_entry(unlocked, [&](Impl::Opened& o) {
    std::optional<crypto::Unframed> u;
    if (o.plaintext) u = crypto::unframe_plaintext(*o.plaintext);
    std::optional<Entry> e;
    if (u && u->seq == o.seq) {
      auto j = nlohmann::json::parse(u->json, nullptr, false);
      if (!j.is_discarded()) {
        try {
          e = entry_from_json(j);
        } catch (const Error&) {
          e.reset();
        }
      }
    }
    if (!e) {
      if (filter.skip_damaged) return true;
      throw Error(ErrorCode::corrupt,
                  "entry " + std::to_string(o.seq) + " cannot be decrypted: run `ownvoice log verify`");
    }
    e->seq = o.seq;
    if (matches(*e, filter)) out.push_back(std::move(*e));
    return true;
  });
  if (filter.limit && out.size() > *filter.limit) {
    out.erase(out.begin(), out.end() - static_cast<std::ptrdiff_t>(*filter.limit));
  }
  return out;
}

VerifyReport Store::verify(std::string_view passphrase) {
  auto& impl = *impl_;
  auto unlocked = impl.unlock(passphrase);
  const Secret& unwrapped = unlocked.unwrapped;
  if (unlocked.public_key_replaced) {
    // The key new entries are sealed to is not the employee's: put the right one back at
    // once so the next appends are private again, then report it below.
    try {
      sql::Transaction tx(*impl.db);
      impl.set_meta("public_key", unlocked.public_key);
      tx.commit();
      impl.public_key = unlocked.public_key;
    } catch (const Error& e) {
      diag()->warn("log: could not restore the public key ({})", to_string(e.code()));
    }
  }
  VerifyReport r;
  if (auto w = impl.weak_kdf_warning()) r.warnings.push_back(*w);
  Bytes trust_blob;
  crypto::TrustRecord trust;
  Hash last_hash{};
  {
    sql::ReadTransaction rt(*impl.db);
    {
      auto st = impl.db->prepare("SELECT COUNT(*) FROM entries");
      if (st.step()) r.entries = st.column_int(0);
    }
    trust_blob = impl.meta_blob("trust");
    auto t = crypto::open_trust(unwrapped, impl.log_id, trust_blob);
    if (!t) {
      r.problem = "the log's trust record (start of the chain and last checkpoint) was altered or replaced";
      return r;
    }
    trust = *t;
    std::int64_t head_seq = impl.meta_int("head_seq");
    Hash head_hash = to_hash(impl.meta_blob("head_hash"));

    std::int64_t expected = trust.anchor_seq + 1;
    Hash prev = trust.anchor_hash;
    auto bad = [&](std::int64_t seq, std::string problem) {
      r.first_bad = seq;
      r.problem = std::move(problem);
    };
    impl.for_each_entry(unlocked, [&](Impl::Opened& o) {
      if (o.seq < expected) {
        bad(o.seq, "entry " + std::to_string(o.seq) + " should not exist: it precedes the start of the chain "
                   "(inserted, or left behind by an erase)");
        return false;
      }
      if (o.seq > expected) {
        bad(expected, o.seq == expected + 1
                          ? "entry " + std::to_string(expected) + " is missing (deleted)"
                          : "entries " + std::to_string(expected) + " to " + std::to_string(o.seq - 1) +
                                " are missing (deleted)");
        return false;
      }
      std::optional<crypto::Unframed> u;
      if (o.plaintext) u = crypto::unframe_plaintext(*o.plaintext);
      if (!u || u->seq != o.seq) {
        bad(o.seq, "entry " + std::to_string(o.seq) + " was altered or moved (it does not authenticate)");
        return false;
      }
      if (sodium_memcmp(u->prev.data(), prev.data(), prev.size()) != 0) {
        // Entry n authenticates but does not point at entry n-1 as stored. Anyone can seal a
        // well-formed entry n-1 (appending needs no secret), but nobody without the key can
        // re-seal entry n to point at it: so entry n-1 is the one that was replaced.
        if (o.seq - 1 > trust.anchor_seq) {
          bad(o.seq - 1, "entry " + std::to_string(o.seq - 1) + " was replaced (entry " + std::to_string(o.seq) +
                             " does not point to it)");
        } else {
          bad(o.seq, "entry " + std::to_string(o.seq) + " does not follow the start of the chain");
        }
        return false;
      }
      prev = o.hash;
      r.verified_through = o.seq;
      ++expected;
      return true;
    });
    if (r.first_bad) {
      if (unlocked.public_key_replaced) r.problem += "; also, " + std::string(kReplacedKeyProblem);
      return r;
    }
    last_hash = prev;
    if (r.verified_through == 0) r.verified_through = trust.anchor_seq;
    std::int64_t last = expected - 1;
    if (head_seq > last) {
      bad(last + 1, "entries " + std::to_string(last + 1) + " to " + std::to_string(head_seq) +
                        " are missing (deleted from the end of the log)");
      return r;
    }
    if (head_seq != last || sodium_memcmp(head_hash.data(), prev.data(), prev.size()) != 0) {
      bad(last, "the log's head record does not match entry " + std::to_string(last));
      return r;
    }
    if (trust.checkpoint_seq > last) {
      bad(last + 1, "entries " + std::to_string(last + 1) + " to " + std::to_string(trust.checkpoint_seq) +
                        ", seen by an earlier verify, are missing (the end of the log was cut)");
      return r;
    }
    if (trust.checkpoint_seq > trust.anchor_seq) {
      // Re-walk is unnecessary: the chain is intact, so the hash at checkpoint_seq is fixed
      // by every later entry; compare it by recomputing from the stored row.
      auto st = impl.db->prepare("SELECT epoch, ct FROM entries WHERE seq=?");
      st.bind(1, trust.checkpoint_seq);
      if (!st.step() ||
          crypto::chain_hash(trust.checkpoint_seq, st.column_int(0), st.column_blob(1)) != trust.checkpoint_hash) {
        bad(trust.checkpoint_seq, "entries up to " + std::to_string(trust.checkpoint_seq) +
                                      " were replaced since the last verify");
        return r;
      }
    }
  }
  r.head_fingerprint = crypto::to_hex(std::span<const unsigned char>(last_hash.data(), 8));
  if (unlocked.public_key_replaced) {
    r.problem = kReplacedKeyProblem;
    return r;
  }
  r.ok = true;
  // Record the verified head so a later truncation below it is detected. Best effort: a
  // read-only log still verifies.
  if (r.verified_through > trust.checkpoint_seq) {
    try {
      sql::Transaction tx(*impl.db);
      if (impl.meta_blob("trust") == trust_blob) {
        trust.checkpoint_seq = r.verified_through;
        trust.checkpoint_hash = last_hash;
        impl.set_meta("trust", crypto::seal_trust(unwrapped, impl.log_id, trust));
        tx.commit();
      }
    } catch (const Error& e) {
      diag()->warn("log: could not record the verify checkpoint ({})", to_string(e.code()));
    }
  }
  return r;
}

std::size_t Store::erase(std::string_view passphrase, std::optional<std::string> before) {
  const EraseReport report = erase_and_scrub(passphrase, std::move(before));
  if (!report.problem.empty()) {
    throw Error(ErrorCode::scrub_failed, std::to_string(report.erased) +
                                             " entries were erased, but their old pages may remain on disk: " +
                                             report.problem + "; erase again to retry");
  }
  return report.erased;
}

EraseReport Store::erase_and_scrub(std::string_view passphrase, std::optional<std::string> before) {
  if (before && !timeutil::is_date(*before)) throw Error(ErrorCode::invalid_argument, "before must be YYYY-MM-DD");
  auto& impl = *impl_;
  auto unlocked = impl.unlock(passphrase);
  const Secret& unwrapped = unlocked.unwrapped;
  std::size_t erased = 0;
  {
    sql::Transaction tx(*impl.db);
    crypto::TrustRecord trust = impl.read_trust(unwrapped);
    std::int64_t last_seq = 0;
    Hash last_hash{};
    if (!before) {
      auto st = impl.db->prepare("SELECT COUNT(*) FROM entries");
      if (st.step()) erased = static_cast<std::size_t>(st.column_int(0));
      last_seq = impl.meta_int("head_seq");
      last_hash = to_hash(impl.meta_blob("head_hash"));
    } else {
      // Erase the oldest entries in chain order and stop at the first one dated on/after
      // `before` (or that cannot be read): the chain stays one piece with a new anchor.
      impl.for_each_entry(unlocked, [&](Impl::Opened& o) {
        std::optional<crypto::Unframed> u;
        if (o.plaintext) u = crypto::unframe_plaintext(*o.plaintext);
        if (!u) return false;
        auto j = nlohmann::json::parse(u->json, nullptr, false);
        if (!j.is_object() || !j.contains("time") || !j["time"].is_string()) return false;
        if (j["time"].get<std::string>().substr(0, 10) >= *before) return false;
        last_seq = o.seq;
        last_hash = o.hash;
        ++erased;
        return true;
      });
    }
    if (erased > 0 || !before) {
      if (!before) {
        impl.db->exec("DELETE FROM entries");
        impl.ensure_share_window();
        impl.db->exec("UPDATE share_window SET cur_shared=0, cur_promotional=0, prev_shared=0, prev_promotional=0");
      } else {
        auto st = impl.db->prepare("DELETE FROM entries WHERE seq <= ?");
        st.bind(1, last_seq);
        st.run();
        // The totals have no dates: a period that began before the cut-off is cleared
        // whole (the figure then under-counts, never keeps an erased post).
        impl.ensure_share_window();
        const std::int64_t cut = days_from_civil(*before) / kSharePeriodDays;
        const auto w = impl.read_share_window();
        if (cut > w.period - 1) impl.db->exec("UPDATE share_window SET prev_shared=0, prev_promotional=0");
        if (cut > w.period) impl.db->exec("UPDATE share_window SET cur_shared=0, cur_promotional=0");
      }
      impl.db->exec("DELETE FROM epochs WHERE id NOT IN (SELECT DISTINCT epoch FROM entries)");
      if (last_seq > trust.anchor_seq) {
        trust.anchor_seq = last_seq;
        trust.anchor_hash = last_hash;
      }
      if (trust.checkpoint_seq < trust.anchor_seq) {
        trust.checkpoint_seq = trust.anchor_seq;
        trust.checkpoint_hash = trust.anchor_hash;
      }
      impl.set_meta("trust", crypto::seal_trust(unwrapped, impl.log_id, trust));
    }
    tx.commit();
  }
  const auto scrubbed = impl.scrub("erase");
  diag()->info("log: erased {} entries", erased);
  return EraseReport{erased, scrubbed.vacuum, scrubbed.wal_checkpoint, scrubbed.problem};
}

void Store::change_passphrase(std::string_view old_passphrase, std::string_view new_passphrase) {
  if (new_passphrase.empty()) throw Error(ErrorCode::invalid_argument, "the passphrase must not be empty");
  require_passphrase_length(new_passphrase);
  auto& impl = *impl_;
  auto unlocked = impl.unlock(old_passphrase);
  KdfParams params = impl.options.kdf.value_or(KdfParams::standard());
  {
    sql::Transaction tx(*impl.db);
    impl.store_wrapped(unlocked.unwrapped, new_passphrase, params);
    tx.commit();
  }
  // The key wrapped under the old passphrase must not survive in the WAL or in a free page.
  (void)impl.scrub("passwd");
  diag()->info("log: passphrase changed");
}

void Store::rotate_keys(std::string_view old_passphrase, std::string_view new_passphrase) {
  require_passphrase_length(new_passphrase);
  auto& impl = *impl_;
  auto unlocked = impl.unlock(old_passphrase);
  KdfParams params = impl.options.kdf.value_or(KdfParams::standard());
  {
    sql::Transaction tx(*impl.db);
    crypto::TrustRecord trust = impl.read_trust(unlocked.unwrapped);
    // Every entry's plaintext, decrypted with the old key, in chain order. One entry that
    // does not open stops the rotation before anything is written.
    std::vector<std::pair<std::int64_t, Bytes>> plain;
    struct Wipe {
      std::vector<std::pair<std::int64_t, Bytes>>& p;
      ~Wipe() {
        for (auto& e : p) wipe(e.second);
      }
    } wipe_on_exit{plain};
    impl.for_each_entry(unlocked, [&](Impl::Opened& o) {
      std::optional<crypto::Unframed> u;
      if (o.plaintext) u = crypto::unframe_plaintext(*o.plaintext);
      if (!u || u->seq != o.seq) {
        throw Error(ErrorCode::corrupt, "entry " + std::to_string(o.seq) +
                                            " cannot be decrypted: run `ownvoice log verify`; nothing was changed");
      }
      plain.emplace_back(o.seq, Bytes(u->json.begin(), u->json.end()));
      return true;
    });

    auto keys = crypto::generate_keys();
    impl.public_key = keys.public_key;
    impl.set_meta("public_key", keys.public_key);
    impl.store_wrapped(keys.unwrapped, new_passphrase, params);
    // One new epoch for the re-sealed entries; the old epochs (and their ephemeral keys) go.
    impl.epoch.reset();
    impl.epoch_id = 0;
    impl.db->exec("DELETE FROM epochs");
    impl.ensure_epoch_row();
    Hash prev = trust.anchor_hash;
    for (auto& [seq, json] : plain) {
      Bytes framed = crypto::frame_plaintext(
          seq, prev, std::string_view(reinterpret_cast<const char*>(json.data()), json.size()));
      Bytes ct = crypto::seal_entry(impl.epoch->key, crypto::entry_ad(impl.log_id, impl.epoch_id, seq), framed);
      wipe(framed);
      auto st = impl.db->prepare("UPDATE entries SET epoch=?, ct=? WHERE seq=?");
      st.bind(1, impl.epoch_id).bind_blob(2, ct).bind(3, seq);
      st.run();
      prev = crypto::chain_hash(seq, impl.epoch_id, ct);
    }
    const std::int64_t head_seq = impl.meta_int("head_seq");
    if (!plain.empty()) impl.set_meta("head_hash", prev);
    // The chain as re-sealed is the one the employee just read: checkpoint it.
    crypto::TrustRecord rotated = trust;
    if (!plain.empty()) {
      rotated.checkpoint_seq = plain.back().first;
      rotated.checkpoint_hash = prev;
    } else {
      rotated.checkpoint_seq = trust.anchor_seq;
      rotated.checkpoint_hash = trust.anchor_hash;
    }
    (void)head_seq;
    impl.set_meta("trust", crypto::seal_trust(keys.unwrapped, impl.log_id, rotated));
    tx.commit();
  }
  // Old wrapped key, old epochs and old ciphertexts must not survive in free pages or the WAL.
  const auto scrubbed = impl.scrub("passwd --rotate");
  diag()->info("log: keys rotated");
  if (!scrubbed.problem.empty()) {
    throw Error(ErrorCode::scrub_failed, "the keys were rotated, but old key material may remain on disk: " +
                                             scrubbed.problem + "; run `ownvoice log passwd --rotate` again");
  }
}

ExportPage Store::export_page(std::string_view passphrase, std::string_view format, std::int64_t after_seq,
                              std::size_t limit, std::size_t max_bytes) {
  if (format != "jsonl" && format != "csv") throw Error(ErrorCode::invalid_argument, "format must be jsonl or csv");
  if (limit == 0) throw Error(ErrorCode::invalid_argument, "limit must be at least 1");
  auto entries = read_all(passphrase);
  ExportPage page;
  std::vector<Entry> chosen;
  std::size_t bytes = 0;
  for (auto& e : entries) {
    if (e.seq <= after_seq) continue;
    if (chosen.size() >= limit) {
      page.truncated = true;
      break;
    }
    const std::vector<Entry> one{e};
    std::string line = format == "jsonl" ? format_jsonl(one) : format_csv(one);
    if (format == "csv") line = line.substr(line.find("\r\n") + 2);  // without its header row
    if (!chosen.empty() && bytes + line.size() > max_bytes) {
      page.truncated = true;
      break;
    }
    bytes += line.size();
    chosen.push_back(std::move(e));
  }
  std::string data = format == "jsonl" ? format_jsonl(chosen) : format_csv(chosen);
  if (format == "csv" && after_seq > 0) data = data.substr(data.find("\r\n") + 2);
  page.data = std::move(data);
  page.entries = chosen.size();
  if (!chosen.empty()) {
    page.first_seq = chosen.front().seq;
    page.last_seq = chosen.back().seq;
  }
  for (auto& e : entries) {
    sodium_memzero(e.text_checked.data(), e.text_checked.size());
    sodium_memzero(e.text_shared.data(), e.text_shared.size());
  }
  return page;
}

std::string Store::export_as(std::string_view passphrase, std::string_view format, const Filter& filter) {
  if (format != "jsonl" && format != "csv") throw Error(ErrorCode::invalid_argument, "format must be jsonl or csv");
  auto entries = read_all(passphrase, filter);
  return format == "jsonl" ? format_jsonl(entries) : format_csv(entries);
}

}  // namespace ownvoice::log
