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

// The mutation review of 2 December 2026: keys the reader accepted as unknown, so that a rule
// lost its fact and said « sans objet » where the dossier violated it.
TEST(Spelling, TheReaderRefusesKeysWrittenWithOtherSeparatorsOrOneSlipFromAShortField) {
  const std::vector<std::string_view> fields = {"pays", "plan", "part", "section", "action", "prise_de_position_politique",
                                                "partenaire_entite_non_reconnue", "reversement_a_des_tiers"};
  using V = std::vector<std::string>;
  EXPECT_EQ(misspelt_names("prise-de-position-politique", fields), V{"prise_de_position_politique"});
  EXPECT_EQ(misspelt_names("partenaireEntiteNonReconnue", fields), V{"partenaire_entite_non_reconnue"});
  EXPECT_EQ(misspelt_names("reversementadestiers", fields), V{"reversement_a_des_tiers"});
  EXPECT_EQ(misspelt_names("Reversement A Des Tiers", fields), V{"reversement_a_des_tiers"});
  EXPECT_EQ(misspelt_names("pas", fields), V{"pays"});
  EXPECT_EQ(misspelt_names("pla", fields), V{"plan"});
  EXPECT_EQ(misspelt_names("pars", fields), (V{"pays", "part"}));  // one slip from both: both named
  EXPECT_EQ(misspelt_names("prt", fields), V{"part"});
  EXPECT_EQ(misspelt_names("sction", fields), (V{"section", "action"}));
  EXPECT_EQ(misspelt_names("Section", fields), V{"section"});  // the same word beats a slip
  EXPECT_EQ(misspelt_names("delibération", {"deliberation"}), V{"deliberation"});
  // Known keys, other words and short keys far from every field stay what they are.
  EXPECT_TRUE(misspelt_names("pays", fields).empty());
  EXPECT_TRUE(misspelt_names("commentaire", fields).empty());
  EXPECT_TRUE(misspelt_names("pa", fields).empty());
  EXPECT_TRUE(misspelt_names("prise_de_position", fields).empty());
}

TEST(Spelling, NearestNamesPutTheClosestFirst) {
  const std::vector<std::string> near = nearest_names("pay", {"nature", "pays", "urgence", "domaine"});
  ASSERT_FALSE(near.empty());
  EXPECT_EQ(near.front(), "pays");
}

}  // namespace
}  // namespace subsidia::diag
