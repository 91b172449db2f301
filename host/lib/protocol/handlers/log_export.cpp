// log.export: the employee's entries as JSON Lines or CSV (passphrase required), one page
// at a time, in clear or sealed under a passphrase of the employee's choosing.
#include "log/export_crypto.hpp"
#include "log/store.hpp"
#include "protocol/handlers/handlers.hpp"
#include "protocol/session.hpp"

namespace ownvoice::protocol {
namespace {

constexpr long long kMaxPageEntries = 1000;
// Well under the 1,000,000-byte reply cap, also once JSON-escaped or armored (base64 +4/3).
constexpr std::size_t kMaxPageBytes = 512u * 1024u;

}  // namespace

nlohmann::json handle_log_export(Session& session, const Request& request) {
  const std::string& passphrase = request.string_field("passphrase");
  const std::string& format = request.string_field("format");
  if (format != "jsonl" && format != "csv") {
    throw ProtocolError(ErrorCode::InvalidValue, "field 'format' must be \"jsonl\" or \"csv\"");
  }
  const long long after_seq = request.optional_integer("after_seq").value_or(0);
  if (after_seq < 0) throw ProtocolError(ErrorCode::InvalidValue, "field 'after_seq' must not be negative");
  const long long limit = request.optional_integer("limit").value_or(kMaxPageEntries);
  if (limit < 1 || limit > kMaxPageEntries) {
    throw ProtocolError(ErrorCode::InvalidValue, "field 'limit' must be between 1 and 1000");
  }
  const std::optional<std::string> encrypt = request.optional_string("encrypt_passphrase");
  if (encrypt) log::require_passphrase_length(*encrypt);

  log::ExportPage page =
      require_log(session).export_page(passphrase, format, after_seq, static_cast<std::size_t>(limit), kMaxPageBytes);
  std::string data = encrypt ? log::seal_export(*encrypt, page.data, log::KdfParams::standard()) : std::move(page.data);
  auto optional_seq = [](const std::optional<std::int64_t>& seq) {
    return seq ? nlohmann::json(*seq) : nlohmann::json(nullptr);
  };
  return {{"format", format},
          {"data", std::move(data)},
          {"entries", page.entries},
          {"first_seq", optional_seq(page.first_seq)},
          {"last_seq", optional_seq(page.last_seq)},
          {"next_after_seq", page.truncated ? optional_seq(page.last_seq) : nlohmann::json(nullptr)},
          {"truncated", page.truncated},
          {"encrypted", encrypt.has_value()}};
}

}  // namespace ownvoice::protocol
