#include "scdl/columns.hpp"

#include <gtest/gtest.h>

namespace subsidia::interop::scdl {
namespace {

TEST(Columns, MatchesScdl2NamesWhateverTheirCase) {
  ColumnMap m = map_columns({"NOMATTRIBUANT", "idattribuant", "Objet", "MONTANT", "datesperiodeVersement"});
  EXPECT_EQ(m[Column::NomAttribuant], 0);
  EXPECT_EQ(m[Column::Montant], 3);
  EXPECT_EQ(m[Column::DatesPeriodeVersement], 4);
  EXPECT_EQ(m.format(), "SCDL subventions 2.x");
}

TEST(Columns, MatchesScdl1NamesAndVariants) {
  ColumnMap m = map_columns({"ANNEE", "COLL_NOM", "COLL_SIRET", "ACTE_DATE", "ATTRIB_NOM", "SUB_OBJ", "SUB_MONTANT",
                             "Notification à la commission Européenne", "Montant (en euros) versé"});
  EXPECT_EQ(m[Column::Exercice], 0);
  EXPECT_EQ(m[Column::DateConvention], 3);
  EXPECT_EQ(m[Column::NomBeneficiaire], 4);
  EXPECT_EQ(m[Column::Objet], 5);
  EXPECT_EQ(m[Column::Montant], 6);
  EXPECT_EQ(m[Column::NotificationUe], 7);
  EXPECT_NE(m.format().find("1.x"), std::string::npos);
}

TEST(Columns, ReadsMontantColumnsThatSayMoreButNotRequestedAmounts) {
  EXPECT_EQ(column_of("Montant total attribué (€)"), Column::Montant);
  EXPECT_EQ(column_of("Montant demandé"), std::nullopt);
}

TEST(Columns, WarnsAboutAFieldGivenTwice) {
  ColumnMap m = map_columns({"objet", "montant", "Objet de la subvention"});
  EXPECT_EQ(m[Column::Objet], 0);
  ASSERT_EQ(m.warnings.size(), 1u);
}

TEST(Columns, TheExactNameOfTheAmountWinsOverAColumnThatOnlyStartsWithMontant) {
  ColumnMap m = map_columns({"objet", "Montant N-1", "Montant"});
  EXPECT_EQ(m[Column::Montant], 2);
  EXPECT_TRUE(m.ambiguity.empty());
  ASSERT_EQ(m.warnings.size(), 1u);
  EXPECT_NE(m.warnings[0].find("« Montant N-1 » (n° 2)"), std::string::npos) << m.warnings[0];
  // A known variant is a name too: "Montant attribué" wins over "Montant 2016" before it.
  EXPECT_EQ(map_columns({"objet", "Montant 2016", "Montant attribué"})[Column::Montant], 2);
}

TEST(Columns, TwoColumnsThatOnlyStartWithMontantAreAmbiguousOneAloneIsRead) {
  ColumnMap m = map_columns({"objet", "Montant 2016", "Montant 2017"});
  EXPECT_EQ(m[Column::Montant], -1);
  EXPECT_NE(m.ambiguity.find("« Montant 2016 » (n° 2) ou « Montant 2017 » (n° 3)"), std::string::npos) << m.ambiguity;
  ColumnMap one = map_columns({"objet", "Montant (en euros)"});
  EXPECT_EQ(one[Column::Montant], 1);
  EXPECT_TRUE(one.ambiguity.empty());
}

}  // namespace
}  // namespace subsidia::interop::scdl
