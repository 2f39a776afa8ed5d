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

}  // namespace
}  // namespace subsidia::interop
