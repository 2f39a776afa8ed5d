#include "scdl/identifiers.hpp"

#include <gtest/gtest.h>

namespace subsidia::interop::scdl {
namespace {

TEST(Identifiers, CleansSiretsWrittenAsNumbers) {
  auto a = read_siret("21860194600000.0");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->digits, "21860194600000");
  EXPECT_FALSE(a->note.empty());
  auto b = read_siret("2.25800010E+08");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->digits, "225800010");
  auto c = read_siret("228 000 014 00016");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->digits, "22800001400016");
  EXPECT_TRUE(c->checksum_ok);
}

TEST(Identifiers, NeverPadsOrInventsADigit) {
  auto short_one = read_siret("2186019460001");
  ASSERT_TRUE(short_one);
  EXPECT_TRUE(short_one->digits.empty());
  EXPECT_FALSE(read_siret("NC"));
  EXPECT_TRUE(read_siret("SIRET inconnu")->digits.empty());
}

// A spreadsheet keeps the mantissa's digits only: 2.18602E+13 would read 21860200000000, another
// body's SIREN (218602000), whose key happens to pass.
TEST(Identifiers, AScientificNotationTooShortForTheSirenIsNotRead) {
  auto rounded = read_siret("2.18602E+13");
  ASSERT_TRUE(rounded);
  EXPECT_TRUE(rounded->digits.empty());
  EXPECT_NE(rounded->note.find("SIREN"), std::string::npos) << rounded->note;
  auto padded = read_siret("2,18601946E+13");  // a French spreadsheet's comma; nine digits: the SIREN is known
  ASSERT_TRUE(padded);
  EXPECT_EQ(padded->digits, "21860194600000");
  EXPECT_NE(padded->note.find("zéros du tableur"), std::string::npos) << padded->note;
  auto whole = read_siret("2.1860194600013E+13");
  ASSERT_TRUE(whole);
  EXPECT_EQ(whole->digits, "21860194600013");
  EXPECT_EQ(whole->note.find("zéros"), std::string::npos) << whole->note;
}

TEST(Identifiers, ChecksTheLuhnKeyAndLaPostesRule) {
  EXPECT_TRUE(luhn_valid("73282932000074"));
  EXPECT_FALSE(luhn_valid("73282932000075"));
  EXPECT_TRUE(luhn_valid("35600000000048"));  // La Poste's head office: Luhn
  EXPECT_TRUE(luhn_valid("35600000049837"));  // a post office: digit sum 5 * k
}

TEST(Identifiers, ReadsRnaNumbers) {
  EXPECT_EQ(read_rna("w751234567"), "W751234567");
  EXPECT_EQ(read_rna("W75123456"), "");
}

}  // namespace

// A 14-digit SIRET whose key fails and which ends with zeros says why: a valid SIREN padded with
// a zero NIC, or a number a spreadsheet rounded (its SIREN doubtful too).
TEST(Identifiers, ZerosAtTheEndOfAWrongSiretSayWhy) {
  const auto padded = read_siret("44088714900000");
  ASSERT_TRUE(padded);
  EXPECT_FALSE(padded->checksum_ok);
  EXPECT_EQ(padded->digits, "44088714900000");
  EXPECT_NE(padded->note.find("SIREN 440887149 valide suivi de cinq zéros"), std::string::npos) << padded->note;
  const auto rounded = read_siret("38159300000000");
  ASSERT_TRUE(rounded);
  EXPECT_NE(rounded->note.find("se termine par 8 zéros"), std::string::npos) << rounded->note;
  EXPECT_TRUE(read_siret("21860194600013")->note.empty());  // a right key: nothing to say
  EXPECT_TRUE(read_siret("38159300000001")->note.empty());  // four zeros or fewer: just a wrong key
}


}  // namespace subsidia::interop::scdl
