// The built-in layer: what OwnVoice does with no policy at all. It screens for nothing
// the employer chose (no rules), but it still proposes the personal disclaimer.
#include "policy/policy.hpp"

namespace ownvoice::policy {

const nlohmann::json& builtin_document() {
  static const nlohmann::json doc = {
      {"version", "builtin"},
      {"company", ""},
      {"brands", nlohmann::json::array()},
      {"disclaimers", {{"en", "Opinions are my own."}, {"fr", "Ces propos n'engagent que moi."}}},
      {"short_disclaimers", {{"en", "Views my own."}, {"fr", "Avis perso."}}},
      {"default_language", "en"},
      {"promotional_threshold", 0.30},
      {"promotional_window_days", 30},
      {"packs", nlohmann::json::array()},
      {"rules", nlohmann::json::array()},
      {"allow_user_disclaimer", true},
      {"industry", nlohmann::json::array()},
      {"propose_disclaimer", "about_work"},
      {"allowed_extension_ids", nlohmann::json::array()},
      {"max_message_bytes", 4 * 1024 * 1024},
      {"sites", nlohmann::json::array()},
  };
  return doc;
}

}  // namespace ownvoice::policy
