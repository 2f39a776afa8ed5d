#include "detect/folded_text.hpp"

#include <gtest/gtest.h>

namespace subsidia::interop {
namespace {

TEST(FoldedText, LowersAndDropsAccentsWordByWord) {
  FoldedText t("Coopération DÉCENTRALISÉE avec l'Œuvre (Sénégal)");
  ASSERT_EQ(t.tokens().size(), 6u);
  EXPECT_EQ(t.tokens()[0].word, "cooperation");
  EXPECT_EQ(t.tokens()[1].word, "decentralisee");
  EXPECT_EQ(t.tokens()[3].word, "l");
  EXPECT_EQ(t.tokens()[4].word, "oeuvre");
  EXPECT_EQ(t.tokens()[5].word, "senegal");
}

TEST(FoldedText, QuotesTheOriginalWords) {
  FoldedText t("au  Burkina-Faso, en 2017");
  ASSERT_EQ(t.tokens().size(), 5u);
  EXPECT_EQ(t.quote(1, 2), "Burkina-Faso");
}

TEST(FoldedText, SeparatesOnEverythingElse) {
  EXPECT_EQ(folded_words("Côte d’Ivoire — 2017"), "cote d ivoire 2017");
  EXPECT_EQ(folded_key("Notification à la commission Européenne"), "notificationalacommissioneuropeenne");
  EXPECT_EQ(folded_key("SUB_MONTANT"), "submontant");
}

// Unicode NFD (Mac exports, text copied from a PDF) writes « é » as « e » and U+0301: the mark
// belongs to its letter. Treated as a separator it cut « Sénégal » into « se » « negal », and
// every accented clue of such a file was lost.
TEST(FoldedText, ACombiningAccentStaysInItsWord) {
  const std::string nfd = "Coope\xcc\x81" "ration de\xcc\x81" "centralise\xcc\x81" "e au Se\xcc\x81" "ne\xcc\x81" "gal";
  EXPECT_EQ(folded_words(nfd), "cooperation decentralisee au senegal");
  FoldedText t(nfd);
  ASSERT_EQ(t.tokens().size(), 4u);
  EXPECT_EQ(t.quote(3, 3), "Se\xcc\x81" "ne\xcc\x81" "gal");  // quoted with its marks
}

TEST(FoldedText, ASoftHyphenOrAZeroWidthCharacterStaysInItsWord) {
  EXPECT_EQ(folded_words("Solidarit\xc3\xa9 inter\xc2\xad" "nationale"), "solidarite internationale");
  EXPECT_EQ(folded_words("jume\xe2\x80\x8b" "lage"), "jumelage");
  // A mark with no letter before it adds nothing and joins nothing.
  EXPECT_EQ(folded_words("\xcc\x81 avec"), "avec");
}

// Draft ids are made of these words: a decision « D2017-48 » must keep its id from one version
// of the program to the next.
TEST(FoldedText, LettersAndDigitsStayOneWord) { EXPECT_EQ(folded_words("D2017-48 JUMELAGE2017"), "d2017 48 jumelage2017"); }

// Romanian and Vietnamese letters fold to their base letter: « Timișoara » and « Hải Phòng »
// were cut at ș and ả into « timi oara » and « h i phong », and missed the plain spellings.
TEST(FoldedText, RomanianAndVietnameseLettersFoldToTheirBase) {
  EXPECT_EQ(folded_words("Timișoara, Iași, Chișinău"), "timisoara iasi chisinau");
  EXPECT_EQ(folded_words("ȚARA Ș"), "tara s");
  EXPECT_EQ(folded_words("Hải Phòng, Đà Nẵng, Hồ Chí Minh, Cần Thơ"), "hai phong da nang ho chi minh can tho");
  EXPECT_EQ(folded_words("Ưu Ơn"), "uu on");
}

}  // namespace
}  // namespace subsidia::interop
