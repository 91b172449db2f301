// URL finding after twitter-text v3 (see urls.hpp). A scan for dots finds the candidate
// scheme and host (next_url_candidate); the label, TLD and trailing-punctuation rules are
// applied to each because they need look-around and punycode lengths that a regular
// expression cannot express.
#include "checks/urls.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <string>
#include <unordered_set>

#include "text/normalize.hpp"

namespace ownvoice::checks {
namespace {

// Generic TLDs seen in posts. twitter-text carries the whole IANA list; a TLD missing
// here only means such a URL is counted character by character (longer, so never a
// post wrongly declared to fit).
constexpr std::string_view kGenericTlds =
    "com net org info biz edu gov mil int io ai app dev tech online site store shop blog news "
    "xyz me tv cc ly gl gg fm to sh ac page cloud digital agency studio design media network "
    "solutions systems software services company group global world today live life team email "
    "link click art swiss berlin paris london nyc tokyo asia eu mobi name pro travel jobs careers "
    "academy health finance money bank capital ventures consulting marketing events social video "
    "photo photography music games game fun club space website zone center city wiki science "
    "engineering earth green eco ly fyi bio energy solar legal law expert guru ninja rocks works "
    "tools codes data security support help host hosting one new top vip win";

// ISO 3166 country-code TLDs (plus uk, eu, su, ac).
constexpr std::string_view kCountryTlds =
    "ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs "
    "bt bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee "
    "eg er es et eu fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk "
    "hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la "
    "lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my "
    "mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro "
    "rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk "
    "tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw";

const std::unordered_set<std::string>& tlds() {
  static const std::unordered_set<std::string> set = [] {
    std::unordered_set<std::string> s;
    for (std::string_view list : {kGenericTlds, kCountryTlds}) {
      size_t i = 0;
      while (i < list.size()) {
        const size_t j = std::min(list.find(' ', i), list.size());
        if (j > i) s.emplace(list.substr(i, j - i));
        i = j + 1;
      }
    }
    return s;
  }();
  return set;
}

bool is_ascii_alnum(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

std::vector<char32_t> decode_all(std::string_view s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    i += text::decode_utf8(s, i, cp);
    out.push_back(cp);
  }
  return out;
}

char32_t lower_ascii(char32_t c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

// The TLD check: the last label, lower-cased, is a known TLD or punycode ("xn--...").
bool valid_tld(std::string_view label) {
  std::string lower;
  for (char c : label) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
    lower.push_back(static_cast<char>(lower_ascii(static_cast<unsigned char>(c))));
  }
  if (lower.rfind("xn--", 0) == 0 && lower.size() > 4) return true;
  return tlds().count(lower) > 0;
}

// Every label fits DNS once encoded: at most 63 octets, punycode for non-ASCII labels.
bool valid_labels(const std::vector<std::string_view>& labels) {
  for (auto label : labels) {
    if (label.empty()) return false;
    const auto cps = decode_all(label);
    const bool ascii = std::all_of(cps.begin(), cps.end(), [](char32_t c) { return c < 0x80; });
    const size_t encoded = ascii ? label.size() : 4 + punycode_length(cps);
    if (encoded > 63) return false;
  }
  return true;
}

bool is_path_char(char32_t c) {
  if (is_ascii_alnum(c)) return true;
  if (c >= 0x80) return c == 0x2013 || text::is_word_codepoint(c);
  return std::string_view("!*';:=+,.$/%#[]-_~@|&()").find(static_cast<char>(c)) != std::string_view::npos;
}
bool is_path_end_char(char32_t c) {
  if (is_ascii_alnum(c)) return true;
  if (c >= 0x80) return text::is_word_codepoint(c);
  return std::string_view("+-=_#/)").find(static_cast<char>(c)) != std::string_view::npos;
}
bool is_query_char(char32_t c) {
  if (is_ascii_alnum(c)) return true;
  return c < 0x80 && std::string_view("!?*'@();:&=+$/%#[]-_.,~|").find(static_cast<char>(c)) != std::string_view::npos;
}
bool is_query_end_char(char32_t c) {
  if (is_ascii_alnum(c)) return true;
  return c < 0x80 && std::string_view("_&=#/-").find(static_cast<char>(c)) != std::string_view::npos;
}

// Extends a URL past its host: port, path, query; trailing punctuation ("see x.com/a.")
// and unbalanced closing parentheses stay outside.
size_t extend_url(std::string_view s, size_t pos) {
  size_t i = pos;
  if (i < s.size() && s[i] == ':') {
    size_t j = i + 1;
    while (j < s.size() && j - i <= 5 && s[j] >= '0' && s[j] <= '9') ++j;
    if (j > i + 1) i = j;
  }
  auto take = [&](bool (*allowed)(char32_t), bool (*ending)(char32_t)) {
    size_t j = i + 1;
    size_t last_good = i + 1;
    int depth = 0;
    while (j < s.size()) {
      char32_t cp = 0;
      const size_t n = text::decode_utf8(s, j, cp);
      if (!allowed(cp)) break;
      if (cp == '(') ++depth;
      if (cp == ')') {
        if (depth == 0) break;
        --depth;
      }
      j += n;
      if (ending(cp)) last_good = j;
    }
    i = last_good;
  };
  if (i < s.size() && s[i] == '/') take(is_path_char, is_path_end_char);
  if (i < s.size() && s[i] == '?') take(is_query_char, is_query_end_char);
  return i;
}

char32_t codepoint_before(std::string_view s, size_t pos) {
  if (pos == 0) return 0;
  size_t b = pos - 1;
  while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
  char32_t cp = 0;
  text::decode_utf8(s, b, cp);
  return cp;
}

}  // namespace

std::size_t punycode_length(const std::vector<char32_t>& input) {
  constexpr uint64_t base = 36, tmin = 1, tmax = 26, skew = 38, damp = 700;
  auto adapt = [&](uint64_t delta, uint64_t points, bool first) {
    delta = first ? delta / damp : delta / 2;
    delta += delta / points;
    uint64_t k = 0;
    while (delta > ((base - tmin) * tmax) / 2) {
      delta /= base - tmin;
      k += base;
    }
    return k + (base - tmin + 1) * delta / (delta + skew);
  };
  uint64_t basic = 0;
  for (char32_t c : input)
    if (c < 0x80) ++basic;
  std::size_t out = basic + (basic > 0 ? 1 : 0);
  uint64_t n = 128, delta = 0, bias = 72, h = basic;
  const uint64_t total = input.size();
  while (h < total) {
    uint64_t m = UINT64_MAX;
    for (char32_t c : input)
      if (c >= n && c < m) m = c;
    delta += (m - n) * (h + 1);
    n = m;
    for (char32_t c : input) {
      if (c < n) ++delta;
      if (c == n) {
        uint64_t q = delta;
        for (uint64_t k = base;; k += base) {
          const uint64_t t = k <= bias ? tmin : (k >= bias + tmax ? tmax : k - bias);
          if (q < t) break;
          ++out;
          q = (q - t) / (base - t);
        }
        ++out;
        bias = adapt(delta, h + 1, h == basic);
        delta = 0;
        ++h;
      }
    }
    ++delta;
    ++n;
  }
  return out;
}

namespace {

// [\pL\pM\pN_-]: a letter, mark or number of any script, '_' or '-'. Returns the bytes
// of that character at `i` (0 when it is something else or i is past the end).
size_t label_char_at(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return (is_ascii_alnum(c) || c == '_' || c == '-') ? 1 : 0;
  char32_t cp = 0;
  const size_t n = text::decode_utf8(s, i, cp);
  const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_NO ? n : 0;
}

// Where the label character that ends at byte `end` (exclusive) begins, never below
// `floor`; `end` itself when the character there is not a label character.
size_t label_char_start_before(std::string_view s, size_t end, size_t floor) {
  if (end <= floor) return end;
  size_t b = end - 1;
  while (b > floor && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
  return label_char_at(s, b) == end - b ? b : end;
}

size_t skip_label_chars(std::string_view s, size_t i) {
  while (size_t n = label_char_at(s, i)) i += n;
  return i;
}

bool scheme_ends_at(std::string_view s, size_t host_begin, size_t floor, size_t& scheme_begin) {
  for (std::string_view scheme : {std::string_view("https://"), std::string_view("http://")}) {
    if (host_begin < floor + scheme.size()) continue;
    const size_t b = host_begin - scheme.size();
    bool same = true;
    for (size_t k = 0; k < scheme.size() && same; ++k)
      same = lower_ascii(static_cast<unsigned char>(s[b + k])) == static_cast<unsigned char>(scheme[k]);
    if (same) {
      scheme_begin = b;
      return true;
    }
  }
  return false;
}

}  // namespace

UrlCandidate next_url_candidate(std::string_view s, size_t pos) {
  UrlCandidate c;
  for (size_t dot = s.find('.', pos); dot != std::string_view::npos; dot = s.find('.', dot + 1)) {
    // The first dot with a label character on each side starts the leftmost match: any
    // earlier match would contain such a dot itself.
    if (label_char_start_before(s, dot, pos) == dot || label_char_at(s, dot + 1) == 0) continue;
    size_t host_begin = dot;
    for (size_t b = label_char_start_before(s, host_begin, pos); b != host_begin;
         b = label_char_start_before(s, host_begin, pos))
      host_begin = b;
    // Greedy (label.)+label: as many ".label" as follow; a final lone dot is left out.
    size_t end = skip_label_chars(s, dot + 1);
    while (end < s.size() && s[end] == '.' && label_char_at(s, end + 1) != 0) end = skip_label_chars(s, end + 1);
    c.found = true;
    c.host_begin = host_begin;
    c.end = end;
    size_t scheme_begin = host_begin;
    c.begin = scheme_ends_at(s, host_begin, pos, scheme_begin) ? scheme_begin : host_begin;
    return c;
  }
  return c;
}

std::vector<UrlSpan> find_urls(std::string_view s, bool require_scheme) {
  std::vector<UrlSpan> out;
  size_t pos = 0;
  while (pos < s.size()) {
    const UrlCandidate candidate = next_url_candidate(s, pos);
    if (!candidate.found) break;
    const size_t begin = candidate.begin;
    size_t host_end = candidate.end;
    const bool scheme = candidate.host_begin != candidate.begin;
    const size_t host_begin = candidate.host_begin;
    pos = std::max(host_end, begin + 1);

    const char32_t before = codepoint_before(s, begin);
    if (is_ascii_alnum(before) || before == '@' || before == '$' || before == '#' || before == 0xFF20 ||
        before == 0xFF03)
      continue;
    if (require_scheme && !scheme) continue;
    if (!scheme && (before == '-' || before == '_' || before == '.' || before == '/')) continue;

    std::vector<std::string_view> labels;
    std::string_view host = s.substr(host_begin, host_end - host_begin);
    for (size_t i = 0; i <= host.size();) {
      const size_t j = std::min(host.find('.', i), host.size());
      labels.push_back(host.substr(i, j - i));
      i = j + 1;
    }
    // The TLD is the last label that is one; later labels belong to the next word.
    while (labels.size() >= 2 && !valid_tld(labels.back())) labels.pop_back();
    if (labels.size() < 2) continue;
    host_end = static_cast<size_t>(labels.back().data() + labels.back().size() - s.data());
    if (!scheme) {
      const bool ascii = std::all_of(s.begin() + static_cast<std::ptrdiff_t>(host_begin),
                                     s.begin() + static_cast<std::ptrdiff_t>(host_end),
                                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
      if (!ascii) continue;
    }
    const size_t end = extend_url(s, host_end);
    pos = std::max(pos, end);
    if (!valid_labels(labels)) continue;  // twitter-text skips the whole invalid URL
    out.push_back(UrlSpan{begin, end, scheme});
    pos = end;
  }
  return out;
}

uint32_t utf16_offset(std::string_view utf8, std::size_t byte) {
  // Decoded exactly as text::normalize decodes (an invalid sequence is one U+FFFD), so
  // spans from the original text and from the normalised text agree.
  uint32_t u16 = 0;
  const size_t stop = std::min(byte, utf8.size());
  for (size_t i = 0; i < stop;) {
    if (i + 8 <= stop && text::ascii_block(utf8.data() + i)) {  // most posts are mostly ASCII
      u16 += 8;
      i += 8;
      continue;
    }
    if (static_cast<unsigned char>(utf8[i]) < 0x80) {
      ++u16;
      ++i;
      continue;
    }
    char32_t cp = 0;
    i += text::decode_utf8(utf8, i, cp);
    u16 += cp >= 0x10000 ? 2 : 1;
  }
  return u16;
}

}  // namespace ownvoice::checks
