#include "log/export_format.hpp"

#include <string_view>

namespace ownvoice::log {
namespace {

void csv_cell(std::string& out, std::string_view value) {
  bool formula = !value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
                                    value[0] == '\t' || value[0] == '\r');
  out += '"';
  if (formula) out += '\'';
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

std::string format_jsonl(const std::vector<Entry>& entries) {
  std::string out;
  for (const auto& e : entries) {
    out += to_json(e).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += '\n';
  }
  return out;
}

std::string format_csv(const std::vector<Entry>& entries) {
  std::string out =
      "seq,time,platform,url,decision,consent,verdict,promotional,policy_version,check_id,text_checked,text_shared,"
      "findings_summary\r\n";
  for (const auto& e : entries) {
    out += std::to_string(e.seq);
    out += ',';
    csv_cell(out, e.time);
    out += ',';
    csv_cell(out, e.platform);
    out += ',';
    csv_cell(out, e.url);
    out += ',';
    csv_cell(out, e.decision);
    out += e.consent ? ",true," : ",false,";
    csv_cell(out, e.verdict);
    out += e.promotional ? ",true," : ",false,";
    csv_cell(out, e.policy_version);
    out += ',';
    csv_cell(out, e.check_id);
    out += ',';
    csv_cell(out, e.text_checked);
    out += ',';
    csv_cell(out, e.text_shared);
    out += ',';
    csv_cell(out, e.findings_summary.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    out += "\r\n";
  }
  return out;
}

}  // namespace ownvoice::log
