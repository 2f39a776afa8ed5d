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
}  // namespace subsidia::interop::scdl
