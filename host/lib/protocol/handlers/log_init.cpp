// log.init: creates the employee's log under their passphrase.
#include "log/store.hpp"
#include "protocol/handlers/handlers.hpp"
#include "protocol/session.hpp"

namespace ownvoice::protocol {

nlohmann::json handle_log_init(Session& session, const Request& request) {
  const std::string& passphrase = request.string_field("passphrase");
  require_log(session).init(passphrase);
  session.logger().debug("log.init: the employee's log was created");
  return {{"initialized", true}};
}

}  // namespace ownvoice::protocol
