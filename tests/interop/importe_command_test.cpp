// `subsidia importe scdl` as a user runs it: the binary, its exit codes, its files, and what
// `subsidia check` says of the drafts.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <fstream>
#include <iterator>
#include <sstream>
#include <vector>

#include "command_fixture.hpp"

namespace {

using namespace subsidia::interop::testing;

class ImporteCommand : public CommandTest {};

TEST_F(ImporteCommand, WritesOneJsonLinePerRowAndTheSummaryOnStandardError) {
  CommandRun r = run("importe scdl " + quoted(kReal / "haute-garonne-2017.csv"), folder_);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  std::size_t count = 0;
  while (std::getline(lines, line)) {
    auto d = nlohmann::json::parse(line);
    EXPECT_TRUE(d.contains("origine"));
    ++count;
  }
  EXPECT_EQ(count, 69u);
  EXPECT_NE(r.err.find("Lignes lues : 69 ; dossiers écrits : 69"), std::string::npos) << r.err;
}

TEST_F(ImporteCommand, RejectedRowsGiveExitCodeOneAndAreListedWithTheirLine) {
  const fs::path summary = folder_ / "resume.json";
  CommandRun r = run("importe scdl --resume " + quoted(summary) + " " + quoted(kFiles / "nievre-virgules-anciennes-colonnes.csv"),
              folder_);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("nievre-virgules-anciennes-colonnes.csv:3: montant illisible « SEM » (colonne 9 « SUB_MONTANT »)"), std::string::npos) << r.err;
  std::ifstream in(summary);
  auto j = nlohmann::json::parse(in);
  EXPECT_EQ(j["lignes_lues"], 6);
  EXPECT_EQ(j["rejetees"].size(), 4u);
  EXPECT_EQ(j["rejetees"][0]["ligne"], 3);
  // Which engine made the drafts: in the summary's text and JSON (review 25: neither said it).
  EXPECT_EQ(j["moteur"].get<std::string>().rfind("subsidia ", 0), 0u) << j["moteur"];
  EXPECT_NE(r.err.find("Moteur subsidia "), std::string::npos) << r.err;
}

TEST_F(ImporteCommand, WritesOneFilePerDossierInAFolderAndCheckSaysIncomplete) {
  const fs::path out = folder_ / "brouillons";
  CommandRun r = run("importe scdl --international-seulement -o " + quoted(out) + " " + quoted(kReal / "poitiers-2017.csv"), folder_);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(out)) {
    EXPECT_EQ(entry.path().extension(), ".json") << entry.path();
    ++files;
  }
  EXPECT_GE(files, 20u);
  // Every draft reads; none is conforme: the file does not say what the law asks.
  CommandRun check = run("check --format json " + quoted(out), folder_);
  EXPECT_EQ(check.exit_code, 1) << check.err;
  auto j = nlohmann::json::parse(check.out);
  EXPECT_EQ(j["resume"]["erreurs"], 0);
  EXPECT_EQ(j["resume"]["conforme"], 0);
  EXPECT_EQ(j["resume"]["incomplet"].get<std::size_t>() + j["resume"]["non_conforme"].get<std::size_t>(), files);
}

// A file name that is not UTF-8 (Latin-1, from a Windows zip unpacked on Linux) is written into
// the drafts and the summary with U+FFFD for its stray bytes: every draft reads, no internal
// error, exit 0.
TEST_F(ImporteCommand, AFileNameThatIsNotUtf8IsWrittenAsValidUtf8) {
  const fs::path latin1 = folder_ / "subv-ann\xE9" "e.csv";
  fs::copy_file(kReal / "haute-garonne-2017.csv", latin1);
  const std::string written_name = "subv-ann\xEF\xBF\xBD" "e.csv";
  for (const std::string& output : std::vector<std::string>{"", "-o " + quoted(folder_ / "brouillons")}) {
    const fs::path summary = folder_ / "resume.json";
    CommandRun r = run("importe scdl --remplacer " + output + " --resume " + quoted(summary) + " " + quoted(latin1), folder_);
    EXPECT_EQ(r.exit_code, 0) << output << r.err;
    std::ifstream in(summary);
    const auto j = nlohmann::json::parse(in, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << output;
    EXPECT_EQ(j["fichiers"][0]["fichier"].get<std::string>(), (folder_ / written_name).string());
    std::vector<std::string> drafts;
    if (output.empty()) {
      std::istringstream lines(r.out);
      for (std::string line; std::getline(lines, line);) drafts.push_back(line);
    } else {
      for (const auto& entry : fs::directory_iterator(folder_ / "brouillons")) {
        std::ifstream draft(entry.path());
        drafts.emplace_back(std::istreambuf_iterator<char>(draft), std::istreambuf_iterator<char>());
      }
    }
    ASSERT_EQ(drafts.size(), 69u) << output;
    for (const std::string& text : drafts) {
      const auto d = nlohmann::json::parse(text, nullptr, false);
      ASSERT_FALSE(d.is_discarded()) << text;
      EXPECT_EQ(d["origine"]["fichier"].get<std::string>(), (folder_ / written_name).string());
    }
  }
}

// The collectivité's partner cities: a row that names only the city (Poitiers' cooperation with
// Moundou, Chad) is a strong candidate of that country; the check still reads every draft.
TEST_F(ImporteCommand, PartnerCitiesMakeTheRowsThatNameThemStrongCandidatesOfTheirCountry) {
  const fs::path cities = folder_ / "villes.csv";
  std::ofstream(cities) << "ville,pays\nMoundou,TD\nMarburg,DE\n";
  CommandRun r = run("importe scdl --villes-partenaires " + quoted(cities) + " " + quoted(kReal / "poitiers-2017.csv"), folder_);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  std::size_t moundou = 0;
  while (std::getline(lines, line)) {
    auto d = nlohmann::json::parse(line);
    for (const auto& clue : d["origine"]["international"]["indices"]) {
      if (clue["type"] != "ville_partenaire" || clue["texte"] != "Moundou") continue;
      EXPECT_EQ(clue["pays"], "TD");
      EXPECT_TRUE(d.contains("action")) << line;
      ++moundou;
      break;
    }
  }
  EXPECT_GE(moundou, 5u);  // the cybercafé, the hospital, the schools, the book fair…
}

TEST_F(ImporteCommand, ABadPartnerCitiesFileIsExitCodeTwoWithItsLineAndWritesNothing) {
  const fs::path cities = folder_ / "villes.csv";
  std::ofstream(cities) << "ville,pays\nMoundou,TD\nPointe-à-Pitre,GP\n";
  CommandRun r = run("importe scdl --villes-partenaires " + quoted(cities) + " " + quoted(kReal / "poitiers-2017.csv"), folder_);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("villes.csv:3: « GP » est un territoire français"), std::string::npos) << r.err;
  std::ofstream(cities) << "ville,pays\nMoundou,XX\n";
  r = run("importe scdl --villes-partenaires " + quoted(cities) + " " + quoted(kReal / "poitiers-2017.csv"), folder_);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("villes.csv:2: pays « XX » inconnu"), std::string::npos) << r.err;
  std::ofstream(cities) << "commune;pays\nMoundou;TD\n";
  r = run("importe scdl --villes-partenaires " + quoted(cities) + " " + quoted(kReal / "poitiers-2017.csv"), folder_);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("colonnes « ville » et « pays » attendues"), std::string::npos) << r.err;
  r = run("importe scdl --villes-partenaires " + quoted(folder_ / "absent.csv") + " " + quoted(kReal / "poitiers-2017.csv"), folder_);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty());
}

TEST_F(ImporteCommand, AnUnreadableFileIsExitCodeTwo) {
  CommandRun r = run("importe scdl " + quoted(folder_ / "absent.csv"), folder_);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("absent.csv"), std::string::npos) << r.err;
}

// A real spreadsheet (the jaune's own XLSX) renamed .csv: said to be a spreadsheet, with what to
// do, not « en-tête introuvable »; nothing is written (exit 2, as for any unreadable file).
TEST_F(ImporteCommand, ASpreadsheetRenamedCsvIsSaidToBeOne) {
  const fs::path xlsx = folder_ / "jaune.xlsx";
  CommandRun jaune = run("jaune --exercice 2012 --format xlsx -o " + quoted(xlsx) + " " +
                             quoted(kSourceDir / "cases" / "jaune-2012"),
                         folder_);
  ASSERT_EQ(jaune.exit_code, 0) << jaune.err;
  const fs::path renamed = folder_ / "subventions-2012.csv";
  fs::rename(xlsx, renamed);
  CommandRun r = run("importe scdl " + quoted(renamed), folder_);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("subventions-2012.csv : classeur Excel (.xlsx) ou autre document Office, pas un fichier CSV : "
                       "l'ouvrir dans le tableur et l'enregistrer au format CSV"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("en-tête introuvable"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

// A file without the granting collectivité's name column: said once for the file, not once a row.
TEST_F(ImporteCommand, AFileWithoutTheGrantingCollectivitesColumnIsSaidOnce) {
  const fs::path csv = folder_ / "sans-attribuant.csv";
  std::ofstream(csv) << "nomBeneficiaire;objet;montant;exercice\nA;Projet Dakar;100;2017\nB;Projet Bamako;200;2017\n";
  CommandRun r = run("importe scdl " + quoted(csv), folder_);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  const std::string said = "colonne du nom de la collectivité attribuante (nomAttribuant, COLL_NOM) introuvable dans l'en-tête "
                           "(ligne 1) : aucune ligne n'est lue";
  const std::size_t at = r.err.find(said);
  EXPECT_NE(at, std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(said, at + 1), std::string::npos) << r.err;  // once
  EXPECT_TRUE(r.out.empty());
}

// A folder is read as `check` reads one: its *.csv files (any case) and its subfolders', by
// name; hidden entries skipped. Before, it was opened as a file: "erreur interne".
// A good file then a missing one (a typo), or a bad --resume folder: nothing is written, so the
// corrected run is not stopped by the drafts of the failed one.
TEST_F(ImporteCommand, AnUnreadableFileOrSummaryFolderWritesNothing) {
  const fs::path out = folder_ / "brouillons";
  CommandRun missing = run("importe scdl -o " + quoted(out) + " " + quoted(kReal / "haute-garonne-2017.csv") + " " +
                               quoted(folder_ / "absent.csv"),
                           folder_);
  EXPECT_EQ(missing.exit_code, 2) << missing.err;
  EXPECT_FALSE(fs::exists(out)) << missing.err;
  EXPECT_NE(missing.err.find("rien n'est écrit"), std::string::npos) << missing.err;
  CommandRun on_stdout = run("importe scdl " + quoted(kReal / "haute-garonne-2017.csv") + " " + quoted(folder_ / "absent.csv"),
                             folder_);
  EXPECT_EQ(on_stdout.exit_code, 2) << on_stdout.err;
  EXPECT_TRUE(on_stdout.out.empty());
  CommandRun summary = run("importe scdl -o " + quoted(out) + " --resume " + quoted(folder_ / "absent" / "r.json") + " " +
                               quoted(kReal / "haute-garonne-2017.csv"),
                           folder_);
  EXPECT_EQ(summary.exit_code, 2) << summary.err;
  EXPECT_FALSE(fs::exists(out));
  // Once corrected, the same folder takes the drafts, with no --remplacer.
  CommandRun fixed = run("importe scdl -o " + quoted(out) + " " + quoted(kReal / "haute-garonne-2017.csv"), folder_);
  EXPECT_EQ(fixed.exit_code, 0) << fixed.err;
  EXPECT_TRUE(fs::exists(out));
}

TEST_F(ImporteCommand, AFolderGivesItsCsvFilesAndThoseOfItsSubfolders) {
  const fs::path in = folder_ / "publications";
  fs::create_directories(in / "2017" / "mars");
  fs::create_directories(in / ".cache");
  fs::copy_file(kReal / "haute-garonne-2017.csv", in / "2017" / "HG.CSV");
  fs::copy_file(kFiles / "montant-n-1.csv", in / "2017" / "mars" / "montants.csv");
  fs::copy_file(kReal / "poitiers-2017.csv", in / ".cache" / "poitiers-2017.csv");
  std::ofstream(in / "notes.txt") << "pas un fichier SCDL\n";
  CommandRun r = run("importe scdl " + quoted(in), folder_);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("Lignes lues : 70 ; dossiers écrits : 70"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("poitiers"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("interne"), std::string::npos) << r.err;
  EXPECT_LT(r.err.find("HG.CSV"), r.err.find("montants.csv")) << r.err;
}

TEST_F(ImporteCommand, AFolderWithoutACsvFileIsExitCodeTwo) {
  fs::create_directories(folder_ / "vide");
  CommandRun r = run("importe scdl " + quoted(folder_ / "vide"), folder_);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("aucun fichier .csv"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST_F(ImporteCommand, AFolderAndJsonlTogetherIsAUsageError) {
  CommandRun r = run("importe scdl -o " + quoted(folder_ / "x") + " --format jsonl " + quoted(kReal / "haute-garonne-2017.csv"), folder_);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(fs::exists(folder_ / "x"));
}

TEST_F(ImporteCommand, AShiftedRowIsRejectedWithItsLineAndExitCodeOne) {
  CommandRun r = run("importe scdl " + quoted(kFiles / "cellule-decalee-derniere-vide.csv"), folder_);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("cellule-decalee-derniere-vide.csv:2: 15 cellules pour 14 colonnes d'en-tête"), std::string::npos) << r.err;
}

std::string file_text(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A draft written by an earlier run may have been corrected by a person since: a second run
// into the same folder does not write over it unless told to, and then writes nothing at all.
TEST_F(ImporteCommand, ADraftAlreadyInTheFolderIsNotReplacedWithoutRemplacer) {
  const fs::path out = folder_ / "brouillons";
  CommandRun first = run("importe scdl -o " + quoted(out) + " " + quoted(kFiles / "import-montant-100.csv"), folder_);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  std::vector<fs::path> drafts;
  for (const auto& entry : fs::directory_iterator(out)) drafts.push_back(entry.path());
  ASSERT_EQ(drafts.size(), 1u);
  const std::string corrected = file_text(drafts[0]);
  ASSERT_NE(corrected.find("\"montant\": \"100.00\""), std::string::npos) << corrected;

  CommandRun second = run("importe scdl -o " + quoted(out) + " " + quoted(kFiles / "import-montant-999.csv"), folder_);
  EXPECT_EQ(second.exit_code, 2) << second.err;
  EXPECT_NE(second.err.find(drafts[0].string()), std::string::npos) << second.err;
  EXPECT_NE(second.err.find("--remplacer"), std::string::npos) << second.err;
  EXPECT_EQ(file_text(drafts[0]), corrected);
  EXPECT_EQ(std::distance(fs::directory_iterator(out), fs::directory_iterator()), 1);

  CommandRun replaced =
      run("importe scdl --remplacer -o " + quoted(out) + " " + quoted(kFiles / "import-montant-999.csv"), folder_);
  EXPECT_EQ(replaced.exit_code, 0) << replaced.err;
  EXPECT_NE(file_text(drafts[0]).find("\"montant\": \"999.00\""), std::string::npos);
  EXPECT_NE(replaced.err.find("remplacés (--remplacer) : 1"), std::string::npos) << replaced.err;
}

TEST_F(ImporteCommand, AFailedWriteIsExitCodeTwoAndTheSummaryDoesNotCountTheRowsAsWritten) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  const fs::path err = folder_ / "stderr";
  const std::string command = std::string("'") + SUBSIDIA_BINARY + "' importe scdl " + quoted(kReal / "haute-garonne-2017.csv") +
                              " > /dev/full 2> " + quoted(err);
  const int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 2);
  const std::string text = file_text(err);
  // The run stops at the first failed write (some 30 drafts fill the 64 KB buffer): none is
  // known written, whatever was prepared.
  EXPECT_NE(text.find("dossiers écrits : 0 sûr sur "), std::string::npos) << text;
  EXPECT_NE(text.find("préparés, écriture impossible : écriture sur la sortie standard impossible"), std::string::npos)
      << text;
}

}  // namespace
