#include "testing/case_files.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <system_error>

namespace subsidia::testing {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kExpectedSuffix = ".attendu.json";

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// A case's name for messages: its path without extension, relative to the working folder
// when it is below it ("cases/er-de-2006"), as given otherwise.
std::string display_name(const std::string& stem) {
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  const fs::path absolute = fs::absolute(stem, ec);
  if (!ec) {
    const fs::path relative = absolute.lexically_relative(cwd);
    if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
  }
  return stem;
}

CaseFile case_from_expected(const fs::path& expected) {
  const std::string full = expected.string();
  const std::string stem = full.substr(0, full.size() - kExpectedSuffix.size());
  return CaseFile{fs::path(stem + ".json"), expected, display_name(stem)};
}

}  // namespace

std::optional<eval::RuleStatus> status_from_code(std::string_view code) {
  for (auto status : {eval::RuleStatus::Respected, eval::RuleStatus::Violated, eval::RuleStatus::Unknown,
                      eval::RuleStatus::NotApplicable}) {
    if (eval::status_code(status) == code) return status;
  }
  return std::nullopt;
}

std::optional<eval::Verdict> verdict_from_code(std::string_view code) {
  for (auto verdict : {eval::Verdict::Compliant, eval::Verdict::NonCompliant, eval::Verdict::Incomplete}) {
    if (eval::verdict_code(verdict) == code) return verdict;
  }
  return std::nullopt;
}

std::vector<CaseFile> find_cases(const std::vector<fs::path>& roots, std::vector<std::string>& errors, bool new_cases) {
  std::vector<CaseFile> cases;
  for (const fs::path& root : roots) {
    std::error_code ec;
    if (fs::is_directory(root, ec)) {
      std::vector<fs::path> found;
      std::vector<fs::path> dossiers;  // NAME.json files, to find those without NAME.attendu.json
      for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        const std::string name = it->path().filename().string();
        if (ends_with(name, kExpectedSuffix)) {
          found.push_back(it->path());
        } else if (ends_with(name, ".json")) {
          dossiers.push_back(it->path());
        }
      }
      if (ec) errors.push_back(root.string() + " : dossier illisible : " + ec.message());
      const fs::path root_folder = (root / "x").parent_path().lexically_normal();  // "cases/" as "cases"
      // A dossier in a folder of cases without its expected result is a case nobody checks:
      // it is listed (and fails) rather than silently skipped. Folders with no expected file
      // at all (a set of dossiers for the jaune) are not folders of cases.
      for (const fs::path& dossier : dossiers) {
        const std::string full = dossier.string();
        const fs::path expected = full.substr(0, full.size() - 5) + std::string(kExpectedSuffix);
        if (std::find(found.begin(), found.end(), expected) != found.end()) continue;
        // With `new_cases`, the folder named on the command line is one of cases; its subfolders
        // still need an expected file to count (cases/jaune-2012 is a set of dossiers).
        const bool named_folder = new_cases && dossier.parent_path().lexically_normal() == root_folder;
        const bool folder_of_cases = named_folder || std::any_of(found.begin(), found.end(), [&](const fs::path& e) {
          return e.parent_path() == dossier.parent_path();
        });
        if (folder_of_cases) found.push_back(expected);
      }
      std::sort(found.begin(), found.end());
      for (const fs::path& expected : found) cases.push_back(case_from_expected(expected));
    } else if (fs::is_regular_file(root, ec)) {
      const std::string name = root.string();
      if (ends_with(name, kExpectedSuffix)) {
        cases.push_back(case_from_expected(root));
      } else if (ends_with(name, ".json")) {
        cases.push_back(case_from_expected(fs::path(name.substr(0, name.size() - 5) + std::string(kExpectedSuffix))));
      } else {
        errors.push_back(name + " : ni un cas (NOM.json) ni un résultat attendu (NOM.attendu.json)");
      }
    } else {
      errors.push_back(root.string() + " : introuvable");
    }
  }
  return cases;
}

std::optional<CaseExpectation> read_expectation(const fs::path& file, std::string& error) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    error = "fichier illisible";
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(text.str());
  } catch (const nlohmann::json::parse_error& e) {
    error = std::string("JSON invalide : ") + e.what();
    return std::nullopt;
  }
  if (!document.is_object()) {
    error = "un objet JSON est attendu";
    return std::nullopt;
  }

  CaseExpectation expectation;
  auto verdict = document.find("verdict");
  if (verdict == document.end() || !verdict->is_string()) {
    error = "\"verdict\" manquant (conforme, non_conforme ou incomplet)";
    return std::nullopt;
  }
  auto parsed_verdict = verdict_from_code(verdict->get<std::string>());
  if (!parsed_verdict) {
    error = "verdict inconnu : " + verdict->get<std::string>() + " (conforme, non_conforme ou incomplet)";
    return std::nullopt;
  }
  expectation.verdict = *parsed_verdict;

  auto rules = document.find("regles");
  if (rules == document.end() || !rules->is_object()) {
    error = "\"regles\" manquant : un objet {\"id.de.regle\": \"statut\"} est attendu";
    return std::nullopt;
  }
  for (auto it = rules->begin(); it != rules->end(); ++it) {
    if (!it->is_string()) {
      error = "/regles/" + it.key() + " : un statut (texte) est attendu";
      return std::nullopt;
    }
    auto status = status_from_code(it->get<std::string>());
    if (!status) {
      error = "/regles/" + it.key() + " : statut inconnu : " + it->get<std::string>() +
              " (respectee, violee, indeterminee ou sans_objet)";
      return std::nullopt;
    }
    expectation.rules.emplace(it.key(), *status);
  }

  auto missing = document.find("manquants");
  if (missing != document.end()) {
    if (!missing->is_object()) {
      error = "\"manquants\" : un objet {\"id.de.regle\": [\"chemin\", ...]} est attendu";
      return std::nullopt;
    }
    for (auto it = missing->begin(); it != missing->end(); ++it) {
      if (!it->is_array() || !std::all_of(it->begin(), it->end(), [](const auto& p) { return p.is_string(); })) {
        error = "/manquants/" + it.key() + " : une liste de chemins est attendue";
        return std::nullopt;
      }
      std::vector<std::string> paths;
      for (const auto& p : *it) paths.push_back(p.get<std::string>());
      expectation.missing.emplace(it.key(), std::move(paths));
    }
  }
  return expectation;
}

bool write_expectation(const fs::path& file, const eval::DossierResult& obtained, std::string& error) {
  nlohmann::json document = nlohmann::json::object();
  {
    std::ifstream in(file, std::ios::binary);
    if (in) {
      std::ostringstream text;
      text << in.rdbuf();
      nlohmann::json previous = nlohmann::json::parse(text.str(), nullptr, false);
      if (previous.is_object()) document = std::move(previous);
    }
  }
  document["verdict"] = std::string(eval::verdict_code(obtained.verdict));
  nlohmann::json rules = nlohmann::json::object();
  nlohmann::json missing = nlohmann::json::object();
  for (const eval::RuleOutcome& outcome : obtained.rules) {
    if (outcome.status == eval::RuleStatus::NotApplicable) continue;
    rules[std::string(outcome.id)] = std::string(eval::status_code(outcome.status));
    if (outcome.status == eval::RuleStatus::Unknown && !outcome.missing.empty()) missing[std::string(outcome.id)] = outcome.missing;
  }
  document["regles"] = std::move(rules);
  if (missing.empty()) {
    document.erase("manquants");
  } else {
    document["manquants"] = std::move(missing);
  }
  const fs::path temporary = file.string() + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << document.dump(2) << '\n';
    if (!out.flush()) {
      error = "écriture impossible : " + temporary.string();
      std::error_code ignored;
      fs::remove(temporary, ignored);
      return false;
    }
  }
  std::error_code ec;
  fs::rename(temporary, file, ec);
  if (ec) {
    error = "remplacement impossible : " + ec.message();
    fs::remove(temporary, ec);
    return false;
  }
  return true;
}

}  // namespace subsidia::testing
