#include "detect/international_clues.hpp"

#include <gtest/gtest.h>

namespace subsidia::interop {
namespace {

std::vector<Clue> clues_of(std::string_view text) {
  static const InternationalClues clues = InternationalClues::builtin();
  std::vector<Clue> out;
  clues.find(FoldedText(text), out);
  return out;
}

TEST(InternationalClues, NamesACountryFromTheTableWhateverItsCase) {
  auto c = clues_of("Appui à une école de DIASSAP au SÉNÉGAL");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].kind, ClueKind::Country);
  EXPECT_EQ(c[0].country, "SN");
  EXPECT_EQ(c[0].text, "SÉNÉGAL");
  EXPECT_TRUE(c[0].strong);
}

TEST(InternationalClues, PrefersTheLongestName) {
  auto c = clues_of("Guinée équatoriale, Afrique du Sud, Papouasie-Nouvelle-Guinée, Soudan du Sud");
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c[0].country, "GQ");
  EXPECT_EQ(c[1].country, "ZA");
  EXPECT_EQ(c[2].country, "PG");
  EXPECT_EQ(c[3].country, "SS");
}

TEST(InternationalClues, ReadsOtherNamesAndInvertedTableNames) {
  auto c = clues_of("Échanges avec la Russie, l'Angleterre, la RDC et le Vietnam");
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c[0].country, "RU");
  EXPECT_EQ(c[1].country, "GB");
  EXPECT_EQ(c[2].country, "CD");
  EXPECT_EQ(c[3].country, "VN");
}

TEST(InternationalClues, ADemonymIsAWeakClueWithoutACountry) {
  auto c = clues_of("Association culturelle des Togolaises de Poitiers");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].kind, ClueKind::Demonym);
  EXPECT_FALSE(c[0].strong);
}

TEST(InternationalClues, ExpressionsGiveTheNatureTheyName) {
  auto c = clues_of("Solidarité internationale ; aide humanitaire ; comité de jumelage");
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].nature, "aide_au_developpement");
  EXPECT_EQ(c[1].nature, "humanitaire");
  EXPECT_EQ(c[2].nature, "cooperation");
  EXPECT_TRUE(c[2].strong);
}

TEST(InternationalClues, FrenchOverseasTerritoriesAndAmbiguousNamesAreNoCountry) {
  EXPECT_TRUE(clues_of("Séjour en Guadeloupe et à la Réunion").empty());
  EXPECT_TRUE(clues_of("Rue Maurice Thorez, salle Dominique Roux").empty());
  auto congo = clues_of("Projet au Congo");
  ASSERT_EQ(congo.size(), 1u);
  EXPECT_EQ(congo[0].kind, ClueKind::WorldRegion);
  EXPECT_TRUE(congo[0].country.empty());
}

TEST(InternationalClues, FindsInternationalBodies) {
  auto c = clues_of("Convention avec l'Agence française de développement et Médecins du Monde");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].kind, ClueKind::Body);
  EXPECT_EQ(c[1].nature, "humanitaire");
}

TEST(InternationalClues, KnowsEveryCountryName) {
  const InternationalClues clues = InternationalClues::builtin();
  EXPECT_EQ(clues.country_name("SN"), "Sénégal");
  EXPECT_EQ(clues.country_name("ZZ"), "ZZ");
}

TEST(InternationalClues, RejectsAMalformedTableWithItsLine) {
  try {
    InternationalClues::from_tables("pays,nom,zone\nAF,Afghanistan\n", "pays,autres_noms,gentiles,nom_seul\n");
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("pays-zones.csv:2"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace subsidia::interop
