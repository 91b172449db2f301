#include <gtest/gtest.h>

#include "text/normalize.hpp"

using ownvoice::text::normalize;
using ownvoice::text::normalize_plain;

TEST(Normalize, FoldsCaseAccentsAndCompatibilityForms) {
  EXPECT_EQ(normalize_plain("PROJET ÉDELWEISS"), "projet edelweiss");
  EXPECT_EQ(normalize_plain("Ｆｕｌｌｗｉｄｔｈ"), "fullwidth");      // NFKC
  EXPECT_EQ(normalize_plain("ﬁnance"), "finance");                  // ligature
  EXPECT_EQ(normalize_plain("Straße"), "strasse");                  // case folding, not lowering
  EXPECT_EQ(normalize_plain("e\u0301te\u0301"), "ete");             // combining accents
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
  const auto n = normalize("ab\xFF" "cd");
  EXPECT_EQ(n.text.substr(0, 2), "ab");
  EXPECT_NE(n.text.find("cd"), std::string::npos);
}

TEST(Normalize, Utf16SliceReturnsTheOriginalCharacters) {
  EXPECT_EQ(ownvoice::text::utf16_slice("🙂 Été!", 3, 6), "Été");
  EXPECT_EQ(ownvoice::text::utf16_slice("abc", 1, 99), "bc");
}
