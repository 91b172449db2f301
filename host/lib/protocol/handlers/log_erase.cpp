// log.erase: removes all entries, or those before a date (passphrase required).
#include "log/store.hpp"
#include "protocol/handlers/handlers.hpp"
#include "protocol/session.hpp"

namespace ownvoice::protocol {

nlohmann::json handle_log_erase(Session& session, const Request& request) {
  const std::string& passphrase = request.string_field("passphrase");
  const std::size_t erased = require_log(session).erase(passphrase, request.optional_string("before"));
  session.logger().info("log.erase: {} entries erased", erased);
  return {{"erased", erased}};
}

}  // namespace ownvoice::protocol
