// libFuzzer: policy bytes as IT or a browser's managed storage might hand them over:
// parse, validate as every layer kind, load as the managed layer, and compile the engine.
// Properties: no crash, no hang; a layer that validates is never reported rejected.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/engine.hpp"
#include "policy/loader.hpp"
#include "policy/policy.hpp"

using namespace ownvoice;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string error;
  const auto doc = policy::parse_policy_text(bytes, "fuzz.json", error);
  if (!doc) return 0;
  for (const auto kind : {policy::LayerKind::System, policy::LayerKind::Managed, policy::LayerKind::User}) {
    (void)policy::validate_document(*doc, kind);
  }
  if (!policy::validate_document(*doc, policy::LayerKind::Managed).empty()) return 0;
  policy::LoadOptions options;
  options.system_path = "/nonexistent/ownvoice-fuzz/policy.json";
  options.load_user = false;
  options.managed = *doc;
  policy::EffectivePolicy effective = policy::load_layers(options);
  const engine::Engine engine(std::move(effective));
  engine::CheckRequest request;
  request.text = "Projet Edelweiss, résultats du T3 : lum-1234 sur build-01.lumetra.internal";
  request.platform = "x";
  (void)engine.check(request);
  return 0;
}
