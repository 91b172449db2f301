// check: runs the engine on one post. The answer is the engine's result as JSON;
// the host only remembers what `confirm` will need (hash, verdict, rule ids).
#include <chrono>
#include <string>

#include "engine/result_json.hpp"
#include "log/store.hpp"
#include "protocol/handlers/handlers.hpp"
#include "protocol/session.hpp"

namespace ownvoice::protocol {
namespace {

// Only rule ids and severities: the employee's log gets excerpts from the text itself.
nlohmann::json summarize_findings(const std::vector<engine::Finding>& findings) {
  nlohmann::json summary = nlohmann::json::array();
  for (const auto& f : findings)
    summary.push_back(
        {{"check", engine::to_string(f.check)}, {"rule", f.rule}, {"severity", policy::to_string(f.severity)}});
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
  issued.promotional = result.is_promotional();
  issued.policy_version = engine.effective().policy.version;
  issued.findings_summary = summarize_findings(result.findings);
  const std::size_t finding_count = issued.findings_summary.size();
  issued.text = std::move(check.text);
  session.remember_check(result.check_id, std::move(issued));

  const auto micros =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count();
  session.logger().debug("check {} platform={} verdict={} findings={} ({} us)", result.check_id,
                         check.platform.substr(0, 32), engine::to_string(result.verdict), finding_count, micros);
  // Only for a request with the employee's "debug": true: the result quotes the post.
  nlohmann::json answer = engine::to_json(result);
  if (session.debug()) session.logger().debug("check {} result: {}", result.check_id, dump_json(answer));
  return answer;
}

}  // namespace ownvoice::protocol
