#pragma once
// Finds URLs the way twitter-text v3 does (the rules X applies when it counts a URL as
// 23 characters): an optional http(s) scheme, a host whose last label is a known TLD or
// punycode, each label at most 63 characters once punycode-encoded, then an optional
// port, path and query whose trailing punctuation is left out. Without a scheme the host
// must be ASCII and must not follow '-', '_', '.' or '/'. Used by the length counters and
// by the promotional check's shopping-link signal.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace ownvoice::checks {

struct UrlSpan {
  std::size_t begin = 0;  // byte range in the text that was searched
  std::size_t end = 0;
  bool has_scheme = false;
};

// The next place at or after `pos` that looks like [http(s)://]label.label[.label...]: the
// leftmost match of (?i)(https?://)?((?:[\pL\pM\pN_-]+\.)+[\pL\pM\pN_-]+), found by a
// scan for dots instead of a regular expression (a check scanned each post several times
// with RE2 for this; tests/checks/test_urls.cpp compares both on many texts). find_urls
// then applies twitter-text's rules to each candidate.
struct UrlCandidate {
  bool found = false;
  std::size_t begin = 0;       // the scheme's first byte, or the host's
  std::size_t host_begin = 0;  // == begin without a scheme
  std::size_t end = 0;         // one past the host's last label
};
UrlCandidate next_url_candidate(std::string_view utf8, std::size_t pos);

// `require_scheme`: only URLs written with http:// or https:// (Mastodon's rule).
std::vector<UrlSpan> find_urls(std::string_view utf8, bool require_scheme = false);

// Length of the punycode (RFC 3492) encoding of one label, without the "xn--" prefix.
std::size_t punycode_length(const std::vector<char32_t>& label);

// UTF-16 code units in utf8[0, byte).
uint32_t utf16_offset(std::string_view utf8, std::size_t byte);

}  // namespace ownvoice::checks
