// Erasing entries, then scrubbing the file so they do not linger on disk.
#include "log/store_impl.hpp"

namespace ownvoice::log {

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

}  // namespace ownvoice::log
