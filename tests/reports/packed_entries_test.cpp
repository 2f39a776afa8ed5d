// PackedEntries keeps jaune entries as bytes: every field must read back as it was given,
// whatever it holds (empty, long, accented, absent optionals, amounts beyond 64 bits).
#include <gtest/gtest.h>

#include "reports/packed_entries.hpp"

namespace subsidia::reports {
namespace {

decimal::Decimal amount(const char* text) {
  auto d = decimal::Decimal::parse(text);
  EXPECT_TRUE(d.has_value()) << text;
  return d.value_or(decimal::Decimal());
}

void expect_same(const JauneEntry& a, const JauneEntry& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.file, b.file);
  EXPECT_EQ(a.collectivite, b.collectivite);
  EXPECT_EQ(a.exercice, b.exercice);
  EXPECT_EQ(a.montant.to_string(), b.montant.to_string());  // same value and same scale
  EXPECT_EQ(a.objet, b.objet);
  EXPECT_EQ(a.secteur, b.secteur);
  EXPECT_EQ(a.operation_exceptionnelle, b.operation_exceptionnelle);
  EXPECT_EQ(a.hors_perimetre, b.hors_perimetre);
  EXPECT_EQ(a.domaine, b.domaine);
  EXPECT_EQ(a.pays, b.pays);
  EXPECT_EQ(a.nomenclature, b.nomenclature);
  EXPECT_EQ(a.section, b.section);
  EXPECT_EQ(a.chapitre, b.chapitre);
  EXPECT_EQ(a.fonction, b.fonction);
  EXPECT_EQ(a.action_declared, b.action_declared);
  EXPECT_EQ(a.convention, b.convention);
  EXPECT_EQ(a.beneficiaire_categorie, b.beneficiaire_categorie);
  EXPECT_EQ(a.beneficiaire_pays, b.beneficiaire_pays);
  EXPECT_EQ(a.beneficiaire_nom, b.beneficiaire_nom);
  EXPECT_EQ(a.deliberation_date.has_value(), b.deliberation_date.has_value());
  if (a.deliberation_date && b.deliberation_date) {
    EXPECT_EQ(a.deliberation_date->iso(), b.deliberation_date->iso());
  }
  EXPECT_EQ(a.deliberation_reference, b.deliberation_reference);
  EXPECT_EQ(a.candidate, b.candidate);
  EXPECT_EQ(a.clues, b.clues);
  ASSERT_EQ(a.repartition.size(), b.repartition.size());
  for (std::size_t i = 0; i < a.repartition.size(); ++i) {
    EXPECT_EQ(a.repartition[i].pays, b.repartition[i].pays);
    EXPECT_EQ(a.repartition[i].part.has_value(), b.repartition[i].part.has_value());
    if (a.repartition[i].part && b.repartition[i].part) {
      EXPECT_EQ(a.repartition[i].part->to_string(), b.repartition[i].part->to_string());
    }
    EXPECT_EQ(a.repartition[i].montant.has_value(), b.repartition[i].montant.has_value());
    if (a.repartition[i].montant && b.repartition[i].montant) {
      EXPECT_EQ(a.repartition[i].montant->to_string(), b.repartition[i].montant->to_string());
    }
  }
  EXPECT_EQ(a.content[0], b.content[0]);
  EXPECT_EQ(a.content[1], b.content[1]);
}

JauneEntry full() {
  JauneEntry e;
  e.id = "R3-11-2021-0000001-un-identifiant-plus-long-que-quinze";
  e.file = "/tmp/dossiers.jsonl:12";
  e.collectivite = "Région Île-de-France";
  e.exercice = 2021;
  e.montant = amount("123456789012345678901234.50");  // beyond 64 bits
  e.objet = std::string(5000, 'x') + " « coopération »";
  e.secteur = "Affaires internationales et européennes";
  e.operation_exceptionnelle = true;
  e.hors_perimetre = false;
  e.domaine = "cooperation";
  e.pays = {"SN", "ML", ""};
  e.nomenclature = "M57";
  e.section = "fonctionnement";
  e.chapitre = "65";
  e.fonction = "048";
  e.action_declared = true;
  e.convention = true;
  e.beneficiaire_categorie = "association";
  e.beneficiaire_pays = {"FR"};
  e.beneficiaire_nom = "Association « Amitié » Poitiers–Moundou";
  e.deliberation_date = calendar::Date::from_ymd(2021, 2, 28);
  e.deliberation_reference = "CP 21-069";
  e.candidate = true;
  e.clues = {"objet : « Sénégal »", ""};
  e.repartition = {{"SN", amount("0.25"), std::nullopt}, {"ML", std::nullopt, amount("-10.00")}, {"", std::nullopt, std::nullopt}};
  e.content[0] = 0xFFFFFFFFFFFFFFFFull;
  e.content[1] = 7;
  return e;
}

TEST(PackedEntries, EveryFieldReadsBackAsGiven) {
  PackedEntries packed;
  const JauneEntry a = full();
  JauneEntry empty;  // every field at its default: no exercice, zero amount, empty lists
  JauneEntry negative = full();
  negative.exercice.reset();
  negative.montant = amount("-0.01");
  negative.repartition.clear();
  packed.add(a);
  packed.add(empty);
  packed.add(negative);
  ASSERT_EQ(packed.size(), 3u);
  expect_same(packed.entry(0), a);
  expect_same(packed.entry(1), empty);
  expect_same(packed.entry(2), negative);
  // In any order, and more than once.
  expect_same(packed.entry(2), negative);
  expect_same(packed.entry(0), a);
}

TEST(PackedEntries, TheHeadIsIdExerciceAndAmount) {
  PackedEntries packed;
  JauneEntry a = full();
  JauneEntry b;
  b.id = "B";
  b.montant = amount("5000.00");
  packed.add(a);
  packed.add(b);
  EXPECT_EQ(packed.head(0).id, a.id);
  EXPECT_EQ(packed.head(0).exercice, 2021);
  EXPECT_EQ(packed.head(0).montant.to_string(), a.montant.to_string());
  EXPECT_EQ(packed.head(1).id, "B");
  EXPECT_FALSE(packed.head(1).exercice.has_value());
  EXPECT_EQ(packed.head(1).montant.to_string(), "5000.00");
  EXPECT_THROW(packed.head(2), std::out_of_range);
}

TEST(PackedEntries, ManyEntriesKeepTheirPlaces) {
  PackedEntries packed;
  for (int i = 0; i < 2000; ++i) {
    JauneEntry e = full();
    e.id = "D" + std::to_string(i);
    e.exercice = 2000 + i % 30;
    e.pays.assign(static_cast<std::size_t>(i % 5), "SN");
    packed.add(e);
  }
  for (int i = 0; i < 2000; i += 97) {
    const JauneEntry e = packed.entry(static_cast<std::size_t>(i));
    EXPECT_EQ(e.id, "D" + std::to_string(i));
    EXPECT_EQ(e.exercice, 2000 + i % 30);
    EXPECT_EQ(e.pays.size(), static_cast<std::size_t>(i % 5));
    EXPECT_EQ(e.repartition.size(), 3u);
  }
}

}  // namespace
}  // namespace subsidia::reports
