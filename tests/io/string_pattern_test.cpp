#include <gtest/gtest.h>

#include "io/string_pattern.hpp"

namespace subsidia::io {
namespace {

TEST(StringPattern, MatchesChapterCounts) {
  const StringPattern chapter("^[0-9]{2,5}$");
  EXPECT_TRUE(chapter.matches("93"));
  EXPECT_TRUE(chapter.matches("93000"));
  EXPECT_FALSE(chapter.matches("9"));
  EXPECT_FALSE(chapter.matches("930000"));
  EXPECT_FALSE(chapter.matches("93a"));
  EXPECT_FALSE(chapter.matches(""));
}

TEST(StringPattern, FallsBackToRegexForGroups) {
  const StringPattern money("^-?[0-9]+(\\.[0-9]{1,2})?$");
  EXPECT_TRUE(money.matches("-12.50"));
  EXPECT_FALSE(money.matches("12,50"));
}

TEST(StringPattern, UnanchoredPatternSearches) {
  const StringPattern p("[A-Z]{2}");
  EXPECT_TRUE(p.matches("xxFRyy"));
  EXPECT_FALSE(p.matches("xFy"));
}

TEST(StringPatternPrefix, APrefixIsAcceptedWhenSomeValueCanBeginWithIt) {
  const StringPattern digits("^[0-9]{2,5}$");
  EXPECT_TRUE(digits.accepts_prefix(""));
  EXPECT_TRUE(digits.accepts_prefix("9"));
  EXPECT_TRUE(digits.accepts_prefix("93012"));
  EXPECT_FALSE(digits.accepts_prefix("930123"));
  EXPECT_FALSE(digits.accepts_prefix("O4"));
  const StringPattern siret("^[0-9]{14}$|^[A-Z]{2}[0-9]{3}$");  // left to std::regex: cannot tell
  EXPECT_TRUE(siret.accepts_prefix("x"));
}

}  // namespace
}  // namespace subsidia::io
