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
    session.logger().debug("hello from extension {}", version->substr(0, 32));
  }
  const policy::EffectivePolicy& effective = session.base_policy();
  // The log's identity for the extension to pin (PROTOCOL.md hello): a changed fingerprint
  // or a last_seq that went backwards means someone replaced the log or its key.
  nlohmann::json log_json = {{"initialized", false}};
  if (log::Store* store = session.log_store()) {
    try {
      const log::Status status = store->status();
      if (status.initialized) {
        log_json = {{"initialized", true}, {"key_fingerprint", status.key_fingerprint}, {"last_seq", status.last_seq}};
      }
    } catch (const log::Error& e) {
      session.logger().warn("error: {} (log status for hello)", log::to_string(e.code()));
    }
  }
  const SandboxStatus& sandbox = session.config().sandbox;
  return {
      {"protocol", kProtocolVersion},
      {"host_version", kVersion},
      {"capabilities", {"check", "confirm", "policy", "log"}},
      {"policy",
       {{"version", effective.policy.version},
        {"company", effective.policy.company},
        {"rules", effective.policy.rules.size()},
        {"rejected_layers", effective.rejected_json()}}},
      {"debug", session.debug()},
      {"sandbox",
       {{"network", sandbox.installed ? "enforced" : "not_enforced"},
        {"mechanism", sandbox.installed ? nlohmann::json("seccomp") : nlohmann::json(nullptr)},
        {"reason", sandbox.installed ? std::string() : sandbox.detail}}},
      {"diagnostics", {{"level", session.debug() ? "debug" : "default"}}},
      {"log", std::move(log_json)},
  };
}

}  // namespace ownvoice::protocol
