// Normalisation for matching (see normalize.hpp). The work is done per "segment": a
// starting code point plus the combining marks that follow it, so that "e\u0301" and
// "é" both become "e" and each output byte can point back at the characters it came from.
// Unicode tables come from utf8proc (NFKC, case folding, mark stripping, lumping of
// look-alike punctuation) rather than hand-written ones.
#include "text/normalize.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <cstdlib>
#include <unordered_map>

namespace ownvoice::text {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Characters that vanish: zero-width spaces and joiners, word joiner, BOM, soft hyphen,
// Mongolian vowel separator. (utf8proc's IGNORE drops most, this list makes it explicit.)
bool is_invisible(char32_t cp) {
  switch (cp) {
    case 0x00AD:
    case 0x180E:
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0x2061:
    case 0x2062:
    case 0x2063:
    case 0x2064:
    case 0xFEFF:
    case 0x034F:
    case 0x200E:
    case 0x200F:
    case 0x202A:
    case 0x202B:
    case 0x202C:
    case 0x202D:
    case 0x202E: return true;
    default: return false;
  }
}

bool is_space(char32_t cp) {
  if (cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || cp == 0x2028 || cp == 0x2029) return true;
  if (cp < 0x80) return false;
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_ZS;
}

bool is_combining(char32_t cp) {
  if (cp < 0x300) return false;
  const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_ME || cat == UTF8PROC_CATEGORY_MC;
}

// Typographic apostrophes and dashes that NFKC keeps distinct but people use
// interchangeably ("l’Orion", "Projet–Edelweiss").
char32_t unify_punctuation(char32_t cp) {
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201B:
    case 0x02BC:
    case 0x2032:
    case 0xFF07:
    case 0x0060:
    case 0x00B4: return '\'';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE58:
    case 0xFE63:
    case 0xFF0D:
    case 0x2E3A:
    case 0x2E3B: return '-';
    default: return cp;
  }
}

constexpr utf8proc_option_t kMapOptions =
    static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                   UTF8PROC_IGNORE | UTF8PROC_STRIPMARK | UTF8PROC_LUMP);

// NFKC + case fold + strip marks of one segment (UTF-8 in, UTF-8 out).
std::string map_segment(const std::string& seg) {
  utf8proc_uint8_t* dst = nullptr;
  const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(seg.data()),
                              static_cast<utf8proc_ssize_t>(seg.size()), &dst, kMapOptions);
  std::string out;
  if (n > 0 && dst != nullptr) out.assign(reinterpret_cast<const char*>(dst), static_cast<size_t>(n));
  std::free(dst);
  return out;
}

// Single code points repeat a lot (é, à, ç, ’, emoji): each one's mapping is computed
// once per process and kept. Not thread_local: MinGW-w64 (winpthreads) crashes when a
// thread that used a thread_local cache exits (tests/checks/test_concurrency.cpp under
// Wine). Below U+3000 (Latin, Greek, Cyrillic, punctuation, the scripts of most posts) a
// lock-free slot per code point; above, a map under a mutex. Strings are never freed
// while the process runs, so a returned reference stays valid.
class SingleCodePointCache {
 public:
  const std::string& get(char32_t cp) {
    if (cp < kDirect) {
      if (const std::string* known = direct_[cp].load(std::memory_order_acquire)) return *known;
      auto fresh = std::make_unique<const std::string>(map_one(cp));
      const std::string* expected = nullptr;
      if (direct_[cp].compare_exchange_strong(expected, fresh.get(), std::memory_order_acq_rel)) {
        return *fresh.release();
      }
      return *expected;  // another thread stored it first
    }
    const std::lock_guard lock(mutex_);
    auto& slot = others_[cp];
    if (!slot) slot = std::make_unique<const std::string>(map_one(cp));
    return *slot;
  }
  ~SingleCodePointCache() {
    for (auto& slot : direct_) delete slot.load(std::memory_order_relaxed);
  }

 private:
  static std::string map_one(char32_t cp) {
    std::string seg;
    append_utf8(seg, cp);
    return map_segment(seg);
  }
  static constexpr char32_t kDirect = 0x3000;
  std::array<std::atomic<const std::string*>, kDirect> direct_{};
  std::mutex mutex_;
  std::unordered_map<char32_t, std::unique_ptr<const std::string>> others_;
};

const std::string& map_single(char32_t cp) {
  static SingleCodePointCache cache;
  return cache.get(cp);
}

// Writes the normalised bytes (and, with offsets, where each came from) straight into
// buffers sized for the common case (one output byte per input byte) and grown only when
// a mapping expands ("½", ligatures): no per-byte push_back and capacity check for each of
// the three arrays.
struct Builder {
  NormalizedText& out;
  bool with_offsets;
  bool pending_space = false;
  uint32_t space_begin = 0;
  size_t n = 0;  // bytes written so far
  char* text = nullptr;
  uint32_t* begin16 = nullptr;
  uint32_t* end16 = nullptr;
  size_t capacity = 0;

  Builder(NormalizedText& o, bool offsets, size_t expected) : out(o), with_offsets(offsets) { grow(expected); }

  void grow(size_t need) {
    capacity = std::max(need, capacity * 2);
    out.text.resize(capacity);
    text = out.text.data();
    if (with_offsets) {
      out.src_begin.resize(capacity);
      out.src_end.resize(capacity);
      begin16 = out.src_begin.data();
      end16 = out.src_end.data();
    }
  }
  void finish() {
    out.text.resize(n);
    if (with_offsets) {
      out.src_begin.resize(n);
      out.src_end.resize(n);
    }
  }

  // One ASCII character that is not a space (the hot path for Latin text).
  void emit_char(char c, uint32_t b16, uint32_t e16) {
    if (pending_space) {
      if (n != 0) push(' ', space_begin, b16);
      pending_space = false;
    }
    push(c, b16, e16);
  }
  void emit(std::string_view bytes, uint32_t b16, uint32_t e16) {
    for (char c : bytes) {
      // Mapping may itself produce spaces (NFKC of U+00B4 is " \u0301"): fold them in.
      if (c == ' ') {
        if (!pending_space) space_begin = b16;
        pending_space = true;
        continue;
      }
      if (pending_space) {
        if (n != 0) push(' ', space_begin, b16);
        pending_space = false;
      }
      push(c, b16, e16);
    }
  }
  void push(char c, uint32_t b16, uint32_t e16) {
    if (n == capacity) grow(n + 1);
    text[n] = c;
    if (with_offsets) {
      begin16[n] = b16;
      end16[n] = e16;
    }
    ++n;
  }
  void space(uint32_t b16) {
    if (!pending_space) space_begin = b16;
    pending_space = true;
  }
};

void normalize_into(std::string_view in, NormalizedText& out, bool with_offsets) {
  out.text.clear();
  out.src_begin.clear();
  out.src_end.clear();
  Builder b{out, with_offsets, in.size() + 16};
  uint32_t u16 = 0;
  size_t i = 0;
  std::string seg;
  const size_t size = in.size();
  const auto* bytes = reinterpret_cast<const unsigned char*>(in.data());
  while (i < size) {
    const unsigned char c = bytes[i];
    // Fast path: ASCII not followed by a combining mark.
    if (c < 0x80 && (i + 1 >= size || bytes[i + 1] < 0x80)) {
      if (c == ' ' || (c >= 0x09 && c <= 0x0D)) {
        b.space(u16);
      } else if (c >= 0x20 && c != 0x7F) {
        const char lower =
            (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : (c == '`' ? '\'' : static_cast<char>(c));
        b.emit_char(lower, u16, u16 + 1);
      }
      ++u16;
      ++i;
      continue;
    }
    char32_t cp = 0;
    size_t len = decode_utf8(in, i, cp);
    const uint32_t seg_begin = u16;
    u16 += cp >= 0x10000 ? 2 : 1;
    i += len;
    // Gather the combining marks that belong to this code point.
    seg.clear();
    bool single = true;
    size_t j = i;
    while (j < size) {
      if (bytes[j] < 0x80) break;  // ASCII is never a combining mark
      char32_t next = 0;
      const size_t nlen = decode_utf8(in, j, next);
      if (!is_combining(next)) break;
      if (single) append_utf8(seg, unify_punctuation(cp));
      single = false;
      append_utf8(seg, next);
      u16 += next >= 0x10000 ? 2 : 1;
      j += nlen;
    }
    i = j;
    if (is_invisible(cp) && single) continue;
    if (is_space(cp)) {
      b.space(seg_begin);
      continue;
    }
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) continue;  // control characters
    const char32_t unified = unify_punctuation(cp);
    if (single) {
      if (unified < 0x80) {
        const char ch =
            (unified >= 'A' && unified <= 'Z') ? static_cast<char>(unified + 32) : static_cast<char>(unified);
        b.emit(std::string_view(&ch, 1), seg_begin, u16);
      } else {
        b.emit(map_single(unified), seg_begin, u16);
      }
    } else {
      b.emit(map_segment(seg), seg_begin, u16);
    }
  }
  b.finish();
  out.utf16_length = u16;
}

}  // namespace

size_t decode_utf8_slow(std::string_view s, size_t i, char32_t& cp) {
  const auto c0 = static_cast<unsigned char>(s[i]);
  if (c0 < 0x80) {
    cp = c0;
    return 1;
  }
  utf8proc_int32_t out = -1;
  const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                  static_cast<utf8proc_ssize_t>(s.size() - i), &out);
  if (n <= 0 || out < 0) {
    cp = kReplacement;
    // Skip the lead byte and any stray continuation bytes as one unit.
    size_t k = i + 1;
    while (k < s.size() && k < i + 4 && is_continuation(static_cast<unsigned char>(s[k]))) ++k;
    return k - i;
  }
  cp = static_cast<char32_t>(out);
  return static_cast<size_t>(n);
}

void append_utf8(std::string& out, char32_t cp) {
  std::array<utf8proc_uint8_t, 4> buf{};
  const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf.data());
  out.append(reinterpret_cast<const char*>(buf.data()), static_cast<size_t>(n));
}

bool is_valid_utf8(std::string_view bytes) {
  size_t i = 0;
  while (i < bytes.size()) {
    if (i + 8 <= bytes.size() && ascii_block(bytes.data() + i)) {
      i += 8;
      continue;
    }
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    utf8proc_int32_t cp = -1;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(bytes.data() + i),
                                    static_cast<utf8proc_ssize_t>(bytes.size() - i), &cp);
    if (n <= 0 || cp < 0) return false;
    i += static_cast<size_t>(n);
  }
  return true;
}

bool is_word_codepoint_non_ascii(char32_t cp) {
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO: return true;
    default: return false;
  }
}

NormalizedText normalize(std::string_view utf8) {
  NormalizedText out;
  normalize_into(utf8, out, true);
  return out;
}

std::string normalize_plain(std::string_view utf8) {
  NormalizedText out;
  normalize_into(utf8, out, false);
  return std::move(out.text);
}

uint32_t NormalizedText::original_begin(size_t b) const {
  if (b < src_begin.size()) return src_begin[b];
  return utf16_length;
}

uint32_t NormalizedText::original_end(size_t e) const {
  if (e == 0) return src_begin.empty() ? 0 : src_begin[0];
  if (e - 1 < src_end.size()) return src_end[e - 1];
  return utf16_length;
}

const NormalizedText::Compact& NormalizedText::compact() const {
  if (compact_ready_) return compact_;
  // Sized once and written through pointers: this runs on every post.
  const size_t size = text.size();
  compact_.bytes.resize(size);
  compact_.pos.resize(size);
  compact_.sep_before.resize(size);
  char* out = compact_.bytes.data();
  uint32_t* pos = compact_.pos.data();
  uint8_t* sep = compact_.sep_before.data();
  size_t k = 0;
  uint8_t pending = 0;
  for (size_t i = 0; i < size; ++i) {
    const char c = text[i];
    if (c == ' ' || c == '-' || c == '_') {
      pending = 1;
      continue;
    }
    out[k] = c;
    pos[k] = static_cast<uint32_t>(i);
    sep[k] = pending;
    pending = 0;
    ++k;
  }
  compact_.bytes.resize(k);
  compact_.pos.resize(k);
  compact_.sep_before.resize(k);
  compact_ready_ = true;
  return compact_;
}

Utf16Index::Utf16Index(std::string_view utf8) : text_(utf8) {
  // At most one entry per byte plus the end; ASCII bytes (most of a Latin post) take
  // the short path without decoding.
  byte_at_.resize(utf8.size() + 1);
  uint32_t* out = byte_at_.data();
  size_t k = 0;
  const auto* bytes = reinterpret_cast<const unsigned char*>(utf8.data());
  for (size_t i = 0; i < utf8.size();) {
    if (bytes[i] < 0x80) {
      out[k++] = static_cast<uint32_t>(i++);
      continue;
    }
    char32_t cp = 0;
    const size_t n = decode_utf8(utf8, i, cp);
    out[k++] = static_cast<uint32_t>(i);
    if (cp >= 0x10000) out[k++] = static_cast<uint32_t>(i);  // the low surrogate
    i += n;
  }
  out[k++] = static_cast<uint32_t>(utf8.size());
  byte_at_.resize(k);
}

std::string Utf16Index::slice(uint32_t b16, uint32_t e16) const {
  const size_t last = byte_at_.size() - 1;
  const uint32_t b = byte_at_[std::min<size_t>(b16, last)];
  const uint32_t e = byte_at_[std::min<size_t>(e16, last)];
  return e > b ? std::string(text_.substr(b, e - b)) : std::string();
}

std::string utf16_slice(std::string_view utf8, uint32_t b16, uint32_t e16) {
  uint32_t u16 = 0;
  size_t i = 0;
  size_t start = utf8.size();
  size_t end = utf8.size();
  while (i < utf8.size()) {
    if (u16 >= b16 && start == utf8.size()) start = i;
    if (u16 >= e16) {
      end = i;
      break;
    }
    char32_t cp = 0;
    const size_t n = decode_utf8(utf8, i, cp);
    u16 += cp >= 0x10000 ? 2 : 1;
    i += n;
  }
  if (start > end) return {};
  return std::string(utf8.substr(start, end - start));
}

}  // namespace ownvoice::text
