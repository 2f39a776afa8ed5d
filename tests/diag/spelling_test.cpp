// Misspelt keys must be caught: accents, case, one slip of the finger; other words must not.
#include <gtest/gtest.h>

#include "diag/spelling.hpp"

namespace subsidia::diag {
namespace {

const std::vector<std::string_view> kFields = {"id", "exercice", "collectivite", "objet", "montant",
                                               "deliberation", "beneficiaire", "action", "convention"};

TEST(Spelling, FoldsCaseAndFrenchAccents) {
  EXPECT_EQ(fold_case_and_accents("Délibération"), "deliberation");
  EXPECT_EQ(fold_case_and_accents("BÉNÉFICIAIRE"), "beneficiaire");
  EXPECT_EQ(fold_case_and_accents("Œuvre façade"), "oeuvre facade");
}

TEST(Spelling, AccentedKeyIsAMisspellingOfTheSchemaField) {
  EXPECT_EQ(misspelt_name("délibération", kFields), "deliberation");
  EXPECT_EQ(misspelt_name("Bénéficiaire", kFields), "beneficiaire");
  EXPECT_EQ(misspelt_name("ID", kFields), "id");
}

TEST(Spelling, OneEditAwayIsAMisspelling) {
  EXPECT_EQ(misspelt_name("deliberaton", kFields), "deliberation");   // deletion
  EXPECT_EQ(misspelt_name("delibberation", kFields), "deliberation"); // insertion
  EXPECT_EQ(misspelt_name("montent", kFields), "montant");            // substitution
  EXPECT_EQ(misspelt_name("obejt", kFields), "objet");                // swap of neighbours
}

TEST(Spelling, KnownKeysAndOtherWordsAreNotMisspellings) {
  EXPECT_FALSE(misspelt_name("deliberation", kFields));
  EXPECT_FALSE(misspelt_name("commentaire", kFields));
  EXPECT_FALSE(misspelt_name("deliberations_anterieures", kFields));
  // Short keys: one edit turns a word into another one, only case and accents count.
  EXPECT_FALSE(misspelt_name("ip", kFields));
  EXPECT_EQ(misspelt_name("Id", kFields), "id");
}

TEST(Spelling, TwoEquallyNearFieldsGiveNoSuggestion) {
  EXPECT_FALSE(misspelt_name("parts", std::vector<std::string_view>{"part", "party"}));
}

TEST(Spelling, NearestNamesPutTheClosestFirst) {
  const std::vector<std::string> near = nearest_names("pay", {"nature", "pays", "urgence", "domaine"});
  ASSERT_FALSE(near.empty());
  EXPECT_EQ(near.front(), "pays");
}

}  // namespace
}  // namespace subsidia::diag
