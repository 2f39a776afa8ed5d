#include "cli_fixture.hpp"

#include <fstream>
#include <random>

namespace subsidia::testing {

namespace fs = std::filesystem;

const char* const CliTest::kRules = R"(# Base de test du CLI
source LOI_TEST
  intitulé "Loi de test, art. 1"
  en vigueur à toute date
fin

règle montant.positif
  titre "Montant strictement positif"
  source LOI_TEST
  gravité bloquante
  exige montant > 0 €
  si violée "Le montant n'est pas positif."
fin

règle deliberation.recente
  titre "Délibération postérieure à 2000"
  source LOI_TEST
  gravité bloquante
  s'applique si type_intervention = "subvention"
  exige deliberation.date >= 2000-01-01
fin

règle beneficiaire.identifie
  titre "Bénéficiaire identifié"
  source LOI_TEST
  gravité avertissement
  exige beneficiaire existe
fin
)";

void CliTest::SetUp() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::random_device random;
  dir_ = fs::path(::testing::TempDir()) /
         ("subsidia-cli-" + std::string(info->test_suite_name()) + "-" + info->name() + "-" +
          std::to_string(random()));
  fs::create_directories(dir_);
  write("rules/base.regles", kRules);
}

void CliTest::TearDown() {
  if (!HasFailure()) {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
}

fs::path CliTest::write(const std::string& relative, const std::string& text) const {
  const fs::path path = dir_ / relative;
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
  return path;
}

ProcessResult CliTest::run(const std::vector<std::string>& args) const {
  std::vector<std::string> argv{SUBSIDIA_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, dir_);
}

nlohmann::json CliTest::dossier(const std::string& id, const std::function<void(nlohmann::json&)>& edit) {
  nlohmann::json d = {
      {"id", id},
      {"exercice", 2012},
      {"collectivite", {{"nom", "Région Test"}, {"categorie", "region"}}},
      {"objet", "Coopération décentralisée de test"},
      {"type_intervention", "subvention"},
      {"montant", "1000.00"},
      {"deliberation", {{"organe", "assemblee"}, {"date", "2012-03-01"}}},
      {"beneficiaire", {{"nom", "Association test"}, {"categorie", "association"}}},
  };
  if (edit) edit(d);
  return d;
}

nlohmann::json CliTest::non_compliant(const std::string& id) {
  return dossier(id, [](nlohmann::json& d) { d["montant"] = "0.00"; });
}

nlohmann::json CliTest::incomplete(const std::string& id) {
  return dossier(id, [](nlohmann::json& d) { d.erase("deliberation"); });
}

}  // namespace subsidia::testing
