#include "checks/platform.hpp"

namespace ownvoice::checks {

Platform parse_platform(std::string_view name) {
  if (name == "x" || name == "twitter") return Platform::X;
  if (name == "linkedin") return Platform::LinkedIn;
  if (name == "facebook") return Platform::Facebook;
  if (name == "instagram") return Platform::Instagram;
  if (name == "mastodon") return Platform::Mastodon;
  if (name == "bluesky") return Platform::Bluesky;
  if (name == "threads") return Platform::Threads;
  if (name == "pinterest") return Platform::Pinterest;
  if (name == "tumblr") return Platform::Tumblr;
  if (name == "quora") return Platform::Quora;
  if (name == "reddit") return Platform::Reddit;
  return Platform::Generic;
}

const char* to_string(Platform p) {
  switch (p) {
    case Platform::X: return "x";
    case Platform::LinkedIn: return "linkedin";
    case Platform::Facebook: return "facebook";
    case Platform::Instagram: return "instagram";
    case Platform::Mastodon: return "mastodon";
    case Platform::Bluesky: return "bluesky";
    case Platform::Threads: return "threads";
    case Platform::Pinterest: return "pinterest";
    case Platform::Tumblr: return "tumblr";
    case Platform::Quora: return "quora";
    case Platform::Reddit: return "reddit";
    case Platform::Generic: return "generic";
  }
  return "generic";
}

LengthRule length_rule(Platform) { return {}; }
std::size_t measure_length(std::string_view utf8, Platform) { return utf8.size(); }
bool fits(std::string_view utf8, Platform p) {
  const auto rule = length_rule(p);
  return rule.limit == 0 || measure_length(utf8, p) <= rule.limit;
}

}  // namespace ownvoice::checks
