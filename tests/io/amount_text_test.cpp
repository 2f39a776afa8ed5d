// Advice on amounts written as people and spreadsheets write them: a fix only when the text
// has one reading, and the fix is what the reader accepts.
#include <gtest/gtest.h>

#include "io/amount_text.hpp"

namespace subsidia::io {
namespace {

std::string fix(std::string_view text, int decimals = 2) { return advise_amount_text(text, decimals).fix.value_or("(aucune)"); }

TEST(AmountText, FrenchGroupsAndDecimalCommaBecomePlainDigits) {
  EXPECT_EQ(fix("1 500,00"), "1500.00");
  EXPECT_EQ(fix("24 975,00"), "24975.00");
  EXPECT_EQ(fix("1\xC2\xA0" "500,00"), "1500.00");        // no-break space
  EXPECT_EQ(fix("1\xE2\x80\xAF" "500,00 \xE2\x82\xAC"), "1500.00");  // narrow no-break space and €
  EXPECT_EQ(fix("1 500 \xE2\x82\xAC"), "1500");
  EXPECT_EQ(fix("12,5"), "12.5");
  EXPECT_EQ(fix("1500 EUR"), "1500");
  EXPECT_EQ(fix("-1 500,25"), "-1500.25");
}

// A share written as a percentage or a fraction: « 20 % » was told « les chiffres se groupent par
// trois », « 20% » and « 1/5 » got no fix (review by mutation, 2 December 2026). A fix only when
// it is exact.
TEST(AmountText, AShareWrittenAsAPercentageOrAFractionGetsItsDecimal) {
  for (const char* text : {"20 %", "20%", "20\u00a0%", "20,0 %", "1/5", " 1 / 5 "}) {
    const AmountAdvice a = advise_amount_text(text, -1);
    ASSERT_TRUE(a.fix) << text << " : " << a.reason;
    EXPECT_EQ(*a.fix, "0.2") << text;
  }
  EXPECT_EQ(advise_amount_text("12,5 %", -1).fix, "0.125");
  const AmountAdvice third = advise_amount_text("1/3", -1);
  EXPECT_FALSE(third.fix);
  EXPECT_NE(third.reason.find("ne tombe pas juste"), std::string::npos) << third.reason;
  EXPECT_FALSE(advise_amount_text("1/0", -1).fix);
  // An amount is not a share: « 20 % » there is not read as 0.2.
  EXPECT_NE(advise_amount_text("20 %", 2).fix, std::optional<std::string>("0.2"));
}

TEST(AmountText, ContinentalAndEnglishGroupingHaveOneReading) {
  EXPECT_EQ(fix("1.500,00"), "1500.00");
  EXPECT_EQ(fix("1,500.00"), "1500.00");
  EXPECT_EQ(fix("1,500,000"), "1500000");
  EXPECT_EQ(fix("1.500.000"), "1500000");
}

TEST(AmountText, AThousandOrOnePointFiveIsNotGuessed) {
  const AmountAdvice a = advise_amount_text("1,500 \xE2\x82\xAC", 2);
  EXPECT_FALSE(a.fix);
  EXPECT_NE(a.reason.find("ambigu"), std::string::npos) << a.reason;
}

TEST(AmountText, ScientificNotationHasLostTheExactValue) {
  const AmountAdvice a = advise_amount_text("2,43E+13", 2);
  EXPECT_FALSE(a.fix);
  EXPECT_NE(a.reason.find("scientifique"), std::string::npos) << a.reason;
}

TEST(AmountText, TrailingZerosBeyondTheCentAreDroppedOtherDecimalsAreNot) {
  EXPECT_EQ(fix("2500.000"), "2500.00");
  EXPECT_EQ(fix("0.500"), "0.50");
  EXPECT_EQ(fix("250,000 \xE2\x82\xAC"), "(aucune)");  // ambiguous before anything else
  EXPECT_FALSE(advise_amount_text("250.001", 2).fix);
  EXPECT_EQ(fix("0,3333", -1), "0.3333");  // a share has no limit
}

// "25.000": 25 € with a third decimal, or 25 000 € written with the continental thousands dot?
// Off by a factor of a thousand either way: no fix, the reason says why (as for "1,500").
TEST(AmountText, ADotBeforeThreeDigitsIsAmbiguousForAnAmount) {
  for (const char* text : {"25.000", "250.000", "1.500", "-25.000"}) {
    const AmountAdvice a = advise_amount_text(text, 2);
    EXPECT_FALSE(a.fix) << text << " -> " << a.fix.value_or("");
    EXPECT_NE(a.reason.find("ambigu"), std::string::npos) << text << ": " << a.reason;
  }
  EXPECT_EQ(fix("0,3333", -1), "0.3333");  // a share, not an amount: no thousands
}

TEST(AmountText, BadlyGroupedOrWordsGetNoFix) {
  EXPECT_FALSE(advise_amount_text("15 00", 2).fix);
  EXPECT_FALSE(advise_amount_text("NC", 2).fix);
  EXPECT_FALSE(advise_amount_text("1 500.000,00", 2).fix);
}

TEST(AmountText, EveryFixIsAPlainDecimalTheReaderAccepts) {
  for (const char* text : {"1 500,00", "1.500,00", "1,500.00", "12,5", "2500.000", "1 500 \xE2\x82\xAC"}) {
    const AmountAdvice a = advise_amount_text(text, 2);
    ASSERT_TRUE(a.fix) << text;
    EXPECT_TRUE(is_plain_decimal_text(*a.fix, 2)) << text << " -> " << *a.fix;
  }
}

}  // namespace
}  // namespace subsidia::io
