// `subsidia check`, run as a child process: exit codes, the json / jsonl contract, texte,
// input order under -j, rule-base errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>

#include <sys/wait.h>

#include "cli_fixture.hpp"

namespace subsidia::testing {
namespace {

using nlohmann::json;

class CheckCommand : public CliTest {};

const json* find_rule(const json& dossier, const std::string& id) {
  for (const json& rule : dossier.at("regles")) {
    if (rule.at("id") == id) return &rule;
  }
  return nullptr;
}

TEST_F(CheckCommand, ExitsZeroWhenEveryDossierIsCompliant) {
  const auto file = write("d/ok.json", dossier("OK-1").dump());
  const auto result = run({"check", "--regles", rules_dir(), file.string()});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
}

// A warning of the rule base goes to stderr, file:line:column first; the verdicts and the
// exit code are those of the dossiers (0 here), since the base loaded.
TEST_F(CheckCommand, ARuleBaseWarningIsPrintedAndTheDossiersAreStillChecked) {
  const auto file = write("d/ok.json", dossier("OK-1").dump());
  const auto quiet = run({"check", "--regles", rules_dir(), file.string()});
  EXPECT_EQ(quiet.err.find("avertissement"), std::string::npos) << quiet.err;
  write("rules/nouvelle.regles",
        "source S_NOUVELLE\n  intitulé \"Rédaction à venir\"\n  en vigueur du 2030-01-01\nfin\n");
  const auto result = run({"check", "--regles", rules_dir(), file.string()});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_NE(result.err.find("nouvelle.regles:1:8: avertissement [source_inutilisee] : la source S_NOUVELLE"),
            std::string::npos)
      << result.err;
  // The same verdicts; only the fingerprint of the base (one file more) differs.
  const auto verdicts = [](const std::string& out) { return out.substr(0, out.find("Moteur subsidia")); };
  EXPECT_EQ(verdicts(result.out), verdicts(quiet.out));
  EXPECT_NE(result.out, quiet.out);
}

TEST_F(CheckCommand, ExitsOneWhenADossierIsNonCompliant) {
  write("d/a.json", dossier("OK-1").dump());
  write("d/b.json", non_compliant("NC-1").dump());
  const auto result = run({"check", "--regles", rules_dir(), (dir() / "d").string()});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
}

TEST_F(CheckCommand, ExitsOneWhenADossierIsIncomplete) {
  const auto file = write("d/inc.json", incomplete("INC-1").dump());
  const auto result = run({"check", "--regles", rules_dir(), file.string()});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_NE(result.out.find("INCOMPLET"), std::string::npos) << result.out;
}

TEST_F(CheckCommand, JsonOutputFollowsTheContract) {
  const auto file = write("d/lot.json", json::array({dossier("OK-1"), non_compliant("NC-1"), incomplete("INC-1")}).dump());
  const auto result = run({"check", "--regles", rules_dir(), "--format", "json", file.string()});
  ASSERT_EQ(result.exit_code, 1) << result.err;
  const json doc = json::parse(result.out);

  ASSERT_EQ(doc.at("dossiers").size(), 3u);
  const json& ok = doc["dossiers"][0];
  EXPECT_EQ(ok.at("id"), "OK-1");
  EXPECT_EQ(ok.at("fichier"), file.string());
  EXPECT_EQ(ok.at("verdict"), "conforme");

  const json& nc = doc["dossiers"][1];
  EXPECT_EQ(nc.at("verdict"), "non_conforme");
  const json* positive = find_rule(nc, "montant.positif");
  ASSERT_NE(positive, nullptr) << nc.dump(2);
  EXPECT_EQ(positive->at("titre"), "Montant strictement positif");
  EXPECT_EQ(positive->at("statut"), "violee");
  EXPECT_EQ(positive->at("gravite"), "bloquante");
  EXPECT_EQ(positive->at("explication"), "Le montant n'est pas positif.");
  EXPECT_NE(positive->at("source").get<std::string>().find("Loi de test, art. 1"), std::string::npos);
  ASSERT_TRUE(positive->at("faits").is_object());
  EXPECT_TRUE(positive->at("faits").contains("montant")) << positive->dump();
  EXPECT_TRUE(positive->at("manquants").is_array());

  const json& inc = doc["dossiers"][2];
  EXPECT_EQ(inc.at("verdict"), "incomplet");
  const json* recent = find_rule(inc, "deliberation.recente");
  ASSERT_NE(recent, nullptr);
  EXPECT_EQ(recent->at("statut"), "indeterminee");
  EXPECT_EQ(recent->at("manquants"), json::array({"deliberation.date"})) << recent->dump();

  const json* warning = find_rule(ok, "beneficiaire.identifie");
  ASSERT_NE(warning, nullptr);
  EXPECT_EQ(warning->at("gravite"), "avertissement");

  EXPECT_TRUE(doc.at("erreurs").empty());
  EXPECT_EQ(doc.at("resume"), (json{{"conforme", 1}, {"non_conforme", 1}, {"incomplet", 1}, {"erreurs", 0}, {"illisibles", 0}}));
}

// Compact JSONL: a header with the receipt and the rules' fixed text, one line per dossier
// naming each rule's version by its index, then the summary.
TEST_F(CheckCommand, JsonlOutputHasAHeaderThenOneLinePerDossierThenTheSummary) {
  const auto file = write("d/lot.jsonl", dossier("OK-1").dump() + "\n" + non_compliant("NC-1").dump() + "\n");
  const auto result = run({"check", "--regles", rules_dir(), "--format", "jsonl", file.string()});
  ASSERT_EQ(result.exit_code, 1) << result.err;
  std::istringstream lines(result.out);
  std::vector<json> objects;
  for (std::string line; std::getline(lines, line);) objects.push_back(json::parse(line));
  ASSERT_EQ(objects.size(), 4u) << result.out;
  const json& header = objects[0];
  EXPECT_EQ(header.at("moteur").at("empreinte_regles").get<std::string>().rfind("sha256:", 0), 0u);
  ASSERT_EQ(header.at("regles").size(), 3u);
  const json& montant = header.at("regles")[0];
  EXPECT_EQ(montant.at("id"), "montant.positif");
  EXPECT_EQ(montant.at("versions")[0].at("gravite"), "bloquante");
  EXPECT_FALSE(montant.at("versions")[0].at("titre").get<std::string>().empty());
  EXPECT_EQ(objects[1].at("id"), "OK-1");
  EXPECT_EQ(objects[1].at("ligne"), 1);
  EXPECT_EQ(objects[2].at("id"), "NC-1");
  EXPECT_EQ(objects[2].at("ligne"), 2);
  EXPECT_EQ(objects[2].at("verdict"), "non_conforme");
  // One letter and one version per rule, in the header's order; details only for the rules
  // with something to say (by default the failing ones), none repeating its title.
  const std::string statuts = objects[2].at("statuts");
  ASSERT_EQ(statuts.size(), 3u);
  EXPECT_EQ(statuts[0], 'V');  // montant.positif
  EXPECT_EQ(objects[2].at("versions").size(), 3u);
  ASSERT_FALSE(objects[2].at("details").empty());
  for (const json& rule : objects[2].at("details")) {
    EXPECT_FALSE(rule.contains("titre")) << rule;
    EXPECT_NE(rule.at("statut"), "respectee") << rule;
    EXPECT_TRUE(rule.contains("explication")) << rule;
  }
  EXPECT_EQ(objects[1].at("statuts"), "RRR");
  EXPECT_TRUE(objects[1].at("details").empty()) << objects[1];
  EXPECT_EQ(objects[3].at("resume").at("non_conforme"), 1);
}

TEST_F(CheckCommand, ExplanationLevelsDecideWhatIsWritten) {
  const auto file = write("d/nc.json", non_compliant("NC-1").dump());
  const json complete = json::parse(run({"check", "--regles", rules_dir(), "--format", "json", file.string()}).out);
  const json none = json::parse(
      run({"check", "--regles", rules_dir(), "--format", "json", "--explication", "aucune", file.string()}).out);
  EXPECT_EQ(none.at("dossiers")[0].at("verdict"), complete.at("dossiers")[0].at("verdict"));
  for (const json& rule : none.at("dossiers")[0].at("regles")) EXPECT_EQ(rule.at("explication"), "") << rule;
  bool some = false;
  for (const json& rule : complete.at("dossiers")[0].at("regles")) some = some || rule.at("explication") != "";
  EXPECT_TRUE(some);
}

// Every output names the engine and the rule base that produced it.
TEST_F(CheckCommand, EveryFormatCarriesTheReceipt) {
  const auto file = write("d/ok.json", dossier("OK-1").dump());
  const json doc = json::parse(run({"check", "--regles", rules_dir(), "--format", "json", file.string()}).out);
  EXPECT_FALSE(doc.at("moteur").at("version").get<std::string>().empty());
  const std::string fingerprint = doc.at("moteur").at("empreinte_regles");
  EXPECT_EQ(fingerprint.size(), 7u + 64u);
  const auto text = run({"check", "--regles", rules_dir(), file.string()});
  EXPECT_NE(text.out.find("base de règles " + fingerprint), std::string::npos) << text.out;
  const auto version = run({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_NE(version.out.find("subsidia " + doc.at("moteur").at("version").get<std::string>()), std::string::npos)
      << version.out;
}

TEST_F(CheckCommand, ParallelOutputKeepsInputOrder) {
  std::string lines;
  const int count = 700;  // a few batches of 256
  for (int i = 0; i < count; ++i) {
    const std::string id = "D-" + std::to_string(i);
    lines += (i % 7 == 3 ? non_compliant(id) : dossier(id)).dump() + "\n";
  }
  const auto file = write("d/lot.jsonl", lines);
  const auto parallel = run({"check", "--regles", rules_dir(), "--format", "json", "-j", "2", file.string()});
  ASSERT_EQ(parallel.exit_code, 1) << parallel.err;
  const json doc = json::parse(parallel.out);
  ASSERT_EQ(doc.at("dossiers").size(), static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    ASSERT_EQ(doc["dossiers"][i].at("id"), "D-" + std::to_string(i)) << "at position " << i;
    ASSERT_EQ(doc["dossiers"][i].at("ligne"), i + 1);
  }
  const auto sequential = run({"check", "--regles", rules_dir(), "--format", "json", "-j", "1", file.string()});
  EXPECT_EQ(sequential.out, parallel.out);
}

TEST_F(CheckCommand, TexteShowsViolatedRuleWithExplanationSourceAndSummary) {
  const auto file = write("d/nc.json", non_compliant("NC-1").dump());
  const auto result = run({"check", "--regles", rules_dir(), file.string()});
  ASSERT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.out.find("DOSSIER NC-1 (" + file.string() + ") : NON CONFORME"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("montant.positif"), std::string::npos);
  EXPECT_NE(result.out.find("Le montant n'est pas positif."), std::string::npos);
  EXPECT_NE(result.out.find("Loi de test, art. 1"), std::string::npos);
  // The facts the verdict rests on are shown with it, not only under --detail.
  EXPECT_NE(result.out.find("Faits : montant = 0.00"), std::string::npos) << result.out;
  // Respected rules are counted, not listed, without --detail.
  EXPECT_EQ(result.out.find("Délibération postérieure à 2000"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("1 non conforme"), std::string::npos);
}

TEST_F(CheckCommand, DetailListsRespectedRulesToo) {
  const auto file = write("d/ok.json", dossier("OK-1").dump());
  const auto result = run({"check", "--regles", rules_dir(), "--detail", file.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("Délibération postérieure à 2000"), std::string::npos) << result.out;
}

// A verdict that rests on one reading of a disputed day says so without --detail: the
// reservation reaches the reader in texte, and in jsonl even for a sans objet rule.
TEST_F(CheckCommand, AReservationOnTheDateIsShownWhateverTheStatus) {
  write("jour/base.regles", R"(source T
  intitulé "Texte de test publié au JO du 6 février 2007"
  date discutée du 2007-02-06 au 2007-02-07 "le jour du JO ou son lendemain"
  en vigueur du 2007-02-07
fin

règle t.montant
  titre "Montant positif"
  source T
  gravité bloquante
  exige montant > 0 €
fin
)");
  const std::string base = (dir() / "jour").string();
  for (const char* date : {"2007-02-06", "2007-02-07"}) {
    const auto file = write(std::string("d/") + date + ".json", dossier(date, [&](json& d) {
                                                      d["deliberation"]["date"] = date;
                                                    }).dump());
    // At every level: echecs and aucune build no explanation for a respected rule, and texte
    // showed the rule without its reservation (review 31).
    for (const char* level : {"complete", "echecs", "aucune"}) {
      const auto texte = run({"check", "--regles", base, "--explication", level, file.string()});
      ASSERT_EQ(texte.exit_code, 0) << texte.err;
      EXPECT_NE(texte.out.find("Réserve sur la date"), std::string::npos) << date << level << texte.out;
      EXPECT_NE(texte.out.find("t.montant"), std::string::npos) << date << level << texte.out;
    }
    const auto jsonl = run({"check", "--regles", base, "--format", "jsonl", file.string()});
    ASSERT_EQ(jsonl.exit_code, 0) << jsonl.err;
    std::istringstream lines(jsonl.out);
    std::string header, line;
    std::getline(lines, header);
    std::getline(lines, line);
    const json details = json::parse(line).at("details");
    ASSERT_EQ(details.size(), 1u) << line;
    EXPECT_EQ(details[0].at("statut"), std::string(date) == "2007-02-06" ? "sans_objet" : "respectee") << line;
    EXPECT_EQ(details[0].at("reserves").size(), 1u) << line;
  }
  // Off the disputed days, nothing is added: the rule is counted, not shown.
  const auto file = write("d/loin.json", dossier("loin", [](json& d) { d["deliberation"]["date"] = "2012-03-01"; }).dump());
  const auto texte = run({"check", "--regles", base, file.string()});
  EXPECT_EQ(texte.out.find("t.montant"), std::string::npos) << texte.out;
}

// A line break inside a dossier's text does not break the texte layout (one line per item);
// JSON keeps the text as given.
TEST_F(CheckCommand, ALineBreakInADossierTextStaysOnOneLineInTexte) {
  write("nom/base.regles", R"(source T
  intitulé "Texte de test"
  en vigueur à toute date
fin

règle t.nom
  titre "Nom du bénéficiaire"
  source T
  gravité bloquante
  exige faux
  si violée "Bénéficiaire : {beneficiaire.nom}."
fin
)");
  const auto file = write("d/nom.json", dossier("NOM", [](json& d) { d["beneficiaire"]["nom"] = "Association\nER\t& DE"; }).dump());
  const auto texte = run({"check", "--regles", (dir() / "nom").string(), file.string()});
  ASSERT_EQ(texte.exit_code, 1) << texte.err;
  EXPECT_NE(texte.out.find("Bénéficiaire : Association ER & DE."), std::string::npos) << texte.out;
  EXPECT_NE(texte.out.find("beneficiaire.nom = Association ER & DE"), std::string::npos) << texte.out;
  const auto as_json = run({"check", "--regles", (dir() / "nom").string(), "--format", "json", file.string()});
  EXPECT_NE(as_json.out.find("Association\\nER\\t& DE"), std::string::npos) << as_json.out;
}

TEST_F(CheckCommand, RuleBaseErrorExitsTwoWithFileLineAndColumn) {
  write("rules/base.regles", std::string(kRules) +
                                 "\nrègle casse.chemin\n"
                                 "  titre \"Chemin inconnu\"\n"
                                 "  source LOI_TEST\n"
                                 "  gravité bloquante\n"
                                 "  exige montant_inexistant > 0 €\n"
                                 "fin\n");
  const auto file = write("d/ok.json", dossier("OK-1").dump());
  const auto result = run({"check", "--regles", rules_dir(), file.string()});
  EXPECT_EQ(result.exit_code, 2);
  // The unknown path is on the `exige` line: six lines after the end of kRules.
  const auto lines = std::count(kRules, kRules + std::strlen(kRules), '\n');
  const std::regex position("base\\.regles:" + std::to_string(lines + 6) + ":[0-9]+:");
  EXPECT_TRUE(std::regex_search(result.err, position)) << result.err;
  EXPECT_NE(result.err.find("^"), std::string::npos) << result.err;
  EXPECT_TRUE(result.out.empty()) << result.out;
}

// The same id twice in one run: an error naming both places, both dossiers still checked.
TEST_F(CheckCommand, SameIdTwiceIsReportedWithBothPlaces) {
  const auto first = write("d/a.json", dossier("DOUBLE-1").dump());
  const auto second = write("d/b.jsonl", dossier("AUTRE-1").dump() + "\n" + dossier("DOUBLE-1").dump() + "\n");
  const auto result = run({"check", "--regles", rules_dir(), "--format", "json", (dir() / "d").string()});
  EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
  const json doc = json::parse(result.out);
  EXPECT_EQ(doc.at("dossiers").size(), 3u);
  ASSERT_EQ(doc.at("erreurs").size(), 1u) << result.out;
  const json& e = doc["erreurs"][0];
  EXPECT_EQ(e.at("code"), "id_en_double");
  EXPECT_EQ(e.at("fichier"), second.string());
  EXPECT_EQ(e.at("ligne"), 2);
  EXPECT_NE(e.at("message").get<std::string>().find(first.string()), std::string::npos) << e;
}

// A key the schema does not know is reported for that dossier in every format.
TEST_F(CheckCommand, UnknownFieldsAreReportedInEveryFormat) {
  json d = dossier("INCONNU-1");
  d["note_interne"] = "à relire";
  const auto file = write("d/x.json", d.dump());
  const auto as_json = run({"check", "--regles", rules_dir(), "--format", "json", file.string()});
  EXPECT_EQ(json::parse(as_json.out)["dossiers"][0].at("champs_inconnus"), json::array({"/note_interne"}));
  const auto as_jsonl = run({"check", "--regles", rules_dir(), "--format", "jsonl", file.string()});
  std::istringstream lines(as_jsonl.out);
  std::string header, first_line;
  std::getline(lines, header);
  std::getline(lines, first_line);
  EXPECT_EQ(json::parse(first_line).at("champs_inconnus"), json::array({"/note_interne"}));
  const auto as_text = run({"check", "--regles", rules_dir(), file.string()});
  EXPECT_NE(as_text.out.find("Champs inconnus du schéma"), std::string::npos) << as_text.out;
  EXPECT_NE(as_text.out.find("/note_interne"), std::string::npos) << as_text.out;
}

// A key the schema does not know may be a misspelt fact that no rule read (`priseDePosition`
// for `prise_de_position_politique`): it never leaves a dossier conforme. A dossier that would
// be conforme is incomplet (exit 1), in every format and in the summary; a violation stays one.
TEST_F(CheckCommand, AnUnknownKeyNeverLeavesADossierConforme) {
  const auto clean = write("d/clean.json", dossier("PROPRE-1").dump());
  const auto clean_run = run({"check", "--regles", rules_dir(), "--format", "json", clean.string()});
  ASSERT_EQ(clean_run.exit_code, 0) << clean_run.out;
  ASSERT_EQ(json::parse(clean_run.out)["dossiers"][0].at("verdict"), "conforme");

  json d = dossier("INCONNU-2");
  d["beneficiaire"]["priseDePosition"] = true;
  const auto file = write("d/inconnu.json", d.dump());
  const auto as_json = run({"check", "--regles", rules_dir(), "--format", "json", file.string()});
  EXPECT_EQ(as_json.exit_code, 1) << as_json.out;
  const json doc = json::parse(as_json.out);
  EXPECT_EQ(doc["dossiers"][0].at("verdict"), "incomplet");
  EXPECT_EQ(doc["dossiers"][0].at("champs_inconnus"), json::array({"/beneficiaire/priseDePosition"}));
  EXPECT_EQ(doc.at("resume").at("incomplet"), 1);
  const auto as_jsonl = run({"check", "--regles", rules_dir(), "--format", "jsonl", file.string()});
  EXPECT_EQ(as_jsonl.exit_code, 1);
  std::istringstream lines(as_jsonl.out);
  std::string header, first_line;
  std::getline(lines, header);
  std::getline(lines, first_line);
  EXPECT_EQ(json::parse(first_line).at("verdict"), "incomplet") << first_line;
  const auto as_text = run({"check", "--regles", rules_dir(), file.string()});
  EXPECT_EQ(as_text.exit_code, 1);
  EXPECT_NE(as_text.out.find("INCOMPLET"), std::string::npos) << as_text.out;
  EXPECT_NE(as_text.out.find("le dossier ne peut être dit conforme"), std::string::npos) << as_text.out;

  json bad = non_compliant("INCONNU-3");
  bad["note_interne"] = "à relire";
  const auto bad_file = write("d/mauvais.json", bad.dump());
  const auto bad_run = run({"check", "--regles", rules_dir(), "--format", "json", bad_file.string()});
  EXPECT_EQ(json::parse(bad_run.out)["dossiers"][0].at("verdict"), "non_conforme") << bad_run.out;
}

// A folder is checked with its subfolders and whatever the case of its files' extensions; a
// run that finds no dossier at all is an input error (exit 2), never "0 dossier" and a pass.
TEST_F(CheckCommand, FoldersAreReadWithTheirSubfoldersAndNothingFoundIsAnError) {
  write("annee/01/a.json", non_compliant("SOUS-1").dump());
  write("annee/DOSSIER.JSON", dossier("MAJ-1").dump());
  write("annee/.brouillon.json", non_compliant("CACHE-1").dump());
  const auto result = run({"check", "--regles", rules_dir(), "--format", "json", (dir() / "annee").string()});
  EXPECT_EQ(result.exit_code, 1) << result.out;
  const json doc = json::parse(result.out);
  ASSERT_EQ(doc.at("dossiers").size(), 2u) << result.out;
  EXPECT_EQ(doc["dossiers"][0].at("id"), "SOUS-1");  // "01/" sorts before "DOSSIER.JSON"
  EXPECT_EQ(doc["dossiers"][0].at("verdict"), "non_conforme");
  EXPECT_EQ(doc["dossiers"][1].at("id"), "MAJ-1");

  write("vide/notes.txt", "rien");
  const auto empty = run({"check", "--regles", rules_dir(), (dir() / "vide").string()});
  EXPECT_EQ(empty.exit_code, 2) << empty.out << empty.err;
  EXPECT_NE(empty.out.find("aucun dossier trouvé"), std::string::npos) << empty.out;  // in the report
  EXPECT_NE(empty.err.find("détaillée dans le rapport"), std::string::npos) << empty.err;
  const auto empty_array = run({"check", "--regles", rules_dir(), write("vide.json", "[]").string()});
  EXPECT_EQ(empty_array.exit_code, 2) << empty_array.out << empty_array.err;
  // A program reading the JSON report learns why too, not from standard error alone.
  const auto as_json = run({"check", "--regles", rules_dir(), "--format", "json", (dir() / "vide.json").string()});
  EXPECT_EQ(as_json.exit_code, 2) << as_json.out << as_json.err;
  const json report = json::parse(as_json.out);
  ASSERT_EQ(report.at("erreurs").size(), 1u) << as_json.out;
  EXPECT_EQ(report["erreurs"][0].at("code"), "aucun_dossier");
  EXPECT_EQ(report["resume"].at("erreurs"), 1);
}

// A failed write other than a closed pipe (a full disk: > /dev/full) is said on stderr, with
// exit code 2: before, the run ended with 2 and no word.
TEST_F(CheckCommand, AFailedWriteIsSaid) {
  if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  const auto file = write("d/x.json", dossier("PLEIN-1").dump());
  const auto err = dir() / "stderr";
  const std::string command = std::string("'") + SUBSIDIA_BINARY + "' check --regles '" + rules_dir() + "' '" +
                              file.string() + "' > /dev/full 2> '" + err.string() + "'";
  const int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 2);
  std::ifstream in(err);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("écriture de la sortie impossible"), std::string::npos) << text;
}

// A misspelt key is a reading error, with its code and the field meant: never a silent pass.
TEST_F(CheckCommand, MisspeltKeyIsAReadingErrorWithItsCode) {
  json d = dossier("FAUTE-1");
  d["Montant"] = d["montant"];
  d.erase("montant");
  const auto file = write("d/f.json", d.dump());
  const auto result = run({"check", "--regles", rules_dir(), "--format", "json", file.string()});
  EXPECT_EQ(result.exit_code, 2) << result.out;
  const json doc = json::parse(result.out);
  EXPECT_TRUE(doc.at("dossiers").empty());
  bool misspelt = false;
  for (const json& e : doc.at("erreurs")) misspelt = misspelt || e.at("code") == "champ_mal_orthographie";
  EXPECT_TRUE(misspelt) << result.out;
}

TEST_F(CheckCommand, UnknownFormatIsAUsageError) {
  const auto file = write("d/ok.json", dossier("OK-1").dump());
  const auto result = run({"check", "--regles", rules_dir(), "--format", "xml", file.string()});
  EXPECT_EQ(result.exit_code, 2);
}

TEST_F(CheckCommand, MissingPathArgumentIsAUsageError) {
  const auto result = run({"check", "--regles", rules_dir()});
  EXPECT_EQ(result.exit_code, 2);
}

TEST_F(CheckCommand, HelpExplainsExitCodesWithAnExample) {
  const auto result = run({"check", "--help"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.out.find("Code de sortie"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("subsidia check"), std::string::npos);
}

TEST_F(CheckCommand, ClosedStdoutExitsTwoQuietly) {
  std::string lines;
  for (int i = 0; i < 600; ++i) lines += dossier("D-" + std::to_string(i)).dump() + "\n";
  const auto file = write("d/lot.jsonl", lines);
  const std::string command = std::string("set -o pipefail; '") + SUBSIDIA_BINARY + "' check --regles '" +
                              rules_dir() + "' --format json -j 2 '" + file.string() + "' | head -c 100 > /dev/null";
  const auto result = run_process({"/bin/bash", "-c", command}, dir());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_TRUE(result.err.empty()) << result.err;
}

}  // namespace
}  // namespace subsidia::testing
