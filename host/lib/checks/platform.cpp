// Length rules per platform (docs/checks.md); the numbers are in the one table,
// platforms.json, and this file holds the counters it names. Each counter mirrors
// what the platform's own composer counts, so a proposal we call "fits" is not refused:
//   X          twitter-text v3: NFC, weight 1 for code points in the v3 ranges (most
//              Latin, general punctuation), 2 otherwise; a whole emoji sequence 2; a URL 23.
//   Mastodon   graphemes, a http(s) URL counts 23, "@user@domain" counts as "@user".
//   Bluesky    graphemes (and at most 3,000 UTF-8 bytes, checked by fits()).
//   Threads    graphemes.
//   others     UTF-16 code units, which is what a web composer's maxlength measures.
#include "checks/platform.hpp"

#include <re2/re2.h>
#include <utf8proc.h>

#include <cstdlib>
#include <string>

#include "checks/urls.hpp"
#include "text/normalize.hpp"

namespace ownvoice::checks {
namespace {

std::string nfc(std::string_view utf8) {
  utf8proc_uint8_t* dst = nullptr;
  const auto n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(utf8.data()), static_cast<utf8proc_ssize_t>(utf8.size()),
                   &dst, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  std::string out;
  if (n >= 0 && dst != nullptr) {
    out.assign(reinterpret_cast<const char*>(dst), static_cast<size_t>(n));
  } else {
    out.assign(utf8);  // invalid UTF-8: count what we were given
  }
  std::free(dst);
  return out;
}

int boundclass(char32_t cp) { return utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->boundclass; }

// twitter-text v3 config: code points in these ranges weigh 1 (scale 100 -> 1), others 2.
std::size_t v3_weight(char32_t cp) {
  if (cp <= 4351 || (cp >= 8192 && cp <= 8205) || (cp >= 8208 && cp <= 8223) || (cp >= 8242 && cp <= 8247)) return 1;
  return 2;
}

// End (byte offset) of the grapheme cluster starting at `i`.
size_t cluster_end(std::string_view s, size_t i) {
  utf8proc_int32_t state = 0;
  char32_t prev = 0;
  size_t n = text::decode_utf8(s, i, prev);
  size_t j = i + n;
  while (j < s.size()) {
    char32_t cp = 0;
    const size_t len = text::decode_utf8(s, j, cp);
    if (utf8proc_grapheme_break_stateful(static_cast<utf8proc_int32_t>(prev), static_cast<utf8proc_int32_t>(cp),
                                         &state))
      break;
    prev = cp;
    j += len;
  }
  return j;
}

// An emoji for twitter-text: a cluster holding a pictographic code point, a regional
// indicator or a keycap. A Latin-1 pictograph (©, ®) is an emoji only with U+FE0F.
bool is_emoji_cluster(std::string_view cluster) {
  bool pictographic = false;
  bool text_default = false;
  bool vs16 = false;
  for (size_t i = 0; i < cluster.size();) {
    char32_t cp = 0;
    i += text::decode_utf8(cluster, i, cp);
    const int bc = boundclass(cp);
    if (cp == 0x20E3 || bc == UTF8PROC_BOUNDCLASS_REGIONAL_INDICATOR) return true;
    if (cp == 0xFE0F) vs16 = true;
    if (bc == UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC) {
      pictographic = true;
      if (v3_weight(cp) == 1) text_default = true;
    }
  }
  return pictographic && (!text_default || vs16);
}

std::size_t x_weighted_length(std::string_view raw, std::size_t url_weight) {
  const std::string s = nfc(raw);
  const auto urls = find_urls(s);
  std::size_t total = 0;
  size_t next_url = 0;
  size_t i = 0;
  while (i < s.size()) {
    if (next_url < urls.size() && urls[next_url].begin == i) {
      total += url_weight;
      i = urls[next_url].end;
      ++next_url;
      continue;
    }
    const size_t ce = cluster_end(s, i);
    const size_t limit = next_url < urls.size() ? urls[next_url].begin : s.size();
    if (ce <= limit && is_emoji_cluster(s.substr(i, ce - i))) {
      total += 2;
      i = ce;
      continue;
    }
    char32_t cp = 0;
    i += text::decode_utf8(s, i, cp);
    total += v3_weight(cp);
  }
  return total;
}

std::size_t graphemes(std::string_view s) {
  std::size_t count = 0;
  for (size_t i = 0; i < s.size(); i = cluster_end(s, i)) ++count;
  return count;
}

std::size_t utf16_units(std::string_view s) { return utf16_offset(s, s.size()); }

// Mastodon replaces each URL by 23 characters and "@user@domain" by "@user" before
// counting graphemes (app/validators/status_length_validator.rb).
std::size_t mastodon_length(std::string_view s, std::size_t url_weight) {
  static const RE2 remote_mention(R"((@[A-Za-z0-9_]+)@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)");
  std::string countable;
  const auto urls = find_urls(s, /*require_scheme=*/true);
  size_t pos = 0;
  for (const auto& u : urls) {
    countable.append(s.substr(pos, u.begin - pos));
    countable.append(url_weight, 'x');
    pos = u.end;
  }
  countable.append(s.substr(pos));
  RE2::GlobalReplace(&countable, remote_mention, R"(\1)");
  return graphemes(countable);
}

std::size_t hashtag_count(std::string_view s) {
  std::size_t count = 0;
  char32_t prev = 0;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const size_t n = text::decode_utf8(s, i, cp);
    if ((cp == '#' || cp == 0xFF03) && !text::is_word_codepoint(prev) && i + n < s.size()) {
      char32_t next = 0;
      text::decode_utf8(s, i + n, next);
      if (text::is_word_codepoint(next) || next == '_') ++count;
    }
    prev = cp;
    i += n;
  }
  return count;
}

// twitter-text refuses a post holding U+FFFE, U+FEFF or U+FFFF whatever its length.
bool has_x_invalid_characters(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    i += text::decode_utf8(s, i, cp);
    if (cp == 0xFFFE || cp == 0xFEFF || cp == 0xFFFF) return true;
  }
  return false;
}

}  // namespace

const PlatformSpec& spec(Platform p) { return kPlatformTable[static_cast<std::size_t>(p)]; }

Platform parse_platform(std::string_view name) {
  std::string lower;
  for (char c : name) lower.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
  for (const auto& row : kPlatformTable) {
    if (row.id == lower) return row.platform;
    for (const auto alias : row.aliases)
      if (!alias.empty() && alias == lower) return row.platform;
  }
  return Platform::Generic;
}

const char* to_string(Platform p) { return spec(p).id.data(); }  // the table's literals end in NUL

LengthRule length_rule(Platform p) { return {spec(p).limit, spec(p).unit.data()}; }

std::size_t measure_length(std::string_view utf8, Platform p) {
  const auto& row = spec(p);
  switch (row.counter) {
    case Counter::XWeighted: return x_weighted_length(utf8, row.url_weight);
    case Counter::Mastodon: return mastodon_length(utf8, row.url_weight);
    case Counter::Graphemes: return graphemes(utf8);
    case Counter::Utf16: return utf16_units(utf8);
  }
  return utf16_units(utf8);
}

namespace {
// The rules other than the length: characters X refuses, Bluesky's bytes, Instagram's hashtags.
bool within_other_rules(std::string_view utf8, const PlatformSpec& row) {
  if (row.counter == Counter::XWeighted && has_x_invalid_characters(utf8)) return false;
  if (row.max_bytes > 0 && utf8.size() > row.max_bytes) return false;
  if (row.max_hashtags > 0 && hashtag_count(utf8) > row.max_hashtags) return false;
  return true;
}
}  // namespace

bool fits(std::string_view utf8, Platform p) {
  const auto& row = spec(p);
  if (!within_other_rules(utf8, row)) return false;
  return row.limit == 0 || measure_length(utf8, p) <= row.limit;
}

Measured measure(std::string_view utf8, Platform p) {
  const auto& row = spec(p);
  Measured m;
  m.length = measure_length(utf8, p);
  m.fits = within_other_rules(utf8, row) && (row.limit == 0 || m.length <= row.limit);
  return m;
}

std::size_t count_hashtags(std::string_view utf8) { return hashtag_count(utf8); }

}  // namespace ownvoice::checks
