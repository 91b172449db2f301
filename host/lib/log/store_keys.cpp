// Changing the passphrase, and rotating the key pair (every entry re-sealed).
#include "log/store_impl.hpp"

namespace ownvoice::log {

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
      Bytes framed =
          crypto::frame_plaintext(seq, prev, std::string_view(reinterpret_cast<const char*>(json.data()), json.size()));
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

}  // namespace ownvoice::log
