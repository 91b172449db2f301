#pragma once
// Text formats of decrypted entries for `ownvoice log export` and `log.export`.
#include <string>
#include <vector>

#include "log/store.hpp"

namespace ownvoice::log {

// One JSON object per line (to_json(Entry)), each line ending in "\n".
std::string format_jsonl(const std::vector<Entry>& entries);

// RFC 4180 CSV with a header row and CRLF line ends. findings_summary is a JSON string.
// A cell that a spreadsheet would run as a formula (starting with = + - @ TAB CR) gets a
// leading apostrophe (OWASP "CSV injection"); JSONL is the lossless format.
std::string format_csv(const std::vector<Entry>& entries);

}  // namespace ownvoice::log
