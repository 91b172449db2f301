// log.erase: removes all entries, or those before a date (passphrase required), then
// scrubs the file; a scrub that failed is an error the extension must show.
#include "log/store.hpp"
#include "protocol/handlers/handlers.hpp"
#include "protocol/session.hpp"

namespace ownvoice::protocol {

nlohmann::json handle_log_erase(Session& session, const Request& request) {
  const std::string& passphrase = request.string_field("passphrase");
  const log::EraseReport report = require_log(session).erase_and_scrub(passphrase, request.optional_string("before"));
  session.logger().debug("log.erase: {} entries erased", report.erased);
  if (!report.problem.empty()) {
    session.logger().warn("error: {}", to_string(ErrorCode::LogScrubFailed));
    throw ProtocolError(ErrorCode::LogScrubFailed,
                        std::to_string(report.erased) +
                            " entries were erased, but their old pages may remain on disk (" + report.problem +
                            "); erase again to retry");
  }
  return {{"erased", report.erased},
          {"scrubbed", {{"vacuum", report.vacuum}, {"wal_checkpoint", report.wal_checkpoint}}}};
}

}  // namespace ownvoice::protocol
