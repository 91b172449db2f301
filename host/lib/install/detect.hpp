#pragma once
// Which browsers are installed, and whether each build can reach a host at all:
// Flatpak and Snap builds live in sandboxes that hide the host's executable.
#include <string>
#include <vector>

#include "install/browsers.hpp"

namespace ownvoice::install {

enum class Packaging { Native, Flatpak, Snap };
const char* to_string(Packaging p);

struct DetectedBrowser {
  Browser browser;
  Packaging packaging = Packaging::Native;
  std::string evidence;        // the folder or executable that gave it away
  bool can_reach_host = true;  // false: a manifest alone will not make it work
  std::string note;            // what to do about it
};

std::vector<DetectedBrowser> detect_browsers(const Environment& env);

// Searches the (root-prefixed) PATH; returns the logical path or "".
std::string find_on_path(const Environment& env, const std::string& name);

}  // namespace ownvoice::install
