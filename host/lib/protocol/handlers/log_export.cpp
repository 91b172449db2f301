// log.export: the employee's entries as JSON Lines or CSV (passphrase required).
#include "log/store.hpp"
#include "protocol/handlers/handlers.hpp"
#include "protocol/session.hpp"

namespace ownvoice::protocol {

nlohmann::json handle_log_export(Session& session, const Request& request) {
  const std::string& passphrase = request.string_field("passphrase");
  const std::string& format = request.string_field("format");
  if (format != "jsonl" && format != "csv") {
    throw ProtocolError(ErrorCode::InvalidValue, "field 'format' must be \"jsonl\" or \"csv\"");
  }
  return {{"format", format}, {"data", require_log(session).export_as(passphrase, format)}};
}

}  // namespace ownvoice::protocol
