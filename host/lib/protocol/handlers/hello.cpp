// hello: version and capability handshake; the extension decides what to offer from it.
#include <string>

#include "log/store.hpp"
#include "ownvoice/version.hpp"
#include "protocol/handlers/handlers.hpp"
#include "protocol/session.hpp"

namespace ownvoice::protocol {

nlohmann::json handle_hello(Session& session, const Request& request) {
  // Another protocol is not an error: the reply says which one this host speaks and the
  // extension, knowing both, tells the employee which side to update (PROTOCOL.md,
  // "Protocol agreement"). An error here would leave it unable to say.
  if (const auto protocol = request.optional_integer("protocol"); protocol && *protocol != kProtocolVersion) {
    session.logger().warn("hello: the extension speaks protocol {}, this host {}", *protocol, kProtocolVersion);
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
