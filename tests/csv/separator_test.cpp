#include "csv/separator.hpp"

#include <gtest/gtest.h>

namespace subsidia::csv {
namespace {

TEST(Separator, FindsTheSemicolonOfAFrenchFileWhoseAmountsHoldCommas) {
  EXPECT_EQ(sniff_separator("nom;montant;objet\nA;26 956,00;x, y\nB;1,5;z\n"), ';');
}

TEST(Separator, FindsTheCommaOfAnRfc4180File) {
  EXPECT_EQ(sniff_separator("COLL_NOM,SUB_MONTANT\n\"Ville de X; centre\",17 833\nY,2\n"), ',');
}

TEST(Separator, FindsATab) {
  EXPECT_EQ(sniff_separator("nom\tmontant\nA\t1,5\n"), '\t');
}

TEST(Separator, HonoursQuotesThatHoldTheOtherCandidates) {
  EXPECT_EQ(sniff_separator("a|b\n\"x;y;z\"|2\n\"p;q\"|3\n"), '|');
}

TEST(Separator, SkipsBlankLinesBeforeTheHeader) {
  EXPECT_EQ(sniff_separator("\n\nnom;montant\nA;1\n"), ';');
}

TEST(Separator, IsNotMisledByATitleLineAboveTheHeader) {
  EXPECT_EQ(sniff_separator("Subventions 2018, Ville de Lyon\n\nnom\tmontant\tobjet\nA\t1\tx\nB\t2\ty\n"), '\t');
}

TEST(Separator, DefaultsToACommaForASingleColumn) {
  EXPECT_EQ(sniff_separator("nom\nA\n"), ',');
  EXPECT_EQ(sniff_separator(""), ',');
}

}  // namespace
}  // namespace subsidia::csv
