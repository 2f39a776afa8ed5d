#include "support/kit_verdicts.hpp"

#include <algorithm>
#include <fstream>

#include "output/json_writer.hpp"

namespace subsidia::bench {

std::optional<KitRuleMap> KitRuleMap::from_base(const model::RuleBase& base, std::string& missing) {
  KitRuleMap map;
  for (std::size_t r = 0; r < kKitRules.size(); ++r) {
    auto it = std::find_if(base.families.begin(), base.families.end(),
                           [&](const model::RuleFamily& f) { return f.id == kKitRules[r]; });
    if (it == base.families.end()) {
      missing = std::string(kKitRules[r]);
      return std::nullopt;
    }
    map.family_index_[r] = static_cast<std::size_t>(it - base.families.begin());
  }
  return map;
}

KitVerdict KitRuleMap::verdict(const eval::DossierResult& result, std::size_t kit_rule) const {
  const std::size_t index = family_index_[kit_rule];
  if (index >= result.rules.size()) return KitVerdict::Indeterminate;
  switch (result.rules[index].status) {
    case eval::RuleStatus::Respected:
    case eval::RuleStatus::NotApplicable: return KitVerdict::Pass;
    case eval::RuleStatus::Violated: return KitVerdict::Fail;
    case eval::RuleStatus::Unknown: return KitVerdict::Indeterminate;
  }
  return KitVerdict::Indeterminate;
}

void KitVerdicts::resize(std::size_t dossiers) {
  ids.assign(dossiers, std::string());
  cells.assign(dossiers * kKitRules.size(), KitVerdict::ReadError);
}

std::array<std::size_t, 7> KitVerdicts::fails_per_rule() const {
  std::array<std::size_t, 7> fails{};
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (cells[i] != KitVerdict::Pass) ++fails[i % kKitRules.size()];
  }
  return fails;
}

std::size_t KitVerdicts::count(KitVerdict verdict) const {
  return static_cast<std::size_t>(std::count(cells.begin(), cells.end(), verdict));
}

bool KitVerdicts::write_jsonl(const std::filesystem::path& file) const {
  std::error_code ec;
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  if (!out) return false;
  std::string line;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    line.clear();
    line += '{';
    output::json::append_key(line, "id");
    output::json::append_string(line, ids[i]);
    for (std::size_t r = 0; r < kKitRules.size(); ++r) {
      line += ',';
      output::json::append_key(line, kKitRules[r]);
      switch (cells[i * kKitRules.size() + r]) {
        case KitVerdict::Pass: line += "\"pass\""; break;
        case KitVerdict::Fail: line += "\"fail\""; break;
        case KitVerdict::Indeterminate: line += "\"indeterminee\""; break;
        case KitVerdict::ReadError: line += "\"erreur\""; break;
      }
    }
    line += "}\n";
    out << line;
  }
  return static_cast<bool>(out.flush());
}

}  // namespace subsidia::bench
