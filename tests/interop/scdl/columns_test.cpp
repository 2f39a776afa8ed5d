#include "scdl/columns.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace subsidia::interop::scdl {
namespace {

TEST(Columns, MatchesScdl2NamesWhateverTheirCase) {
  ColumnMap m = map_columns({"NOMATTRIBUANT", "idattribuant", "Objet", "MONTANT", "datesperiodeVersement"});
  EXPECT_EQ(m[Column::NomAttribuant], 0);
  EXPECT_EQ(m[Column::Montant], 3);
  EXPECT_EQ(m[Column::DatesPeriodeVersement], 4);
  EXPECT_EQ(m.format(), "SCDL subventions 2.x");
}

// Files that name their columns by the 2.1.1 schema's titles (« Date de la convention de
// subvention », « Pourcentage du montant total de la subvention attribuée au bénéficiaire »): a
// department's 18 148 rows lost their date and share (review of real files, 2 December 2026).
// Every field's title reads as its name does, from the schema itself.
TEST(Columns, EveryTitleOfTheSchemaReadsAsItsFieldsName) {
  std::ifstream in(std::filesystem::path(SUBSIDIA_TEST_SOURCE_DIR) / "interop" / "standards" / "scdl" /
                   "subventions-2.1.1.schema.json");
  const nlohmann::json schema = nlohmann::json::parse(in);
  std::vector<std::string> header;
  for (const auto& field : schema["fields"]) {
    const std::string name = field["name"], title = field["title"];
    ASSERT_TRUE(column_of(name)) << name;
    EXPECT_EQ(column_of(title), column_of(name)) << title;
    header.push_back(title);
  }
  const std::vector<std::string_view> cells(header.begin(), header.end());
  EXPECT_EQ(map_columns(cells).format(), "SCDL subventions 2.x");
}

// The names of the schema's April 2018 draft, and a State service's French headers.
TEST(Columns, ReadsTheDraftSchemasNamesAndFrenchHeaders) {
  ColumnMap draft = map_columns({"ATTRIBUANT_NOM", "ATTRIBUANT_ID", "CONVENTION_DATE", "DECISION_REF", "BENEFICIAIRE_NOM",
                                 "SUBVENTION_OBJET", "SUBVENTION_MONTANT", "SUBVENTION_POURCENTAGE"});
  EXPECT_EQ(draft[Column::NomAttribuant], 0);
  EXPECT_EQ(draft[Column::DateConvention], 2);
  EXPECT_EQ(draft[Column::ReferenceDecision], 3);
  EXPECT_EQ(draft[Column::NomBeneficiaire], 4);
  EXPECT_EQ(draft[Column::Montant], 6);
  EXPECT_EQ(draft[Column::PourcentageSubvention], 7);
  ColumnMap french = map_columns({" Nom attributaire* ", "Date de convention*", "Nom du bénéficiaire* ",
                                  "Objet de la convention", "Montant total de la subvention*"});
  EXPECT_EQ(french[Column::NomAttribuant], 0);  // the one who grants, beside « Nom du bénéficiaire »
  EXPECT_EQ(french[Column::DateConvention], 1);
  EXPECT_EQ(french[Column::NomBeneficiaire], 2);
  EXPECT_EQ(french[Column::Objet], 3);
  EXPECT_EQ(french[Column::Montant], 4);
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
  ColumnMap m = map_columns({"objet", "Montant 2016", "Montant"});
  EXPECT_EQ(m[Column::Montant], 2);
  EXPECT_TRUE(m.ambiguity.empty());
  ASSERT_EQ(m.warnings.size(), 1u);
  EXPECT_NE(m.warnings[0].find("« Montant 2016 » (n° 2)"), std::string::npos) << m.warnings[0];
  // Last year's, a sum asked or planned, a project's cost are never the amount granted, even alone
  // (review 33: « Montant N-1 » alone was read as granted, with no word).
  for (const char* other : {"Montant N-1", "Montant sollicité", "Montant proposé", "Montant total du projet",
                            "Montant prévisionnel"}) {
    ColumnMap alone = map_columns({"objet", other});
    EXPECT_EQ(alone[Column::Montant], -1) << other;
  }
  // A lone column that only starts with « montant » is read, and said.
  ColumnMap lone = map_columns({"objet", "Montant HT"});
  EXPECT_EQ(lone[Column::Montant], 1);
  ASSERT_EQ(lone.warnings.size(), 1u);
  EXPECT_NE(lone.warnings[0].find("lue comme le montant attribué"), std::string::npos) << lone.warnings[0];
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
