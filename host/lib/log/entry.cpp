// JSON forms of the log's public structures.
#include "log/error.hpp"
#include "log/store.hpp"

namespace ownvoice::log {

nlohmann::json to_json(const Entry& e) {
  return nlohmann::json{{"seq", e.seq},
                        {"time", e.time},
                        {"platform", e.platform},
                        {"url", e.url},
                        {"decision", e.decision},
                        {"text_checked", e.text_checked},
                        {"text_shared", e.text_shared},
                        {"findings_summary", e.findings_summary},
                        {"consent", e.consent},
                        {"policy_version", e.policy_version},
                        {"verdict", e.verdict},
                        {"promotional", e.promotional},
                        {"check_id", e.check_id},
                        {"boundary_reminder", e.boundary_reminder}};
}

namespace {
template <typename T>
void take(const nlohmann::json& j, const char* key, T& out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return;
  try {
    out = it->get<T>();
  } catch (const nlohmann::json::exception&) {
    throw Error(ErrorCode::invalid_argument, std::string("log entry field '") + key + "' has the wrong type");
  }
}
}  // namespace

Entry entry_from_json(const nlohmann::json& j) {
  if (!j.is_object()) throw Error(ErrorCode::invalid_argument, "a log entry must be a JSON object");
  Entry e;
  take(j, "seq", e.seq);
  take(j, "time", e.time);
  take(j, "platform", e.platform);
  take(j, "url", e.url);
  take(j, "decision", e.decision);
  take(j, "text_checked", e.text_checked);
  take(j, "text_shared", e.text_shared);
  if (auto it = j.find("findings_summary"); it != j.end()) e.findings_summary = *it;
  take(j, "consent", e.consent);
  take(j, "policy_version", e.policy_version);
  take(j, "verdict", e.verdict);
  take(j, "promotional", e.promotional);
  take(j, "check_id", e.check_id);
  if (j.contains("boundary_reminder")) take(j, "boundary_reminder", e.boundary_reminder);  // absent in older entries
  return e;
}

nlohmann::json to_json(const VerifyReport& r) {
  return nlohmann::json{{"ok", r.ok},
                        {"entries", r.entries},
                        {"first_bad", r.first_bad ? nlohmann::json(*r.first_bad) : nlohmann::json(nullptr)},
                        {"problem", r.problem},
                        {"verified_through", r.verified_through},
                        {"head_fingerprint", r.head_fingerprint},
                        {"warnings", r.warnings}};
}

nlohmann::json to_json(const Status& s) {
  nlohmann::json j{{"initialized", s.initialized}, {"entries", s.entries}, {"path", s.path}, {"warnings", s.warnings}};
  if (s.initialized) {
    j["key_fingerprint"] = s.key_fingerprint;
    j["last_seq"] = s.last_seq;
  }
  return j;
}

}  // namespace ownvoice::log
