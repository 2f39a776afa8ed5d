// Bad inputs to `subsidia check`: the other dossiers are still checked and reported, the
// exit code is 2, and each error carries its file, line and JSON path. Also run under
// ASan + UBSan (label "sanitize").
#include <gtest/gtest.h>

#include <sstream>

#include "cli_fixture.hpp"

namespace subsidia::testing {
namespace {

using nlohmann::json;

class CheckBadInput : public CliTest {};

TEST_F(CheckBadInput, MalformedDossierAmongGoodOnesExitsTwoAndReportsTheOthers) {
  write("d/1-ok.json", dossier("OK-1").dump());
  write("d/2-broken.json", "{\"id\": \"BROKEN\", \"exercice\": ");
  write("d/3-nc.json", non_compliant("NC-1").dump());
  const auto result = run({"check", "--regles", rules_dir(), "--format", "json", (dir() / "d").string()});
  EXPECT_EQ(result.exit_code, 2);
  const json doc = json::parse(result.out);
  ASSERT_EQ(doc.at("dossiers").size(), 2u);
  EXPECT_EQ(doc["dossiers"][0].at("id"), "OK-1");
  EXPECT_EQ(doc["dossiers"][1].at("id"), "NC-1");
  ASSERT_EQ(doc.at("erreurs").size(), 1u);
  EXPECT_NE(doc["erreurs"][0].at("fichier").get<std::string>().find("2-broken.json"), std::string::npos);
  EXPECT_FALSE(doc["erreurs"][0].at("message").get<std::string>().empty());
  EXPECT_EQ(doc.at("resume").at("erreurs"), 1);
  EXPECT_EQ(doc.at("resume").at("conforme"), 1);
  EXPECT_NE(result.err.find("2-broken.json"), std::string::npos) << result.err;
}

// Review 19: a dossier missing three fields counted as three in the summary; dossiers in must
// equal verdicts plus entries not read.
TEST_F(CheckBadInput, TheSummaryCountsDossiersNotReadBesideTheirErrors) {
  write("d/1-ok.json", dossier("OK-1").dump());
  auto bad = dossier("BAD-3", [](json& d) {
    d.erase("objet");
    d.erase("montant");
    d.erase("type_intervention");
  });
  write("d/2-bad.json", bad.dump());
  const auto as_json = run({"check", "--regles", rules_dir(), "--format", "json", (dir() / "d").string()});
  EXPECT_EQ(as_json.exit_code, 2);
  const json doc = json::parse(as_json.out);
  EXPECT_EQ(doc.at("resume").at("erreurs"), 3);
  EXPECT_EQ(doc.at("resume").at("illisibles"), 1);
  const auto as_text = run({"check", "--regles", rules_dir(), (dir() / "d").string()});
  EXPECT_NE(as_text.out.find("1 dossier vérifié : 1 conforme, 0 non conforme, 0 incomplet ; 1 dossier ou fichier "
                             "illisible (3 erreurs de lecture)"),
            std::string::npos)
      << as_text.out;
}

TEST_F(CheckBadInput, SchemaErrorCarriesItsJsonPath) {
  auto bad = dossier("BAD-1", [](json& d) { d["montant"] = "12,50"; });
  const auto file = write("d/bad.json", bad.dump());
  const auto result = run({"check", "--regles", rules_dir(), "--format", "json", file.string()});
  EXPECT_EQ(result.exit_code, 2);
  const json doc = json::parse(result.out);
  ASSERT_FALSE(doc.at("erreurs").empty()) << result.out;
  EXPECT_EQ(doc["erreurs"][0].at("chemin"), "/montant");
  EXPECT_TRUE(doc.at("dossiers").empty());
}

TEST_F(CheckBadInput, ErrorInAJsonArrayNamesTheElementAndTheLineOfTheFile) {
  auto bad = dossier("BAD-2", [](json& d) { d["montant"] = true; });
  // one dossier per line after the opening bracket: the bad one starts on line 3
  const auto file = write("d/lot.json", "[\n" + dossier("OK-1").dump() + ",\n" + bad.dump() + "\n]\n");
  const auto result = run({"check", "--regles", rules_dir(), "--format", "json", file.string()});
  EXPECT_EQ(result.exit_code, 2);
  const json doc = json::parse(result.out);
  ASSERT_EQ(doc.at("erreurs").size(), 1u) << result.out;
  EXPECT_EQ(doc["erreurs"][0].at("chemin"), "/1/montant");
  EXPECT_EQ(doc["erreurs"][0].at("ligne"), 3);
  ASSERT_EQ(doc.at("dossiers").size(), 1u);
  EXPECT_EQ(doc["dossiers"][0].at("id"), "OK-1");
}

TEST_F(CheckBadInput, BadJsonlLineIsReportedWithItsLineAndTheOthersChecked) {
  const auto file = write("d/lot.jsonl", dossier("OK-1").dump() + "\n{\"id\": \n" + dossier("OK-3").dump() + "\n");
  const auto result = run({"check", "--regles", rules_dir(), "--format", "jsonl", "-j", "2", file.string()});
  EXPECT_EQ(result.exit_code, 2);
  std::istringstream lines(result.out);
  std::vector<json> objects;
  for (std::string line; std::getline(lines, line);) objects.push_back(json::parse(line));
  ASSERT_EQ(objects.size(), 5u) << result.out;
  EXPECT_TRUE(objects[0].contains("moteur"));  // the header
  EXPECT_EQ(objects[1].at("id"), "OK-1");
  EXPECT_EQ(objects[2].at("erreur").at("ligne"), 2);
  EXPECT_EQ(objects[3].at("id"), "OK-3");
  EXPECT_EQ(objects[4].at("resume").at("erreurs"), 1);
}

TEST_F(CheckBadInput, MissingFileIsAnErrorInTexteToo) {
  const auto ok = write("d/ok.json", dossier("OK-1").dump());
  const std::string missing = (dir() / "d" / "absent.json").string();
  const auto result = run({"check", "--regles", rules_dir(), ok.string(), missing});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.out.find("DOSSIER OK-1"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find(missing + ":"), std::string::npos) << result.out;
  // Printed once, in the report; stderr only says there is something to read there.
  EXPECT_EQ(result.err.find(missing), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("1 erreur de lecture"), std::string::npos) << result.err;
}

// An id with control characters is refused (io/identifier.hpp: it shows as another id), and
// the error that names it stays valid JSON.
TEST_F(CheckBadInput, ControlCharactersInIdsAreRefusedAndStayValidJson) {
  const auto file = write("d/ctl.json", dossier(std::string("X\x01\"\\\n-1")).dump());
  const auto result = run({"check", "--regles", rules_dir(), "--format", "json", file.string()});
  EXPECT_EQ(result.exit_code, 2) << result.err;
  const json doc = json::parse(result.out);
  EXPECT_TRUE(doc.at("dossiers").empty());
  ASSERT_EQ(doc.at("erreurs").size(), 1u);
  EXPECT_EQ(doc["erreurs"][0].at("chemin"), "/id");
  EXPECT_EQ(doc["erreurs"][0].at("dossier"), std::string("X\x01\"\\\n-1"));
}

TEST_F(CheckBadInput, MissingRuleBaseExitsTwo) {
  const auto file = write("d/ok.json", dossier("OK-1").dump());
  const auto result = run({"check", "--regles", (dir() / "nulle-part").string(), file.string()});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("nulle-part"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace subsidia::testing
