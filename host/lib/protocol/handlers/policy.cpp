// policy: the effective policy, which layer set each field, and each layer's status, so
// the options page can show employees and IT where a setting comes from.
#include "protocol/handlers/handlers.hpp"
#include "protocol/session.hpp"

namespace ownvoice::protocol {

nlohmann::json handle_policy(Session& session, const Request& request) {
  const nlohmann::json* managed = request.optional_object("managed_policy");
  std::optional<policy::EffectivePolicy> loaded;
  if (managed != nullptr) loaded = session.load_policy(*managed);
  const policy::EffectivePolicy& effective = loaded ? *loaded : session.base_policy();

  nlohmann::json layers = nlohmann::json::array();
  for (const auto& layer : effective.layers) {
    nlohmann::json item{{"source", policy::to_string(layer.kind)},
                        {"path", layer.path.empty() ? nlohmann::json(nullptr) : nlohmann::json(layer.path)},
                        {"status", layer.ok ? (layer.present ? "ok" : "absent") : "rejected"}};
    if (!layer.error.empty()) item["error"] = layer.error;
    layers.push_back(std::move(item));
  }
  return {{"effective", effective.effective}, {"sources", effective.sources}, {"layers", std::move(layers)}};
}

}  // namespace ownvoice::protocol
