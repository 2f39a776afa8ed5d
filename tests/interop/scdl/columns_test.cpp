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

}  // namespace
}  // namespace subsidia::interop::scdl
