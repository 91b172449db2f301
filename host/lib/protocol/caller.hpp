#pragma once
// Who started the host, from the command line the browser wrote:
//   Chromium: ownvoice-host chrome-extension://<id>/ [--parent-window=<n>]   (Windows adds the latter)
//   Firefox:  ownvoice-host <path to the host manifest> <extension id>
// plus the host's own flags for operators and tests (--policy, --max-message-bytes).
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace ownvoice::protocol {

enum class Browser { Unknown, Chromium, Firefox };

struct Caller {
  Browser browser = Browser::Unknown;
  std::string extension_id;  // "" when the command line named none
};

struct HostArguments {
  Caller caller;
  std::optional<std::string> policy_path;        // --policy <file>: the system layer
  std::optional<std::size_t> max_message_bytes;  // --max-message-bytes <n>
  bool version = false;                          // --version
  std::string error;                             // a malformed flag; "" when fine
};

HostArguments parse_arguments(const std::vector<std::string>& args);

// True when the caller is a released OwnVoice build or in `policy_ids` (the ids IT listed in
// the system policy, plus the development id in a test-hooks build only).
bool is_allowed_caller(const Caller& caller, const std::vector<std::string>& policy_ids);

// A Chromium extension id is 32 letters a-p.
bool is_chromium_id(const std::string& id);

}  // namespace ownvoice::protocol
