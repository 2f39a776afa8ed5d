#include "scdl/amount.hpp"

#include <gtest/gtest.h>

namespace subsidia::interop::scdl {
namespace {

std::string read(std::string_view text) {
  AmountReading r = read_amount(text);
  return r.status == AmountReading::Status::Ok ? r.value.to_fixed(2) : "";
}

TEST(Amount, ReadsFrenchAndSpreadsheetWritingsExactly) {
  EXPECT_EQ(read("24 975,00"), "24975.00");
  EXPECT_EQ(read("24\xC2\xA0" "975,00"), "24975.00");       // no-break space
  EXPECT_EQ(read("1\xE2\x80\xAF" "234\xE2\x80\xAF" "567,89"), "1234567.89");  // narrow no-break space
  EXPECT_EQ(read("10000.0"), "10000.00");
  EXPECT_EQ(read("1 500 €"), "1500.00");
  EXPECT_EQ(read("EUR 1500"), "1500.00");
  EXPECT_EQ(read("1500 euros"), "1500.00");
  EXPECT_EQ(read("1.234.567,89"), "1234567.89");
  EXPECT_EQ(read("1,234,567.89"), "1234567.89");
  EXPECT_EQ(read("2.4E+04"), "24000.00");
  EXPECT_EQ(read("1050.35"), "1050.35");
  EXPECT_EQ(read("0,5"), "0.50");
  EXPECT_EQ(read("-300"), "-300.00");
  EXPECT_EQ(read("007"), "7.00");
}

TEST(Amount, NeverGoesThroughAFloat) {
  // 0.1 + 0.2 style: each amount is its own decimal text.
  EXPECT_EQ(read("9 717 000,01"), "9717000.01");
  EXPECT_EQ(read("123456789012345678,99"), "123456789012345678.99");
}

TEST(Amount, TellsMissingMarksFromUnreadableText) {
  for (auto mark : {"", "  ", "NA", "NC", "n.c.", "N/A", "-", "néant"})
    EXPECT_EQ(read_amount(mark).status, AmountReading::Status::Missing) << mark;
  for (auto text : {"SEM", "ODHLM", "12 3", "1,2,3.4.5", "1 0 000"})
    EXPECT_EQ(read_amount(text).status, AmountReading::Status::Invalid) << text;
}

// A decimal mark and no digit is no amount: it was read as 0,00 € without a word.
TEST(Amount, RefusesADecimalMarkAlone) {
  for (auto text : {".", ",", " , ", "€ .", ",€", "-."}) {
    AmountReading r = read_amount(text);
    EXPECT_EQ(r.status, AmountReading::Status::Invalid) << text;
    EXPECT_NE(r.reason.find("aucun chiffre"), std::string::npos) << text << " : " << r.reason;
  }
  EXPECT_EQ(read(".5"), "0.50");
  EXPECT_EQ(read("5."), "5.00");
}

TEST(Amount, RefusesAThousandsOrDecimalMarkItCannotTellApart) {
  AmountReading r = read_amount("1.500");
  EXPECT_EQ(r.status, AmountReading::Status::Ambiguous);
  EXPECT_NE(r.reason.find("1.500"), std::string::npos);
  EXPECT_NE(r.reason.find("1\u202F500 € (séparateur de milliers) ou 1,50 € (marque décimale)"), std::string::npos) << r.reason;
  EXPECT_EQ(read_amount("12,500").status, AmountReading::Status::Ambiguous);
  EXPECT_EQ(read("0,500"), "0.50");
  EXPECT_EQ(read("1500,000"), "1500.00");
}

TEST(Amount, RefusesFractionsOfACent) {
  EXPECT_EQ(read_amount("1050.355").status, AmountReading::Status::Invalid);
  EXPECT_EQ(read("1050.350"), "1050.35");
}

}  // namespace
}  // namespace subsidia::interop::scdl
