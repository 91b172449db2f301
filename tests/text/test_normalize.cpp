#include <gtest/gtest.h>

#include "text/normalize.hpp"

using ownvoice::text::normalize;
using ownvoice::text::normalize_plain;

TEST(Normalize, FoldsCaseAccentsAndCompatibilityForms) {
  EXPECT_EQ(normalize_plain("PROJET ÉDELWEISS"), "projet edelweiss");
  EXPECT_EQ(normalize_plain("Ｆｕｌｌｗｉｄｔｈ"), "fullwidth");  // NFKC
  EXPECT_EQ(normalize_plain("ﬁnance"), "finance");                // ligature
  EXPECT_EQ(normalize_plain("Straße"), "strasse");                // case folding, not lowering
  EXPECT_EQ(normalize_plain("e\u0301te\u0301"), "ete");           // combining accents
  EXPECT_EQ(normalize_plain("ÇA"), "ca");
}

TEST(Normalize, RemovesInvisiblesAndUnifiesPunctuation) {
  EXPECT_EQ(normalize_plain("Edel\u200Bweiss"), "edelweiss");
  EXPECT_EQ(normalize_plain("Edel\u00ADweiss"), "edelweiss");
  EXPECT_EQ(normalize_plain("\uFEFFOrion"), "orion");
  EXPECT_EQ(normalize_plain("l\u2019Orion"), "l'orion");
  EXPECT_EQ(normalize_plain("Projet\u2013Edelweiss"), "projet-edelweiss");
  EXPECT_EQ(normalize_plain("Projet\u2014Edelweiss"), "projet-edelweiss");
}

TEST(Normalize, CollapsesEveryKindOfWhitespace) {
  EXPECT_EQ(normalize_plain("  a\u00A0\u00A0b\n\n\tc\u202Fd\u2028e  "), "a b c d e");
  EXPECT_EQ(normalize_plain("\r\n"), "");
}

TEST(Normalize, MapsEveryByteBackToUtf16Offsets) {
  // "🙂 Été": the emoji is two UTF-16 units, É is one.
  const auto n = normalize("🙂 Été");
  ASSERT_EQ(n.text, "🙂 ete");
  EXPECT_EQ(n.utf16_length, 6u);
  const size_t e = n.text.find("ete");
  EXPECT_EQ(n.original_begin(e), 3u);
  EXPECT_EQ(n.original_end(e + 3), 6u);
  EXPECT_EQ(n.original_begin(0), 0u);
  EXPECT_EQ(n.original_end(4), 2u);  // the emoji's four UTF-8 bytes end at UTF-16 offset 2
}

TEST(Normalize, CombiningMarksBelongToTheirBase) {
  const auto n = normalize("xe\u0301y");
  ASSERT_EQ(n.text, "xey");
  EXPECT_EQ(n.original_begin(1), 1u);
  EXPECT_EQ(n.original_end(2), 3u);  // e + U+0301
}

TEST(Normalize, InvalidUtf8IsReplacedNotFatal) {
  EXPECT_FALSE(ownvoice::text::is_valid_utf8("a\xC3"));
  EXPECT_FALSE(ownvoice::text::is_valid_utf8("\xED\xA0\x80"));  // surrogate
  EXPECT_TRUE(ownvoice::text::is_valid_utf8("é🙂"));
  const auto n = normalize(
      "ab\xFF"
      "cd");
  EXPECT_EQ(n.text.substr(0, 2), "ab");
  EXPECT_NE(n.text.find("cd"), std::string::npos);
}

TEST(Normalize, Utf16SliceReturnsTheOriginalCharacters) {
  EXPECT_EQ(ownvoice::text::utf16_slice("🙂 Été!", 3, 6), "Été");
  EXPECT_EQ(ownvoice::text::utf16_slice("abc", 1, 99), "bc");
}

// The inline decoder's fast paths must agree with utf8proc's decoder (decode_utf8_slow)
// on every one-, two- and three-byte input, valid or not, whole or truncated.
TEST(Normalize, FastUtf8DecoderAgreesWithUtf8procOnEveryShortSequence) {
  size_t disagreements = 0;
  std::string s(3, '\0');
  for (unsigned c0 = 0; c0 < 256; ++c0) {
    for (unsigned c1 = 0; c1 < 256; ++c1) {
      for (unsigned c2 = 0; c2 < 256; ++c2) {
        s[0] = static_cast<char>(c0);
        s[1] = static_cast<char>(c1);
        s[2] = static_cast<char>(c2);
        for (size_t len = (c1 == 0 && c2 == 0) ? 1 : 3; len <= 3; ++len) {
          const std::string_view v(s.data(), len);
          char32_t fast = 0, slow = 0;
          const size_t nf = ownvoice::text::decode_utf8(v, 0, fast);
          const size_t ns = ownvoice::text::decode_utf8_slow(v, 0, slow);
          if (nf != ns || fast != slow) ++disagreements;
        }
        const std::string_view two(s.data(), 2);
        char32_t fast = 0, slow = 0;
        if (ownvoice::text::decode_utf8(two, 0, fast) != ownvoice::text::decode_utf8_slow(two, 0, slow) || fast != slow)
          ++disagreements;
      }
    }
  }
  EXPECT_EQ(disagreements, 0u);
}

// The offset buffers are written in place and grown when a mapping expands: a post made
// only of expanding characters must keep every byte's offsets.
TEST(Normalize, ExpandingMappingsKeepTheirOffsets) {
  std::string post;
  for (int i = 0; i < 300; ++i) post += "\u00BD";  // ½ -> "1/2": 2 bytes in, 3 out
  const auto n = normalize(post);
  ASSERT_EQ(n.text.size(), 300u * 3u);
  ASSERT_EQ(n.src_begin.size(), n.text.size());
  ASSERT_EQ(n.src_end.size(), n.text.size());
  for (size_t i = 0; i < n.text.size(); ++i) {
    EXPECT_EQ(n.src_begin[i], i / 3);
    EXPECT_EQ(n.src_end[i], i / 3 + 1);
  }
  EXPECT_EQ(normalize_plain(post).size(), 300u * 3u);
}
