#pragma once
// One handler per request type (PROTOCOL.md "Requests"), one file each.
#include <nlohmann/json.hpp>

#include "protocol/message.hpp"

namespace ownvoice::log {
class Store;
}

namespace ownvoice::protocol {

class Session;

nlohmann::json handle_hello(Session& session, const Request& request);
nlohmann::json handle_check(Session& session, const Request& request);
nlohmann::json handle_confirm(Session& session, const Request& request);
nlohmann::json handle_policy(Session& session, const Request& request);
nlohmann::json handle_ping(Session& session, const Request& request);
nlohmann::json handle_log_status(Session& session, const Request& request);
nlohmann::json handle_log_init(Session& session, const Request& request);
nlohmann::json handle_log_show(Session& session, const Request& request);
nlohmann::json handle_log_verify(Session& session, const Request& request);
nlohmann::json handle_log_export(Session& session, const Request& request);
nlohmann::json handle_log_erase(Session& session, const Request& request);

// The log for the log.* handlers; a log_io_error when no location can be determined.
log::Store& require_log(Session& session);

}  // namespace ownvoice::protocol
