// What changed between two versions of a dossier, fact by fact, with the form's labels.
#include <gtest/gtest.h>

#include "pages/content_changes.hpp"
#include "pages/dossier_form.hpp"

namespace subsidia::server::pages {
namespace {

TEST(ContentLeaves, EveryFactWithItsPathAndItsTextAsWritten) {
  const auto leaves = content_leaves(
      R"({"id":"X","montant":12000.50,"grand":123456789012345678901234567890,"financement":{"plan":[{"part":"0.20","demandeur":true},{"part":0.8}]},)"
      R"("convention":null,"action":{"pays":[]},"jaune":{}})");
  ASSERT_TRUE(leaves);
  std::vector<std::pair<std::string, std::string>> got;
  for (const ContentLeaf& l : *leaves) got.emplace_back(l.path, l.shown);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"id", "« X »"},
      {"montant", "12000.50"},  // the text as written, not a double's 12000.5
      {"grand", "123456789012345678901234567890"},
      {"financement.plan[0].part", "« 0.20 »"},
      {"financement.plan[0].demandeur", "oui"},
      {"financement.plan[1].part", "0.8"},
      {"convention", "vide (null)"},
      {"action.pays", "liste vide"},
      {"jaune", "objet vide"},
  };
  EXPECT_EQ(got, expected);
  EXPECT_FALSE(content_leaves("{\"id\":"));
  EXPECT_FALSE(content_leaves("pas du json"));
}

TEST(ContentChanges, ChangedAndAddedInTheNewOrderThenRemoved) {
  const auto changes = content_changes(
      R"({"id":"X","montant":"100.00","objet":"a","financement":{"plan":[{"part":"0.5"},{"part":"0.5"}]}})",
      R"({"id":"X","montant":"100.0","deliberation":{"date":"2019-03-05"},"objet":"a","financement":{"plan":[{"part":"1"}]}})");
  ASSERT_TRUE(changes);
  ASSERT_EQ(changes->size(), 4u);
  // 100.00 and 100.0 are the same amount, written differently: shown, since the text changed.
  EXPECT_EQ((*changes)[0].path, "montant");
  EXPECT_EQ((*changes)[0].before, "« 100.00 »");
  EXPECT_EQ((*changes)[0].after, "« 100.0 »");
  EXPECT_EQ((*changes)[1].path, "deliberation.date");
  EXPECT_FALSE((*changes)[1].before);
  EXPECT_EQ((*changes)[1].after, "« 2019-03-05 »");
  EXPECT_EQ((*changes)[2].path, "financement.plan[0].part");
  EXPECT_EQ((*changes)[2].before, "« 0.5 »");
  EXPECT_EQ((*changes)[2].after, "« 1 »");
  EXPECT_EQ((*changes)[3].path, "financement.plan[1].part");
  EXPECT_EQ((*changes)[3].before, "« 0.5 »");
  EXPECT_FALSE((*changes)[3].after);
}

TEST(ContentChanges, TheSameFactsWrittenDifferentlyAreNoChange) {
  const auto changes = content_changes("{\"id\":\"X\",\"a\":{\"b\":1}}", "{ \"a\" : { \"b\" : 1 },\n  \"id\" : \"X\" }");
  ASSERT_TRUE(changes);
  EXPECT_TRUE(changes->empty());
  EXPECT_FALSE(content_changes("{}", "{"));
}

TEST(FieldLabel, TheFormsLabelOfAFactAndOfARowOfAnArray) {
  EXPECT_EQ(field_label("financement.cout_total"), "Coût total de l'action (euros)");
  EXPECT_EQ(field_label("financement.plan[2].part"), "Part (0,20 ou 20 %) (ligne 3)");
  EXPECT_EQ(field_label("financement.plan[0].montant"), "Montant (euros) (ligne 1)");
  EXPECT_FALSE(field_label("financement.plan[x].part"));
  EXPECT_FALSE(field_label("financement.plan[].part"));
  EXPECT_FALSE(field_label("financement.plan"));
  EXPECT_FALSE(field_label("inconnu.champ"));
  EXPECT_EQ(choice_label("action.nature", "humanitaire"), "Action humanitaire");
  EXPECT_EQ(choice_label("interet_local.indices[3].type", "siege_dans_territoire"), "Siège dans le territoire");
  EXPECT_EQ(choice_label("financement.plan[1].demandeur", "oui"), std::nullopt);  // a yes/no, not a choice
  EXPECT_EQ(choice_label("action.nature", "pas_une_nature"), std::nullopt);
  ASSERT_TRUE(choice_label("action.nature", "cooperation"));
  EXPECT_NE(*choice_label("action.nature", "cooperation"), "cooperation");
}

}  // namespace
}  // namespace subsidia::server::pages
