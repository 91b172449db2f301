// log.status: whether the employee's log exists and how long it is; no passphrase.
#include "log/store.hpp"
#include "protocol/handlers/handlers.hpp"
#include "protocol/session.hpp"

namespace ownvoice::protocol {

nlohmann::json handle_log_status(Session& session, const Request& /*request*/) {
  return log::to_json(require_log(session).status());
}

}  // namespace ownvoice::protocol
