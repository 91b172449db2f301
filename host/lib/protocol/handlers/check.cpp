// check: runs the engine on one post. The result is exactly the engine's result object;
// the host only remembers what `confirm` will need (hash, verdict, rule ids).
#include <chrono>
#include <string>

#include "log/store.hpp"
#include "protocol/handlers/handlers.hpp"
#include "protocol/session.hpp"

namespace ownvoice::protocol {
namespace {

// Only rule ids and severities: the employee's log gets excerpts from the text itself.
nlohmann::json summarize_findings(const nlohmann::json& result) {
  nlohmann::json summary = nlohmann::json::array();
  const auto findings = result.find("findings");
  if (findings == result.end() || !findings->is_array()) return summary;
  for (const auto& finding : *findings) {
    if (!finding.is_object()) continue;
    nlohmann::json item = nlohmann::json::object();
    for (const char* key : {"check", "rule", "severity"}) {
      if (const auto it = finding.find(key); it != finding.end() && it->is_string()) item[key] = *it;
    }
    summary.push_back(std::move(item));
  }
  return summary;
}

std::optional<engine::PromotionalHistory> history_from_log(Session& session, int window_days) {
  log::Store* store = session.log_store();
  if (store == nullptr) return std::nullopt;
  try {
    const auto history = store->promotional_history(window_days);
    if (!history) return std::nullopt;
    return engine::PromotionalHistory{history->shared, history->promotional, history->window_days};
  } catch (const log::Error& e) {
    // The check still runs; only the history hint is missing.
    session.logger().warn("error: {} (promotional history)", log::to_string(e.code()));
    return std::nullopt;
  }
}

}  // namespace

nlohmann::json handle_check(Session& session, const Request& request) {
  const auto started = std::chrono::steady_clock::now();
  engine::CheckRequest check;
  check.text = request.string_field("text");
  check.platform = request.string_field("platform");
  check.url = request.optional_string("url").value_or("");
  if (auto lang = request.optional_string("lang")) {
    if (!lang->empty() && *lang != "en" && *lang != "fr") {
      throw ProtocolError(ErrorCode::InvalidValue, "field 'lang' must be \"en\" or \"fr\"");
    }
    check.language = *lang;
  }
  const nlohmann::json* managed = request.optional_object("managed_policy");

  const engine::Engine& engine = session.engine_for(managed);
  check.history = history_from_log(session, engine.effective().policy.promotional_window_days);
  engine::CheckResult result = engine.check(check);

  IssuedCheck issued;
  issued.text_sha256 = sha256_hex(check.text);
  issued.platform = check.platform;
  issued.url = check.url;
  issued.verdict = engine::to_string(result.verdict);
  issued.promotional = result.promotional;
  issued.policy_version = engine.effective().policy.version;
  issued.findings_summary = summarize_findings(result.json);
  const std::size_t finding_count = issued.findings_summary.size();
  issued.text = std::move(check.text);
  session.remember_check(result.check_id, std::move(issued));

  const auto micros =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count();
  session.logger().debug("check {} platform={} verdict={} findings={} ({} us)", result.check_id,
                        check.platform.substr(0, 32), engine::to_string(result.verdict), finding_count, micros);
  // Only for a request with the employee's "debug": true: the result quotes the post.
  if (session.debug()) session.logger().debug("check {} result: {}", result.check_id, dump_json(result.json));
  return std::move(result.json);
}

}  // namespace ownvoice::protocol
