// The jaune counts a dossier read from two places once, when its content (every field but
// origine) is the same; two different dossiers under one id are an error. What "the same"
// means is the extractor's content hash: these tests pin it down, value by value, so that
// a faster hash cannot change it.
#include <gtest/gtest.h>

#include <string>

#include "io/reader.hpp"
#include "io/schema.hpp"
#include "reports/jaune_entry.hpp"

namespace subsidia::reports {
namespace {

const std::filesystem::path kSchema = std::filesystem::path(SUBSIDIA_TEST_SOURCE_DIR) / "rules" / "dossier.schema.json";

class ContentHashTest : public ::testing::Test {
 protected:
  ContentHashTest() : schema_(schema::Schema::load(kSchema)), extractor_(schema_), reader_(schema::unowned(schema_)) {}

  std::pair<std::uint64_t, std::uint64_t> hash(const std::string& text) {
    io::ReadOutcome read = reader_.read(text, "test.json", 0);
    EXPECT_TRUE(read.dossier.has_value()) << text << "\n" << (read.errors.empty() ? "" : read.errors.front().message);
    if (!read.dossier) return {0, 0};
    const JauneEntry e = extractor_.extract(*read.dossier);
    return {e.content[0], e.content[1]};
  }

  schema::Schema schema_;
  EntryExtractor extractor_;
  io::DossierReader reader_;
};

// A dossier with a bit of everything: texts, an integer, amounts, a share, a date, a list of
// objects, booleans.
std::string dossier(const std::string& montant = "25000.00", const std::string& part = "0.50",
                    const std::string& extra = "") {
  return R"({"id":"D-1","exercice":2021,"collectivite":{"nom":"Région Test","categorie":"region"},)"
         R"("type_intervention":"subvention",)"
         R"("objet":"Coopération avec Saint-Louis","montant":)" + montant + R"(,)"
         R"("deliberation":{"date":"2021-03-04","organe":"assemblee"},)"
         R"("action":{"nature":"cooperation","pays":["SN","ML"],"repartition_pays":[{"pays":"SN","part":)" + part + R"(},{"pays":"ML","part":0.5}]},)"
         R"("jaune":{"secteur":"culture","operation_exceptionnelle":false})" + extra + "}";
}

TEST_F(ContentHashTest, SameContentWrittenDifferentlyHashesTheSame) {
  const auto reference = hash(dossier());
  // Whitespace and key order.
  EXPECT_EQ(hash(R"({ "exercice" : 2021 , "id" : "D-1", "collectivite":{"categorie":"region","nom":"Région Test"},)"
                 R"("type_intervention":"subvention",)"
                 R"("montant":25000.00,"objet":"Coopération avec Saint-Louis",)"
                 R"("deliberation":{"organe":"assemblee","date":"2021-03-04"},)"
                 R"("action":{"repartition_pays":[{"part":0.50,"pays":"SN"},{"part":0.5,"pays":"ML"}],"pays":["SN","ML"],"nature":"cooperation"},)"
                 R"("jaune":{"operation_exceptionnelle":false,"secteur":"culture"}})"),
            reference);
  // A number by its value: 25000.00 = 25000 = 25000.0, 0.50 = 0.5.
  EXPECT_EQ(hash(dossier("25000")), reference);
  EXPECT_EQ(hash(dossier("25000.0", "0.5")), reference);
  // origine only says where the dossier was read.
  EXPECT_EQ(hash(dossier("25000.00", "0.50", R"(,"origine":{"fichier":"ailleurs.csv","ligne":12})")), reference);
}

TEST_F(ContentHashTest, EveryDifferenceOfValueChangesTheHash) {
  const auto reference = hash(dossier());
  EXPECT_NE(hash(dossier("25000.01")), reference);
  EXPECT_NE(hash(dossier("2500")), reference);      // not the same amount with a scale moved
  EXPECT_NE(hash(dossier("250000")), reference);
  EXPECT_NE(hash(dossier("0")), reference);
  EXPECT_NE(hash(dossier("25000.00", "0.05")), reference);
  // A large amount, beyond 64-bit coefficients at its scale, against its neighbour.
  EXPECT_EQ(hash(dossier("123456789012345678901.00")), hash(dossier("123456789012345678901")));
  EXPECT_NE(hash(dossier("123456789012345678901.00")), hash(dossier("123456789012345678902")));
  std::string other = dossier();
  other.replace(other.find("Saint-Louis"), 11, "Saint-Louiz");
  EXPECT_NE(hash(other), reference);
  std::string order = dossier();
  order.replace(order.find(R"(["SN","ML"])"), 11, R"(["ML","SN"])");
  EXPECT_NE(hash(order), reference);  // a list keeps its order
  std::string flag = dossier();
  flag.replace(flag.find("false"), 5, "true");
  EXPECT_NE(hash(flag), reference);
}

}  // namespace
}  // namespace subsidia::reports
