#include "reports/amount_format.hpp"

#include <gtest/gtest.h>

namespace subsidia::reports {
namespace {

decimal::Decimal euros(const char* text) { return *decimal::Decimal::parse(text); }

TEST(AmountFormat, MillionsOfEurosHaveThreeDecimalsAndAFrenchComma) {
  EXPECT_EQ(format_meur(euros("46190000.00")), "46,190 M€");
  EXPECT_EQ(format_meur(euros("9717000")), "9,717 M€");
  EXPECT_EQ(format_meur(euros("0")), "0,000 M€");
}

TEST(AmountFormat, MillionsRoundHalfAwayFromZero) {
  EXPECT_EQ(meur_digits(euros("46189500.00")), "46,190");
  EXPECT_EQ(meur_digits(euros("46189499.99")), "46,189");
  EXPECT_EQ(meur_digits(euros("-1500.00")), "-0,002");
  EXPECT_EQ(meur_digits(euros("1234.56")), "0,001");
}

TEST(AmountFormat, EurosKeepTheCents) {
  EXPECT_EQ(plain_euros(euros("46190000")), "46190000.00");
  EXPECT_EQ(spreadsheet_euros(euros("1250000.5")), "1250000,50");
  EXPECT_EQ(format_euros(euros("46190000.00")), "46\u202F190\u202F000,00 €");
}

}  // namespace
}  // namespace subsidia::reports
