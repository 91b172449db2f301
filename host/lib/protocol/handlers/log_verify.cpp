// log.verify: checks the log's hash chain (passphrase required).
#include "log/store.hpp"
#include "protocol/handlers/handlers.hpp"
#include "protocol/session.hpp"

namespace ownvoice::protocol {

nlohmann::json handle_log_verify(Session& session, const Request& request) {
  const std::string& passphrase = request.string_field("passphrase");
  return log::to_json(require_log(session).verify(passphrase));
}

}  // namespace ownvoice::protocol
