// Request bodies split into dossiers, and checked with the real rule base.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/check_batch.hpp"

namespace subsidia::server::http {
namespace {

TEST(SplitBody, OneObjectAnArrayAndJsonLines) {
  EXPECT_EQ(split_body(R"({"id":"a"})", false).items.size(), 1u);
  SplitBody array = split_body(R"([{"id":"a","t":"],"}, {"id":"b"}])", false);
  ASSERT_EQ(array.items.size(), 2u);
  EXPECT_EQ(array.items[0].text, R"({"id":"a","t":"],"})");
  EXPECT_TRUE(array.items[1].in_array);
  EXPECT_EQ(array.items[1].index, 1u);
  SplitBody lines = split_body("{\"id\":\"a\"}\n\n{\"id\":\"b\"}\n", true);
  ASSERT_EQ(lines.items.size(), 2u);
  EXPECT_EQ(lines.items[1].line, 3u);
  EXPECT_TRUE(array.errors.empty());
}

TEST(SplitBody, BrokenBodiesAreErrorsNotCrashes) {
  EXPECT_EQ(split_body("", false).errors.size(), 1u);
  EXPECT_EQ(split_body("42", false).errors[0].code, io::ReadCode::NotAnObject);
  EXPECT_EQ(split_body(R"([{"id":"a"})", false).errors[0].code, io::ReadCode::MalformedJson);
  EXPECT_EQ(split_body(R"([{"id":"a"},])", false).errors.size(), 1u);
  EXPECT_EQ(split_body(R"([{"id":"a"}] x)", false).errors[0].code, io::ReadCode::TrailingContent);
  EXPECT_TRUE(split_body("[]", false).items.empty());
}

TEST(CheckBatch, GivesTheCheckJsonDocumentAndFindsIdsGivenTwice) {
  const std::string root = SUBSIDIA_TEST_SOURCE_DIR;
  RuleSetLoad loaded = load_rule_set(root + "/rules", root + "/rules/dossier.schema.json");
  ASSERT_TRUE(loaded.rules) << loaded.error;
  const std::string dossier =
      R"({"id":"D1","exercice":2019,"collectivite":{"nom":"C","categorie":"commune"},"objet":"Soutien à une association",)"
      R"("type_intervention":"subvention","montant":"15000.00"})";
  BatchCheck batch = check_batch(*loaded.rules, split_body("[" + dossier + "," + dossier + "]", false));
  ASSERT_EQ(batch.dossiers.size(), 1u);
  ASSERT_EQ(batch.errors.size(), 1u);
  EXPECT_EQ(batch.errors[0].code, io::ReadCode::DuplicateDossierId);
  EXPECT_EQ(batch.dossiers[0].montant, "15000.00");
  EXPECT_EQ(batch.dossiers[0].sha256.size(), 64u);
  const nlohmann::json doc = nlohmann::json::parse(check_document(batch, loaded.rules->engine->receipt()));
  EXPECT_EQ(doc["dossiers"][0]["id"], "D1");
  EXPECT_EQ(doc["erreurs"][0]["chemin"], "/1/id");
  EXPECT_EQ(doc["resume"]["erreurs"], 1);
  EXPECT_TRUE(doc["moteur"]["empreinte_regles"].get<std::string>().rfind("sha256:", 0) == 0);
}

}  // namespace
}  // namespace subsidia::server::http
