// confirm: the employee shared, edited then shared, or cancelled. Only checks this
// process ran can be confirmed, and the log gets the verdict the host computed, not one
// the caller claims.
#include <string>

#include "log/store.hpp"
#include "protocol/handlers/handlers.hpp"
#include "protocol/session.hpp"

namespace ownvoice::protocol {

nlohmann::json handle_confirm(Session& session, const Request& request) {
  const std::string& check_id = request.string_field("check_id");
  const std::string& decision = request.string_field("decision");
  if (decision != "shared" && decision != "edited_shared" && decision != "cancelled") {
    throw ProtocolError(ErrorCode::InvalidValue,
                        "field 'decision' must be \"shared\", \"edited_shared\" or \"cancelled\"");
  }
  const std::optional<std::string> final_text = request.optional_string("final_text");
  const bool consent = request.optional_bool("consent").value_or(false);
  const IssuedCheck* issued = session.find_check(check_id);
  if (issued == nullptr) {
    throw ProtocolError(ErrorCode::UnknownCheckId, "this host ran no check with that check_id");
  }
  if (decision != "cancelled" && !consent) {
    throw ProtocolError(ErrorCode::ConsentRequired, "sharing needs the employee's consent (\"consent\": true)");
  }

  log::Store* store = session.log_store();
  if (store == nullptr || !store->initialized()) {
    session.logger().debug("confirm {} decision={} not logged: the log is not initialized", check_id, decision);
    return {{"logged", false}, {"reason", "log_not_initialized"}};
  }
  log::Entry entry;
  entry.platform = issued->platform;
  entry.url = issued->url;
  entry.decision = decision;
  entry.text_checked = issued->text;
  if (decision != "cancelled") entry.text_shared = final_text.value_or(issued->text);
  entry.findings_summary = issued->findings_summary;
  entry.consent = consent;
  entry.policy_version = issued->policy_version;
  entry.verdict = issued->verdict;
  entry.promotional = issued->promotional;
  entry.check_id = check_id;
  // The extension shows the employee's own boundaries reminder; the log keeps that it did.
  entry.boundary_reminder = request.optional_bool("boundary_reminder").value_or(false);
  const std::int64_t seq = store->append(entry);
  session.logger().debug("confirm {} decision={} logged as entry {}", check_id, decision, seq);
  return {{"logged", true}, {"seq", seq}};
}

}  // namespace ownvoice::protocol
