#include "protocol/caller.hpp"

#include <algorithm>
#include <charconv>
#include <string_view>

#include "policy/allowed_callers.hpp"

namespace ownvoice::protocol {
namespace {
using policy::kChromiumReleaseIds;
using policy::kFirefoxId;

constexpr std::string_view kChromeOrigin = "chrome-extension://";

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::optional<std::size_t> parse_size(std::string_view s) {
  std::size_t value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size() || value == 0) return std::nullopt;
  return value;
}

}  // namespace

bool is_chromium_id(const std::string& id) {
  return id.size() == 32 && std::all_of(id.begin(), id.end(), [](char c) { return c >= 'a' && c <= 'p'; });
}

HostArguments parse_arguments(const std::vector<std::string>& args) {
  HostArguments out;
  std::vector<std::string> positional;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    // "--flag value" or "--flag=value".
    auto value_of = [&](std::string_view flag) -> std::optional<std::string> {
      if (arg == flag) {
        if (i + 1 >= args.size()) {
          out.error = std::string(flag) + " needs a value";
          return std::nullopt;
        }
        return args[++i];
      }
      if (starts_with(arg, std::string(flag) + "=")) return std::string(arg.substr(flag.size() + 1));
      return std::nullopt;
    };
    if (arg == "--version") {
      out.version = true;
    } else if (starts_with(arg, "--parent-window")) {
      // Windows Chromium passes the calling window's handle; nothing to do with it.
    } else if (starts_with(arg, "--policy")) {
      if (auto v = value_of("--policy")) out.policy_path = *v;
    } else if (starts_with(arg, "--max-message-bytes")) {
      if (auto v = value_of("--max-message-bytes")) {
        out.max_message_bytes = parse_size(*v);
        if (!out.max_message_bytes) out.error = "--max-message-bytes needs a positive integer";
      }
    } else if (starts_with(arg, "--")) {
      out.error = "unknown option " + std::string(arg);
    } else {
      positional.emplace_back(arg);
    }
    if (!out.error.empty()) return out;
  }

  if (!positional.empty() && starts_with(positional[0], kChromeOrigin)) {
    std::string id = positional[0].substr(kChromeOrigin.size());
    if (!id.empty() && id.back() == '/') id.pop_back();
    out.caller = {Browser::Chromium, id};
  } else if (positional.size() >= 2) {
    out.caller = {Browser::Firefox, positional[1]};
  }
  return out;
}

bool is_allowed_caller(const Caller& caller, const std::vector<std::string>& policy_ids) {
  const std::string& id = caller.extension_id;
  if (id.empty()) return false;
  switch (caller.browser) {
    case Browser::Chromium:
      if (!is_chromium_id(id)) return false;
      if (std::find(kChromiumReleaseIds.begin(), kChromiumReleaseIds.end(), id) != kChromiumReleaseIds.end()) {
        return true;
      }
      break;
    case Browser::Firefox:
      if (id == kFirefoxId) return true;
      break;
    case Browser::Unknown: return false;
  }
  return std::find(policy_ids.begin(), policy_ids.end(), id) != policy_ids.end();
}

}  // namespace ownvoice::protocol
