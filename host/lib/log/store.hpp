#pragma once
// The employee's encrypted local log: one SQLite file in the user's data directory.
//
// Anyone who can run the host can APPEND (no secret needed: each entry is encrypted to the
// employee's public key); only the employee's passphrase can READ, VERIFY, EXPORT or ERASE.
// Entries form a hash chain (each one authenticates its predecessor) so that removing,
// reordering or editing entries is reported by verify(). Key hierarchy, chain and threat model:
// docs/log-crypto.md.
//
// Thread safety: a Store is used by one thread at a time. Several processes (two browsers'
// hosts, the CLI) may use the same file at once: every write is one BEGIN IMMEDIATE
// transaction and readers wait up to Options::busy_timeout_ms.
//
// Errors: every failure is an ownvoice::log::Error carrying a stable ErrorCode; messages
// never contain post text or the passphrase.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "log/error.hpp"

namespace ownvoice::log {

// One confirmed (or cancelled) check. Everything here is encrypted at rest.
struct Entry {
  std::int64_t seq = 0;      // position in the chain, from 1; assigned by append()
  std::string time;          // RFC 3339 UTC, "2026-11-25T08:19:04Z"; append() fills it when empty
  std::string platform;      // "x", "linkedin", ... (see PROTOCOL.md)
  std::string url;           // page URL of the composer
  std::string decision;      // "shared" | "edited_shared" | "cancelled"
  std::string text_checked;  // the text the engine checked
  std::string text_shared;   // the final text that was shared ("" when cancelled)
  nlohmann::json findings_summary = nlohmann::json::array();  // any JSON the caller chooses
  bool consent = false;                                       // the employee ticked "I take responsibility"
  std::string policy_version;                                 // effective policy version used by the check
  std::string verdict;                                        // "ok" | "warn" | "block"
  bool promotional = false;                                   // the promotional check fired
  std::string check_id;                                       // the engine's check id ("" if unknown)
  bool boundary_reminder = false;  // the employee was reminded they keep work out of this account
};
// {"seq","time","platform","url","decision","text_checked","text_shared","findings_summary",
//  "consent","policy_version","verdict","promotional","check_id"}
nlohmann::json to_json(const Entry& e);
Entry entry_from_json(const nlohmann::json& j);  // throws Error(invalid_argument)

// Selection for read_all()/export_as(). Dates are "YYYY-MM-DD" (UTC, inclusive) or a full
// RFC 3339 UTC timestamp. Empty strings mean "no filter".
struct Filter {
  std::string since;
  std::string until;
  std::string platform;
  std::string decision;
  std::string verdict;
  bool reminders_only = false;       // only entries where the boundaries reminder was shown
  std::optional<std::size_t> limit;  // keep only the most recent N matching entries
  bool skip_damaged = false;         // skip entries that fail to decrypt instead of throwing corrupt
};

// The employee's own recent sharing, readable WITHOUT the passphrase. No date and no per-day
// count is kept in clear: only two 30-day totals (the current period and the previous one,
// periods counted from 1970-01-01), from which the window is estimated
// (docs/log-crypto.md, "What IT sees"). Same fields as engine::PromotionalHistory.
struct PromotionalHistory {
  int shared = 0;       // posts shared (decision shared or edited_shared) in the window
  int promotional = 0;  // of which promotional
  int window_days = 30;
};

struct VerifyReport {
  bool ok = false;
  std::int64_t entries = 0;               // entries present in the log
  std::optional<std::int64_t> first_bad;  // seq of the first missing/altered/misplaced entry
  std::string problem;                    // English sentence for people ("" when ok)
  std::int64_t verified_through = 0;      // last seq of the intact chain
  std::string head_fingerprint;           // short hex of the verified head hash, to compare later
  std::vector<std::string> warnings;      // not tampering, but worth telling (e.g. a weak KDF cost)
};
// {"ok","entries","first_bad" (null|N),"problem","verified_through","head_fingerprint","warnings"}
nlohmann::json to_json(const VerifyReport& r);

struct Status {
  bool initialized = false;
  std::int64_t entries = 0;
  std::string path;
  std::vector<std::string> warnings;  // e.g. the passphrase is protected by a test-only KDF cost
  std::string key_fingerprint;        // hex SHA-256 of the public key entries are sealed to ("" when not initialized)
  std::int64_t last_seq = 0;          // seq of the newest entry ever appended (erase does not lower it)
};
// {"initialized","entries","path","warnings"} plus "key_fingerprint","last_seq" when initialized
nlohmann::json to_json(const Status& s);

// What erase() did to the file after deleting: rebuilt it without free pages (VACUUM) and
// emptied the WAL (checkpoint TRUNCATE). Both must be true for erased entries to be gone
// from the disk.
struct EraseReport {
  std::size_t erased = 0;
  bool vacuum = false;
  bool wal_checkpoint = false;
  std::string problem;  // which step failed and why ("" when both succeeded)
};

// One page of an export (PROTOCOL.md log.export).
struct ExportPage {
  std::string data;  // the page in the chosen format
  std::size_t entries = 0;
  std::optional<std::int64_t> first_seq;  // seq of the first entry in the page
  std::optional<std::int64_t> last_seq;
  bool truncated = false;  // more entries follow: ask again after last_seq
};

// The minimum passphrase length, in Unicode code points, enforced by init(),
// change_passphrase(), rotate_keys() and the encrypted export.
inline constexpr std::size_t kMinPassphraseChars = 10;
// Throws Error(passphrase_too_short) when `passphrase` is shorter than kMinPassphraseChars.
void require_passphrase_length(std::string_view passphrase);

// Argon2id cost. Stored in the log at init()/change_passphrase() time, so a log always
// unlocks with the parameters it was written with.
struct KdfParams {
  std::uint64_t opslimit = 0;
  std::size_t memlimit = 0;
  // crypto_pwhash OPSLIMIT_MODERATE / MEMLIMIT_MODERATE (3 passes, 256 MiB, ~0.6 s here);
  // fast_for_tests() after use_fast_for_tests() (test suites of the host and the
  // extension). A log created that way is reported by status() and verify()
  // (warnings), so a cheap cost slipped in through the environment does not go unnoticed.
  static KdfParams standard();
  static KdfParams moderate();  // always the real parameters
  // 1 pass over 64 KiB: insecure, tests and benchmarks only.
  static KdfParams fast_for_tests();
  // Makes standard() return fast_for_tests() for the rest of the process. Called only by
  // the mains of a test-hooks build (OWNVOICE_TEST_HOOKS, host/app/test_hooks.cpp) when
  // OWNVOICE_TEST_FAST_KDF=1; a release binary has no code that calls it.
  static void use_fast_for_tests();
  [[nodiscard]] bool weaker_than(const KdfParams& other) const {
    return opslimit < other.opslimit || memlimit < other.memlimit;
  }
};

enum class Durability {
  Full,    // synchronous=FULL: a committed entry survives power loss (default)
  Normal,  // synchronous=NORMAL: survives a crash of the process, may lose the last commits on power loss
};

struct Options {
  std::optional<KdfParams> kdf;  // for init()/change_passphrase(); default KdfParams::standard()
  int busy_timeout_ms = 5000;
  Durability durability = Durability::Full;
};

class Store {
 public:
  // $OWNVOICE_DATA_DIR/log.sqlite if set; else Linux $XDG_DATA_HOME/ownvoice/log.sqlite or
  // ~/.local/share/ownvoice/log.sqlite; macOS ~/Library/Application Support/OwnVoice/log.sqlite;
  // Windows %LOCALAPPDATA%\OwnVoice\log.sqlite. Throws Error(io_error) if no home is known.
  static std::string default_path();

  // Does not touch the disk: the file is created by init() only, so an uninitialised log
  // stays absent and the host keeps checking posts.
  static Store open(std::string path, Options options = {});

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  ~Store();

  [[nodiscard]] const std::string& path() const;

  // True once init() has completed on this file (any process).
  [[nodiscard]] bool initialized();
  [[nodiscard]] Status status();

  // Creates the directory (0700), the file (0600), the employee's key pair and wraps the
  // secret key under Argon2id(passphrase). Throws already_initialized, invalid_argument
  // (empty passphrase), io_error.
  void init(std::string_view passphrase);

  // Appends one entry, durable when it returns; NO secret needed. Fills time when empty and
  // returns the assigned seq. Throws not_initialized, invalid_argument (unknown decision),
  // io_error (disk full, read-only, locked: nothing written), corrupt.
  std::int64_t append(const Entry& entry);

  // The employee's shared/promotional counts over the last window_days UTC days (today
  // included). No secret needed. nullopt when the log is not initialised.
  [[nodiscard]] std::optional<PromotionalHistory> promotional_history(int window_days = 30);

  // Everything below derives the key from the passphrase first (Argon2id, ~0.6 s) and
  // throws wrong_passphrase before producing any output.
  [[nodiscard]] std::vector<Entry> read_all(std::string_view passphrase, const Filter& filter = {});
  // Checks the whole chain; on success records an authenticated checkpoint so that a later
  // truncation of entries seen here is detected. Does not throw for a bad chain (ok=false).
  [[nodiscard]] VerifyReport verify(std::string_view passphrase);
  // All entries (before = nullopt) or the oldest ones dated before "YYYY-MM-DD" (UTC).
  // Returns the number erased. Overwrites freed pages (secure_delete), VACUUMs, truncates the WAL.
  // Throws Error(scrub_failed) when the entries were deleted but the file could not be
  // scrubbed (use erase_and_scrub() to get the count and the scrub status without throwing).
  std::size_t erase(std::string_view passphrase, std::optional<std::string> before = std::nullopt);
  EraseReport erase_and_scrub(std::string_view passphrase, std::optional<std::string> before = std::nullopt);
  // Re-wraps the same key pair: existing entries stay readable. Throws wrong_passphrase.
  void change_passphrase(std::string_view old_passphrase, std::string_view new_passphrase);
  // A NEW key pair: every entry is decrypted, re-sealed to the new public key and the chain
  // rebuilt; the old wrapped key and epochs are deleted and the file scrubbed, so an old
  // backup plus the old passphrase opens none of the entries written from now on. Throws
  // wrong_passphrase, corrupt (an entry cannot be decrypted: nothing is changed),
  // scrub_failed (rotated, but old pages may remain until the next erase/passwd).
  void rotate_keys(std::string_view old_passphrase, std::string_view new_passphrase);
  // Entries with seq > after_seq, at most `limit` of them and at most max_bytes of data
  // (always at least one entry). CSV has its header row only when after_seq is 0.
  [[nodiscard]] ExportPage export_page(std::string_view passphrase, std::string_view format, std::int64_t after_seq,
                                       std::size_t limit, std::size_t max_bytes);
  // format "jsonl" (one to_json(Entry) per line) or "csv" (RFC 4180, header row).
  [[nodiscard]] std::string export_as(std::string_view passphrase, std::string_view format, const Filter& filter = {});

  class Impl;

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace ownvoice::log
