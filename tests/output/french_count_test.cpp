#include "output/french_count.hpp"

#include <gtest/gtest.h>

namespace subsidia::output {
namespace {

// French takes the singular for 0 and 1: "0 dossier", "1 dossier", "2 dossiers".
TEST(FrenchCount, SingularForZeroAndOnePluralFromTwo) {
  EXPECT_EQ(counted(0, "dossier", "dossiers"), "0 dossier");
  EXPECT_EQ(counted(1, "dossier", "dossiers"), "1 dossier");
  EXPECT_EQ(counted(2, "dossier", "dossiers"), "2 dossiers");
  EXPECT_EQ(counted(1234567, "non conforme", "non conformes"), "1234567 non conformes");
}

TEST(FrenchCount, AgreedWordsFollowTheCount) {
  EXPECT_EQ(agreed(1, "ignoré", "ignorés"), "ignoré");
  EXPECT_EQ(agreed(3, "ignoré", "ignorés"), "ignorés");
  EXPECT_FALSE(french_plural(1));
  EXPECT_TRUE(french_plural(2));
}

}  // namespace
}  // namespace subsidia::output
