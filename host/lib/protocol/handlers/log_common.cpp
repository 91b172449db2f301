// Shared by the log.* handlers: where the employee's log is.
#include "log/store.hpp"
#include "protocol/handlers/handlers.hpp"
#include "protocol/session.hpp"

namespace ownvoice::protocol {

log::Store& require_log(Session& session) {
  log::Store* store = session.log_store();
  if (store == nullptr) {
    throw ProtocolError(ErrorCode::LogIoError, "the log's location is unknown (no home or data folder)");
  }
  return *store;
}

}  // namespace ownvoice::protocol
