#include "scdl/categories.hpp"

#include <gtest/gtest.h>

namespace subsidia::interop::scdl {
namespace {

std::string collectivite(std::string_view type, std::string_view siren, std::string_view name) {
  auto g = guess_collectivite_category(type, siren, name);
  return g ? g->category : "";
}

TEST(Categories, TrustsTheTypeThenTheSirenThenTheName) {
  EXPECT_EQ(collectivite("COM", "", "Ville de Poitiers"), "commune");
  EXPECT_EQ(collectivite("DEP", "218601946", ""), "departement");
  EXPECT_EQ(collectivite("", "228000014", "Département de la Somme"), "departement");
  EXPECT_EQ(collectivite("", "233500016", ""), "region");
  EXPECT_EQ(collectivite("", "200053759", "Région Nouvelle-Aquitaine"), "region");
  EXPECT_EQ(collectivite("", "", "COMMUNAUTE D AGGLOMERATION DU SICOVAL"), "epci");
  EXPECT_EQ(collectivite("", "", "Syndicat mixte du bassin"), "syndicat_mixte");
  EXPECT_EQ(collectivite("", "", "Collectivité de Corse"), "collectivite_unique");
  EXPECT_EQ(collectivite("", "243100633", ""), "epci");
}

TEST(Categories, SaysNothingWhenTheSignsAreMissing) {
  EXPECT_EQ(collectivite("", "", "Métropole de Lyon"), "");
  EXPECT_EQ(collectivite("", "200046977", "Grand Lyon"), "");
  EXPECT_EQ(collectivite("", "", "Office du tourisme"), "");
}

TEST(Categories, GivesEachGuessItsReason) {
  auto g = guess_collectivite_category("", "218601946", "X");
  ASSERT_TRUE(g);
  EXPECT_NE(g->reason.find("218601946"), std::string::npos);
}

TEST(Categories, TellsTheBeneficiaryFromItsRnaItsNameOrItsSiren) {
  EXPECT_EQ(guess_beneficiary_category("W751234567", "", "Les Amis")->category, "association");
  EXPECT_EQ(guess_beneficiary_category("", "", "ASSOC. LES AMIS DE MOUNDOU")->category, "association");
  EXPECT_EQ(guess_beneficiary_category("", "", "Fondation Hôpital")->category, "fondation");
  EXPECT_EQ(guess_beneficiary_category("", "268000676", "CCAS AMIENS")->category, "etablissement_public");
  EXPECT_EQ(guess_beneficiary_category("", "218000019", "VILLE D'AMIENS")->category, "collectivite_francaise");
  EXPECT_FALSE(guess_beneficiary_category("", "450324660", "TROUVER SONNETTE A SON PIED"));
}

}  // namespace
}  // namespace subsidia::interop::scdl
