#include "testing/coverage.hpp"

#include <algorithm>

namespace subsidia::testing {

namespace {

// Columns on a terminal: UTF-8 code points, not bytes ("règle" is five wide).
std::size_t display_width(const std::string& text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

Coverage::Coverage(const model::RuleBase& base) : base_(&base) {
  for (const model::RuleFamily& family : base.families) {
    index_.emplace(family.id, rows_.size());
    rows_.push_back({family.id});
    for (const model::Rule& version : family.versions) exercised_[&version] = false;
  }
}

std::vector<std::string> Coverage::unexercised_versions() const {
  std::vector<std::string> out;
  for (const model::RuleFamily& family : base_->families) {
    for (const model::Rule& version : family.versions) {
      auto found = exercised_.find(&version);
      if (found != exercised_.end() && !found->second) {
        out.push_back(family.id + " (" + model::period_french(version.period) + ")");
      }
    }
  }
  return out;
}

void Coverage::record(const eval::DossierResult& result) {
  for (const eval::RuleOutcome& outcome : result.rules) {
    auto found = index_.find(outcome.id);
    if (found == index_.end()) continue;
    Row& row = rows_[found->second];
    row.respected |= outcome.status == eval::RuleStatus::Respected;
    row.violated |= outcome.status == eval::RuleStatus::Violated;
    // A version is exercised when a case was judged by it (not when no date chose it).
    if (outcome.rule != nullptr && outcome.possible_versions.empty() &&
        outcome.status != eval::RuleStatus::NotApplicable) {
      exercised_[outcome.rule] = true;
    }
  }
}

bool Coverage::complete() const {
  return std::all_of(rows_.begin(), rows_.end(), [](const Row& r) { return r.respected && r.violated; }) &&
         unexercised_versions().empty();
}

std::string Coverage::format() const {
  std::size_t width = 5;
  for (const Row& row : rows_) width = std::max(width, display_width(row.rule));
  auto pad = [&](const std::string& text) { return text + std::string(width - display_width(text) + 2, ' '); };

  std::string out = "Couverture des règles par les cas\n";
  out += pad("règle") + "respectée  violée\n";
  std::vector<std::string> never_respected, never_violated;
  for (const Row& row : rows_) {
    out += pad(row.rule) + (row.respected ? "oui        " : "NON        ") + (row.violated ? "oui" : "NON") + "\n";
    if (!row.respected) never_respected.push_back(row.rule);
    if (!row.violated) never_violated.push_back(row.rule);
  }
  auto list = [&](const char* title, const std::vector<std::string>& rules) {
    if (rules.empty()) return;
    out += title;
    for (std::size_t i = 0; i < rules.size(); ++i) out += (i ? ", " : "") + rules[i];
    out += '\n';
  };
  list("Jamais respectées par un cas : ", never_respected);
  list("Jamais violées par un cas : ", never_violated);
  list("Versions qu'aucun cas n'atteint (aucun dossier jugé par elles) : ", unexercised_versions());
  if (complete()) {
    out += "Couverture complète : chaque règle est respectée et violée par au moins un cas, et chaque version "
           "juge au moins un cas.\n";
  }
  return out;
}

}  // namespace subsidia::testing
