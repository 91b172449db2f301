// policy: the effective policy, which layer set each field, and each layer's status, so
// the options page can show employees and IT where a setting comes from (with each layer's
// warnings and the fields the employee's layer may not set).
#include "protocol/handlers/handlers.hpp"
#include "protocol/session.hpp"

namespace ownvoice::protocol {

nlohmann::json handle_policy(Session& session, const Request& request) {
  const nlohmann::json* managed = request.optional_object("managed_policy");
  std::optional<policy::EffectivePolicy> loaded;
  if (managed != nullptr) loaded = session.load_policy(*managed);
  const policy::EffectivePolicy& effective = loaded ? *loaded : session.base_policy();

  return policy::describe(effective);  // the same view as `ownvoice policy show --json`
}

}  // namespace ownvoice::protocol
