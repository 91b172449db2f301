// The audit: every entry authenticated, the chain and the trust record checked.
#include "log/store_impl.hpp"

namespace ownvoice::log {

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
        bad(o.seq, "entry " + std::to_string(o.seq) +
                       " should not exist: it precedes the start of the chain "
                       "(inserted, or left behind by an erase)");
        return false;
      }
      if (o.seq > expected) {
        bad(expected, o.seq == expected + 1 ? "entry " + std::to_string(expected) + " is missing (deleted)"
                                            : "entries " + std::to_string(expected) + " to " +
                                                  std::to_string(o.seq - 1) + " are missing (deleted)");
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
        bad(trust.checkpoint_seq,
            "entries up to " + std::to_string(trust.checkpoint_seq) + " were replaced since the last verify");
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

}  // namespace ownvoice::log
