#pragma once
// Text normalisation for matching: the post and every policy term go through the same
// function, so that "PROJET\u00a0ÉDELWEISS", "#ProjetEdelweiss" and "projet-edelweiss"
// meet on common ground. Each normalised byte remembers where it came from in the
// original text, in UTF-16 code units, so findings can be highlighted by JavaScript.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace ownvoice::text {

// The normalised form: Unicode NFKC, case folded, accents (combining marks) stripped,
// zero-width characters and soft hyphens removed, typographic apostrophes and dashes
// unified to ' and -, every run of whitespace (line breaks, no-break spaces) as one space.
struct NormalizedText {
  std::string text;                 // normalised UTF-8
  std::vector<uint32_t> src_begin;  // per byte of `text`: UTF-16 offset where its source starts
  std::vector<uint32_t> src_end;    // per byte of `text`: UTF-16 offset where its source ends
  uint32_t utf16_length = 0;        // length of the original text in UTF-16 code units

  // UTF-16 span [begin, end) in the original text for the normalised byte range [b, e).
  [[nodiscard]] uint32_t original_begin(size_t b) const;
  [[nodiscard]] uint32_t original_end(size_t e) const;

  // The "compact" stream PhraseMatcher scans: `text` without the word separators
  // ' ', '-' and '_', with where each kept byte sits and whether a separator preceded
  // it. Built on first use and shared by every matcher that scans this text (a check
  // runs several). Not thread-safe: a NormalizedText belongs to one check.
  struct Compact {
    std::string bytes;
    std::vector<uint32_t> pos;
    std::vector<uint8_t> sep_before;
  };
  [[nodiscard]] const Compact& compact() const;

 private:
  mutable Compact compact_;
  mutable bool compact_ready_ = false;
};

// Normalises `utf8`. Invalid UTF-8 sequences are replaced by U+FFFD (callers that must
// refuse invalid input check is_valid_utf8 first).
NormalizedText normalize(std::string_view utf8);

// The same normalisation without the offset bookkeeping (for policy terms).
std::string normalize_plain(std::string_view utf8);

bool is_valid_utf8(std::string_view bytes);

// True when the 8 bytes at `p` are all ASCII: the loops that walk a post byte by byte
// (validation, UTF-16 counts) skip such blocks in one step; most posts are mostly ASCII.
inline bool ascii_block(const char* p) {
  uint64_t word = 0;
  std::memcpy(&word, p, sizeof word);
  return (word & 0x8080808080808080ull) == 0;
}

// True for a code point that is part of a word (letters, marks, digits). Inline for ASCII,
// which every check meets on nearly every character; the rest asks utf8proc's categories.
bool is_word_codepoint_non_ascii(char32_t cp);
inline bool is_word_codepoint(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  return is_word_codepoint_non_ascii(cp);
}

// Appends the UTF-8 form of one code point (a scalar value: not a surrogate, <= U+10FFFF).
void append_utf8(std::string& out, char32_t cp);

// Decodes the code point starting at s[i]; returns its length in bytes (>= 1).
// Inline for the one-, two- and three-byte forms every check decodes in its inner loop;
// anything else (four bytes, invalid or truncated input) goes to decode_utf8_slow,
// which is utf8proc's decoder: the fast path accepts exactly what utf8proc accepts.
size_t decode_utf8_slow(std::string_view s, size_t i, char32_t& cp);
inline size_t decode_utf8(std::string_view s, size_t i, char32_t& cp) {
  const auto c0 = static_cast<unsigned char>(s[i]);
  if (c0 < 0x80) {
    cp = c0;
    return 1;
  }
  if (c0 >= 0xC2 && c0 <= 0xDF && i + 1 < s.size()) {
    const auto c1 = static_cast<unsigned char>(s[i + 1]);
    if ((c1 & 0xC0) == 0x80) {
      cp = (static_cast<char32_t>(c0 & 0x1F) << 6) | (c1 & 0x3F);
      return 2;
    }
  } else if ((c0 & 0xF0) == 0xE0 && i + 2 < s.size()) {
    const auto c1 = static_cast<unsigned char>(s[i + 1]);
    const auto c2 = static_cast<unsigned char>(s[i + 2]);
    if ((c1 & 0xC0) == 0x80 && (c2 & 0xC0) == 0x80) {
      const char32_t v =
          (static_cast<char32_t>(c0 & 0x0F) << 12) | (static_cast<char32_t>(c1 & 0x3F) << 6) | (c2 & 0x3F);
      if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) {  // not overlong, not a surrogate
        cp = v;
        return 3;
      }
    }
  }
  return decode_utf8_slow(s, i, cp);
}

// The original text's UTF-16 range [b16, e16) as UTF-8 (used for excerpts).
std::string utf16_slice(std::string_view utf8, uint32_t b16, uint32_t e16);

// Many excerpts of one text: index it once (byte offset of every UTF-16 offset, plus the
// end), then each slice is O(1) instead of a scan from the start of the text.
class Utf16Index {
 public:
  explicit Utf16Index(std::string_view utf8);
  [[nodiscard]] std::string slice(uint32_t b16, uint32_t e16) const;

 private:
  std::string_view text_;
  std::vector<uint32_t> byte_at_;
};

}  // namespace ownvoice::text
