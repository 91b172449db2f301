// ping: a liveness probe the extension and `ownvoice doctor` use; touches nothing.
#include "protocol/handlers/handlers.hpp"

namespace ownvoice::protocol {

nlohmann::json handle_ping(Session& /*session*/, const Request& /*request*/) { return {{"pong", true}}; }

}  // namespace ownvoice::protocol
