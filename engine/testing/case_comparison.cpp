#include "testing/case_comparison.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace subsidia::testing {

namespace {

std::string join(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    out += items[i];
  }
  return out + "]";
}

}  // namespace

std::vector<Mismatch> compare_case(const CaseExpectation& expected, const eval::DossierResult& obtained,
                                   const model::RuleBase& base) {
  std::vector<Mismatch> mismatches;
  if (expected.verdict != obtained.verdict) {
    mismatches.push_back({"", std::string(eval::verdict_code(expected.verdict)),
                          std::string(eval::verdict_code(obtained.verdict)), "", "verdict"});
  }

  std::map<std::string_view, const eval::RuleOutcome*> by_id;
  for (const eval::RuleOutcome& outcome : obtained.rules) by_id.emplace(outcome.id, &outcome);
  std::set<std::string_view> known;
  for (const model::RuleFamily& family : base.families) known.insert(family.id);

  // Rule-base order for the obtained rules, then the unknown expected ones.
  for (const eval::RuleOutcome& outcome : obtained.rules) {
    auto listed = expected.rules.find(std::string(outcome.id));
    if (listed == expected.rules.end()) {
      if (outcome.status != eval::RuleStatus::NotApplicable) {
        mismatches.push_back({std::string(outcome.id), "", std::string(eval::status_code(outcome.status)),
                              outcome.explanation, "non attendue"});
      }
    } else if (listed->second != outcome.status) {
      mismatches.push_back({std::string(outcome.id), std::string(eval::status_code(listed->second)),
                            std::string(eval::status_code(outcome.status)), outcome.explanation, "statut"});
    }
  }
  for (const auto& [id, status] : expected.rules) {
    if (!known.count(id)) {
      mismatches.push_back({id, std::string(eval::status_code(status)), "", "", "inconnue de la base"});
    } else if (!by_id.count(id)) {
      mismatches.push_back({id, std::string(eval::status_code(status)), "(non évaluée)", "", "statut"});
    }
  }

  for (const auto& [id, paths] : expected.missing) {
    auto found = by_id.find(id);
    if (found == by_id.end()) {
      if (!known.count(id)) mismatches.push_back({id, join(paths), "", "", "inconnue de la base"});
      continue;
    }
    std::vector<std::string> want = paths, got = found->second->missing;
    std::sort(want.begin(), want.end());
    want.erase(std::unique(want.begin(), want.end()), want.end());
    std::sort(got.begin(), got.end());
    got.erase(std::unique(got.begin(), got.end()), got.end());
    if (want != got) {
      mismatches.push_back({id, join(want), join(got), found->second->explanation, "manquants"});
    }
  }
  return mismatches;
}

std::string format_mismatch(const std::string& case_name, const Mismatch& m) {
  std::string out = "ÉCHEC " + case_name + " : ";
  if (m.reason == "verdict") {
    out += "verdict attendu " + m.expected + ", obtenu " + m.obtained + "\n";
    return out;
  }
  out += "règle " + m.rule + " : ";
  if (m.reason == "non attendue") {
    out += "non attendue (obtenu " + m.obtained + ", attendu sans_objet ou absente de l'attendu)";
  } else if (m.reason == "inconnue de la base") {
    out += "inconnue de la base (attendu " + m.expected + ")";
  } else if (m.reason == "manquants") {
    out += "manquants attendus " + m.expected + ", obtenus " + m.obtained;
  } else {
    out += "attendu " + m.expected + ", obtenu " + m.obtained;
  }
  out += '\n';
  if (!m.explanation.empty()) out += "      explication obtenue : " + m.explanation + "\n";
  return out;
}

}  // namespace subsidia::testing
