// The log store: opening, setting up, appending, and the promotional-share figure.
// The other public calls are in store_read.cpp, store_verify.cpp, store_erase.cpp and
// store_keys.cpp; the schema and the shared machinery in store_impl.hpp; the
// cryptography in crypto.cpp.
#include "log/store_impl.hpp"

#include <cmath>

namespace ownvoice::log {

KdfParams KdfParams::moderate() { return KdfParams{crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE}; }

KdfParams KdfParams::fast_for_tests() { return KdfParams{crypto_pwhash_OPSLIMIT_MIN, std::size_t{64} * 1024}; }

namespace {
// Set only by a test-hooks main (OWNVOICE_TEST_HOOKS); see KdfParams::use_fast_for_tests.
std::atomic<bool> g_fast_kdf_for_tests{false};
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
  h.shared = static_cast<int>(std::lround(shared));
  h.promotional = static_cast<int>(std::lround(promotional));
  return h;
}

}  // namespace ownvoice::log
