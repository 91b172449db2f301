// hello: version and capability handshake; the extension decides what to offer from it.
#include <string>

#include "log/store.hpp"
#include "ownvoice/version.hpp"
#include "protocol/handlers/handlers.hpp"
#include "protocol/session.hpp"

namespace ownvoice::protocol {

nlohmann::json handle_hello(Session& session, const Request& request) {
  if (const auto protocol = request.optional_integer("protocol"); protocol && *protocol != kProtocolVersion) {
    throw ProtocolError(ErrorCode::ProtocolMismatch, "this host speaks protocol " +
                                                         std::to_string(kProtocolVersion) + ", not " +
                                                         std::to_string(*protocol));
  }
  if (const auto version = request.optional_string("extension_version")) {
    session.logger().info("hello from extension {}", version->substr(0, 32));
  }
  const policy::EffectivePolicy& effective = session.base_policy();
  bool initialized = false;
  if (log::Store* store = session.log_store()) {
    try {
      initialized = store->initialized();
    } catch (const log::Error& e) {
      session.logger().warn("hello: log status unavailable: {}", e.what());
    }
  }
  return {
      {"protocol", kProtocolVersion},
      {"host_version", kVersion},
      {"capabilities", {"check", "confirm", "policy", "log"}},
      {"policy",
       {{"version", effective.policy.version},
        {"company", effective.policy.company},
        {"rules", effective.policy.rules.size()},
        {"rejected_layers", effective.rejected_json()}}},
      {"log", {{"initialized", initialized}}},
  };
}

}  // namespace ownvoice::protocol
