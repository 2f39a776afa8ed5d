#include "diag/utf8.hpp"

#include <gtest/gtest.h>

namespace subsidia::diag {
namespace {

TEST(Utf8, AcceptsFrenchTextAndFourByteCharacters) {
  EXPECT_FALSE(first_invalid_utf8("règle « intérêt » — 10 000 € 😀"));
  EXPECT_FALSE(first_invalid_utf8(""));
}

TEST(Utf8, PointsAtALatin1Byte) { EXPECT_EQ(first_invalid_utf8("intitul\xe9 x"), 7u); }

TEST(Utf8, ValidUtf8ReplacesEachInvalidByteAndKeepsTheRest) {
  EXPECT_EQ(valid_utf8("intitulé"), "intitulé");
  EXPECT_EQ(valid_utf8("intitul\xe9 x"), "intitul\xEF\xBF\xBD x");
  EXPECT_EQ(valid_utf8("\xC0\xAF\xFE"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(valid_utf8(""), "");
}

TEST(Utf8, RefusesOverlongSurrogateAndOutOfRangeForms) {
  EXPECT_EQ(first_invalid_utf8("a\xc0\xaf"), 1u);          // overlong '/'
  EXPECT_EQ(first_invalid_utf8("ab\xed\xa0\x80"), 2u);     // U+D800
  EXPECT_EQ(first_invalid_utf8("\xf4\x90\x80\x80"), 0u);   // above U+10FFFF
  EXPECT_EQ(first_invalid_utf8("xyz\xe2\x82"), 3u);        // cut in the middle
}

}  // namespace
}  // namespace subsidia::diag
