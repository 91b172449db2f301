#pragma once
// The one writer of a check result as JSON (docs/result-format.md): what the host answers
// to `check` and what `ownvoice check --json` prints. Nothing reads this JSON back inside
// the host: code that needs a field reads the typed CheckResult.
#include <nlohmann/json.hpp>

#include "engine/check_result.hpp"

namespace ownvoice::engine {

nlohmann::json to_json(const Finding& finding);
nlohmann::json to_json(const CheckResult& result);

}  // namespace ownvoice::engine
