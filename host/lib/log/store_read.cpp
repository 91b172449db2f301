// Reading the log: filtered reads and exports (whole or in pages).
#include "log/store_impl.hpp"

namespace ownvoice::log {

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
