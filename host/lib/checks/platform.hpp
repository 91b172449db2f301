#pragma once
// The platforms OwnVoice knows and how each counts a post's length
// (docs/checks.md: X weighs characters as twitter-text v3 does, Bluesky counts
// graphemes, Mastodon counts URLs as 23...).
#include <cstddef>
#include <string>
#include <string_view>

#include "ownvoice/platform_table.hpp"

namespace ownvoice::checks {

// enum class Platform, Counter, PlatformSpec and kPlatformTable: generated from the one
// table of platforms, platforms.json (cmake/OwnVoicePlatformTable.cmake).
Platform parse_platform(std::string_view name);  // id or alias, any case; unknown names -> Generic
const char* to_string(Platform p);
const PlatformSpec& spec(Platform p);

struct LengthRule {
  std::size_t limit = 0;            // 0 = no limit
  const char* unit = "characters";  // "weighted characters", "graphemes", ...
};
LengthRule length_rule(Platform p);

// The post's length as the platform counts it.
std::size_t measure_length(std::string_view utf8, Platform p);
// Within the platform's limit (Bluesky also checks its 3,000-byte limit, Instagram its
// 30 hashtags).
bool fits(std::string_view utf8, Platform p);

// Both at once: the length is counted once (an X or Mastodon count finds the post's URLs,
// a grapheme count walks its clusters; a check needs both answers for the same text).
struct Measured {
  std::size_t length = 0;
  bool fits = true;
};
Measured measure(std::string_view utf8, Platform p);

// Hashtags as Instagram counts them: '#' after a non-word character, then a word character.
std::size_t count_hashtags(std::string_view utf8);

}  // namespace ownvoice::checks
