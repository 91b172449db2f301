#pragma once
// UTC time stamps and dates as the log stores and filters them: "2026-11-25T08:19:04Z" and
// "2026-11-25". Both sort lexicographically in time order, which the filters rely on.
#include <ctime>
#include <string>
#include <string_view>

namespace ownvoice::log::timeutil {

std::string now_rfc3339();
// The UTC date `days_ago` days before now.
std::string utc_date_days_ago(int days_ago);
bool is_date(std::string_view s);       // YYYY-MM-DD with a real calendar day
bool is_timestamp(std::string_view s);  // YYYY-MM-DDTHH:MM:SSZ (optionally .fraction before Z)
bool is_date_or_timestamp(std::string_view s);

}  // namespace ownvoice::log::timeutil
