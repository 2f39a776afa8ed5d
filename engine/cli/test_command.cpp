// `subsidia test [--regles DIR] [--couverture] [PATH...]`: runs the cases (NAME.json beside
// NAME.attendu.json, searched recursively; default <source dir>/cases) and compares, rule
// by rule. Ends with the line "N passed, M failed" (cases), then, as `check` ends, the receipt:
// "Moteur subsidia 0.2.0 (commit …), base de règles sha256:…", the engine and the base the
// cases ran against (after the « ÉCHEC base » line of --sans-avertissement, if any). Exit 0
// all passed, 1 a mismatch or incomplete coverage, 2 a rule-base error or an unreadable case.
#include <CLI/App.hpp>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "testing/case_comparison.hpp"
#include "testing/case_files.hpp"
#include "output/check_format.hpp"
#include "output/french_count.hpp"
#include "cli/command.hpp"
#include "testing/coverage.hpp"
#include "cli/paths.hpp"
#include "cli/rule_loading.hpp"
#include "io/reader.hpp"

namespace subsidia::cli {

// The layers this command is a thin shell over.
using namespace subsidia::testing;

namespace {

struct TestOptions {
  RuleOptions rules;
  bool coverage = false;
  bool accept = false;
  bool no_warning = false;  // --sans-avertissement: a base with warnings fails
  std::vector<std::string> paths;
};

std::optional<std::string> read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return std::move(text).str();
}

int run_test(const TestOptions& options) {
  std::optional<LoadedRules> rules = load_rules(options.rules, std::cerr);
  if (!rules) return kExitError;

  std::vector<std::filesystem::path> roots(options.paths.begin(), options.paths.end());
  if (roots.empty()) roots.push_back(default_cases_dir());
  std::vector<std::string> discovery_errors;
  const std::vector<CaseFile> cases = find_cases(roots, discovery_errors, options.accept);
  bool unreadable = !discovery_errors.empty();
  for (const std::string& error : discovery_errors) std::cerr << "erreur : " << error << '\n';
  if (cases.empty() && discovery_errors.empty()) {
    std::cerr << "erreur : aucun cas (*.attendu.json) trouvé ; pour commencer un dossier de cas, "
                 "subsidia test --accepter DOSSIER écrit le résultat attendu de chaque NOM.json\n";
    unreadable = true;
  }

  io::DossierReader reader(rules->schema);
  Coverage coverage(*rules->base);
  std::size_t passed = 0, failed = 0, accepted = 0;
  for (const CaseFile& c : cases) {
    std::string error;
    std::error_code exists_error;
    const bool has_expectation = std::filesystem::exists(c.expected, exists_error);
    std::optional<CaseExpectation> expected;
    if (!has_expectation) {
      // A new case: without --accepter it fails (a case nobody checks is no test); with it,
      // its result is shown and written, to be read before committing.
      expected = CaseExpectation{};
    } else {
      expected = read_expectation(c.expected, error);
    }
    if (!expected) {
      std::cout << "ERREUR " << c.name << " : " << c.expected.string() << " : " << error << '\n';
      std::cerr << c.expected.string() << ": erreur : " << error << '\n';
      unreadable = true;
      ++failed;
      continue;
    }
    std::optional<std::string> text = read_text(c.dossier);
    if (!text) {
      std::cout << "ERREUR " << c.name << " : " << c.dossier.string() << " : dossier introuvable ou illisible\n";
      std::cerr << c.dossier.string() << ": erreur : dossier introuvable ou illisible\n";
      unreadable = true;
      ++failed;
      continue;
    }
    io::ReadOutcome read = reader.read(*text, c.dossier.string());
    if (!read.dossier) {
      for (const io::InputError& e : read.errors) {
        std::cout << "ERREUR " << c.name << " : " << e.file << (e.line ? ":" + std::to_string(e.line) : "")
                  << ": " << (e.json_path.empty() ? "" : e.json_path + " : ") << e.message << '\n';
      }
      std::cerr << c.dossier.string() << ": erreur : dossier illisible\n";
      unreadable = true;
      ++failed;
      continue;
    }
    const eval::DossierResult result = rules->plan->evaluate(*read.dossier);
    coverage.record(result);
    if (!has_expectation) {
      std::cout << "ÉCHEC " << c.name << " : pas de résultat attendu (" << c.expected.filename().string()
                << ") ; verdict obtenu : " << eval::verdict_code(result.verdict)
                << " ; relire le résultat (subsidia check --detail) puis l'écrire, ou le faire écrire par "
                   "--accepter\n";
    }
    const std::vector<Mismatch> mismatches =
        has_expectation ? compare_case(*expected, result, *rules->base) : std::vector<Mismatch>{};
    if (has_expectation && mismatches.empty()) {
      ++passed;
      continue;
    }
    ++failed;
    for (const Mismatch& m : mismatches) std::cout << format_mismatch(c.name, m);
    if (options.accept) {
      // The difference is shown above; the new results become the expected ones.
      std::string write_error;
      if (write_expectation(c.expected, result, write_error)) {
        ++accepted;
        std::cout << "ACCEPTÉ " << c.name << " : " << c.name << ".attendu.json " << (has_expectation ? "mis à jour" : "écrit")
                  << '\n';
      } else {
        std::cerr << c.expected.string() << ": erreur : " << write_error << '\n';
        unreadable = true;
      }
    }
  }

  bool coverage_failed = false;
  if (options.coverage) {
    std::cout << coverage.format();
    coverage_failed = !coverage.complete();
  }
  if (options.accept) {
    std::cout << accepted << (accepted > 1 ? " résultats attendus mis à jour" : " résultat attendu mis à jour")
              << " : relire la différence (git diff) avant de valider\n";
    failed -= accepted;
    passed += accepted;
  }
  std::cout << passed << " passed, " << failed << " failed" << std::endl;
  // The warnings were printed when the base loaded; here they decide, when asked to.
  const bool warnings_failed = options.no_warning && rules->warnings > 0;
  if (warnings_failed) {
    std::cout << "ÉCHEC base : " << output::counted(rules->warnings, "avertissement", "avertissements")
              << " au chargement (--sans-avertissement), détaillés sur la sortie d'erreur\n";
  }
  // What the verdicts were obtained with, as `check` names it (review: the run said which
  // cases passed, not under which engine and which base).
  std::string receipt;
  output::append_receipt_text(receipt, rules->engine->receipt());
  std::cout << receipt << std::flush;
  if (unreadable) return kExitError;
  if (failed > 0 || coverage_failed || warnings_failed) return kExitFindings;
  return kExitOk;
}

}  // namespace

Runner register_test_command(CLI::App& app) {
  auto options = std::make_shared<TestOptions>();
  CLI::App* command = app.add_subcommand(
      "test", "Rejoue les cas (NOM.json + NOM.attendu.json) et compare verdicts et statuts, règle par règle.");
  add_rule_options(*command, options->rules);
  command->add_flag("--couverture", options->coverage,
                    "Vérifie aussi que chaque règle est respectée par un cas et violée par un autre");
  command->add_flag("--accepter", options->accept,
                    "Après avoir affiché chaque différence, fait des résultats obtenus les résultats attendus "
                    "(réécrit les NOM.attendu.json concernés) : pour un changement voulu de la base");
  command->add_flag("--sans-avertissement", options->no_warning,
                    "Échoue (code 1) si la base se charge avec des avertissements (source citée par aucune "
                    "règle, règle déclarée dans deux fichiers, période réduite à celle des sources)");
  command->add_option("PATH", options->paths,
                      "Cas ou dossiers de cas, cherchés récursivement. Par défaut : " +
                          default_cases_dir().string());
  command->footer(
      "Un cas : NOM.json (un dossier) et, à côté, NOM.attendu.json :\n"
      "  {\"verdict\": \"non_conforme\",\n"
      "   \"regles\": {\"base_legale.action_exterieure\": \"violee\", ...},\n"
      "   \"manquants\": {\"conventions.transmission_prefet\": [\"convention.date_transmission_prefet\"]}}\n"
      "\"regles\" liste toute règle dont le statut n'est pas sans_objet ; \"manquants\" est facultatif.\n"
      "\n"
      "Exemples :\n"
      "  subsidia test\n"
      "  subsidia test --couverture cases/base-legale\n"
      "  subsidia test --regles ma-base --accepter   # après un changement voulu, relu\n"
      "\n"
      "Le compte « N passed, M failed » vient en fin, suivi de la ligne du moteur et de l'empreinte de\n"
      "la base (« Moteur subsidia … (commit …), base de règles sha256:… »), comme pour check.\n"
      "Code de sortie : 0 si tout passe ; 1 si un cas échoue ou si la couverture est incomplète ;\n"
      "2 si la base de règles ou un cas est illisible.");
  return [options] { return run_test(*options); };
}

}  // namespace subsidia::cli
