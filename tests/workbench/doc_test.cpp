// `subsidia doc` on the repository's rule base and cases: every rule has its page and is in
// the index, every link of every page leads to a page of the site, nothing external is
// loaded, and headless Chromium renders the index with every rule id in its DOM.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <memory>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <unistd.h>

#include "api/engine.hpp"
#include "api/version.hpp"
#include "doc/doc_site.hpp"
#include "run_process.hpp"

namespace subsidia::testing {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string shell(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
  std::string out;
  char buffer[4096];
  while (pipe && std::fgets(buffer, sizeof buffer, pipe.get())) out += buffer;
  return out;
}

class DocSite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::random_device random;
    dir_ = new fs::path(fs::path(::testing::TempDir()) / ("subsidia-doc-" + std::to_string(random())));
    fs::create_directories(*dir_);
    result_ = new ProcessResult(run_process({SUBSIDIA_BINARY, "doc", "-o", (*dir_ / "site").string()}, *dir_));
    const api::Loaded loaded = api::Engine::load(
        {.rules = fs::path(SUBSIDIA_SOURCE_DIR) / "rules", .schema = fs::path(SUBSIDIA_SOURCE_DIR) / "rules" / "dossier.schema.json"});
    ids_ = new std::vector<std::string>;
    if (loaded.ok())
      for (const auto& family : loaded.engine->rules().families) ids_->push_back(family.id);
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    fs::remove_all(*dir_, ec);
    delete dir_;
    delete result_;
    delete ids_;
  }
  static fs::path site() { return *dir_ / "site"; }
  static fs::path* dir_;
  static ProcessResult* result_;
  static std::vector<std::string>* ids_;
};
fs::path* DocSite::dir_ = nullptr;
ProcessResult* DocSite::result_ = nullptr;
std::vector<std::string>* DocSite::ids_ = nullptr;

// A rule removed from the base takes its page with it at the next `doc -o` into the same
// folder; files the command did not write stay.
TEST_F(DocSite, ASecondRunRemovesThePagesOfRulesGoneAndNothingElse) {
  const fs::path base = *dir_ / "base-plus";
  fs::copy(fs::path(SUBSIDIA_SOURCE_DIR) / "rules", base, fs::copy_options::recursive);
  std::ofstream(base / "en-plus.regles") << "règle essai.en_plus\n  titre \"Essai\"\n  source CGCT_L1115_1_V2007\n"
                                             "  gravité bloquante\n  exige montant > 0 €\nfin\n";
  const fs::path out = *dir_ / "site-deux";
  const ProcessResult first = run_process({SUBSIDIA_BINARY, "doc", "--regles", base.string(), "-o", out.string()}, *dir_);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  std::vector<fs::path> added;
  for (const auto& entry : fs::directory_iterator(out))
    if (entry.path().filename().string().find("en_plus") != std::string::npos) added.push_back(entry.path());
  ASSERT_FALSE(added.empty());
  std::ofstream(out / "notes-du-juriste.txt") << "à garder";
  const ProcessResult second = run_process({SUBSIDIA_BINARY, "doc", "-o", out.string()}, *dir_);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  for (const fs::path& page : added) EXPECT_FALSE(fs::exists(page)) << page;
  EXPECT_TRUE(fs::exists(out / "notes-du-juriste.txt"));
  EXPECT_NE(second.err.find("d'une version précédente retiré"), std::string::npos) << second.err;
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(out)) files += entry.is_regular_file();
  std::size_t site_files = 0;
  for (const auto& entry : fs::directory_iterator(site())) site_files += entry.is_regular_file();
  EXPECT_EQ(files, site_files + 1);  // the same site as a fresh run, and the lawyer's notes
}

// The base's warnings open the index, so that whoever publishes the site sees them; counts
// agree with their number.
TEST(DocSiteIndex, ShowsTheWarningsOfTheBase) {
  std::ifstream in(fs::path(SUBSIDIA_SOURCE_DIR) / "rules" / "dossier.schema.json", std::ios::binary);
  const std::string schema((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string text =
      "source S\n  intitulé \"S\"\n  en vigueur à toute date\nfin\n"
      "source S_A_VENIR\n  intitulé \"<à venir>\"\n  en vigueur du 2030-01-01\nfin\n"
      "règle r\n  titre \"t\"\n  source S\n  gravité bloquante\n  exige montant > 0 €\nfin\n";
  const api::Loaded loaded = api::Engine::load(api::TextSources{{{"base.regles", text}}, schema});
  ASSERT_TRUE(loaded.ok()) << loaded.format_errors();
  std::string index;
  for (const workbench::doc::SiteFile& f : workbench::doc::build_site(loaded, {}))
    if (f.path == "index.html") index = f.content;
  EXPECT_NE(index.find("<p>1 règle, 2 sources, 0 définition, 0 table ; 0 cas.</p>"), std::string::npos) << index;
  EXPECT_NE(index.find("<h2>Avertissements de la base</h2>"), std::string::npos) << index;
  EXPECT_NE(index.find("<code>base.regles:5:8</code> [source_inutilisee] la source S_A_VENIR"), std::string::npos) << index;
}

// The footer every page ends with: the receipt line `subsidia check` prints, escaped.
std::string receipt_footer(const std::string& fingerprint) {
  return "<footer class=\"receipt\">Moteur subsidia " + std::string(api::engine_version()) + " (commit " +
         std::string(api::engine_commit()) + "), base de règles " + fingerprint + "</footer>\n</body>";
}

// Every page names the engine and the base it was written from (review: only the index gave
// the fingerprint, no page the engine); a page printed or saved alone still says it.
TEST(DocSitePages, EveryPageEndsWithTheEngineAndTheFingerprint) {
  std::ifstream in(fs::path(SUBSIDIA_SOURCE_DIR) / "rules" / "dossier.schema.json", std::ios::binary);
  const std::string schema((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string text =
      "source S\n  intitulé \"S\"\n  en vigueur à toute date\nfin\n"
      "table t = \"t.csv\"\n"
      "définition d = t(code = \"a\").val\n"
      "règle r\n  titre \"t\"\n  source S\n  gravité bloquante\n  exige d = \"oui\"\nfin\n";
  const api::Loaded loaded =
      api::Engine::load(api::TextSources{{{"base.regles", text}, {"t.csv", "code,val\na,oui\n"}}, schema});
  ASSERT_TRUE(loaded.ok()) << loaded.format_errors();
  const std::string& fingerprint = loaded.engine->receipt().fingerprint;
  ASSERT_TRUE(std::regex_match(fingerprint, std::regex("sha256:[0-9a-f]{64}"))) << fingerprint;
  std::set<std::string> kinds;
  for (const workbench::doc::SiteFile& f : workbench::doc::build_site(loaded, {})) {
    if (!f.path.ends_with(".html")) continue;
    kinds.insert(f.path.substr(0, f.path.find_first_of("-.")));
    EXPECT_NE(f.content.find(receipt_footer(fingerprint)), std::string::npos) << f.path << "\n" << f.content;
  }
  EXPECT_EQ(kinds, (std::set<std::string>{"index", "regle", "source", "definition", "table"}));
}

TEST_F(DocSite, EveryPageOfTheRepositorysSiteEndsWithItsReceipt) {
  ASSERT_EQ(result_->exit_code, 0) << result_->err;
  const api::Loaded loaded = api::Engine::load(
      {.rules = fs::path(SUBSIDIA_SOURCE_DIR) / "rules", .schema = fs::path(SUBSIDIA_SOURCE_DIR) / "rules" / "dossier.schema.json"});
  ASSERT_TRUE(loaded.ok()) << loaded.format_errors();
  const std::string footer = receipt_footer(loaded.engine->receipt().fingerprint);
  std::size_t pages = 0;
  for (const auto& entry : fs::directory_iterator(site())) {
    if (entry.path().extension() != ".html") continue;
    ++pages;
    EXPECT_NE(slurp(entry.path()).find(footer), std::string::npos) << entry.path();
  }
  EXPECT_GT(pages, 50u);
  // The table pages too (they are the longest, their rows before the footer).
  EXPECT_NE(slurp(site() / "table-pays_zones.html").find(footer), std::string::npos);
}

TEST_F(DocSite, EveryRuleIsInTheIndexWithItsPage) {
  ASSERT_EQ(result_->exit_code, 0) << result_->err;
  ASSERT_GT(ids_->size(), 20u);
  const std::string index = slurp(site() / "index.html");
  for (const std::string& id : *ids_) {
    EXPECT_NE(index.find(">" + id + "</a>"), std::string::npos) << id;
    const std::string page = slurp(site() / ("regle-" + id + ".html"));
    EXPECT_NE(page.find("Couverture par les cas"), std::string::npos) << id;
    // cases/ covers every rule (ctest cli.real_coverage): the page says so, as testing::Coverage finds it.
    EXPECT_NE(page.find("couverte (respectée et violée par des cas)"), std::string::npos) << id;
  }
}

TEST_F(DocSite, NoLinkIsBrokenAndNothingIsExternal) {
  ASSERT_EQ(result_->exit_code, 0) << result_->err;
  const std::regex href("(?:href|src)=\"([^\"]*)\"");
  std::size_t links = 0, pages = 0;
  for (const auto& entry : fs::directory_iterator(site())) {
    const std::string text = slurp(entry.path());
    ++pages;
    EXPECT_EQ(text.find("<script"), std::string::npos) << entry.path();
    for (auto it = std::sregex_iterator(text.begin(), text.end(), href); it != std::sregex_iterator(); ++it) {
      const std::string target = (*it)[1];
      ++links;
      EXPECT_EQ(target.find(':'), std::string::npos) << entry.path() << " → " << target;  // no http:, file:
      EXPECT_TRUE(fs::exists(site() / target)) << entry.path() << " → " << target;
    }
  }
  EXPECT_GT(pages, 50u);
  EXPECT_GT(links, 500u);
}

TEST_F(DocSite, ATablePageShowsEveryRowOfItsCsv) {
  ASSERT_EQ(result_->exit_code, 0) << result_->err;
  const std::string page = slurp(site() / "table-pays_zones.html");
  EXPECT_NE(page.find("<th>pays</th><th>nom</th><th>zone</th>"), std::string::npos);
  EXPECT_NE(page.find("<td>SN</td><td>Sénégal</td>"), std::string::npos);
  const std::string csv = slurp(fs::path(SUBSIDIA_SOURCE_DIR) / "rules" / "tables" / "pays-zones.csv");
  const auto lines = static_cast<std::size_t>(std::count(csv.begin(), csv.end(), '\n'));
  EXPECT_NE(page.find(std::to_string(lines - 1) + (lines - 1 >= 2 ? " lignes" : " ligne")), std::string::npos);
}

TEST_F(DocSite, DefinitionsNamedInARuleAreLinked) {
  ASSERT_EQ(result_->exit_code, 0) << result_->err;
  const std::string page = slurp(site() / "regle-subventions.convention_au_dela_de_23000.html");
  EXPECT_NE(page.find("<a href=\"definition-seuil_convention_attributive.html\">"), std::string::npos);
  EXPECT_NE(page.find("<a href=\"source-LOI_2000_321_ART_10.html\">"), std::string::npos);
  // A definition a message prints, inside its placeholder (review 22).
  const std::string basis = slurp(site() / "regle-base_legale.action_exterieure.html");
  EXPECT_NE(basis.find("<a href=\"definition-fondement_convention_1992.html\">"), std::string::npos);
}

TEST_F(DocSite, ChromiumRendersTheIndexWithEveryRuleId) {
  ASSERT_EQ(result_->exit_code, 0) << result_->err;
  std::string chromium;
  for (const char* candidate : {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"})
    if (fs::exists(candidate)) chromium = candidate;
  if (chromium.empty()) GTEST_SKIP() << "chromium absent (scripts/install-deps l'installe)";
  char pattern[] = "/tmp/subsidia-chromium-XXXXXX";
  const fs::path profile = ::mkdtemp(pattern);
  const std::string dom = shell(chromium +
                                " --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking"
                                " --disable-component-update --disable-sync --disable-dev-shm-usage --user-data-dir='" +
                                profile.string() + "' --dump-dom 'file://" + (site() / "index.html").string() +
                                "' 2>/dev/null");
  std::error_code ec;
  fs::remove_all(profile, ec);
  ASSERT_NE(dom.find("</html>"), std::string::npos) << dom.substr(0, 500);
  for (const std::string& id : *ids_) EXPECT_NE(dom.find(id), std::string::npos) << id;
}

}  // namespace
}  // namespace subsidia::testing
