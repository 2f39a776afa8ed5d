// The facade: load the real rule base, check dossiers, fingerprints, lifetimes, threads.
#include "api/engine.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "api/version.hpp"
#include "io/reader.hpp"

namespace subsidia::api {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const fs::path kRules = SUBSIDIA_SOURCE_DIR "/rules";
const fs::path kCases = SUBSIDIA_SOURCE_DIR "/cases";

std::shared_ptr<const Engine> real_engine() {
  Loaded loaded = Engine::load({kRules, {}});
  EXPECT_TRUE(loaded.ok()) << loaded.format_errors();
  return loaded.engine;
}

// The shipped base is the example lawyers copy: it must load without a single warning
// (every source cited, each rule's versions in one file, no period cut to its sources').
TEST(Engine, TheShippedBaseLoadsWithoutAWarning) {
  const Loaded loaded = Engine::load({kRules, {}});
  ASSERT_TRUE(loaded.ok()) << loaded.format_errors();
  EXPECT_TRUE(loaded.warnings.empty()) << loaded.format_warnings();
  EXPECT_EQ(loaded.format_warnings(), "");
}

// A temporary copy of the rule base, to change one file and compare fingerprints.
fs::path copy_of_rules(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("subsidia-api-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(kRules, dir, fs::copy_options::recursive);
  return dir;
}

TEST(Engine, ChecksACaseAsTheCasesExpect) {
  const auto engine = real_engine();
  ASSERT_TRUE(engine);
  Engine::Scratch scratch = engine->scratch();
  Checked checked = engine->check(slurp(kCases / "er-de-2006.json"), scratch);
  ASSERT_TRUE(checked.result) << (checked.errors.empty() ? "" : checked.errors[0].message);
  EXPECT_EQ(checked.result->verdict, eval::Verdict::Compliant);
  checked = engine->check(slurp(kCases / "deux-sevres-2004.json"), scratch);
  ASSERT_TRUE(checked.result);
  EXPECT_EQ(checked.result->verdict, eval::Verdict::Incomplete);  // no clue documented: missing, not disproved
  checked = engine->check(slurp(kCases / "convention-attributive-montant-inferieur-2019.json"), scratch);
  ASSERT_TRUE(checked.result);
  EXPECT_EQ(checked.result->verdict, eval::Verdict::NonCompliant);
}

TEST(Engine, ReadingErrorsComeBackAsValuesWithTheirCodes) {
  const auto engine = real_engine();
  Engine::Scratch scratch = engine->scratch();
  const Checked checked = engine->check(R"({"id": "x", "deliberaton": {}})", scratch, eval::Detail::Full, "d.json");
  EXPECT_FALSE(checked.result);
  ASSERT_FALSE(checked.errors.empty());
  EXPECT_EQ(checked.errors[0].file, "d.json");
}

TEST(Engine, LessDetailBuildsLessButDecidesTheSame) {
  const auto engine = real_engine();
  Engine::Scratch scratch = engine->scratch();
  const std::string text = slurp(kCases / "convention-sans-transmission-2012.json");
  const eval::DossierResult full = *engine->check(text, scratch, eval::Detail::Full).result;
  const eval::DossierResult failures = *engine->check(text, scratch, eval::Detail::Failures).result;
  const eval::DossierResult none = *engine->check(text, scratch, eval::Detail::None).result;
  EXPECT_EQ(full.verdict, eval::Verdict::Incomplete);
  EXPECT_EQ(failures.verdict, full.verdict);
  EXPECT_EQ(none.verdict, full.verdict);
  EXPECT_EQ(none.missing, full.missing);
  for (std::size_t i = 0; i < full.rules.size(); ++i) {
    EXPECT_EQ(none.rules[i].status, full.rules[i].status) << full.rules[i].id;
    EXPECT_TRUE(none.rules[i].explanation.empty()) << none.rules[i].id;
    EXPECT_TRUE(none.rules[i].facts.empty()) << none.rules[i].id;
    const bool failing = full.rules[i].status == eval::RuleStatus::Violated || full.rules[i].status == eval::RuleStatus::Unknown;
    EXPECT_EQ(failures.rules[i].explanation.empty(), !failing) << full.rules[i].id;
    if (failing) {
      EXPECT_EQ(failures.rules[i].explanation, full.rules[i].explanation);
    }
  }
}

// The selective forms `subsidia diff` uses: explanations of chosen families, evaluation of
// chosen families. Over every case, against the full evaluation of the same dossier.
TEST(Engine, ChosenFamiliesAreExplainedOrEvaluatedAsInAFullPass) {
  const auto engine = real_engine();
  Engine::Scratch scratch = engine->scratch();
  io::DossierReader reader(engine->shared_schema());
  std::size_t cases = 0, explained = 0;
  for (const auto& entry : fs::directory_iterator(kCases)) {
    const std::string name = entry.path().filename().string();
    if (!name.ends_with(".json") || name.ends_with(".attendu.json")) continue;
    const std::string text = slurp(entry.path());
    io::ReadOutcome read = reader.read(text, name);
    if (!read.dossier) continue;  // the cases of unreadable input
    ++cases;
    const eval::DossierResult full = engine->check(*read.dossier, scratch, eval::Detail::Full);
    // Every other family chosen, starting with the first, then the others.
    for (int parity = 0; parity < 2; ++parity) {
      std::vector<bool> chosen(full.rules.size());
      for (std::size_t i = 0; i < chosen.size(); ++i) chosen[i] = static_cast<int>(i % 2) == parity;
      const eval::DossierResult some = engine->check(*read.dossier, scratch, chosen);
      eval::Statuses only, all;
      engine->statuses(*read.dossier, scratch, only, &chosen);
      engine->statuses(*read.dossier, scratch, all);
      ASSERT_EQ(some.rules.size(), full.rules.size());
      ASSERT_EQ(only.rules.size(), full.rules.size());
      ASSERT_EQ(all.rules.size(), full.rules.size());
      EXPECT_EQ(some.verdict, full.verdict) << name;
      EXPECT_EQ(all.verdict, full.verdict) << name;
      for (std::size_t i = 0; i < full.rules.size(); ++i) {
        EXPECT_EQ(some.rules[i].status, full.rules[i].status) << name << " " << full.rules[i].id;
        EXPECT_EQ(all.rules[i].status, full.rules[i].status) << name << " " << full.rules[i].id;
        EXPECT_EQ(all.rules[i].rule, full.rules[i].rule) << name << " " << full.rules[i].id;
        if (chosen[i]) {
          EXPECT_EQ(some.rules[i].explanation, full.rules[i].explanation) << name << " " << full.rules[i].id;
          EXPECT_EQ(some.rules[i].facts.size(), full.rules[i].facts.size()) << name << " " << full.rules[i].id;
          EXPECT_EQ(only.rules[i].status, full.rules[i].status) << name << " " << full.rules[i].id;
          explained += !full.rules[i].explanation.empty();
        } else {
          EXPECT_TRUE(some.rules[i].explanation.empty()) << name << " " << full.rules[i].id;
          EXPECT_EQ(only.rules[i].status, eval::RuleStatus::NotApplicable);
          EXPECT_EQ(only.rules[i].rule, nullptr);  // decides nothing
        }
      }
    }
  }
  EXPECT_GT(cases, 100u);
  EXPECT_GT(explained, 1000u);
}

// The CLI's workers refill one result dossier after dossier: nothing of a previous dossier
// may stay in it. Every case, at every level of detail, in two orders, against a fresh result.
TEST(Engine, AResultRefilledDossierAfterDossierEqualsAFreshOne) {
  const auto engine = real_engine();
  Engine::Scratch scratch = engine->scratch();
  io::DossierReader reader(engine->shared_schema());
  std::vector<std::pair<std::string, io::Dossier>> dossiers;
  for (const auto& entry : fs::directory_iterator(kCases)) {
    const std::string name = entry.path().filename().string();
    if (!name.ends_with(".json") || name.ends_with(".attendu.json")) continue;
    io::ReadOutcome read = reader.read(slurp(entry.path()), name);
    if (read.dossier) dossiers.emplace_back(name, std::move(*read.dossier));
  }
  std::sort(dossiers.begin(), dossiers.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  ASSERT_GT(dossiers.size(), 100u);
  const auto same_facts = [](const std::vector<eval::Fact>& a, const std::vector<eval::Fact>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (a[i].path != b[i].path || a[i].value != b[i].value) return false;
    }
    return true;
  };
  std::size_t compared = 0;
  for (const eval::Detail detail : {eval::Detail::Full, eval::Detail::Failures, eval::Detail::None}) {
    for (int pass = 0; pass < 2; ++pass) {
      eval::DossierResult reused;
      for (const auto& [name, dossier] : dossiers) {
        engine->check(dossier, scratch, detail, reused);
        const eval::DossierResult fresh = engine->check(dossier, scratch, detail);
        EXPECT_EQ(reused.id, fresh.id) << name;
        EXPECT_EQ(reused.verdict, fresh.verdict) << name;
        EXPECT_EQ(reused.missing, fresh.missing) << name;
        EXPECT_EQ(reused.unknown_fields, fresh.unknown_fields) << name;
        ASSERT_EQ(reused.rules.size(), fresh.rules.size()) << name;
        for (std::size_t i = 0; i < fresh.rules.size(); ++i) {
          const eval::RuleOutcome& r = reused.rules[i];
          const eval::RuleOutcome& f = fresh.rules[i];
          EXPECT_EQ(r.id, f.id) << name;
          EXPECT_EQ(r.rule, f.rule) << name << " " << f.id;
          EXPECT_EQ(r.status, f.status) << name << " " << f.id;
          EXPECT_EQ(r.explanation, f.explanation) << name << " " << f.id;
          EXPECT_TRUE(same_facts(r.facts, f.facts)) << name << " " << f.id;
          EXPECT_EQ(r.missing, f.missing) << name << " " << f.id;
          EXPECT_EQ(r.possible_versions, f.possible_versions) << name << " " << f.id;
          EXPECT_EQ(r.caveats, f.caveats) << name << " " << f.id;
          ++compared;
        }
      }
      std::reverse(dossiers.begin(), dossiers.end());
    }
  }
  EXPECT_GT(compared, 10000u);
}

// A result outlives the engine that made it (a server reloading its rules).
TEST(Engine, ResultsStayValidAfterTheEngineIsReplaced) {
  auto engine = real_engine();
  Engine::Scratch scratch = engine->scratch();
  std::optional<eval::DossierResult> kept = engine->check(slurp(kCases / "er-de-2006.json"), scratch).result;
  ASSERT_TRUE(kept);
  scratch = real_engine()->scratch();
  engine = real_engine();  // the first engine is gone
  for (const eval::RuleOutcome& outcome : kept->rules) {
    ASSERT_NE(outcome.rule, nullptr);
    EXPECT_FALSE(outcome.rule->title.empty());
    EXPECT_FALSE(std::string(outcome.id).empty());
    EXPECT_FALSE(outcome.rule->citation().empty());
  }
}

TEST(Engine, OneEngineChecksFromSeveralThreadsWithTheSameResults) {
  const auto engine = real_engine();
  std::vector<std::string> texts;
  for (const auto& entry : fs::directory_iterator(kCases)) {
    const std::string name = entry.path().filename().string();
    if (name.ends_with(".json") && !name.ends_with(".attendu.json")) texts.push_back(slurp(entry.path()));
  }
  Engine::Scratch scratch = engine->scratch();
  std::vector<std::string> expected;
  for (const std::string& t : texts) {
    const Checked c = engine->check(t, scratch);
    expected.push_back(c.result ? std::string(eval::verdict_code(c.result->verdict)) : "erreur");
  }
  std::vector<std::vector<std::string>> got(4);
  std::vector<std::thread> threads;
  for (std::size_t k = 0; k < got.size(); ++k) {
    threads.emplace_back([&, k] {
      Engine::Scratch own = engine->scratch();
      for (int round = 0; round < 3; ++round) {
        for (const std::string& t : texts) {
          const Checked c = engine->check(t, own);
          if (round == 0) got[k].push_back(c.result ? std::string(eval::verdict_code(c.result->verdict)) : "erreur");
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const auto& g : got) EXPECT_EQ(g, expected);
}

TEST(Engine, FingerprintIsTheSameWhereverTheBaseIsAndChangesWithAnyFile) {
  const auto engine = real_engine();
  const std::string original = engine->receipt().fingerprint;
  ASSERT_EQ(original.rfind("sha256:", 0), 0u);
  EXPECT_EQ(original.size(), 7u + 64u);

  const fs::path copy = copy_of_rules("empreinte");
  EXPECT_EQ(Engine::load({copy, {}}).engine->receipt().fingerprint, original);

  {  // a table
    std::ofstream(copy / "tables" / "fonctions-04.csv", std::ios::app) << "";
    std::string table = slurp(copy / "tables" / "natures-par-exercice.csv");
    std::ofstream(copy / "tables" / "natures-par-exercice.csv", std::ios::trunc)
        << table << "M14,2022,99999,oui,autre\n";
  }
  const auto with_row = Engine::load({copy, {}});
  ASSERT_TRUE(with_row.engine) << "the row added must keep the table loadable";
  const std::string after_table = with_row.engine->receipt().fingerprint;
  EXPECT_NE(after_table, original);

  {  // a rule file (a comment is a change of the text)
    std::ofstream(copy / "neutralite.regles", std::ios::app) << "# commentaire\n";
  }
  const std::string after_rule = Engine::load({copy, {}}).engine->receipt().fingerprint;
  EXPECT_NE(after_rule, after_table);

  {  // the schema
    std::string schema = slurp(copy / "dossier.schema.json");
    schema.insert(schema.rfind('}'), " ");
    std::ofstream(copy / "dossier.schema.json", std::ios::trunc) << schema;
  }
  EXPECT_NE(Engine::load({copy, {}}).engine->receipt().fingerprint, after_rule);
  fs::remove_all(copy);
}

TEST(Engine, BrokenBaseGivesDiagnosticsNotAnEngine) {
  TextSources sources;
  sources.schema_text = slurp(kRules / "dossier.schema.json");
  sources.files = {{"base.regles", "règle a\n  titre \"t\"\n  exige vrai\nfin\n"}};
  const Loaded loaded = Engine::load(sources);
  EXPECT_FALSE(loaded.ok());
  EXPECT_FALSE(loaded.diagnostics.empty());
  EXPECT_NE(loaded.format_errors().find("base.regles:"), std::string::npos) << loaded.format_errors();
}

TEST(Engine, BadSchemaIsAnErrorValue) {
  TextSources sources;
  sources.schema_text = "{\"type\": \"object\",}";
  const Loaded loaded = Engine::load(sources);
  EXPECT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error.find("schéma"), std::string::npos) << loaded.error;
}

TEST(Engine, MissingFolderIsAnErrorValue) {
  const Loaded loaded = Engine::load({"/nonexistent/rules", {}});
  EXPECT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error.find("introuvable"), std::string::npos);
}

TEST(Engine, ReceiptNamesTheVersionAndTheCommit) {
  const auto engine = real_engine();
  EXPECT_EQ(engine->receipt().version, engine_version());
  EXPECT_FALSE(engine->receipt().commit.empty());
  EXPECT_FALSE(engine_compiler().empty());
}

}  // namespace
}  // namespace subsidia::api
