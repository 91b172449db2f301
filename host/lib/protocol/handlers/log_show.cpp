// log.show: the employee reads their own entries (passphrase required).
#include "log/store.hpp"
#include "protocol/handlers/handlers.hpp"
#include "protocol/session.hpp"

namespace ownvoice::protocol {

nlohmann::json handle_log_show(Session& session, const Request& request) {
  const std::string& passphrase = request.string_field("passphrase");
  log::Filter filter;
  filter.since = request.optional_string("since").value_or("");
  filter.until = request.optional_string("until").value_or("");
  filter.platform = request.optional_string("platform").value_or("");
  filter.decision = request.optional_string("decision").value_or("");
  filter.verdict = request.optional_string("verdict").value_or("");
  filter.reminders_only = request.optional_bool("reminders").value_or(false);
  if (const auto limit = request.optional_integer("limit")) {
    if (*limit < 0) throw ProtocolError(ErrorCode::InvalidValue, "field 'limit' must not be negative");
    filter.limit = static_cast<std::size_t>(*limit);
  }
  nlohmann::json entries = nlohmann::json::array();
  for (const auto& entry : require_log(session).read_all(passphrase, filter)) entries.push_back(log::to_json(entry));
  // A reply over the size cap loses entries from the end (marked "truncated"); the
  // extension asks again with a narrower filter or `limit`.
  return {{"entries", std::move(entries)}};
}

}  // namespace ownvoice::protocol
